"""The Linux installers as IT staff get them: PyInstaller bundle -> .deb -> unpacked -> run.

Builds the one-folder bundle (installer/branchdesk.spec) and the UOS/Kylin .deb
(installer/build_deb.py) into a temporary folder, unpacks the .deb with ``dpkg-deb -x`` into a
temporary root, and runs the bundled program from there (offscreen): ``init`` and ``check``
through its command line, a meeting's minutes written as a PDF (reportlab needs Pillow, which
the bundle once left out), then the window with a screenshot of the setup wizard in which Chinese
must render.
Finally ``makensis`` compiles the Windows installer script against the bundle's layout (the Linux
bundle stands in for the Windows one: same folder layout, ELF files instead of .exe).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "com.branchdesk.zhibu"
PASSPHRASE = "dist passphrase 2026"
CJK = re.compile(r"[\u4e00-\u9fff]")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is missing (tools/ensure-system-deps.sh installs it)")
        pytest.skip(f"{tool} is missing")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("PyInstaller")
    _need("dpkg-deb")
    work = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "installer/make_icons.py", "--out", str(work / "icons")],
                   cwd=ROOT, check=True, capture_output=True)
    env = dict(os.environ, BRANCHDESK_ICONS=str(work / "icons"))
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         "installer/branchdesk.spec"],
        cwd=ROOT, check=True, capture_output=True, env=env, timeout=400,
    )
    bundle = work / "dist" / "branchdesk"
    result = subprocess.run(
        [sys.executable, "installer/build_deb.py", "--bundle", str(bundle), "--out", str(work),
         "--icons", str(work / "icons"), "--compression", "none"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    deb = Path(result.stdout.strip().splitlines()[-1])
    root = work / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    program = root / "opt" / "apps" / APP_ID / "files" / "branchdesk"
    return {"work": work, "bundle": bundle, "deb": deb, "root": root, "icons": work / "icons",
            "program": program}


def _run(program: Path, *args: str, cwd: Path, extra: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"BRANCHDESK_PASSPHRASE", "PYTHONPATH", "PYTHONHOME", "DISPLAY"}}
    env.update({"QT_QPA_PLATFORM": "offscreen", "BRANCHDESK_PASSPHRASE": PASSPHRASE,
                "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **(extra or {})})
    return subprocess.run([str(program), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_deb_follows_the_uos_application_layout(built):
    fields = subprocess.run(["dpkg-deb", "-f", str(built["deb"])], capture_output=True,
                            text=True, check=True).stdout
    assert f"Package: {APP_ID}" in fields
    assert f"Version: {VERSION}" in fields
    for library in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0",
                    "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3"):
        assert re.search(rf"Depends:.*\b{re.escape(library)}\b", fields), library
    app = built["root"] / "opt" / "apps" / APP_ID
    info = json.loads((app / "info").read_text(encoding="utf-8"))
    assert info["appid"] == APP_ID
    assert info["version"] == VERSION
    desktop = (app / "entries" / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec=/opt/apps/{APP_ID}/files/branchdesk" in desktop
    assert "Name[zh_CN]=支部工作台" in desktop
    assert (app / "entries" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    internal = app / "files" / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert (internal / "resources" / "translations" / "branchdesk_zh_CN.qm").is_file()
    assert list((internal / "resources" / "codes").glob("*.csv"))
    assert list((internal / "app" / "storage" / "migrations" / "versions").glob("0001_*.py"))
    assert list(internal.rglob("qtbase_zh_CN.qm"))
    assert list(internal.rglob("libpdfium*"))  # the report centre's preview, and printing
    assert list(internal.rglob("QtPrintSupport*"))
    for unused in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Network.so.6"):
        assert not list(internal.rglob(unused)), unused
    assert not (internal / "server").exists()


def test_bundled_program_runs_init_and_check(built, tmp_path):
    data_dir = tmp_path / "data"
    result = _run(built["program"], "--data-dir", str(data_dir), "init", "--branch-name",
                  "第五党支部", "--branch-code", "BR-5", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "第五党支部" in result.stdout
    assert re.search(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){5}", result.stdout)
    result = _run(built["program"], "--data-dir", str(data_dir), "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout)
    log = (data_dir / "logs" / "branchdesk.log").read_text(encoding="utf-8")
    assert "Running upgrade" in log  # the bundled Alembic scripts were found and applied
    assert " ERROR " not in log


def test_bundled_program_writes_a_pdf(built, tmp_path):
    data_dir = tmp_path / "demo"
    result = _run(built["program"], "--data-dir", str(data_dir), "demo", "--members", "12",
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = _run(built["program"], "--data-dir", str(data_dir), "meetings", "list",
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    meeting_id = result.stdout.splitlines()[0].split("\t")[0]
    target = tmp_path / "minutes.pdf"
    result = _run(built["program"], "--data-dir", str(data_dir), "meetings", "minutes",
                  meeting_id, str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert CJK.search(text)


def test_bundled_window_renders_chinese(built, tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "wizard.png"
    data_dir = tmp_path / "fresh"
    result = _run(built["program"], "--data-dir", str(data_dir), cwd=tmp_path,
                  extra={"BRANCHDESK_QUIT_WHEN_READY": "1", "BRANCHDESK_SCREENSHOT": str(shot)})
    assert result.returncode == 0, result.stderr
    log = (data_dir / "logs" / "branchdesk.log").read_text(encoding="utf-8")
    assert " ERROR " not in log  # the bundled font and both translations were found
    image = QImage(str(shot))
    assert image.width() >= 400
    assert image.height() >= 300
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 500, "the wizard shows (almost) no text"
    keep = os.environ.get("BRANCHDESK_DIST_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


def test_makensis_compiles_the_windows_installer_against_the_bundle(built):
    _need("makensis")
    setup = built["work"] / f"BranchDesk-{VERSION}-setup.exe"
    result = subprocess.run(
        ["makensis", "-V2", f"-DVERSION={VERSION}", f"-DBUNDLE_DIR={built['bundle']}",
         f"-DICON={built['icons'] / 'branchdesk.ico'}", f"-DOUTFILE={setup}", "-DFAST",
         str(ROOT / "installer" / "branchdesk.nsi")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower()
    assert setup.stat().st_size > 50_000_000  # the bundle is inside
