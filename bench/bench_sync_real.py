"""Sync on records of a center's real size, on PostgreSQL (run by bench/run.py).

N consultations (``CIVICDESK_BENCH_REAL_N``, default 100 000; 20 000 is quicker) are
entered on a center PC through the consultation service, so each brings its audit
row, as in the app. For speed the service runs in bulk: ``create_consultation`` is
called as the app calls it, but its ``session()`` is handed one open session for
2,000 consultations at a time (one transaction per 2,000 instead of one each); the
rows, audit entries, hash chain, outbox and search index are exactly what the app
writes.

What a consultation holds (stated so the figures can be compared):

* question: Kazakh (2 in 3) or Russian text, length drawn from a log-normal
  distribution, median 320 characters, 5 %-95 % ≈ 140-730, cut to 40-1,500;
* advice: the other language's phrasing, median 220 characters, 5 %-95 % ≈ 90-530,
  cut to 20-1,200; one in ten has none (a first visit);
* names: ``referral_to`` names an office and a person (12-60 characters, one in
  three consultations), ``legal_refs`` one or two acts (0-80 characters);
* words are drawn from a vocabulary of about 500 Kazakh and Russian words of the
  domain, so gzip sees repetition a little above real journal text.

The JSON of one consultation as pushed is about 1.1 KB on average; its audit row
(the whole new record as ``after``) about the same.

Measured, against a server process (``civicdesk-server serve``) on a fresh PostgreSQL
database, over loopback:

sync_real.push_s                 the center PC's first sync: push of N consultations and
                                 N audit rows (+ the center's set-up rows) to the empty
                                 server; target 20 s per 100k, scaled to N
sync_real.push_cpu_s             CPU seconds the push took: client + server + PostgreSQL
                                 (on a loaded machine wall time is mostly waiting)
sync_real.first_pull_s           a new head-office PC's first sync: pull of everything
                                 into SQLite and its search index; target 10 s per 100k
sync_real.first_pull_cpu_s       the same for the first pull
sync_real.full_pull_http_s       every page fetched over HTTP, nothing applied;
                                 target 4 s per 100k
sync_real.incr_server_ms         after 100 consultations were edited at the center (and
                                 pushed), the head office's round: CPU time of the server
                                 process (ms); target 10
sync_real.incr_bytes             the same round's bytes both ways; target 20 KB
sync_real.empty_round_bytes      a round with nothing to send or fetch; target 2 KB
sync_real.requests_per_100k      requests of the push plus the first pull, per 100k
                                 consultations; target 50
sync_real.echo_bytes             bytes the center PC downloads in its own push round
                                 (its own rows coming back); target 0 would mean none:
                                 reported against 1 % of the push bytes

Entering 20,000 consultations through the service takes minutes on a loaded machine,
so the center's database is kept in ``.cache/bench-real-<N>/`` after the first run
and copied for each later run (delete the folder to enter them again; a database of an
older schema is upgraded when opened, as at a center).

Rates: per-consultation byte counts are printed to stderr.

Peer: ``CIVICDESK_BENCH_KINTO=1`` also pushes the same consultations and audit rows to
Kinto 26 on PostgreSQL and reads them back (bench/kinto_peer.py; Kinto is installed on
first use into ``.cache/kinto-venv``, never into the project's environment; if that
fails the peer figures are skipped and the reason printed):

sync_real.kinto_push_s           Kinto: every record PUT through ``POST /v1/batch``
sync_real.kinto_full_pull_http_s Kinto: both collections read page by page
sync_real.push_s_vs_kinto        our push_s with Kinto's as target: ratio ours / Kinto's
sync_real.full_pull_http_s_vs_kinto  the same for the full pull over HTTP
"""

from __future__ import annotations

import math
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_sync import PG_ADMIN, new_center_pc, server_process  # noqa: E402

from civicdesk.sync.server.timing import duration_ms  # noqa: E402


def _vocab(words: str) -> list[str]:
    return words.split()


N = int(os.environ.get("CIVICDESK_BENCH_REAL_N", "100000"))
SCALE = N / 100_000

