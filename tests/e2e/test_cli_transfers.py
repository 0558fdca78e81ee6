"""`members transfer-in`, `transfer-out`, `transfer-letter` and `transfer-receipt` as an
administrator runs them: real processes, a real PDF read back, exit codes and Chinese messages."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from app.domain.id_numbers import check_character
from tests.e2e.test_cli import CJK, initialized, one_chinese_line, run  # noqa: F401 - fixture


def id_number(birth: str, seq: str) -> str:
    first17 = f"420102{birth}{seq}"
    return first17 + check_character(first17)


def flat_pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"],
                          capture_output=True, check=True, text=True)
    return re.sub(r"\s+", "", done.stdout)


def test_a_member_transferred_in_then_out_with_the_letter_and_its_receipt(
        initialized, tmp_path):  # noqa: F811 - the fixture
    number = id_number("19850612", "131")
    result = run(initialized, "members", "transfer-in", "--name", "何平", "--id-number", number,
                 "--letter-no", "组转〔2025〕12", "--from", "中共某县委组织部",
                 "--date", date.today().replace(day=1).isoformat(), "--paid-until", "2020-01")
    assert result.returncode == 0, result.stderr
    assert "何平" in result.stdout
    assert CJK.search(result.stdout)
    assert "注意" in result.stderr  # years unpaid at the former branch: back dues here

    probationary = run(initialized, "members", "transfer-in", "--name", "夏雨",
                       "--id-number", id_number("19990301", "142"), "--letter-no", "7",
                       "--from", "中共某大学委员会", "--stage", "预备",
                       "--admission-date", "2025-05-04", "--paid-until", "2025-06")
    assert probationary.returncode == 0, probationary.stderr

    again = run(initialized, "members", "transfer-in", "--name", "何平", "--id-number", number,
                "--letter-no", "13", "--from", "中共某县委组织部")
    assert again.returncode == 1
    assert "已在本支部名册中" in one_chinese_line(again.stderr)

    letter = tmp_path / "介绍信.pdf"
    result = run(initialized, "members", "transfer-out", number, str(letter), "--letter-no",
                 "0031", "--to", "中共市审计局机关委员会", "--paid-until", "2025-08",
                 "--valid-days", "15", "--reason", "工作调动")
    assert result.returncode == 0, result.stderr
    assert "转出待接收" in result.stdout
    text = flat_pdf_text(letter)
    assert text.count("第0031号") >= 3
    assert "该同志党费已交到贰零贰伍年捌月。" in text
    assert "（有效期壹拾伍天）" in text
    assert "何平同志（男" in text

    copy = tmp_path / "补打.pdf"
    assert run(initialized, "members", "transfer-letter", number, str(copy)).returncode == 0
    assert "第0031号" in flat_pdf_text(copy)

    result = run(initialized, "members", "transfer-receipt", number)
    assert result.returncode == 0, result.stderr
    assert "何平" in result.stdout
    twice = run(initialized, "members", "transfer-receipt", number)
    assert twice.returncode == 1
    one_chinese_line(twice.stderr)
    assert run(initialized, "check").returncode == 0


def test_a_refused_letter_writes_no_file_and_records_nothing(initialized, tmp_path):  # noqa: F811
    letter = tmp_path / "x.pdf"
    result = run(initialized, "members", "transfer-out", "110105000000000000", str(letter),
                 "--letter-no", "1", "--to", "某地")
    assert result.returncode == 1
    one_chinese_line(result.stderr)
    assert not letter.exists()
    bad = run(initialized, "members", "transfer-in", "--name", "甲", "--id-number", "1",
              "--letter-no", "1", "--from", "某地", "--paid-until", "2025-13")
    assert bad.returncode == 2
    assert "不是月份" in bad.stderr


def test_the_transfer_commands_explain_themselves_in_chinese():
    for command in ("transfer-out", "transfer-in", "transfer-receipt", "transfer-letter"):
        result = run(Path("/nonexistent"), "members", command, "--help", passphrase=None)
        assert result.returncode == 0, result.stderr
        prose = re.sub(r"--?[a-z-]+|branchdesk|members|transfer-[a-z]+", "", result.stdout)
        english = re.findall(r"\b(?:the|member|letter|dues)\b", prose)
        assert english == [], (command, result.stdout)
        assert CJK.search(result.stdout)
