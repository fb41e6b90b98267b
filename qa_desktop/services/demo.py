"""Demo data: accounts and realistic incidents for trying QA Desktop out, and for benchmarks.

The incidents are made up but plausible: products of five business units (home appliances,
power tools, elevators, batteries, medical devices) with Japanese and English names, the
hazards each kind of product really shows, harm facts that fit the hazard, and a severity
that follows from the facts (a few percent serious, each with the fact that makes it so:
a death, treatment of 30 days or more, permanent disability, CO poisoning, or a fire
confirmed by the fire service). The same seed gives the same incidents.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from qa_desktop.domain.errors import PermissionDenied
from qa_desktop.domain.incident import (
    HarmFacts,
    IncidentDraft,
    IncidentStatus,
    Severity,
    require_valid,
)
from qa_desktop.domain.roles import Permission, Role
from qa_desktop.persistence import audit
from qa_desktop.persistence.bulk_import import IncidentBulkInsert
from qa_desktop.persistence.models import ImportBatch, Meta
from qa_desktop.persistence.references import next_references
from qa_desktop.services.accounts import require
from qa_desktop.services.demo_catalogue import (
    COUNTRIES,
    HAZARDS,
    MARKETS,
    OWNERS,
    PRODUCTS,
    REPORTERS_EN,
    REPORTERS_JA,
    SOURCES,
    ZONES,
    Hazard,
    Product,
)
from qa_desktop.services.results import CurrentUser

if TYPE_CHECKING:
    from qa_desktop.services import QaServices

#: Password of every demo account (shown on a demo database's sign-in screen).
DEMO_PASSWORD = "demo-password"  # noqa: S105 (published on purpose)
#: The demo accounts: user name, display name, role.
DEMO_ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "山本 健 (Administrator)", Role.ADMINISTRATOR),
    ("engineer", "佐藤 花子 (QA engineer)", Role.QA_ENGINEER),
    ("head", "Hiroshi Tanaka 田中 博 (QA head)", Role.QA_HEAD),
    ("manager", "Emily Clark (Manager)", Role.MANAGER),
)
#: The demo register starts on 1 January of this year.
FIRST_YEAR = 2019
#: Incidents generated and written together.
DEMO_CHUNK = 5_000


class DemoIncidents:
    """Incidents spread over 2019 to *now*; the same seed and calls give the same incidents."""

    def __init__(self, seed: int, now: datetime) -> None:
        self._rng = random.Random(seed)  # noqa: S311 (made-up data, not secrets)
        self._now = now.astimezone(UTC)
        self._countries = tuple(c for c, _ in COUNTRIES)
        self._country_weights = tuple(w for _, w in COUNTRIES)
        self._sources = tuple(s for s, _ in SOURCES)
        self._source_weights = tuple(w for _, w in SOURCES)

    def per_year(self, count: int) -> dict[int, int]:
        """How many of *count* incidents fall in each year (in proportion to its days)."""
        years = range(FIRST_YEAR, self._now.year + 1)
        spans = {y: self._year_span(y).total_seconds() for y in years}
        whole = sum(spans.values())
        shares = {y: int(count * spans[y] / whole) for y in years}
        latest = max(y for y in years if spans[y] > 0)
        shares[latest] += count - sum(shares.values())
        return shares

    def _year_span(self, year: int) -> timedelta:
        start = datetime(year, 1, 1, tzinfo=UTC)
        end = min(datetime(year + 1, 1, 1, tzinfo=UTC), self._now - timedelta(hours=2))
        return max(end - start, timedelta(0))

    def for_year(self, year: int, references: list[str]) -> Iterator[IncidentDraft]:
        """One incident per reference, first known in *year* in the order of the references."""
        rng = self._rng
        span = self._year_span(year).total_seconds()
        start = datetime(year, 1, 1, tzinfo=UTC)
        offsets = sorted(rng.random() * span for _ in references)
        for reference, offset in zip(references, offsets, strict=True):
            yield self._incident(reference, start + timedelta(seconds=int(offset)))

    def _incident(self, reference: str, first_known: datetime) -> IncidentDraft:
        rng = self._rng
        product = PRODUCTS[rng.randrange(len(PRODUCTS))]
        hazard = HAZARDS[product.hazards[rng.randrange(len(product.hazards))]]
        country = rng.choices(self._countries, self._country_weights)[0]
        zone = timezone(timedelta(hours=ZONES[country]))
        harm = self._harm(hazard.key)
        occurred = None
        if rng.random() < 0.85:
            occurred = first_known - timedelta(minutes=rng.randrange(10, 60 * 24 * 30))
        qa_aware = min(
            first_known + timedelta(minutes=rng.randrange(30, 60 * 24 * 6)),
            self._now - timedelta(minutes=1),
        )
        age_days = (self._now - first_known).days
        status = self._status(age_days)
        severity = self._severity(harm, status)
        variant = rng.choice("ABCDEFGH")
        lot = f"{first_known.year % 100:02d}{rng.randrange(1, 53):02d}"
        markets = self._markets(country)
        return IncidentDraft(
            reference=reference,
            title=f"{product.name_ja}: {hazard.ja} / {product.name_en}: {hazard.en}",
            description=self._description(hazard, harm, lot),
            product_name=f"{product.name_ja} {product.name_en} {product.model}",
            model=f"{product.model}{variant}",
            serial_ranges=self._serials(product, variant, lot),
            units_in_field=rng.randrange(500, 2_000_000),
            source=rng.choices(self._sources, self._source_weights)[0],
            country=country,
            markets=markets,
            harm=harm,
            occurred_at=None if occurred is None else occurred.astimezone(zone),
            first_known_at=first_known.astimezone(zone),
            qa_aware_at=qa_aware.astimezone(zone),
            status=status,
            severity=severity,
            business_unit=product.business_unit,
            qa_owner=rng.choice(OWNERS) if status is not IncidentStatus.INTAKE else "",
        )

    def _harm(self, hazard: str) -> HarmFacts:
        rng = self._rng
        roll = rng.random()
        if hazard == "co":
            # Any CO poisoning is serious under Japan's definition.
            hurt = rng.randrange(1, 4)
            return HarmFacts(
                deaths=1 if roll < 0.08 else 0,
                injuries=hurt,
                max_treatment_days=rng.randrange(1, 20),
                co_poisoning=roll < 0.6,
            )
        if hazard in ("fire", "rupture"):
            confirmed = roll < 0.15
            injured = rng.random() < 0.2
            days = rng.choice((3, 7, 14, 21, 21, 7, 3, 45)) if injured else 0
            return HarmFacts(
                deaths=1 if roll < 0.004 else 0,
                injuries=1 if injured else 0,
                max_treatment_days=days,
                fire=True,
                fire_service_confirmed=confirmed,
                property_damage=True,
            )
        if hazard in ("burn", "shock", "cut", "kickback", "door", "fall", "overdose"):
            if roll < 0.6:
                days = (
                    rng.choice((0, 1, 2, 3, 5, 7, 10, 14, 21))
                    if rng.random() < 0.92
                    else rng.choice((30, 45, 60, 90))
                )
                serious_injury = rng.random() < 0.03
                return HarmFacts(
                    deaths=1 if hazard in ("overdose", "shock") and rng.random() < 0.01 else 0,
                    injuries=rng.randrange(1, 3),
                    max_treatment_days=days,
                    permanent_disability=serious_injury and hazard in ("cut", "fall", "door"),
                )
            return HarmFacts()
        if hazard in ("smoke", "overheat", "swelling"):
            return HarmFacts(property_damage=roll < 0.2)
        return HarmFacts()

    def _status(self, age_days: int) -> IncidentStatus:
        rng = self._rng
        flow: tuple[IncidentStatus, ...]
        if age_days > 540:
            flow = (
                (IncidentStatus.CLOSED,) * 17
                + (IncidentStatus.COUNTERMEASURES,) * 2
                + (IncidentStatus.INVESTIGATION,)
            )
        elif age_days > 60:
            flow = (
                IncidentStatus.CLOSED,
                IncidentStatus.CLOSED,
                IncidentStatus.COUNTERMEASURES,
                IncidentStatus.COUNTERMEASURES,
                IncidentStatus.INVESTIGATION,
                IncidentStatus.REPORTING,
            )
        else:
            flow = (
                IncidentStatus.INTAKE,
                IncidentStatus.INTAKE,
                IncidentStatus.CLASSIFICATION,
                IncidentStatus.CONTAINMENT,
                IncidentStatus.REPORTING,
                IncidentStatus.INVESTIGATION,
            )
        return rng.choice(flow)

    def _severity(self, harm: HarmFacts, status: IncidentStatus) -> Severity:
        if status is IncidentStatus.INTAKE and self._rng.random() < 0.8:
            return Severity.UNCLASSIFIED
        if (
            harm.deaths
            or harm.max_treatment_days >= 30
            or harm.permanent_disability
            or harm.co_poisoning
            or harm.fire_service_confirmed
        ):
            return Severity.SERIOUS
        if harm.injuries:
            return Severity.HIGH
        if harm.fire or harm.property_damage:
            return Severity.MEDIUM
        return Severity.LOW

    def _markets(self, country: str) -> tuple[str, ...]:
        rng = self._rng
        chosen = [country] if country in MARKETS else []
        for market in rng.sample(MARKETS, rng.randrange(0, 4)):
            if market not in chosen:
                chosen.append(market)
        return tuple(chosen)

    def _description(self, hazard: Hazard, harm: HarmFacts, lot: str) -> str:
        rng = self._rng
        lines = [
            f"{hazard.detail_ja} {hazard.detail_en}",
            f"製造ロット {lot} / lot {lot}. {rng.choice(REPORTERS_EN)} {rng.choice(REPORTERS_JA)}",
        ]
        if harm.injuries:
            lines.append(
                f"負傷者 {harm.injuries} 名、治療 {harm.max_treatment_days} 日。"
                f" {harm.injuries} injured, treatment of {harm.max_treatment_days} days."
            )
        if harm.fire_service_confirmed:
            lines.append("消防署が火災を確認 (fire confirmed by the fire service).")
        if harm.co_poisoning:
            lines.append("医師がCO中毒と診断 (CO poisoning diagnosed at hospital).")
        if rng.random() < 0.3:
            hours = rng.randrange(1, 12)
            lines.append(f"Usage: ~{hours} h/day, installed by a dealer & <not> moved.")
        return "\n".join(lines)

    def _serials(self, product: Product, variant: str, lot: str) -> str:
        rng = self._rng
        prefix = product.model.replace("-", "") + variant
        first = rng.randrange(100_000, 900_000)
        last = first + rng.randrange(50, 5000)
        ranges = [f"{prefix}-{lot}{first:06d} – {prefix}-{lot}{last:06d}"]
        if rng.random() < 0.2:
            second = first + rng.randrange(10_000, 50_000)
            ranges.append(f"{prefix}-{lot}{second:06d} – {prefix}-{lot}{second + 999:06d}")
        return "\n".join(ranges)


def _ensure_demo_accounts(services: QaServices) -> CurrentUser:
    admin = services.accounts.create_first_administrator(
        DEMO_ACCOUNTS[0][0], DEMO_ACCOUNTS[0][1], DEMO_PASSWORD
    )
    for username, display_name, role in DEMO_ACCOUNTS[1:]:
        services.accounts.add_user(admin, username, display_name, DEMO_PASSWORD, role)

    def mark(session: Session) -> None:
        session.add(Meta(key="demo", value="1"))

    services.database.write(mark)
    return services.accounts.sign_in("engineer", DEMO_PASSWORD)


def fill_demo(
    services: QaServices, n: int, seed: int = 2021, actor: CurrentUser | None = None
) -> str:
    """Fill the database with *n* demo incidents; returns a one-line summary for the user.

    A database without accounts gets the demo accounts (password :data:`DEMO_PASSWORD`)
    and is marked as a demo; a database with accounts needs an *actor* allowed to import.
    """
    accounts = 0
    if services.accounts.first_run_needed():
        actor = _ensure_demo_accounts(services)
        accounts = len(DEMO_ACCOUNTS)
    elif actor is None:
        raise PermissionDenied("This database has accounts: sign in to add demo incidents.")
    require(actor, Permission.IMPORT_INCIDENTS)
    now = services.now()
    written = _write_incidents(services, actor, max(n, 0), seed, now)
    parts = []
    if accounts:
        parts.append(f"{accounts} accounts (password {DEMO_PASSWORD})")
    parts.append(f"{written:,} incidents")
    return "demo database: " + ", ".join(parts)


def _write_incidents(
    services: QaServices, actor: CurrentUser, n: int, seed: int, now: datetime
) -> int:
    if n == 0:
        return 0
    label = f"demo data (seed {seed}, {n} incidents)"

    def work(session: Session) -> int:
        # Made here, so that a unit of work run again (a dropped connection) makes the same.
        generator = DemoIncidents(seed, now)
        batch = ImportBatch(
            file_name=label,
            # There is no file: the checksum identifies the generator's parameters instead.
            file_sha256=hashlib.sha256(label.encode()).hexdigest(),
            row_count=n,
            imported_by=actor.username,
            imported_at=now,
        )
        session.add(batch)
        session.flush()
        sink = IncidentBulkInsert(
            session,
            created_by=actor.username,
            created_at=now,
            import_batch_id=batch.id,
            reference_year=now.year,
        )
        for year, count in generator.per_year(n).items():
            if not count:
                continue
            references = next_references(session, year, count)
            chunk: list[IncidentDraft] = []
            for draft in generator.for_year(year, references):
                chunk.append(require_valid(draft, now))
                if len(chunk) >= DEMO_CHUNK:
                    sink.add(chunk)
                    chunk = []
            sink.add(chunk)
        sink.finish()
        audit.record(
            session,
            at=now,
            actor=actor.username,
            entity="import_batch",
            entity_id=batch.id,
            action="demo_data",
            new=label,
        )
        return sink.inserted

    return int(services.database.write(work))
