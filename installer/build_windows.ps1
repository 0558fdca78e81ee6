# Build the Windows 10/11 x64 installer: dist\BranchDesk-<version>-setup.exe
#
# On a Windows x64 machine with Python 3.11 or 3.12 (x64, from python.org) and NSIS 3
# (makensis.exe on PATH or in "C:\Program Files (x86)\NSIS"), from the repository's root:
#
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Steps: a fresh venv in .venv-win, the app and PyInstaller pinned by requirements.lock, the icon,
# the PyInstaller bundle (dist\branchdesk\: branchdesk.exe, branchdesk-cli.exe), a smoke test of
# the bundle (init + check in a temporary folder), then makensis with the version of pyproject.toml.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

$python = if ($env:PYTHON) { $env:PYTHON } else { "py -3.11" }
$venv = ".venv-win"
if (-not (Test-Path "$venv\Scripts\python.exe")) {
    Invoke-Expression "$python -m venv $venv"
}
$py = "$venv\Scripts\python.exe"
& $py -m pip install --disable-pip-version-check -q -c requirements.lock -e ".[dist]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$version = & $py -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
Write-Host "BranchDesk $version"

& $py installer\make_icons.py
if ($LASTEXITCODE -ne 0) { throw "icons failed" }
& $py -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller installer\branchdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# Smoke test: the bundled command line creates and checks a database in a temporary folder.
$smoke = Join-Path $env:TEMP ("branchdesk-smoke-" + [guid]::NewGuid())
$env:BRANCHDESK_PASSPHRASE = "smoke test passphrase"
$env:PYTHON_KEYRING_BACKEND = "keyring.backends.null.Keyring"
& dist\branchdesk\branchdesk-cli.exe --data-dir $smoke init --branch-name "冒烟测试党支部" --branch-code SMOKE
if ($LASTEXITCODE -ne 0) { throw "bundle smoke test (init) failed" }
& dist\branchdesk\branchdesk-cli.exe --data-dir $smoke check
if ($LASTEXITCODE -ne 0) { throw "bundle smoke test (check) failed" }
Remove-Item Env:\BRANCHDESK_PASSPHRASE, Env:\PYTHON_KEYRING_BACKEND
Remove-Item -Recurse -Force $smoke

$makensis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
if (-not (Test-Path $makensis)) { throw "makensis.exe not found: install NSIS 3" }
$root = (Get-Location).Path
& $makensis /V2 "/DVERSION=$version" "/DBUNDLE_DIR=$root\dist\branchdesk" `
    "/DICON=$root\build\icons\branchdesk.ico" "/DOUTFILE=$root\dist\BranchDesk-$version-setup.exe" `
    installer\branchdesk.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Host "dist\BranchDesk-$version-setup.exe"
