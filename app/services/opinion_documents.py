"""The 意见建议 register's documents from the database: the 转办单 of a forwarded entry, the cover
slip of a report handed to the 纪委 (no content, no author) and the year's workbook (the
register without reports of misconduct, and the summary counting them). Each is audited (the
caller commits)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.documents import opinions as doc
from app.documents.pdf import Target
from app.domain.opinions import Kind
from app.errors import FieldProblem, FileAccessError, InvalidInputError, RecordNotFoundError
from app.services import branch, opinions
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class YearExport:
    path: Path
    year: int
    opinions: int
    misconduct: int


def slip_number(opinion: opinions.Opinion) -> str:
    """The entry's number on paper: the date received and the id's last characters."""
    return f"{opinion.received_on:%Y%m%d}-{opinion.id[-4:].upper()}"


def print_transfer_slip(uow: UnitOfWork, opinion_id: str, target: Target, today: date) -> int:
    """The 转办单 of a forwarded entry (MissingGlyphsError, FileAccessError)."""
    entry = opinions.get(uow, opinion_id, today)
    if entry.kind is not Kind.OPINION:
        raise RecordNotFoundError(opinions.ENTITY, opinion_id)
    if not entry.forwarded_to or entry.forwarded_on is None:
        raise InvalidInputError([FieldProblem("forwarded_to", "not_forwarded")])
    pages = doc.render_transfer_slip(doc.TransferSlip(
        branch_name=branch.load_profile(uow).name, number=slip_number(entry),
        received_on=entry.received_on, proposer=entry.proposer,
        channel=entry.channel.value if entry.channel else "",
        category=entry.category.value if entry.category else "", content=entry.content,
        unit=entry.forwarded_to, forwarded_on=entry.forwarded_on, due_on=entry.due_on,
        classification=entry.classification.value,
    ), target)
    uow.audit("opinion.print_slip", opinions.ENTITY, opinion_id)
    return pages


def print_cover_slip(uow: UnitOfWork, opinion_id: str, target: Target, today: date) -> int:
    """The cover slip of a report handed to the 纪委 (it carries no content)."""
    entry = opinions.get(uow, opinion_id, today)
    if entry.kind is not Kind.MISCONDUCT:
        raise RecordNotFoundError(opinions.ENTITY, opinion_id)
    profile = branch.load_profile(uow)
    pages = doc.render_cover_slip(doc.CoverSlip(
        branch_name=profile.name, handed_on=entry.received_on, reference=entry.reference,
        secretary=profile.secretary, contact=opinions.discipline_contact(uow),
    ), target)
    uow.audit("opinion.print_cover", opinions.ENTITY, opinion_id)
    return pages


def export_year(uow: UnitOfWork, year: int, path: Path, today: date) -> YearExport:
    """The year's register and summary (xlsx). Raises FileAccessError."""
    path = Path(path)
    entries = [e for e in opinions.register(uow, today, year) if e.kind is Kind.OPINION]
    entries.sort(key=lambda e: (e.received_on, e.id))
    summary = opinions.summary(uow, year, today)
    lines = [doc.RegisterLine(
        received_on=e.received_on, proposer=e.proposer,
        channel=e.channel.value if e.channel else "",
        category=e.category.value if e.category else "", content=e.content,
        forwarded_to=e.forwarded_to, forwarded_on=e.forwarded_on, reply=e.reply,
        measures=e.measures, status=e.status.value, decline_reason=e.decline_reason,
        answered_on=e.answered_on, feedback_on=e.feedback_on,
    ) for e in entries]
    counts = {(c.value, s.value): n for (c, s), n in summary.counts.items()}
    try:
        doc.write_year_workbook(path, branch.load_profile(uow).name, year, lines, counts,
                                summary.misconduct)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("opinions.export", opinions.ENTITY, str(year), {
        "path": str(path), "opinions": len(lines), "misconduct": summary.misconduct})
    return YearExport(path, year, len(lines), summary.misconduct)