KK = _vocab(
    "ауылдық округ әкімі жергілікті қоғамдастық жиыны бюджет өтініш жер учаскесі жайылым "
    "мал шаруашылығы зейнетақы жәрдемақы құжат анықтама тұрғын үй кезек су құбыры жол "
    "жөндеу мектеп балабақша емхана дәрігер жұмыссыз жұмыспен қамту орталығы несие "
    "субсидия грант жоба жастар әйелдер көпбалалы отбасы мүгедектігі бар адам қамқоршы "
    "мұрагерлік нотариус сот шағым арыз азаматтық хал актілері тіркеу паспорт жеке куәлік "
    "салық мүлік көлік жер салығы коммуналдық төлем электр газ жылу жарық интернет байланыс "
    "әкімдік мәслихат депутат кеңес жиналыс хаттама шешім кворум дауыс беру қатысушы "
    "тұрғындар ауыл селолық аудан облыс мемлекеттік қызмет халыққа қызмет көрсету орталығы "
    "электрондық үкімет портал өтінім беру мерзімі күн ай жыл қалай қайда қашан неге кім "
    "бола ма керек болады мүмкін емес рұқсат бас тарту қайта қарау түсіндіру кеңес беру "
    "сұрады айтты жазды келді барды алды берді көмек қажет ақпарат туралы бойынша үшін "
    "және немесе бірақ сондықтан егер онда осы сол бұл менің біздің олардың жылдың"
)
RU = _vocab(
    "сельский округ аким местное сообщество сход бюджет заявление земельный участок пастбище "
    "животноводство пенсия пособие документ справка жилье очередь водопровод дорога ремонт "
    "школа детский сад поликлиника врач безработный центр занятости кредит субсидия грант "
    "проект молодежь женщины многодетная семья инвалидность опекун наследство нотариус суд "
    "жалоба обращение регистрация актов гражданского состояния паспорт удостоверение налог "
    "имущество транспорт коммунальные платежи электричество газ отопление связь интернет "
    "акимат маслихат депутат совет собрание протокол решение кворум голосование участник "
    "жители село район область государственная услуга центр обслуживания населения портал "
    "электронного правительства подача заявки срок день месяц год как где когда почему кто "
    "можно нужно необходимо отказ пересмотр разъяснено рекомендовано обратиться письменно "
    "устно помощь информация о по для и или но поэтому если тогда этот тот наш их года "
    "разъяснен порядок направлен запрос подготовлен ответ консультация повторно прийти"
)
SURNAMES = _vocab(
    "Серікбаев Нұрланов Әбдірахманова Жұмабекова Төлеубаев Қасымов Иванова Петров "
    "Ахметов Сәрсенбаева Омаров Бекболатова Ким Шевченко Мұхамеджанов Ғабдуллина"
)
OFFICES = (
    "Аудан әкімдігі", "ХҚКО", "Жұмыспен қамту орталығы", "Акимат района", "ЦОН",
    "Аудандық сот", "Нотариус", "Жер қатынастары бөлімі", "Отдел образования",
)
ACTS = ("ҚР Жер кодексі 43-бап", "Закон РК № 148-II, ст. 39-3", "ҚР ӘҚБтК 456-бап",
        "Бюджетный кодекс, ст. 51", "Закон РК № 94-V")


TOPICS = ("appeals", "land_utilities", "social_support", "lsg_budget", "gathering_org",
          "grants", "legal_acts", "other")


def _lognormal_len(rnd: random.Random, median: float, sigma: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, int(rnd.lognormvariate(math.log(median), sigma))))


def _words(rnd: random.Random, vocab: list[str], length: int) -> str:
    out: list[str] = []
    size = 0
    while size < length:
        w = rnd.choice(vocab)
        out.append(w)
        size += len(w) + 1
    text = " ".join(out)[:length].rstrip()
    return text[:1].upper() + text[1:] + "."


