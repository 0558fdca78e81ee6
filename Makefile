# The two commands: `make run` and `make test`. Everything else is a helper of theirs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
LOCK   := requirements.lock

.PHONY: run test lint typecheck importlint unit translations lock bench clean system-deps dist-linux

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

# Runtime install: the app and its pinned dependencies.
$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml $(LOCK)
	$(PIP) install -c $(LOCK) -e .
	touch $@

# Development install: also the dev extras (pytest, ruff, mypy, import-linter) and the reference
# server's dependencies (its tests run in the same suite), and PyInstaller (a test builds the bundle).
$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install -c $(LOCK) -e '.[dev,server,dist]'
	touch $@

run: $(VENV)/.installed
	$(PY) main.py

# System packages the tests read their results with. Installed only when missing and we are root.
system-deps:
	@bash tools/ensure-system-deps.sh

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .

typecheck: $(VENV)/.installed-dev
	$(VENV)/bin/mypy

importlint: $(VENV)/.installed-dev
	$(VENV)/bin/lint-imports

# The tests run beside a throwaway PostgreSQL cluster on loopback (removed afterwards, also on
# failure): the sync server's tests run on SQLite and on PostgreSQL. Two workers (pytest-xdist):
# a test module stays on one worker (its module-scoped fixtures are built once), slow ones first
# (tests/conftest.py).
# PYTEST_ARGS comes last: PYTEST_ARGS="-n 0" runs everything in one process.
XDIST  := -n 2 --dist loadfile --no-loadscope-reorder
unit: $(VENV)/.installed-dev system-deps
	QT_QPA_PLATFORM=offscreen bash tools/pg-test-cluster.sh $(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

test: lint typecheck importlint unit

# Recompile the Chinese translation after editing resources/translations/*.ts.
translations: $(VENV)/.installed
	$(PY) tools/translations.py update

# Refresh the lock from the ranges in pyproject.toml (run on purpose, commit the result).
lock:
	rm -rf /tmp/branchdesk-lock-venv
	$(PYTHON) -m venv /tmp/branchdesk-lock-venv
	/tmp/branchdesk-lock-venv/bin/pip -q install -e '.[dev,server,dist]'
	/tmp/branchdesk-lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > $(LOCK)

# The Linux installers: PyInstaller one-folder bundle in dist/branchdesk/ and the UOS/Kylin .deb in
# dist/ (version from pyproject.toml). The Windows installer: installer/build_windows.ps1 on Windows.
dist-linux: $(VENV)/.installed-dev system-deps
	$(PY) installer/make_icons.py
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installer/branchdesk.spec
	$(PY) installer/build_deb.py --bundle dist/branchdesk --out dist

bench: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
