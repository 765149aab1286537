"""A realistic bilingual demo database for trying the app and for benchmarks.

Bulk inserts through one SQLite transaction (executemany), so 100 000 consultations
take seconds; the search index and the outbox are filled by the same triggers as any
other write.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from civicdesk.db.collation import SORT_KEYS, sort_keys_for
from civicdesk.db.models import District, Topic, User
from civicdesk.db.search import SEARCH_TABLES, drop_triggers_sql, rebuild_sql
from civicdesk.domain.enums import (
    ApplicationStatus,
    BudgetCategory,
    ConsultationChannel,
    ConsultationStatus,
    MeetingKind,
    Role,
    Sex,
)
from civicdesk.domain.ids import new_id
from civicdesk.domain.iin import make_iin
from civicdesk.domain.residents import age_group
from civicdesk.services.base import Context
from civicdesk.services.users import hash_password

if TYPE_CHECKING:
    from civicdesk.services.app import CivicApp

MALE_KK = ["Ерлан", "Нұрлан", "Бауыржан", "Қайрат", "Серік", "Дәулет", "Ғалым", "Мұрат",
           "Әлібек", "Жандос", "Өмірзақ", "Тұрсын", "Үсен", "Бекзат", "Асқар", "Ержан"]
FEMALE_KK = ["Айгүл", "Гүлнар", "Әсел", "Жұлдыз", "Мөлдір", "Ақмарал", "Сәуле", "Ұлжан",
             "Дана", "Айжан", "Гүлмира", "Назгүл", "Шынар", "Әйгерім", "Ләззат", "Қарлығаш"]
SURNAME_KK = ["Сейітов", "Нұрланов", "Қасымов", "Әбдірахманов", "Жұмабаев", "Оспанов",
              "Төлеуов", "Ұзақов", "Құдайбергенов", "Мұхамеджанов", "Бекболатов", "Серіков"]
MALE_RU = ["Александр", "Сергей", "Андрей", "Пётр", "Виктор", "Николай", "Алексей", "Юрий"]
FEMALE_RU = ["Ольга", "Наталья", "Елена", "Татьяна", "Светлана", "Людмила", "Алёна", "Ирина"]
SURNAME_RU = ["Иванов", "Петренко", "Ковалёв", "Ким", "Шевченко", "Фёдоров", "Павлов", "Цой"]

SETTLEMENTS = [
    ("Бақанас ауылы", "село Баканас"), ("Ақкөл ауылы", "село Аккол"),
    ("Желтораң ауылы", "село Желторангы"), ("Бақбақты ауылы", "село Бакбакты"),
    ("Қарой ауылы", "село Карой"), ("Топар ауылы", "село Топар"),
    ("Мираш ауылы", "село Мираш"), ("Көктал ауылы", "село Коктал"),
    ("Шеңгелді ауылы", "село Шенгельды"), ("Береке ауылы", "село Береке"),
]

QUESTIONS: dict[str, list[tuple[str, str]]] = {
    "kk": [
        ("Ауылдағы жиынды қалай шақыруға болады және оған кім қатыса алады?",
         "Жиынды әкім шақырады; бастамашы топ өтініш жаза алады. Хабарландыру үлгісі берілді."),
        ("Жиналыстың кворумы қанша болуы керек?",
         "Жиналыс мүшелерінің жартысынан астамы қатысқанда құқылы. Ережелер түсіндірілді."),
        ("Әкімдікке жазбаша өтінішті қалай жіберемін, жауап қанша күнде келеді?",
         "e-Otinish арқылы жіберу көрсетілді; қарау мерзімі 15 жұмыс күні."),
        ("Халық қатысатын бюджетке жобаны қалай ұсынамыз?",
         "Өтінім беру мерзімдері мен қажетті құжаттар түсіндірілді."),
        ("Шағын грант байқауына бастамашы топ қатыса ала ма?",
         "Иә, бастамашы топтар мен ҮЕҰ қатыса алады; өтінім нысаны берілді."),
        ("Жергілікті өзін-өзі басқарудың бюджеті неге жұмсалады?",
         "Төртінші деңгейдегі бюджеттің шығыс бағыттары түсіндірілді."),
        ("Көше жарығы туралы мәселені кімге жолдау керек?",
         "Ауылдық округ әкіміне өтініш жазу ұсынылды, үлгі берілді."),
    ],
    "ru": [
        ("Как созвать сход села и кто может в нём участвовать?",
         "Сход созывает аким; инициативная группа может подать заявление. Дан образец."),
        ("Какой нужен кворум для собрания местного сообщества?",
         "Собрание правомочно при участии более половины членов. Разъяснены правила."),
        ("Как подать обращение в акимат и в какой срок придёт ответ?",
         "Показана подача через e-Otinish; срок рассмотрения 15 рабочих дней."),
        ("Как подать проект в бюджет народного участия?",
         "Разъяснены сроки подачи заявок и необходимые документы."),
        ("Может ли инициативная группа участвовать в конкурсе малых грантов?",
         "Да, инициативные группы и НПО могут участвовать; выдана форма заявки."),
        ("На что тратится бюджет местного самоуправления?",
         "Разъяснены направления расходов бюджета четвёртого уровня."),
        ("Куда обращаться по вопросу уличного освещения?",
         "Рекомендовано обращение к акиму сельского округа, дан образец."),
    ],
}


@dataclass(frozen=True)
class DemoSummary:
    residents: int
    consultations: int
    meetings: int
    applications: int
    seminars: int
    booklets: int
    seconds: float


def _surname(base: str, sex: Sex) -> str:
    """Feminine form of -ов/-ев/-ин surnames; Петренко, Ким, Цой do not change."""
    if sex is Sex.FEMALE and base.endswith(("ов", "ев", "ёв", "ин")):
        return base + "а"
    return base


def _sync_cols(center: str, user: str | None, when: datetime, hlc: str) -> dict[str, Any]:
    return {
        "center_id": center, "created_at": when, "updated_at": when, "updated_by": user,
        "deleted": False, "rev": 1, "server_seq": None, "hlc": hlc,
    }


def _insert(conn: Any, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if SORT_KEYS.get(table):
        rows = [{**r, **sort_keys_for(table, r)} for r in rows]
    cols = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"

    def conv(v: Any) -> Any:
        if isinstance(v, datetime):
            return v.strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, (list, dict)):
            return json.dumps(v, ensure_ascii=False)
        return v

    conn.executemany(sql, [tuple(conv(r[c]) for c in cols) for r in rows])


def generate_demo(
    ctx: Context,
    *,
    consultations: int = 2000,
    seed: int = 2025,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill the database with a realistic center's two years of work."""
    import time

    t0 = time.perf_counter()
    rnd = random.Random(seed)
    center = ctx.actor.center_id
    now = ctx.now().replace(microsecond=0)
    hlc = ctx.clock.now()
    n_res = max(20, consultations // 4)
    with ctx.db.session() as s:
        topics = [t for t in s.scalars(select(Topic.code).order_by(Topic.position))]
        district = s.scalar(select(District.id).where(District.kato == "1936"))
        users = list(s.scalars(select(User.id).where(User.center_id == center)))
    conn = ctx.db.engine.raw_connection()
    try:
        cur = conn.cursor()
        # consultants
        pw = hash_password("demo-password")
        consultants = list(users)
        new_users = []
        for i, (first, last) in enumerate([("Гүлнар", "Оспанова"), ("Ержан", "Төлеуов"),
                                           ("Наталья", "Ким")]):
            uid = new_id()
            consultants.append(uid)
            new_users.append({
                "id": uid, **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "login": f"consultant{i + 1}-{uid[-4:]}", "full_name": f"{first} {last}",
                "role": Role.CONSULTANT.value, "password_hash": pw, "active": True,
                "language": "kk" if i < 2 else "ru", "last_login_at": None,
            })
        _insert(cur, "users", new_users)
        # settlements
        settlements = []
        for kk, ru in SETTLEMENTS:
            settlements.append({
                "id": new_id(), **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "kato": None, "district_id": district, "rural_district_id": None,
                "name_kk": kk, "name_ru": ru, "population": rnd.randrange(400, 6000),
            })
        _insert(cur, "settlements", settlements)
        sids = [x["id"] for x in settlements]
        # residents
        residents = []
        for _ in range(n_res):
            sex = Sex.FEMALE if rnd.random() < 0.58 else Sex.MALE
            russian = rnd.random() < 0.25
            if russian:
                first = rnd.choice(FEMALE_RU if sex is Sex.FEMALE else MALE_RU)
                last = _surname(rnd.choice(SURNAME_RU), sex)
            else:
                first = rnd.choice(FEMALE_KK if sex is Sex.FEMALE else MALE_KK)
                last = _surname(rnd.choice(SURNAME_KK), sex)
            year = rnd.randrange(1945, 2007)
            born = date(year, rnd.randrange(1, 13), rnd.randrange(1, 29))
            iin = make_iin(born, sex, rnd.randrange(1000, 9999)) if rnd.random() < 0.3 else None
            residents.append({
                "id": new_id(), **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "full_name": f"{first} {last}", "iin": iin, "sex": sex.value,
                "birth_year": year, "age_group": age_group(year, now.date()).value,
                "phone": f"+7701{rnd.randrange(1000000, 9999999)}" if rnd.random() < 0.7 else None,
                "settlement_id": rnd.choice(sids), "disability": rnd.random() < 0.06,
                "consent_date": (now - timedelta(days=rnd.randrange(0, 730))).date(),
                "consent_form_version": "2025-1",
                "consent_purposes": ["consultation", "statistics"], "consent_withdrawn_on": None,
                "erased_at": None, "notes": "",
            })
        # index residents and consultations once at the end, not row by row
        for table in SEARCH_TABLES:
            for statement in drop_triggers_sql(table):
                cur.execute(statement)
        _insert(cur, "residents", residents)
        # consultations in chunks
        channels = [c.value for c in ConsultationChannel]
        statuses = [ConsultationStatus.CLOSED.value] * 6 + [
            ConsultationStatus.OPEN.value, ConsultationStatus.FOLLOW_UP.value]
        chunk = 5000
        done = 0
        while done < consultations:
            batch = []
            for _ in range(min(chunk, consultations - done)):
                lang = "ru" if rnd.random() < 0.3 else "kk"
                q, a = rnd.choice(QUESTIONS[lang])
                when = now - timedelta(minutes=rnd.randrange(0, 730 * 24 * 60))
                res = rnd.choice(residents)
                # older work is closed; what is open has its follow-up ahead or just due
                recent = now - when < timedelta(days=30)
                status = rnd.choice(statuses) if recent else ConsultationStatus.CLOSED.value
                batch.append({
                    "id": new_id(), **_sync_cols(center, rnd.choice(consultants), when, hlc),
                    "occurred_at": when, "channel": rnd.choice(channels),
                    "resident_id": res["id"], "consultant_id": rnd.choice(consultants),
                    "settlement_id": res["settlement_id"], "topic_code": rnd.choice(topics),
                    "question": q, "advice": a, "legal_refs": "", "referral_to": "",
                    "follow_up_on": (when + timedelta(days=14)).date()
                    if status != "closed" else None,
                    "status": status, "language": lang,
                })
            _insert(cur, "consultations", batch)
            done += len(batch)
            if progress:
                progress(done, consultations)
        for table in SEARCH_TABLES:
            for statement in rebuild_sql(table):
                cur.execute(statement)
        # meetings with attendance and votes
        n_meetings = max(4, min(40, consultations // 2500))
        meetings, attendees, items = [], [], []
        for m in range(n_meetings):
            kind = rnd.choice([MeetingKind.MEETING, MeetingKind.MEETING, MeetingKind.GATHERING,
                               MeetingKind.SEPARATE_GATHERING])
            eligible = rnd.randrange(7, 16)
            present = rnd.randrange(eligible // 2, eligible + 1)
            held = (now - timedelta(days=rnd.randrange(0, 700))).date()
            mid = new_id()
            members = rnd.sample(residents, eligible)
            meetings.append({
                "id": mid, **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "kind": kind.value, "number": str(m + 1), "held_on": held,
                "starts_at": "10:00", "ends_at": "12:00",
                "place": "Ауылдық клуб / Сельский клуб", "settlement_id": rnd.choice(sids),
                "convened_by": "Ауылдық округ әкімі / Аким сельского округа",
                "chair_name": members[0]["full_name"], "secretary_name": members[1]["full_name"],
                "members_eligible": eligible, "members_present": present,
                "quorum_rule_version": "", "status": "finalized" if m % 3 else "draft",
                "finalized_at": now if m % 3 else None, "sent_to_akim_on": None,
                "akim_response_on": None, "akim_response": "", "notes": "",
            })
            for j, person in enumerate(members):
                attendees.append({
                    "id": new_id(), **_sync_cols(center, ctx.actor.user_id, now, hlc),
                    "meeting_id": mid, "resident_id": person["id"],
                    "full_name": person["full_name"], "role": "member",
                    "present": j < present, "elected_representative": False,
                })
            quorum = present * 2 > eligible
            for pos, (title_kk, title_ru) in enumerate(
                [("Көше жарығын жөндеу", "Ремонт уличного освещения"),
                 ("Балалар алаңын салу", "Строительство детской площадки"),
                 ("Су құбырын жүргізу", "Проведение водопровода")][: rnd.randrange(1, 4)],
                start=1,
            ):
                yes = rnd.randrange(0, present + 1)
                no = rnd.randrange(0, present - yes + 1)
                abst = rnd.randrange(0, present - yes - no + 1)
                outcome = "no_quorum" if not quorum else ("adopted" if yes * 2 > present
                                                           else "rejected")
                items.append({
                    "id": new_id(), **_sync_cols(center, ctx.actor.user_id, now, hlc),
                    "meeting_id": mid, "position": pos, "title": f"{title_kk} / {title_ru}",
                    "speakers": members[2]["full_name"], "proposal": title_kk,
                    "votes_for": yes, "votes_against": no, "votes_abstain": abst,
                    "outcome": outcome, "decision": "",
                })
        _insert(cur, "meetings", meetings)
        _insert(cur, "meeting_attendees", attendees)
        _insert(cur, "agenda_items", items)
        # a grant call with applications and budgets
        call_id = new_id()
        _insert(cur, "grant_calls", [{
            "id": call_id, **_sync_cols(center, ctx.actor.user_id, now, hlc),
            "title_kk": "Ауылдық бастамаларға шағын гранттар 2025",
            "title_ru": "Малые гранты сельским инициативам 2025", "region_kato": "19",
            "pool": 100_000_000, "opens_on": date(2025, 2, 1), "closes_on": date(2025, 3, 15),
            "criteria": [], "status": "open",
        }])
        apps, lines = [], []
        titles = [("Жастарға арналған спорт алаңы", "Спортивная площадка для молодёжи"),
                  ("Ауыл кітапханасын жаңарту", "Обновление сельской библиотеки"),
                  ("Қаржылық сауаттылық курсы", "Курс финансовой грамотности"),
                  ("Ауыл тазалығы акциясы", "Акция за чистоту села"),
                  ("Қарттарға цифрлық сауаттылық", "Цифровая грамотность для пожилых"),
                  ("Бастапқы медициналық көмек туралы ақпарат",
                   "Информирование о первичной медпомощи")]
        statuses_g = [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
                      ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
                      ApplicationStatus.DRAFT, ApplicationStatus.IN_PROGRESS]
        awarded_total = 0
        for k, (tkk, tru) in enumerate(titles):
            aid = new_id()
            status = statuses_g[k % len(statuses_g)]
            award = None
            if status in (ApplicationStatus.APPROVED, ApplicationStatus.IN_PROGRESS):
                award = 250_000_00
                awarded_total += award
            apps.append({
                "id": aid, **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "call_id": call_id, "applicant_kind": "initiative_group",
                "applicant_name": f"«{rnd.choice(SETTLEMENTS)[0]}» бастамашы тобы",
                "bin": None, "leader_name": rnd.choice(residents)["full_name"],
                "contact_phone": "+77011234567", "contact_email": "", "title": tkk,
                "problem": f"{tkk}: ауылда мұндай мүмкіндік жоқ. / {tru}: в селе такой "
                           "возможности нет.",
                "goal": "Тұрғындардың хабардарлығын 40 %-ға арттыру / Повысить "
                        "осведомлённость жителей на 40 %",
                "activities": "", "target_group": "Ауыл тұрғындары / Жители села",
                **_demo_breakdown(rnd),
                "settlement_id": rnd.choice(sids),
                "starts_on": date(2025, 4, 1), "ends_on": date(2025, 10, 31),
                "status": status.value, "awarded_amount": award,
                "awarded_on": date(2025, 3, 30) if award else None, "language": "kk",
            })
            for pos, (cat, item, unit, qty, cost) in enumerate([
                (BudgetCategory.MATERIALS, "Құрылыс материалдары / Стройматериалы", "жиынтық",
                 1, 120_000_00),
                (BudgetCategory.SERVICES, "Орнату жұмыстары / Монтажные работы", "қызмет",
                 1, 60_000_00),
                (BudgetCategory.PUBLISHING, "Кітапшалар / Буклеты", "дана", 300, 150_00),
                (BudgetCategory.ADMINISTRATION, "Байланыс / Связь", "ай", 6, 2_500_00),
            ], start=1):
                lines.append({
                    "id": new_id(), **_sync_cols(center, ctx.actor.user_id, now, hlc),
                    "application_id": aid, "position": pos, "category": cat.value,
                    "item": item, "unit": unit, "qty": qty * 1000, "unit_cost": cost,
                    "cofinancing": 10_000_00 if pos == 1 else 0,
                })
        assert awarded_total <= 100_000_000
        _insert(cur, "grant_applications", apps)
        _insert(cur, "budget_lines", lines)
        # seminars: a series, for residents and (every third) for local officials
        series_id = new_id()
        today = now.date()
        _insert(cur, "seminar_series", [{
            "id": series_id, **_sync_cols(center, ctx.actor.user_id, now, hlc),
            "name_kk": "Азаматтық сауаттылық: 16 бір күндік семинар",
            "name_ru": "Гражданская грамотность: 16 однодневных семинаров",
            "starts_on": today.replace(year=today.year - 1, month=1, day=1),
            "ends_on": today.replace(month=12, day=31), "planned": 16, "programme_id": None,
        }])
        seminars, participants = [], []
        for k, (tkk, tru) in enumerate([("Цифрлық сауаттылық", "Цифровая грамотность"),
                                        ("Қаржылық сауаттылық", "Финансовая грамотность"),
                                        ("Халық қатысатын бюджет",
                                         "Бюджет народного участия")] * 3):
            sid = new_id()
            seminars.append({
                "id": sid, **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "title": f"{tkk} / {tru}", "topic": "", "held_on":
                (now - timedelta(days=30 * k + 5)).date(), "place": "Мектеп / Школа",
                "settlement_id": rnd.choice(sids), "trainer": "Әсел Нұрланқызы", "hours": 6,
                "series_id": series_id, "audience": "officials" if k % 3 == 2 else "residents",
            })
            for person in rnd.sample(residents, min(15, len(residents))):
                pre = rnd.randrange(20, 70)
                participants.append({
                    "id": new_id(), **_sync_cols(center, ctx.actor.user_id, now, hlc),
                    "seminar_id": sid, "resident_id": person["id"],
                    "full_name": person["full_name"], "attended": rnd.random() < 0.9,
                    "pre_score": pre, "post_score": min(100, pre + rnd.randrange(5, 35)),
                })
        _insert(cur, "seminars", seminars)
        _insert(cur, "seminar_participants", participants)
        # booklets, print runs, distributions
        booklets, runs, dists = [], [], []
        for name, tkk, tru in [
            ("appeal-to-state-bodies", "Мемлекеттік органдарға өтініш беру",
             "Обращение в государственные органы"),
            ("residents-influence", "Тұрғындардың ЖӨБ-ге ықпал ету нысандары",
             "Формы влияния жителей на МСУ"),
        ]:
            bid = new_id()
            booklets.append({
                "id": bid, **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "template_name": name, "template_edition": "full", "title_kk": tkk,
                "title_ru": tru, "content": {},
                "layout": "a5-booklet", "arrangement": "parallel", "edition": 1,
                "edition_date": date(2025, 3, 1),
            })
            rid = new_id()
            runs.append({
                "id": rid, **_sync_cols(center, ctx.actor.user_id, now, hlc),
                "booklet_id": bid, "copies": 300, "printed_on": date(2025, 3, 5),
                "layout": "a5-booklet", "note": "",
            })
            for sid in sids[:6]:
                dists.append({
                    "id": new_id(), **_sync_cols(center, ctx.actor.user_id, now, hlc),
                    "print_run_id": rid, "settlement_id": sid, "copies": 50,
                    "distributed_on": date(2025, 3, 10),
                })
        _insert(cur, "booklets", booklets)
        _insert(cur, "print_runs", runs)
        _insert(cur, "distributions", dists)
        conn.commit()
        cur.execute("ANALYZE")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
    # A measured campaign (baseline and endline waves) through the services.
    from civicdesk.services import volunteer_demo
    from civicdesk.services.campaign_demo import add_demo_campaign, add_demo_programme

    campaign = add_demo_campaign(ctx, seed, sheets=min(120, max(20, consultations)))
    programme_id = add_demo_programme(ctx, campaign)
    _link_series(ctx, series_id, programme_id)
    volunteer_demo.add_demo_volunteers(ctx, seed)
    from civicdesk.services.problems_demo import add_demo_problems
    add_demo_problems(ctx, seed)
    return DemoSummary(
        residents=n_res, consultations=consultations, meetings=n_meetings,
        applications=len(titles), seminars=len(seminars), booklets=len(booklets),
        seconds=time.perf_counter() - t0,
    )


def _demo_breakdown(rnd: random.Random) -> dict[str, int]:
    """A project's beneficiaries and how they divide (counts that agree with the total)."""
    total = rnd.randrange(50, 400)
    women = rnd.randrange(total // 3, 2 * total // 3)
    young = rnd.randrange(total // 5, total // 2)
    under_18 = rnd.randrange(0, total // 4)
    a18_29 = rnd.randrange(0, total // 4)
    a30_44 = rnd.randrange(0, total // 4)
    return {"beneficiaries": total, "ben_women": women, "ben_men": total - women,
            "ben_under_18": under_18, "ben_18_29": a18_29, "ben_30_44": a30_44,
            "ben_45_59": rnd.randrange(0, total // 8),
            "ben_60_plus": rnd.randrange(0, total // 8),
            "ben_youth": young, "ben_disability": rnd.randrange(0, max(1, total // 20))}


def _link_series(ctx: Context, series_id: str, programme_id: str) -> None:
    """The demo's seminar series serves the demo programme."""
    from civicdesk.services.seminar_series import SeriesInput, list_series, update_series

    v = next(x for x in list_series(ctx) if x.id == series_id)
    update_series(ctx, series_id, SeriesInput(v.name_kk, v.name_ru, v.starts_on, v.ends_on,
                                              v.planned, programme_id))


__all__ = ["DemoSummary", "generate_demo"]


# --- the demo's sign-in ---------------------------------------------------------------

#: the manager a demo database is made with (``civicdesk demo`` on an empty folder)
DEMO_LOGIN = "manager"
DEMO_PASSWORD = "demo-password"
_DEMO_KEY = "demo_sign_in"


def mark_demo_center(app: CivicApp) -> None:
    """Remember that this center was made for the demo, so the sign-in screen can show
    its login and password to whoever tries the app."""
    from civicdesk.services.base import put_setting

    with app.db.session() as s:
        put_setting(s, _DEMO_KEY, DEMO_LOGIN)


def demo_sign_in(app: CivicApp) -> tuple[str, str] | None:
    """The demo's (login, password), or None for a real center."""
    from civicdesk.services.base import get_setting

    with app.db.session() as s:
        login = get_setting(s, _DEMO_KEY)
    return (str(login), DEMO_PASSWORD) if login else None
