"""Write resources/codes/hanzi.tsv (reading and stroke count of each Han character) from Unihan.

    python tools/make_hanzi_table.py UNIHAN_DIR

UNIHAN_DIR holds ``Unihan_Readings.txt`` and ``Unihan_IRGSources.txt`` (plain or ``.bz2``), as
in Unicode's Unihan.zip or Debian's ``unicode-data`` package (/usr/share/unicode). The table keeps
``kMandarin`` (the customary reading; first value) as toneless pinyin plus a tone digit (5 for the
neutral tone, ü as v) and ``kTotalStrokes`` (first value: the one for simplified Chinese), for
every character that has a Mandarin reading.
"""

from __future__ import annotations

import bz2
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "codes" / "hanzi.tsv"
TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def numbered(pinyin: str) -> str:
    """``zhāng`` → ``zhang1``, ``lǜ`` → ``lv4``, ``de`` → ``de5``."""
    tone = 5
    letters = []
    for char in unicodedata.normalize("NFD", pinyin):
        if char in TONE_MARKS:
            tone = TONE_MARKS[char]
        elif char == "\u0308":  # the diaeresis of ü
            letters[-1] = "v"
        else:
            letters.append(char)
    return "".join(letters) + str(tone)


def fields(folder: Path, name: str, field: str) -> dict[str, str]:
    plain = folder / name
    text = (plain.read_text(encoding="utf-8") if plain.exists()
            else bz2.decompress((folder / f"{name}.bz2").read_bytes()).decode("utf-8"))
    found = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == field:
            found[chr(int(parts[0][2:], 16))] = parts[2].split()[0]
    return found


def main(folder: Path) -> None:
    readings = fields(folder, "Unihan_Readings.txt", "kMandarin")
    strokes = fields(folder, "Unihan_IRGSources.txt", "kTotalStrokes")
    lines = [
        f"{char}\t{numbered(reading)}\t{strokes.get(char, '')}"
        for char, reading in sorted(readings.items())
    ]
    OUT.write_text(
        "# Extracted and converted from Unicode's Unihan database 15.0 (kMandarin,"
        " kTotalStrokes) by tools/make_hanzi_table.py.\n"
        "# Copyright © 1991-2022 Unicode, Inc.; terms in UNICODE-LICENSE.txt beside this file.\n"
        + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} characters written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
