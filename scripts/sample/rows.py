"""How many registrations each unit gets, and the registrations themselves (meaning, not spelling).

A ``Registration`` holds codes (field ``KT``..., type ``collective``/``individual``, level
``thanh_pho``/``cap_tren_co_so``/``co_so``); ``layout`` decides how a unit spells them.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab as V


@dataclass(frozen=True)
class Unit:
    """One row of the unit registry (``data/reference/units.csv``)."""
    code: str
    name: str
    kind: str
    members: int
    grassroots_unions: int

    @property
    def short(self) -> str:
        """Short name as units write it: ``LĐLĐ quận Ba Đình``, ``Công đoàn ngành Y tế Hà Nội``."""
        return self.name.replace("Liên đoàn Lao động", "LĐLĐ")

    @property
    def place(self) -> str:
        """District name without its prefix (``Ba Đình``), the (first) commune/ward of a
        commune/ward union (``Kim Liên``), or "" for other units."""
        if self.kind == "xa_phuong":
            where = self.name.removeprefix("Công đoàn ")
            for prefix in ("các xã ", "phường ", "xã "):
                where = where.removeprefix(prefix)
            return where.split(",")[0].split(" và ")[0]
        if self.kind != "quan_huyen":
            return ""
        where = self.name.split("Lao động ", 1)[1]
        for prefix in ("quận ", "huyện ", "thị xã "):
            where = where.removeprefix(prefix)
        return where


@dataclass
class Registration:
    """One registered model. ``period`` is text or a ``datetime.date`` (a real date cell)."""
    name: str
    field: str
    type: str
    registrant: str
    position: str
    level: str
    union: str
    period: str | dt.date
    result: str
    note: str
    extra: dict = field(default_factory=dict)


def load_units(path: Path, missing: tuple[str, ...] = (), extra: tuple[str, ...] = ()) -> list[Unit]:
    """The units that send a file for ``vocab.YEAR``, in file order: those valid on 31/12 of
    the year (the expected units, ``spec/unit-registry.md``) except ``missing``, and the units
    in ``extra`` (valid on some earlier day of the year). Comment lines (``#``) are skipped."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    year_start, year_end = f"{V.YEAR}-01-01", f"{V.YEAR}-12-31"
    expected = {r["code"] for r in rows
                if r["valid_from"] <= year_end and (not r["valid_to"] or r["valid_to"] >= year_end)}
    live = [r for r in rows
            if r["valid_from"] <= year_end and (not r["valid_to"] or r["valid_to"] >= year_start)]
    return [Unit(r["code"], r["name"], r["kind"], int(r["members"]), int(r["grassroots_unions"]))
            for r in live
            if (r["code"] in expected and r["code"] not in missing) or r["code"] in extra]


def apportion(total: int, weights: list[int], floor: int = 1) -> list[int]:
    """Split ``total`` into integers proportional to ``weights``, each at least ``floor``.

    Largest-remainder (Hamilton) method in exact integer arithmetic; ties go to the lower index.
    """
    rest = total - floor * len(weights)
    assert rest >= 0, (total, len(weights))
    whole = sum(weights)
    shares = [rest * w // whole for w in weights]
    remainders = [rest * w % whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[: rest - sum(shares)]:
        shares[i] += 1
    return [floor + s for s in shares]


def plan_counts(units: list[Unit]) -> dict[str, dict[tuple[str, str], int]]:
    """Valid registrations per unit and (field, type); the sum over units equals ``vocab.TARGETS``."""
    counts: dict[str, dict[tuple[str, str], int]] = {u.code: {} for u in units}
    for cell, total in V.TARGETS.items():
        for unit, n in zip(units, apportion(total, [u.members for u in units])):
            counts[unit.code][cell] = n
    for cell, total in V.TARGETS.items():
        assert sum(c[cell] for c in counts.values()) == total, cell
    return counts


def weighted(rng: random.Random, pairs) -> str:
    """Draw the first item of one of ``(value, weight)`` pairs."""
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights)[0]


def person_name(rng: random.Random) -> str:
    """A fictional Vietnamese name: họ + đệm + tên."""
    sex = rng.choice("mf")
    return f"{rng.choice(V.SURNAMES)} {rng.choice(V.MIDDLE[sex])} {rng.choice(V.GIVEN[sex])}"


def _union_name(rng: random.Random, unit: Unit, places: list[str]) -> tuple[str, str]:
    """One grassroots union's name and its kind (school / health / factory / office)."""
    trade = rng.choice(V.TRADE_NAMES)
    if unit.code in V.SECTORS or unit.kind in ("khu_cong_nghiep", "tong_cong_ty"):
        sector = rng.choice(V.SECTORS.get(unit.code) or V.SECTORS[unit.kind])
        form = rng.choice(("Công ty TNHH", "Công ty Cổ phần"))
        tail = " Việt Nam" if unit.kind == "khu_cong_nghiep" else ""
        return f"{form} {sector} {trade}{tail}", "factory"
    if unit.code in ("N-GD", "N-YT") or unit.kind in ("vien_chuc", "co_quan"):
        body = rng.choice(V.PUBLIC_BODIES[unit.code if unit.code in V.PUBLIC_BODIES else unit.kind])
        kind = {"N-GD": "school", "N-YT": "health"}.get(unit.code, "office")
        where = rng.choice(places + list(V.PLACES)) if kind != "office" else ""
        return (f"{body} {where}".strip(), kind)
    pick = rng.random()
    if pick < 0.45:
        return f"{rng.choice(V.SCHOOL_LEVELS)} {rng.choice(V.SCHOOL_NAMES)}", "school"
    if pick < 0.85:
        sector = rng.choice(V.SECTORS["quan_huyen"])
        return f"{rng.choice(('Công ty TNHH', 'Công ty Cổ phần'))} {sector} {trade}", "factory"
    body = rng.choice(("Cơ quan UBND", "Trung tâm Y tế", "Ban Quản lý dự án đầu tư xây dựng"))
    where = (unit.name.split("Lao động ", 1)[1] if "Lao động " in unit.name
             else ("phường " if unit.name.startswith("Công đoàn phường") else "xã ") + unit.place)
    return f"{body} {where}", "health" if "Y tế" in body else "office"


@dataclass
class UnitContext:
    """What one unit's registrations draw from: its grassroots unions and its own departments."""
    unit: Unit
    unions: list[tuple[str, str]]
    collective_prefix: str
    union_prefix: str
    seen: set = field(default_factory=set)


def make_context(rng: random.Random, unit: Unit, n_rows: int, places: list[str]) -> UnitContext:
    """Draw a unit's pool of grassroots unions (distinct names) and how it prefixes them."""
    size = min(unit.grassroots_unions, max(5, n_rows // 5))
    unions: dict[str, str] = {}
    for _ in range(size * 20):
        name, kind = _union_name(rng, unit, places)
        unions.setdefault(name, kind)
        if len(unions) == size:
            break
    return UnitContext(unit, list(unions.items()),
                       rng.choice(("Công đoàn cơ sở ", "CĐCS ", "Công đoàn ")),
                       rng.choice(("", "", "CĐCS ")))


def _model_name(rng: random.Random, field_code: str, union: str) -> str:
    """Compose a model name from a field's templates, a filler and an optional suffix."""
    template, fillers = rng.choice(V.MODELS[field_code])
    name = template.format(rng.choice(fillers)) if fillers else template
    suffix = rng.choice(V.MODEL_SUFFIXES)
    if ("{union}" in suffix and (not union or " tại " in name)) or str(V.YEAR) in name or name.endswith("năm"):
        suffix = ""
    return name + suffix.format(union=union)


def make_registration(rng: random.Random, ctx: UnitContext, field_code: str, type_: str,
                      level: str) -> Registration:
    """One valid registration of ``field_code`` x ``type_`` at ``level``, unique per registrant."""
    union, union_kind = ("", "office")
    if level == "co_so":
        union, union_kind = rng.choice(ctx.unions)
    if type_ == "collective":
        if level == "co_so":
            registrant = ctx.collective_prefix + union
        elif level == "thanh_pho":
            registrant = f"{rng.choice(V.DEPARTMENTS)} LĐLĐ Thành phố"
        else:
            registrant = rng.choice((ctx.unit.name, *(f"{d} {ctx.unit.short}" for d in V.DEPARTMENTS)))
        position = ""
    else:
        registrant = person_name(rng)
        pool = V.POSITIONS[level]
        if level == "co_so" and rng.random() < 0.5:
            pool = V.POSITIONS[union_kind]
        position = rng.choice(pool)
    for attempt in range(50):
        name = _model_name(rng, field_code, union)
        if attempt == 49:
            name += f" (nội dung {len(ctx.seen) + 1})"
        if (registrant, name.casefold()) not in ctx.seen:
            break
    ctx.seen.add((registrant, name.casefold()))
    result = weighted(rng, V.RESULTS)
    note = weighted(rng, V.NOTES)
    if result == "Tiêu biểu" and rng.random() < 0.3:
        note = "Đề nghị khen thưởng"
    union_cell = (ctx.union_prefix + union) if union else ""
    return Registration(name, field_code, type_, registrant, position, level, union_cell,
                        weighted(rng, V.PERIODS), result, note)


def draw_level(rng: random.Random, unit: Unit) -> str:
    """Level of a registration: the city's own organs register only through one unit
    (``vocab.CITY_UNIT``: CQ in 2024)."""
    if unit.code == V.CITY_UNIT:
        return "thanh_pho" if rng.random() < 0.88 else "co_so"
    return "cap_tren_co_so" if rng.random() < 0.12 else "co_so"


def make_registrations(rng: random.Random, ctx: UnitContext,
                       counts: dict[tuple[str, str], int]) -> list[Registration]:
    """All valid registrations of one unit, in field x type order (layout reorders them)."""
    out = []
    for field_code in V.FIELDS:
        for type_ in V.TYPES:
            for _ in range(counts[(field_code, type_)]):
                out.append(make_registration(rng, ctx, field_code, type_, draw_level(rng, ctx.unit)))
    return out