def consultation_text(i: int) -> dict[str, str]:
    rnd = random.Random(i * 104729 + 17)
    kk = rnd.random() < 2 / 3
    question = _words(rnd, KK if kk else RU, _lognormal_len(rnd, 320, 0.5, 40, 1500))
    advice = ""
    if rnd.random() >= 0.1:
        advice = _words(rnd, RU if kk else KK, _lognormal_len(rnd, 220, 0.55, 20, 1200))
    referral = ""
    if rnd.random() < 1 / 3:
        referral = (f"{rnd.choice(OFFICES)}, {rnd.choice(SURNAMES)} "
                    f"{rnd.choice('АБЕҒҚМНСТ')}.{rnd.choice('АБЕҒҚМНСТ')}.")
    refs = "; ".join(rnd.sample(ACTS, rnd.choice((0, 0, 1, 1, 2))))
    return {"question": question, "advice": advice, "referral_to": referral,
            "legal_refs": refs, "language": "kk" if kk else "ru"}


class _OneSession:
    """Hands the service one open session, so many service calls share a transaction."""

    def __init__(self, db: Any, session: Any) -> None:
        self._db = db
        self._session = session

    @contextmanager
    def session(self) -> Iterator[Any]:
        yield self._session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


def enter_consultations(app: Any, n: int, chunk: int = 2000) -> list[str]:
    """N consultations through ``create_consultation`` (chunk per transaction)."""
    import dataclasses

    from civicdesk.domain.enums import ConsultationChannel
    from civicdesk.services.consultations import ConsultationInput, create_consultation

    ctx = app.admin_context()
    ids: list[str] = []
    start = datetime(2025, 1, 6, 9, 0)
    channels = list(ConsultationChannel)
    for first in range(0, n, chunk):
        with app.db.session() as s:
            bulk = dataclasses.replace(ctx, db=_OneSession(app.db, s))
            for i in range(first, min(n, first + chunk)):
                t = consultation_text(i)
                view = create_consultation(bulk, ConsultationInput(
                    occurred_at=start + timedelta(minutes=7 * i),
                    channel=channels[i % len(channels)],
                    topic_codes=[TOPICS[i % len(TOPICS)]],
                    question=t["question"], advice=t["advice"],
                    referral_to=t["referral_to"], legal_refs=t["legal_refs"],
                    language=t["language"],
                ))
                ids.append(view.id)
    return ids


class Meter(httpx.HTTPTransport):
    """Counts requests and bytes each way as on the wire (headers included)."""

    def __init__(self) -> None:
        super().__init__()
        self.up = self.down = self.requests = self.pull_down = 0
        self.pull_server_ms: list[float] = []  # the server's own time (Server-Timing)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        self.requests += 1
        self.up += (len(request.method) + len(request.url.raw_path) + 12 + len(body)
                    + sum(len(k) + len(v) + 4 for k, v in request.headers.raw))
        resp = super().handle_request(request)
        raw = b"".join(resp.iter_raw())
        resp.close()
        got = 17 + len(raw) + sum(len(k) + len(v) + 4 for k, v in resp.headers.raw)
        self.down += got
        if request.url.path.endswith("/pull"):
            self.pull_down += got
            took = duration_ms(resp.headers.get("server-timing"))
            if took is not None:
                self.pull_server_ms.append(took)
        return httpx.Response(resp.status_code, headers=resp.headers, content=raw,
                              request=request)


class RssPeak:
    """How far this process's resident memory rose above where it was, sampled every
    10 ms while the block runs (the PC's memory for a pull's pages in flight)."""

    def __init__(self) -> None:
        self.start = self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @staticmethod
    def _rss_mb() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self._rss_mb())

    def __enter__(self) -> RssPeak:
        self.start = self.peak = self._rss_mb()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss_mb())

    @property
    def growth_mb(self) -> float:
        return self.peak - self.start


