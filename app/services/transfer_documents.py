"""The 组织关系介绍信 of a member with a letter out, as it prints
(``app.documents.transfer_letter``).

``transfer_letter`` maps the stored letter (the member's transfer fields, the branch profile and
the transfer settings) onto the document in its own Chinese words; ``write_transfer_letter``
writes the PDF where the user chose and records the export in the audit log (the caller commits);
``transfer_letter_pdf`` renders to memory for print preview. The producer checks every character
against the embedded font first (``MissingGlyphsError``, nothing written).
"""

from __future__ import annotations

import io
from pathlib import Path

from app.documents import transfer_letter as doc
from app.documents.vocabulary import CLASSIFICATION_LABELS
from app.domain import codes
from app.domain.development import Stage
from app.domain.id_numbers import Gender
from app.domain.members import Classification, MembershipStatus
from app.domain.transfers import DEFAULT_VALID_DAYS, age_on, month_or_none
from app.errors import FieldProblem, InvalidInputError
from app.services import branch, transfer_settings
from app.services.members import get_member
from app.storage.unit_of_work import UnitOfWork

_GENDERS = {Gender.MALE: "男", Gender.FEMALE: "女"}
_WITH_LETTER = (MembershipStatus.TRANSFER_PENDING, MembershipStatus.TRANSFERRED_OUT)


def transfer_letter(uow: UnitOfWork, member_id: str) -> doc.TransferLetter:
    """The letter of a member 转出待接收 (or transferred out with a letter on record); raises
    ``InvalidInputError`` (``status``, ``no_transfer_letter``) for a member without one."""
    member = get_member(uow, member_id)
    paid_until = month_or_none(member.transfer_paid_until)
    if member.status not in _WITH_LETTER or paid_until is None or member.left_date is None:
        raise InvalidInputError([FieldProblem("status", "no_transfer_letter")])
    data = member.data
    profile = branch.load_profile(uow)
    settings = transfer_settings.load(uow)
    return doc.TransferLetter(
        letter_no=member.transfer_letter_no,
        name=data.name,
        gender=_GENDERS.get(data.gender, "") if data.gender else "",
        age=age_on(data.birth_date, member.left_date) if data.birth_date else None,
        ethnic_group=codes.ethnic_groups().name_of(data.ethnic_group) or "",
        status=doc.STATUS_PROBATIONARY if data.stage is Stage.PROBATIONARY else doc.STATUS_FULL,
        id_number=data.id_number,
        origin=profile.name,
        destination=member.transfer_destination,
        addressee=member.transfer_destination,
        paid_until=paid_until,
        valid_days=member.transfer_valid_days or DEFAULT_VALID_DAYS,
        issued_on=member.left_date,
        member_phone=data.phone,
        issuer=settings.issuer or profile.higher_org or profile.name,
        issuer_address=settings.issuer_address,
        issuer_phone=settings.issuer_phone,
        issuer_postcode=settings.issuer_postcode,
        classification=(CLASSIFICATION_LABELS[Classification.SECRET]
                        if data.classification is Classification.SECRET else ""),
    )


def write_transfer_letter(uow: UnitOfWork, member_id: str, path: Path) -> int:
    """Write the letter PDF to ``path`` (the file the user chose); returns the page count and
    records the export in the audit log (the caller commits)."""
    path = Path(path)
    pages = doc.render_transfer_letter(transfer_letter(uow, member_id), path)
    uow.audit("member.export", "member", member_id, {
        "document": "transfer_letter", "path": str(path), "pages": pages,
    })
    return pages


def transfer_letter_pdf(uow: UnitOfWork, member_id: str) -> bytes:
    """The letter PDF in memory, for print preview (no file written, nothing audited)."""
    buffer = io.BytesIO()
    doc.render_transfer_letter(transfer_letter(uow, member_id), buffer)
    return buffer.getvalue()
