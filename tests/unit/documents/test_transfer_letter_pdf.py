"""The 组织关系介绍信 PDF on its own: one page, three parts, the number as typed, read back."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.documents.transfer_letter import TransferLetter, render_transfer_letter
from app.documents.vocabulary import letter_number
from app.domain.calendar import Month
from app.errors import MissingGlyphsError

LETTER = TransferLetter(
    letter_no="组转字〔2025〕第12号", name="欧阳文华", gender="女", age=None, ethnic_group="",
    status="预备", id_number="110105198501010011", origin="机关第一党支部",
    destination="中共市审计局机关委员会", addressee="中共市审计局机关委员会",
    paid_until=Month(2025, 12), valid_days=7, issued_on=date(2025, 12, 3), member_phone="",
    issuer="市直机关工委", issuer_address="", issuer_phone="", issuer_postcode="",
    classification="秘密",
)


def flat(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, text=True)
    return re.sub(r"\s+", "", done.stdout)


def test_a_number_typed_whole_prints_as_typed_on_every_part(tmp_path):
    path = tmp_path / "letter.pdf"
    assert render_transfer_letter(LETTER, path) == 1
    text = flat(path)
    assert text.count("组转字〔2025〕第12号") == 5  # three parts and two cut lines
    assert "第组转字" not in text
    assert "欧阳文华同志（女，岁，族），系中共预备党员" in text  # blanks to fill in by hand
    assert "该同志党费已交到贰零贰伍年壹拾贰月。" in text
    assert "（有效期柒天）" in text
    assert text.startswith("秘密")  # a 秘密 member's letter is marked
    assert letter_number(" 0031 ") == "第 0031 号"


def test_a_character_the_font_lacks_writes_nothing(tmp_path):
    path = tmp_path / "letter.pdf"
    with pytest.raises(MissingGlyphsError):
        render_transfer_letter(TransferLetter(**{**vars(LETTER), "name": "王\U0001F600"}), path)
    assert not path.exists()
