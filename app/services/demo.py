"""A realistic branch for a first look and for benchmarks (``main.py demo --members N``).

Deterministic for a seed: the same members, ID numbers and dates every time (for a given
``today``). Members have valid ID numbers from several provinces, plausible ages for their
category (在职 / 离退休 / 学生), 职业, education, mostly 汉族; some are in development at each
stage with deadlines in the coming weeks (a talk due, a half-yearly review due, probation
ending), some left (转出 with a letter number, 死亡), a few are flowing members or lost contact,
some were rewarded.

The branch has a year behind it (``demo_year``): every required kind of meeting in each period of
the last twelve months, with attendance, a few on leave or absent, votes at the 支部党员大会 and
minutes finalized (the current month's still drafts); bases for every member who pays on one,
eleven months of dues (up to last month; this month is the secretary's to generate), paid monthly,
quarterly or half-yearly, a few members in arrears, the closed quarters remitted; and a notice
from the platform. Everything goes through the services, so the books are what the window would
have written (``check`` passes, the ledger folds).

New members are written in bulk (``roster.insert_members``: one executemany with their audit
entries and outbox ops), so 10,000 members take seconds; leaving, flow and reward events go
through the member services one by one (they are a small share). The year's attendance, bases
and payments go through the services' bulk paths (``meetings.create_meeting`` writes a meeting's
attendance at once, ``dues.set_bases``, ``dues.record_payments``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from app.domain import codes
from app.domain.calendar import Month
from app.domain.development import Stage, add_months
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, check_character
from app.domain.members import BranchPost, EventKind, MembershipStatus
from app.services import (
    demo_books,
    demo_disclosures,
    demo_opinions,
    demo_year,
    members,
    roster,
    transfers,
)
from app.services.members import MemberInput
from app.services.workspace import BranchProfile
from app.storage.models import MemberRow
from app.storage.unit_of_work import UnitOfWork

DEFAULT_SEED = 20260701
DEFAULT_MEMBERS = 60

PROFILE = BranchProfile(
    name="市财政局机关第一党支部", code="DEMO-0001", higher_org="市财政局机关党委",
    secretary="王建国",
)
PARTY_GROUPS = ("第一党小组", "第二党小组", "第三党小组", "离退休党小组")

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
)
_MALE = "伟强磊军洋勇杰涛明超亮刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文博晨阳"
_FEMALE = "芳娜敏静丽艳娟霞秀玲燕红婷雪琳晶颖慧莉洁倩萍璐瑶欣悦梅兰月琴蕾薇佳雯婧怡"
# Where members were born: mostly this province (湖北), the rest from across the country.
_HOME_PROVINCE = "42"
_OTHER_PROVINCES = ("11", "13", "32", "33", "34", "36", "37", "41", "43", "44", "50", "51", "61")
_ETHNIC = (("汉族", 92), ("土家族", 3), ("回族", 2), ("苗族", 1), ("满族", 1), ("蒙古族", 1))
_UNITS = (
    "市财政局办公室", "市财政局预算科", "市财政局国库科", "市财政局综合科", "市财政局行政政法科",
    "市财政局经济建设科", "市财政局社会保障科", "市财政局农业农村科", "市国库收付中心",
    "市财政投资评审中心", "市政府采购中心",
)
_POSTS = ("科员", "科员", "一级科员", "四级主任科员", "三级主任科员", "二级主任科员", "副科长",
          "科长", "副主任", "主任", "会计", "工程师")
_REWARDS = ("优秀共产党员", "优秀党务工作者", "先进工作者", "岗位标兵")
_TRANSFER_TO = ("市发展和改革委员会机关党委", "市审计局机关党委", "区财政局党组",
                "省财政厅机关党委", "市税务局机关党委")
_FLOW_PLACES = ("广东省深圳市", "上海市浦东新区", "浙江省杭州市", "北京市海淀区", "江苏省苏州市")


@dataclass(frozen=True)
class DemoSummary:
    members: int
    party_groups: int
    in_development: int
    left: int
    flowing: int
    rewards: int
    meetings: int = 0
    finalized: int = 0
    dues_months: int = 0
    payments: int = 0
    in_arrears: int = 0
    remittances: int = 0
    notices: int = 0


@dataclass(frozen=True)
class DemoPerson:
    data: MemberInput
    group: int  # index into PARTY_GROUPS
    fate: str = ""  # "", "transferred_out", "deceased", "flow_out", "lost_contact"
    reward: str = ""


class _Maker:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - sample data, deterministic on purpose
        self.today = today
        self.used: set[str] = set()
        areas = codes.areas()
        self.prefectures = {
            p.code[:2]: [a for a in areas.prefectures(p.code) if a.name != "市辖区"] or
            [a for a in areas.prefectures(p.code)]
            for p in areas.provinces()
        }
        self.province_names = {p.code[:2]: p.name for p in areas.provinces()}
        table = codes.ethnic_groups()
        self.ethnic = [(table.code_for(name) or "01", weight) for name, weight in _ETHNIC]

    def pick_area(self) -> tuple[str, str]:
        """(6-digit area code, native place) of a prefecture, mostly of the home province."""
        rng = self.rng
        province = _HOME_PROVINCE if rng.random() < 0.65 else rng.choice(_OTHER_PROVINCES)
        choices = self.prefectures.get(province) or []
        if not choices:
            return province + "0101", self.province_names.get(province, "")
        area = rng.choice(choices)
        county = f"{rng.randint(1, 12):02d}"
        province_name = self.province_names[province]
        for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"):
            province_name = province_name.removesuffix(suffix)
        place = province_name + (area.name.removesuffix("市") if area.name != "市辖区" else "")
        return area.code[:4] + county, place

    def id_number(self, area: str, birth: date, gender: Gender) -> str:
        while True:
            sequence = self.rng.randint(0, 99) * 10 + self.rng.choice(
                (1, 3, 5, 7, 9) if gender is Gender.MALE else (0, 2, 4, 6, 8)
            )
            first17 = f"{area}{birth:%Y%m%d}{sequence:03d}"
            number = first17 + check_character(first17)
            if number not in self.used:
                self.used.add(number)
                return number

    def day_between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def years_ago(self, low: float, high: float) -> date:
        return self.day_between(
            self.today - timedelta(days=int(high * 365.25)),
            self.today - timedelta(days=int(low * 365.25)),
        )

    def name(self, gender: Gender) -> str:
        letters = _MALE if gender is Gender.MALE else _FEMALE
        given = self.rng.choice(letters)
        if self.rng.random() < 0.7:
            given += self.rng.choice(letters)
        return self.rng.choice(_SURNAMES) + given

    def two_names(self) -> str:
        return "、".join(self.name(self.rng.choice(list(Gender))) for _ in range(2))

    def weighted(self, pairs: list[tuple[str, int]]) -> str:
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]


def _education(maker: _Maker, category: PersonCategory) -> tuple[str, str]:
    """(GB/T 4658 education code, GB/T 6864 degree code)."""
    if category is PersonCategory.STUDENT:
        return "20", ""  # 大学本科教育, studying
    if category is PersonCategory.RETIRED:
        pairs = [("31", 35), ("41", 25), ("61", 20), ("21", 20)]
    else:
        pairs = [("21", 50), ("14", 25), ("31", 15), ("11", 4), ("61", 3), ("41", 3)]
    education = maker.weighted(pairs)
    degree = {
        "21": maker.rng.choice(("402", "403", "408", "412")),
        "14": maker.rng.choice(("302", "312", "349")),
        "11": "202",
    }.get(education, "")
    return education, degree


def _occupation(index: int, category: PersonCategory, unit: str, post: str) -> str:
    """职业 (codes.occupations()) from what the record already says, without drawing from the
    generator (the demo's other values stay as they were): retirees 离退休人员, students 学生,
    engineers and accountants 专业技术人员, the centres' staff 管理人员, the bureau's own staff
    党政机关工作人员; every 23rd member has none recorded, so the statistics' check of gaps
    has something to show."""
    if index % 23 == 22:
        return ""
    if category is PersonCategory.RETIRED:
        return "08"
    if category is PersonCategory.STUDENT:
        return "06"
    if post in ("会计", "工程师"):
        return "03"
    return "04" if unit.endswith("中心") else "05"


def _stage_for(rng: random.Random, category: PersonCategory) -> Stage:
    if category is PersonCategory.RETIRED:
        return Stage.FULL
    roll = rng.random()
    for stage, limit in ((Stage.APPLICANT, 0.03), (Stage.ACTIVIST, 0.07), (Stage.CANDIDATE, 0.10),
                         (Stage.PROBATIONARY, 0.15)):
        if roll < limit:
            return stage
    return Stage.FULL


def _milestones(maker: _Maker, stage: Stage, birth: date, soon: bool = False) -> dict[str, Any]:
    """Dates of the development steps in order, ending at ``stage``; deadlines soon for some
    (for all with ``soon``: a probation year ending within three weeks, a review due in ten
    days, a talk due in two weeks)."""
    rng, today = maker.rng, maker.today
    if soon:
        return _soon(maker, stage)
    adult = add_months(birth, 12 * 18 + 1)
    if stage is Stage.FULL:
        admitted = maker.day_between(max(adult, add_months(birth, 12 * 21)),
                                     add_months(today, -13))
        return {
            "admission_date": admitted,
            "approval_date": admitted + timedelta(days=rng.randint(20, 80)),
            "full_date": add_months(admitted, 12),
        }
    if stage is Stage.APPLICANT:
        received = today - timedelta(days=rng.randint(5, 25))  # the talk is due within the month
        return {"application_date": received}
    if stage is Stage.ACTIVIST:
        activist = add_months(today, -rng.randint(7, 11))
        application = activist - timedelta(days=rng.randint(60, 200))
        return {
            "application_date": application,
            "talk_date": application + timedelta(days=rng.randint(5, 25)),
            "activist_date": activist,
            "contacts": maker.two_names(),
            # the half-yearly review is due in the coming weeks
            "last_review_date": add_months(today, -6) + timedelta(days=rng.randint(3, 25)),
        }
    if stage is Stage.CANDIDATE:
        candidate = today - timedelta(days=rng.randint(20, 120))
        activist = add_months(candidate, -rng.randint(12, 18))
        application = activist - timedelta(days=rng.randint(60, 200))
        return {
            "application_date": application,
            "talk_date": application + timedelta(days=rng.randint(5, 25)),
            "activist_date": activist,
            "contacts": maker.two_names(),
            "last_review_date": add_months(candidate, -1),
            "candidate_date": candidate,
            "training_hours": rng.choice((24, 32, 40)),
            "sponsors": maker.two_names(),
        }
    # probationary: admitted 2–11 months ago; for some the probation year ends next month
    admitted = add_months(today, -rng.randint(2, 11)) - timedelta(days=rng.randint(0, 20))
    candidate = add_months(admitted, -rng.randint(3, 6))
    activist = add_months(candidate, -rng.randint(12, 16))
    application = activist - timedelta(days=rng.randint(60, 200))
    approved = min(admitted + timedelta(days=rng.randint(20, 80)), today)
    return {
        "application_date": application,
        "talk_date": application + timedelta(days=rng.randint(5, 25)),
        "activist_date": activist,
        "contacts": maker.two_names(),
        "last_review_date": add_months(candidate, -1),
        "candidate_date": candidate,
        "training_hours": rng.choice((24, 32, 40)),
        "sponsors": maker.two_names(),
        "admission_date": admitted,
        "approval_date": approved,
    }


_SOON = {5: Stage.PROBATIONARY, 6: Stage.ACTIVIST, 7: Stage.APPLICANT}
"""Members (by index) whose development deadlines fall in the coming weeks, in every demo."""


def _soon(maker: _Maker, stage: Stage) -> dict[str, Any]:
    today = maker.today
    if stage is Stage.APPLICANT:
        return {"application_date": add_months(today, -1) + timedelta(days=14)}
    activist = add_months(today, -8)
    application = activist - timedelta(days=120)
    steps: dict[str, Any] = {
        "application_date": application,
        "talk_date": application + timedelta(days=12),
        "activist_date": activist,
        "contacts": maker.two_names(),
        "last_review_date": add_months(today, -6) + timedelta(days=10),
    }
    if stage is Stage.ACTIVIST:
        return steps
    admitted = add_months(today, -12) + timedelta(days=20)  # probation ends in about 3 weeks
    candidate = add_months(admitted, -4)
    activist = add_months(candidate, -13)
    application = activist - timedelta(days=120)
    return steps | {
        "application_date": application,
        "talk_date": application + timedelta(days=12),
        "activist_date": activist,
        "last_review_date": add_months(candidate, -1),
        "candidate_date": candidate,
        "training_hours": 32,
        "sponsors": maker.two_names(),
        "admission_date": admitted,
        "approval_date": admitted + timedelta(days=30),
    }


def demo_people(count: int, today: date, seed: int = DEFAULT_SEED) -> list[DemoPerson]:
    """``count`` plausible members (pure: no database)."""
    maker = _Maker(seed, today)
    rng = maker.rng
    people: list[DemoPerson] = []
    posts = [BranchPost.SECRETARY, BranchPost.DEPUTY_SECRETARY, BranchPost.ORGANIZATION,
             BranchPost.PROPAGANDA, BranchPost.DISCIPLINE]
    for index in range(count):
        roll = rng.random()
        if roll < 0.72:
            category, birth = PersonCategory.IN_WORK, maker.years_ago(24, 59)
        elif roll < 0.94:
            category, birth = PersonCategory.RETIRED, maker.years_ago(61, 88)
        else:
            category, birth = PersonCategory.STUDENT, maker.years_ago(21, 27)
        gender = Gender.MALE if rng.random() < 0.56 else Gender.FEMALE
        area, place = maker.pick_area()
        stage = Stage.FULL if index < len(posts) else _stage_for(rng, category)
        if stage is Stage.FULL and add_months(birth, 12 * 21) > add_months(today, -13):
            stage = Stage.PROBATIONARY  # too young to be a full member already
        education, degree = _education(maker, category)
        if category is PersonCategory.IN_WORK:
            unit, post = rng.choice(_UNITS), rng.choice(_POSTS)
        elif category is PersonCategory.RETIRED:
            unit, post = "市财政局（退休）", ""
        else:
            unit, post = rng.choice(("武汉大学", "华中科技大学", "中南财经政法大学")), "在读研究生"
        if category is PersonCategory.STUDENT:
            education, degree = "21", "402"
        soon = index in _SOON
        if soon:  # in work and young enough for any stage
            category, stage = PersonCategory.IN_WORK, _SOON[index]
            birth = maker.years_ago(26, 35)
            unit, post = rng.choice(_UNITS), "科员"
        data = MemberInput(
            name=maker.name(gender),
            id_number=maker.id_number(area, birth, gender),
            gender=gender,
            birth_date=birth,
            ethnic_group=maker.weighted([(c, w) for c, w in maker.ethnic]),
            native_place=place,
            education=education,
            degree=degree,
            work_unit=unit,
            job_title=post,
            occupation=_occupation(index, category, unit, post),
            phone=f"1{rng.choice('35789')}{rng.randint(0, 999_999_999):09d}",
            category=category,
            stage=stage,
            branch_post=posts[index] if index < len(posts) else BranchPost.NONE,
        )
        data = replace(data, **_milestones(maker, stage, birth, soon))
        group = 3 if category is PersonCategory.RETIRED else rng.randrange(3)
        fate_roll = rng.random()
        fate = ""
        if index >= len(posts) and stage is Stage.FULL and not soon:
            if fate_roll < 0.04:
                fate = "transferred_out"
            elif fate_roll < 0.055 and category is PersonCategory.RETIRED:
                fate = "deceased"
            elif 0.06 <= fate_roll < 0.085 and category is not PersonCategory.RETIRED:
                fate = "flow_out"
            elif 0.085 <= fate_roll < 0.09:
                fate = "lost_contact"
        reward = ""
        if stage is Stage.FULL and rng.random() < 0.08:
            reward = f"{today.year - rng.randint(1, 5)}年度{rng.choice(_REWARDS)}"
        people.append(DemoPerson(data, group, fate, reward))
    return people


def populate(
    uow: UnitOfWork, today: date, count: int = DEFAULT_MEMBERS, seed: int = DEFAULT_SEED,
    year: bool = True,
) -> DemoSummary:
    """Add the demo party groups and members to an (empty) register, and with ``year`` the last
    twelve months of the branch's work (``demo_year``); the caller commits. Benchmarks that
    measure one record book on a large register pass ``year=False`` (members only)."""
    group_ids = [members.create_party_group(uow, name) for name in PARTY_GROUPS]
    people = demo_people(count, today, seed)
    items = [
        (uow.new_id(), members.completed(replace(p.data, party_group_id=group_ids[p.group]), today))
        for p in people
    ]
    roster.insert_members(uow, items, "demo")
    # The members with events, loaded at once: the services then find them in the session.
    busy = [mid for (mid, _d), p in zip(items, people, strict=True) if p.fate or p.reward]
    loaded = [
        row
        for start in range(0, len(busy), 500)
        for row in uow.session.scalars(
            select(MemberRow).where(MemberRow.id.in_(busy[start : start + 500]))
        )
    ]
    rng = random.Random(seed + 1)  # noqa: S311 - sample data
    left = flowing = rewards = 0
    pending = False  # the first letter out still awaits its receipt, past its validity
    for (member_id, _data), person in zip(items, people, strict=True):
        if person.fate == "transferred_out":
            on = today - timedelta(days=40 if not pending else rng.randint(60, 700))
            transfers.transfer_out(uow, member_id, transfers.LetterOut(
                f"组转字〔{on.year}〕第{rng.randint(1, 299):03d}号", rng.choice(_TRANSFER_TO),
                on, Month.of(on), reason="工作调动"), today)
            if pending:
                transfers.record_receipt(
                    uow, member_id, on + timedelta(days=rng.randint(5, 25)), today)
            pending = True
            left += 1
        elif person.fate == "deceased":
            on = today - timedelta(days=rng.randint(30, 900))
            members.record_leaving(uow, member_id, MembershipStatus.DECEASED, on, "因病去世")
            left += 1
        elif person.fate == "flow_out":
            on = today - timedelta(days=rng.randint(30, 500))
            members.add_event(uow, member_id, EventKind.FLOW_OUT, on, "外出务工",
                              place=rng.choice(_FLOW_PLACES),
                              contact=f"1{rng.choice('35789')}{rng.randint(0, 999_999_999):09d}")
            flowing += 1
        elif person.fate == "lost_contact":
            on = today - timedelta(days=rng.randint(100, 400))
            members.add_event(uow, member_id, EventKind.LOST_CONTACT, on, "多次联系未果")
        if person.reward:
            rewarded = int(person.reward[:4])
            members.add_event(uow, member_id, EventKind.REWARD, date(rewarded, 7, 1), person.reward)
            rewards += 1
    del loaded
    in_development = sum(1 for p in people if p.data.stage is not Stage.FULL)
    summary = DemoSummary(len(people), len(group_ids), in_development, left, flowing, rewards)
    if not year:
        return summary
    work = demo_year.populate_year(uow, today, group_ids, random.Random(seed + 2))  # noqa: S311
    demo_opinions.populate_opinions(uow, today, random.Random(seed + 3))  # noqa: S311
    demo_books.populate_books(uow, today, random.Random(seed + 3))  # noqa: S311
    demo_disclosures.populate(uow, today)
    return DemoSummary(
        len(people), len(group_ids), in_development, left, flowing, rewards,
        meetings=work.meetings, finalized=work.finalized, dues_months=work.dues_months,
        payments=work.payments, in_arrears=work.in_arrears, remittances=work.remittances,
        notices=work.notices,
    )
