"""Keep the Chinese translation complete.

    python tools/translations.py update          # rescan sources into the .ts, compile the .qm
    python tools/translations.py fill FILE.tsv   # set translations: context<TAB>source<TAB>译文
    python tools/translations.py check           # exit 1 on any unfinished or missing translation
    python tools/translations.py todo            # print unfinished entries as TSV to fill in

Sources are every .py file under ui/ plus main.py. The .ts file is the translators' source of truth
(it opens in Qt Linguist); the .qm is compiled from it and committed so `make run` needs no build.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "branchdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    return str(exe) if exe.exists() else f"pyside6-{name}"


def sources() -> list[Path]:
    return sorted([*(ROOT / "ui").rglob("*.py"), ROOT / "main.py"])


def lupdate(ts: Path) -> None:
    args = [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    args += [str(p) for p in sources()]
    subprocess.run([*args, "-ts", str(ts)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    tree = ET.parse(ts)  # noqa: S314 - our own file
    todo = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not "".join(translation.itertext()).strip()
            ):
                todo.append((name, message.findtext("source") or ""))
    return todo


def fill(ts: Path, tsv: Path) -> int:
    wanted: dict[tuple[str, str], str] = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if line.strip():
            context, source, text = line.split("\t")
            wanted[(context, source.replace("\\n", "\n"))] = text.replace("\\n", "\n")
    tree = ET.parse(ts)  # noqa: S314 - our own file
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key in wanted:
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.attrib.pop("type", None)
                translation.text = wanted[key]
                done += 1
    ET.indent(tree)
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    return done


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        lupdate(TS)
        lrelease(TS, QM)
        left = unfinished(TS)
        print(f"{TS.name}: {len(left)} unfinished")
        return 0
    if command == "fill":
        n = fill(TS, Path(argv[1]))
        lrelease(TS, QM)
        print(f"filled {n}; {len(unfinished(TS))} unfinished")
        return 0
    if command == "todo":
        for context, source in unfinished(TS):
            print(f"{context}\t{source.replace(chr(10), chr(92) + 'n')}\t")
        return 0
    if command == "check":
        left = unfinished(TS)
        for context, source in left:
            print(f"unfinished: {context}: {source}")
        return 1 if left else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
