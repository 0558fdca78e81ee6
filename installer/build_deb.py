"""Build the .deb for 统信 UOS / 麒麟 Kylin from the PyInstaller bundle (dist/branchdesk/).

    python installer/build_deb.py [--bundle dist/branchdesk] [--out dist] [--icons build/icons]

Layout (the UOS/Kylin application store's, also installable with dpkg/apt on any Debian):

    /opt/apps/<appid>/info                                   application description (JSON)
    /opt/apps/<appid>/files/                                 the bundle: branchdesk, _internal/
    /opt/apps/<appid>/entries/applications/<appid>.desktop   the menu entry
    /opt/apps/<appid>/entries/icons/hicolor/<size>/apps/<appid>.png|svg
    /usr/bin/branchdesk                                      a wrapper for the command line

The version comes from pyproject.toml; the architecture from ``dpkg --print-architecture`` (the
bundle is built on the machine it is for: build the arm64 package on an arm64 machine). Depends
lists the system libraries that Qt's xcb platform and the bundle load but do not carry.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "com.branchdesk.zhibu"
PACKAGE_NAME = "branchdesk"
MAINTAINER = "BranchDesk <branchdesk@localhost>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

# Libraries Qt 6.8 loads on X11 (xcb platform plugin), OpenGL/EGL, fonts and D-Bus. Names as in
# Debian 10 (UOS 20) and later; "a | b" where Debian renamed a package (the 64-bit time_t move).
DEPENDS = [
    "libc6 (>= 2.28)",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0", "libxcb-xkb1", "libxcb-sync1",
    "libxcb-shm0", "libxcb-render0", "libxcb1", "libx11-xcb1", "libx11-6",
    "libxkbcommon0", "libxkbcommon-x11-0",
    "libegl1", "libgl1", "libopengl0 | libgl1-mesa-glx",
    "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0 | libglib2.0-0t64",
]
RECOMMENDS = ["libcups2 | libcups2t64", "gnome-keyring | kwalletmanager"]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def desktop_entry(exec_path: str) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=BranchDesk",
        "Name[zh_CN]=支部工作台",
        "GenericName=Party branch records",
        "GenericName[zh_CN]=党支部工作台",
        "Comment=Members, meetings, party dues and sync for branch secretaries",
        "Comment[zh_CN]=党员、组织生活、党费与同步：党支部书记的工作台",
        f"Exec={exec_path} %U",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;",
        "Keywords=党支部;党员;党费;三会一课;",
        "StartupNotify=true",
        "",
    ])


def info_json(version: str, arch: str) -> str:
    info = {
        "appid": APP_ID,
        "name": "支部工作台",
        "version": version,
        "arch": [arch],
        "permissions": {
            "autostart": False, "notification": False, "trayicon": False,
            "clipboard": True, "account": False, "bluetooth": False, "camera": False,
            "audio_record": False, "installed_apps": False,
        },
    }
    return json.dumps(info, ensure_ascii=False, indent=2) + "\n"


def control(version: str, arch: str, installed_kib: int) -> str:
    return "\n".join([
        f"Package: {APP_ID}",
        f"Version: {version}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(DEPENDS)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        f"Provides: {PACKAGE_NAME}",
        f"Conflicts: {PACKAGE_NAME}",
        "Section: office",
        "Priority: optional",
        "Description: BranchDesk 支部工作台",
        " 党支部书记的工作台：党员档案、三会一课与组织生活、党费收缴，",
        " 数据加密保存在本机，可离线使用，联网时与市级党建平台同步。",
        "",
    ])


def _tree_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024 + 1


def build(bundle: Path, out_dir: Path, icons: Path, compression: str = "xz") -> Path:
    if not (bundle / "branchdesk").is_file():
        raise SystemExit(f"no bundle at {bundle} (run PyInstaller first)")
    version, arch = project_version(), architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="branchdesk-deb-") as tmp:
        root = Path(tmp) / "root"
        app_dir = root / "opt" / "apps" / APP_ID
        files = app_dir / "files"
        shutil.copytree(bundle, files, symlinks=True)
        (app_dir / "info").write_text(info_json(version, arch), encoding="utf-8")
        applications = app_dir / "entries" / "applications"
        applications.mkdir(parents=True)
        (applications / f"{APP_ID}.desktop").write_text(
            desktop_entry(f"/opt/apps/{APP_ID}/files/branchdesk"), encoding="utf-8")
        hicolor = app_dir / "entries" / "icons" / "hicolor"
        for size in ICON_SIZES:
            target = hicolor / f"{size}x{size}" / "apps"
            target.mkdir(parents=True)
            shutil.copyfile(icons / f"branchdesk-{size}.png", target / f"{APP_ID}.png")
        (hicolor / "scalable" / "apps").mkdir(parents=True)
        shutil.copyfile(ROOT / "resources" / "icons" / "branchdesk.svg",
                        hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
        usr_bin = root / "usr" / "bin"
        usr_bin.mkdir(parents=True)
        wrapper = usr_bin / PACKAGE_NAME
        wrapper.write_text(f'#!/bin/sh\nexec /opt/apps/{APP_ID}/files/branchdesk "$@"\n')
        wrapper.chmod(0o755)
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(version, arch, _tree_kib(root)), encoding="utf-8")
        for path in root.rglob("*"):  # dpkg wants sane modes whatever the umask was
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or path.stat().st_mode & 0o111 else 0o644)
        package = out_dir / f"{APP_ID}_{version}_{arch}.deb"
        subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build",
                        str(root), str(package)], check=True, stdout=subprocess.DEVNULL)
    return package


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the UOS/Kylin .deb from the bundle.")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "branchdesk")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--icons", type=Path, default=ROOT / "build" / "icons")
    parser.add_argument("--compression", default="xz", choices=["xz", "gzip", "none"],
                        help="xz for release (UOS 20's dpkg reads it); gzip is faster for tests")
    args = parser.parse_args()
    print(build(args.bundle, args.out, args.icons, args.compression))


if __name__ == "__main__":
    main()