def _cpu_of(pid: int) -> float:
    """User+system CPU seconds of a process and its children so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[k]) for k in (11, 12, 13, 14)) / ticks


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _pg_cpu() -> float:
    """CPU seconds of every PostgreSQL process so far (same machine)."""
    total = 0.0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if "postgres" not in (proc / "comm").read_text():
                continue
            total += _cpu_of(int(proc.name))
        except (OSError, IndexError, ValueError):
            continue
    return total


@contextmanager
def pg_bench_db() -> Iterator[str]:
    import secrets

    import psycopg

    name = f"bench_wt18_{secrets.token_hex(3)}"
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield ("postgresql+psycopg://" + PG_ADMIN.split("://", 1)[1].rsplit("/", 1)[0]
               + "/" + name)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_R: dict[str, float] = {}


def _log(msg: str) -> None:
    print(f"    {msg}", file=sys.stderr, flush=True)


def _run() -> dict[str, float]:
    if _R:
        return _R
    from civicdesk.domain.enums import ConsultationChannel
    from civicdesk.services import sync
    from civicdesk.services.consultations import (
        ConsultationInput,
        get_consultation,
        update_consultation,
    )
    from civicdesk.services.users import setup_center
    from civicdesk.sync.client import SyncClient
    from civicdesk.sync.server.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench-real-"))
    try:
        center, ids = _center_with_consultations(tmp / "center")
        with center.db.engine.connect() as conn:
            queued = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()
            avg_q = conn.exec_driver_sql(
                "SELECT avg(length(question)), avg(length(advice)) FROM consultations"
            ).one()
        _log(f"outbox {queued} rows; mean question {avg_q[0]:.0f}, advice {avg_q[1]:.0f} chars")
        with pg_bench_db() as db_url:
            store = Store(db_url)
            cid = store.create_center("Ақсу", "19")
            hid = store.create_center("Бас кеңсе", "75", head_office=True)
            code, ho_code = store.issue_code(cid), store.issue_code(hid)
            store.dispose()
            with server_process(db_url) as url:
                pid = _server_pid(url)
                sync.enroll(center, url, code)
                meter = Meter()
                client = SyncClient(center.db, transport=meter)
                cpu0, pg0 = _cpu_of(pid), _pg_cpu()
                c0 = _self_cpu()
                t0 = time.perf_counter()
                s = client.sync_once()
                _R["push_s"] = time.perf_counter() - t0
                cpu_client = _self_cpu() - c0
                cpu_server, cpu_pg = _cpu_of(pid) - cpu0, _pg_cpu() - pg0
                assert s.pushed >= 2 * N, s
                push_bytes_up, push_down, push_req = meter.up, meter.down, meter.requests
                _R["echo_bytes"] = float(meter.pull_down)
                _R["push_cpu_s"] = cpu_client + cpu_server + cpu_pg
                _log(f"push: {s.pushed} rows in {_R['push_s']:.1f} s, client CPU "
                     f"{cpu_client:.1f} s, server {cpu_server:.1f} s, PostgreSQL {cpu_pg:.1f} s; "
                     f"{push_bytes_up / N:.0f} B up and {push_down / N:.0f} B down per "
                     f"consultation, {push_req} requests; pulled back (echo) "
                     f"{meter.pull_down} B")

                ho = new_center_pc_head(tmp / "ho", setup_center)
                sync.enroll(ho, url, ho_code)
                meter = Meter()
                ho_client = SyncClient(ho.db, transport=meter)
                cpu0, pg0 = _cpu_of(pid), _pg_cpu()
                c0 = _self_cpu()
                t0 = time.perf_counter()
                with RssPeak() as rss:
                    s = ho_client.sync_once()
                _R["first_pull_s"] = time.perf_counter() - t0
                _R["first_pull_rss_growth_mb"] = rss.growth_mb
                cpu_client = _self_cpu() - c0
                cpu_server, cpu_pg = _cpu_of(pid) - cpu0, _pg_cpu() - pg0
                _R["first_pull_cpu_s"] = cpu_client + cpu_server + cpu_pg
                assert s.pulled >= 2 * N, s
                pull_req = meter.requests
                _log(f"first pull: {s.pulled} rows in {_R['first_pull_s']:.1f} s (client CPU "
                     f"{cpu_client:.1f} s, server {cpu_server:.1f} s, PostgreSQL {cpu_pg:.1f} s; "
                     f"the PC's memory grew by up to {rss.growth_mb:.0f} MB), "
                     f"{meter.down / N:.0f} B down per consultation, {pull_req} requests")
                _R["requests_per_100k"] = (push_req + pull_req) / SCALE
                with ho.db.engine.connect() as conn:
                    found = conn.exec_driver_sql(
                        "SELECT count(*) FROM consultations_fts WHERE consultations_fts "
                        "MATCH 'бюджет'").scalar_one()
                assert found > 0

                _R["full_pull_http_s"] = _http_only(ho_client, url)

                ctx = center.admin_context()
                rnd = random.Random(5)
                for cid_ in rnd.sample(ids, 100):
                    v = get_consultation(ctx, cid_)
                    update_consultation(ctx, cid_, ConsultationInput(
                        occurred_at=v.occurred_at, channel=ConsultationChannel(v.channel),
                        topic_codes=list(v.topic_codes), question=v.question,
                        advice=v.advice + " Қайта хабарласты.", status=v.status,
                        language=v.language, referral_to=v.referral_to,
                        legal_refs=v.legal_refs,
                    ))
                SyncClient(center.db).sync_once()
                before = SyncClient(ho.db).state("cursor")
                meter = Meter()
                cpu0 = _cpu_of(pid)
                s = SyncClient(ho.db, transport=meter).sync_once()
                cpu_ms = (_cpu_of(pid) - cpu0) * 1000
                _R["incr_bytes"] = float(meter.up + meter.down)
                # The server's time for that pull (Server-Timing), as the median of the
                # same pull asked again 9 times (the cursor put back; the rows are then
                # already here, the server's work is the same): a CPU clock of 10 ms
                # ticks cannot measure it.
                took = list(meter.pull_server_ms)
                for _ in range(8):
                    SyncClient(ho.db).set_state("cursor", before)
                    again = Meter()
                    SyncClient(ho.db, transport=again).sync_once()
                    took += again.pull_server_ms
                _R["incr_server_ms"] = statistics.median(took)
                _log(f"incremental: {s.pulled} rows, server {_R['incr_server_ms']:.1f} ms "
                     f"(median of {len(took)}: {min(took):.1f}-{max(took):.1f} ms; CPU "
                     f"{cpu_ms:.0f} ms in clock ticks of 10 ms), {meter.up + meter.down} B, "
                     f"{meter.requests} requests")
                meter = Meter()
                s = SyncClient(ho.db, transport=meter).sync_once()
                assert (s.pushed, s.pulled) == (0, 0), s
                _R["empty_round_bytes"] = float(meter.up + meter.down)
            center.close()
            ho.close()
        return _R
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _center_with_consultations(folder: Path) -> tuple[Any, list[str]]:
    from civicdesk.services.app import CivicApp

    cache = _center_cache()
    shutil.copytree(cache / "center", folder)
    ids = (cache / "ids").read_text(encoding="utf-8").split()
    return CivicApp(folder), ids


def _center_cache() -> Path:
    """The folder holding the center PC with N consultations, entered on first use."""
    cache = HERE.parent / ".cache" / f"bench-real-{N}"
    if not (cache / "done").exists():
        shutil.rmtree(cache, ignore_errors=True)
        app = new_center_pc(cache / "center")
        t0 = time.perf_counter()
        ids = enter_consultations(app, N)
        _log(f"entered {N} consultations through the service in "
             f"{time.perf_counter() - t0:.0f} s")
        app.close()
        (cache / "ids").write_text("\n".join(ids), encoding="utf-8")
        (cache / "done").write_text("ok", encoding="utf-8")
    return cache


def _server_pid(url: str) -> int:
    port = url.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"civicdesk.sync.server.cli" in cmd and port.encode() in cmd:
            return int(proc.name)
    raise RuntimeError("server process not found")


def new_center_pc_head(folder: Path, setup_center: Callable[..., Any]) -> Any:
    from civicdesk.services.app import CivicApp

    app = CivicApp(folder)
    setup_center(
        app, name_kk="Бас кеңсе", name_ru="Головной офис", region_kato="75",
        district_id=None, manager_login="office", manager_name="Гүлнар Сейітова",
        manager_password="secret-pass-1", language="kk", head_office=True,
    )
    return app


def _http_only(client: Any, url: str) -> float:
    """Every page of a full pull fetched over HTTP and parsed, nothing applied."""
    from civicdesk.sync.chain import fill_hashes
    from civicdesk.sync.protocol import ACCEPT_ENCODING, MAX_PULL_LIMIT, PullPage, load_model

    headers = client._auth_headers()
    cursor, rows = 0, 0
    with httpx.Client(base_url=url, headers={**headers, "Accept-Encoding": ACCEPT_ENCODING,
                                             "X-CivicDesk-Protocol": "1",
                                             "X-CivicDesk-Schema": "4"}, timeout=120) as http:
        t0 = time.perf_counter()
        while True:
            # as a PC asks (changed columns, audit hashes it works out)
            r = http.get("/sync/v1/pull", params={"cursor": cursor, "limit": MAX_PULL_LIMIT,
                                                  "delta": 1, "chain": 1})
            r.raise_for_status()
            page = fill_hashes(load_model(r.content, PullPage))  # as the PC reads a page
            rows += len(page.changes)
            cursor = page.next_cursor
            if not page.has_more:
                break
        took = time.perf_counter() - t0
    _log(f"full pull over HTTP: {rows} rows in {took:.1f} s ({rows / took:.0f} rows/s)")
    return took


def _get(key: str) -> Callable[[], float]:
    return lambda: _run()[key]


KINTO = os.environ.get("CIVICDESK_BENCH_KINTO", "") not in ("", "0")
_K: dict[str, float] = {}
_K_TRIED: list[bool] = []


def _kinto() -> dict[str, float]:
    """The peer run (bench/kinto_peer.py) on the same records, once; empty if skipped."""
    if _K_TRIED:
        return _K
    _K_TRIED.append(True)
    import kinto_peer

    sqlite_path = _center_cache() / "center" / "civicdesk.sqlite3"
    tmp = Path(tempfile.mkdtemp(prefix="bench-kinto-"))
    try:
        _K.update(kinto_peer.run(sqlite_path, PG_ADMIN, Meter, tmp,
                                 cpu=lambda pid: (_cpu_of(pid), _pg_cpu())))
    except kinto_peer.PeerSkippedError as exc:
        _log(f"Kinto peer skipped: {exc}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return _K


def _kinto_get(key: str) -> Callable[[], float]:
    return lambda: _kinto().get(key, float("nan"))


def _peer(key: str) -> Callable[[], float | None]:
    return lambda: _kinto().get(key)


Bench = tuple[str, Callable[[], float], str, float | Callable[[], float | None] | None]
BENCHMARKS: list[Bench] = [
    ("sync_real.push_s", _get("push_s"), "s", 20.0 * SCALE),
    ("sync_real.push_cpu_s", _get("push_cpu_s"), "s", None),
    ("sync_real.first_pull_s", _get("first_pull_s"), "s", 10.0 * SCALE),
    ("sync_real.first_pull_cpu_s", _get("first_pull_cpu_s"), "s", None),
    ("sync_real.first_pull_rss_growth_mb", _get("first_pull_rss_growth_mb"), "MB", None),
    ("sync_real.full_pull_http_s", _get("full_pull_http_s"), "s", 4.0 * SCALE),
    ("sync_real.incr_server_ms", _get("incr_server_ms"), "ms", 10.0),
    ("sync_real.incr_bytes", _get("incr_bytes"), "B", 20_000.0),
    ("sync_real.empty_round_bytes", _get("empty_round_bytes"), "B", 2048.0),
    ("sync_real.requests_per_100k", _get("requests_per_100k"), "req", 50.0),
    ("sync_real.echo_bytes", _get("echo_bytes"), "B", None),
]
if KINTO:  # the peer's figures, then ours with the peer's as target: ratio = ours / peer's
    BENCHMARKS += [
        ("sync_real.kinto_push_s", _kinto_get("kinto_push_s"), "s", None),
        ("sync_real.kinto_full_pull_http_s", _kinto_get("kinto_full_pull_http_s"), "s", None),
        ("sync_real.push_s_vs_kinto", _get("push_s"), "s", _peer("kinto_push_s")),
        ("sync_real.full_pull_http_s_vs_kinto", _get("full_pull_http_s"), "s",
         _peer("kinto_full_pull_http_s")),
    ]

if __name__ == "__main__":
    for name, fn, unit, limit in BENCHMARKS:
        value = fn()
        print(f"{name:30} {value:12.3f} {unit:4} target "
              f"{limit() if callable(limit) else limit}")
