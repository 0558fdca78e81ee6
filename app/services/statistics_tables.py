"""The tables of the annual statistics a branch contributes to, built from the dated facts
(``statistics_facts``) for a period ending on the reference date. Headings are the tables'
Chinese words (DOMAIN.md 党内统计); every cell is a count (the branch table also holds dates).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from app.domain import branch as structure
from app.domain import codes
from app.domain import statistics as rules
from app.domain.dues import PersonCategory
from app.domain.members import EventKind
from app.services.statistics_facts import (
    BranchFacts,
    Category,
    MemberFacts,
    TimelineFacts,
    state_on,
)

Cell = int | str


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    key: str  # stable: the sheet order and the synced JSON's key
    title: str
    columns: tuple[str, ...]  # headings of the value columns (the row label's column is 项目)
    rows: tuple[Row, ...]

    def cell(self, row: str, column: str) -> Cell:
        index = self.columns.index(column)
        return next(r.cells[index] for r in self.rows if r.label == row)

    def as_counts(self) -> dict[str, dict[str, Cell]]:
        return {r.label: dict(zip(self.columns, r.cells, strict=True)) for r in self.rows}


CATEGORY_LABELS = {
    PersonCategory.IN_WORK.value: "在职", PersonCategory.RETIRED.value: "离退休",
    PersonCategory.STUDENT.value: "学生", PersonCategory.FARMER.value: "农民",
    PersonCategory.UNEMPLOYED.value: "无固定职业",
}
"""人员类别 as the member record lists it (DOMAIN.md, Members); the dues sub-cases of 无固定职业
(抚恤, 低保) count there, anything else as 其他."""
_OTHER = "其他"
TOTAL, FULL, PROBATIONARY = "合计", "正式党员", "预备党员"
_CATEGORY_ROWS = ((TOTAL, None), (FULL, Category.FULL), (PROBATIONARY, Category.PROBATIONARY))


def _person_category(value: str) -> str:
    if value in (PersonCategory.RELIEF.value, PersonCategory.SUBSISTENCE.value):
        return CATEGORY_LABELS[PersonCategory.UNEMPLOYED.value]
    return CATEGORY_LABELS.get(value, _OTHER)


def _grouped(
    key: str, title: str, columns: tuple[str, ...], counted: list[tuple[MemberFacts, str]],
    group: Callable[[MemberFacts], str],
) -> Table:
    found = Counter((group(p), c) for p, c in counted)  # each member grouped once
    rows = []
    for label, category in _CATEGORY_ROWS:
        cells = [sum(n for (g, c), n in found.items() if g == column and category in (None, c))
                 for column in columns[1:]]
        rows.append(Row(label, (sum(n for (_g, c), n in found.items() if category in (None, c)),
                                *cells)))
    return Table(key, title, columns, tuple(rows))


def member_tables(people: Iterable[MemberFacts], as_of: date) -> list[Table]:
    """党员基本情况 and its groupings, on the reference date."""
    bands = rules.bands_for(as_of.year)
    counted = [(p, p.category_on(as_of)) for p in people if p.counted_on(as_of)]
    not_filled = rules.NOT_FILLED

    rows = []
    for label, category in _CATEGORY_ROWS:
        group = [p for p, c in counted if category is None or c == category]
        rows.append(Row(label, (
            len(group),
            sum(1 for p in group if p.gender == "2"),
            sum(1 for p in group if rules.is_minority(p.ethnic_group)),
            sum(1 for p in group if not p.gender),
            sum(1 for p in group if not p.ethnic_group),
        )))
    occupations = tuple(c.name for c in codes.occupations())
    occupation_names = {c.code: c.name for c in codes.occupations()}
    categories = (*dict.fromkeys(CATEGORY_LABELS.values()), _OTHER)
    return [
        Table("basic", "党员基本情况",
              ("党员总数", "女性", "少数民族", f"性别{not_filled}", f"民族{not_filled}"),
              tuple(rows)),
        _grouped("age", "党员年龄", (TOTAL, *(b.label for b in bands.ages), not_filled),
                 counted, lambda p: rules.age_band(bands, p.birth_date, as_of)),
        _grouped("joined", "入党时间", (TOTAL, *(b.label for b in bands.joined), not_filled),
                 counted, lambda p: rules.joined_band(bands, p.admission_date)),
        _grouped("education", "学历", (TOTAL, *(b[0] for b in bands.education), not_filled),
                 counted, lambda p: rules.education_band(bands, p.education)),
        _grouped("category", "人员类别", (TOTAL, *categories), counted,
                 lambda p: _person_category(p.category)),
        _grouped("occupation", "职业", (TOTAL, *occupations, not_filled), counted,
                 lambda p: occupation_names.get(p.occupation, not_filled)),
    ]


def development_table(
    people: Iterable[MemberFacts], timeline: TimelineFacts, first: date, as_of: date
) -> Table:
    """发展党员情况: the steps taken in the period, and who stands at each on the reference date.
    The steps of a member transferred in count where they were taken: not here before the
    letter in."""
    def on_date(day: date | None) -> bool:
        return day is not None and day <= as_of

    def young(p: MemberFacts, day: date | None) -> bool:
        return p.birth_date is not None and day is not None and rules.age_on(p.birth_date,
                                                                                day) <= 35

    steps: dict[str, list[tuple[MemberFacts, date | None]]] = {
        "递交入党申请书": [], "确定为入党积极分子": [], "列为发展对象": [], "发展党员": [],
        "预备党员转正": [], "延长预备期": [], "取消预备党员资格": [],
    }
    standing = Counter[str]()
    for p in people:
        admitted = p.approval_date or p.admission_date
        gone = p.out_on is not None and p.out_on <= as_of

        def within(day: date | None, person: MemberFacts = p) -> bool:
            return _here(person, day, first, as_of)

        for label, day in (("递交入党申请书", p.application_date),
                           ("确定为入党积极分子", p.activist_date),
                           ("列为发展对象", p.candidate_date), ("发展党员", admitted)):
            if within(day):
                steps[label].append((p, day))
        if within(p.full_date) and admitted and p.counted_on(p.full_date or as_of):
            steps["预备党员转正"].append((p, p.full_date))
        for label, days in (("延长预备期", timeline.extended.get(p.id, ())),
                            ("取消预备党员资格", timeline.cancelled.get(p.id, ()))):
            day = next((d for d in days if within(d)), None)
            if day is not None:
                steps[label].append((p, day))
        if gone:
            continue
        if on_date(admitted):
            if p.counted_on(as_of) and p.category_on(as_of) == Category.PROBATIONARY:
                standing["发展党员"] += 1
        elif on_date(p.candidate_date):
            standing["列为发展对象"] += 1
        elif on_date(p.activist_date):
            standing["确定为入党积极分子"] += 1
        elif on_date(p.application_date):
            standing["递交入党申请书"] += 1
    rows = []
    for label, found in steps.items():
        rows.append(Row(label, (
            len(found),
            sum(1 for p, _d in found if p.gender == "2"),
            sum(1 for p, _d in found if rules.is_minority(p.ethnic_group)),
            sum(1 for p, day in found if young(p, day)),
            standing[label] if label in _STANDING else "",
        )))
    return Table("development", "发展党员情况",
                 ("本期人数", "其中女性", "其中少数民族", "其中35岁及以下", "期末在册"),
                 tuple(rows))


def _here(p: MemberFacts, day: date | None, first: date, as_of: date) -> bool:
    """A step taken in the period in this branch (not before the member's letter in)."""
    return (day is not None and first <= day <= as_of
            and (p.transfer_in_on is None or day >= p.transfer_in_on))


_STANDING = ("递交入党申请书", "确定为入党积极分子", "列为发展对象", "发展党员")


def left_in_period(p: MemberFacts, first: date, as_of: date) -> date | None:
    """The day ``p`` left the branch's roll as a party member within the period, else None
    (one rule for the reductions and the transfers out, so that their 转出 rows agree)."""
    out = p.left_date
    if not (p.left and out is not None and first <= out <= as_of):
        return None
    if p.in_branch_since is None or p.in_branch_since > out:
        return None  # not yet a party member here when leaving: no reduction of the roll
    return out


def reduction_table(
    people: Iterable[MemberFacts], timeline: TimelineFacts, first: date, as_of: date
) -> Table:
    """党员减少情况 by reason, each split 正式 / 预备 (the category on the day of leaving)."""
    found: Counter[tuple[rules.Reduction, str]] = Counter()
    for p in people:
        out = left_in_period(p, first, as_of)
        if out is None:
            continue
        category = p.category_on(out)
        cancelled = any(d <= out for d in timeline.cancelled.get(p.id, ()))
        kind = rules.reduction_of(p.status, p.left_reason, category == Category.PROBATIONARY,
                                  cancelled)
        found[kind, category] += 1

    def row(label: str, kinds: Iterable[rules.Reduction]) -> Row:
        kinds = tuple(kinds)
        full = sum(found[k, Category.FULL] for k in kinds)
        probationary = sum(found[k, Category.PROBATIONARY] for k in kinds)
        return Row(label, (full + probationary, full, probationary))

    rows = [row(TOTAL, rules.Reduction), row("死亡", (rules.Reduction.DEATH,)),
            row("出党", rules.LEAVING_THE_PARTY)]
    rows += [row(f"　其中：{rules.REDUCTION_LABELS[k]}", (k,)) for k in rules.LEAVING_THE_PARTY]
    rows += [row("停止党籍", (rules.Reduction.STOPPED,)),
             row("转出", (rules.Reduction.TRANSFERRED_OUT,))]
    return Table("reduction", "党员减少情况", (TOTAL, FULL, PROBATIONARY), tuple(rows))


def transfer_table(people: Iterable[MemberFacts], first: date, as_of: date) -> Table:
    """组织关系转入转出 in the period (转出: letters issued; of them, those whose 回执 had not
    come back by the reference date: 转出待接收)."""
    counts: Counter[tuple[str, str]] = Counter()
    for p in people:
        if p.transfer_in_on and first <= p.transfer_in_on <= as_of and p.counted_on(
                p.transfer_in_on):
            counts["转入", p.category_on(p.transfer_in_on)] += 1
        out = left_in_period(p, first, as_of)
        if out is not None and rules.reduction_of(
                p.status, p.left_reason, False, False) is rules.Reduction.TRANSFERRED_OUT:
            category = p.category_on(out)
            counts["转出", category] += 1
            if p.transfer_receipt_on is None or p.transfer_receipt_on > as_of:
                counts["　其中：转出待接收", category] += 1
    rows = []
    for label in ("转入", "转出", "　其中：转出待接收"):
        full, probationary = counts[label, Category.FULL], counts[label, Category.PROBATIONARY]
        rows.append(Row(label, (full + probationary, full, probationary)))
    return Table("transfer", "组织关系转入转出", (TOTAL, FULL, PROBATIONARY), tuple(rows))


def flow_table(people: Iterable[MemberFacts], timeline: TimelineFacts, first: date,
               as_of: date) -> Table:
    """流动党员 on the reference date (by the timeline's flow events), the flows begun in the
    period, and members out of contact (失联)."""
    counts: Counter[str] = Counter()
    out_kind, in_kind = EventKind.FLOW_OUT.value, EventKind.FLOW_IN.value
    for p in people:
        if not p.counted_on(as_of):
            continue
        events = timeline.flows.get(p.id)
        if events is None and p.flow_direction and p.flow_since:  # no timeline: the record
            events = [(p.flow_since, out_kind if p.flow_direction == "out" else in_kind)]
        state = state_on(events or [], as_of)
        if state == out_kind:
            counts["流出党员"] += 1
        elif state == in_kind:
            counts["流入党员"] += 1
        for on, kind in events or []:
            if first <= on <= as_of and kind == out_kind:
                counts["　其中：本期外出"] += 1
                break
        contact = timeline.contact.get(p.id)
        if contact is None and p.lost_contact_since:
            contact = [(p.lost_contact_since, EventKind.LOST_CONTACT.value)]
        if state_on(contact or [], as_of) == EventKind.LOST_CONTACT.value:
            counts["失去联系党员"] += 1
    labels = ("流出党员", "　其中：本期外出", "流入党员", "失去联系党员")
    return Table("flow", "流动党员", ("人数",), tuple(Row(k, (counts[k],)) for k in labels))


def branch_table(
    branch: BranchFacts, people: Iterable[MemberFacts], first: date, as_of: date
) -> Table:
    """The branch itself on the reference date: its full members, whether it must have a 支委会
    (条例第二十一条), its committee and 换届 (the latest 换届 recorded, if not after the date)."""
    full = sum(1 for p in people
               if p.counted_on(as_of) and p.category_on(as_of) == Category.FULL)
    kind = structure.BranchKind(branch.kind)
    elected = branch.committee_elected_on
    if elected is not None and elected > as_of:
        elected = None
    names = [n for n in branch.committee.replace("，", "、").replace(",", "、").split("、")
             if n.strip()]
    term_end = structure.next_election(elected, kind) if elected else None
    rows = (
        Row("正式党员数", (full,)),
        Row("应设支部委员会", ("是" if structure.has_committee(full) else "否",)),
        Row("支部委员会委员人数", (len(names) if elected else 0,)),
        Row("上次换届日期", (elected.isoformat() if elected else "",)),
        Row("本届任期（年）", (structure.term_years(kind),)),
        Row("任期届满日期", (term_end.isoformat() if term_end else "",)),
        Row("本期换届", ("是" if elected and first <= elected <= as_of else "否",)),
        Row("换届逾期", ("是" if term_end and term_end < as_of else "否",)),
    )
    return Table("branch", "党支部基本情况", ("数值",), rows)
