"""“So sánh với năm trước”: this year's figures against the previous year's published ones.

Source: ``shared/spec/outputs.md`` ("previous_year"). Everything is computed from two
``summary.json`` dicts (:func:`thidua.report.figures.summary_dict`), so the comparison is
exactly the difference of the two published files; the registry (through time,
``spec/unit-registry.md``) only says which units succeeded which.

A change is ``{"previous": a, "current": b, "difference": b - a, "percent": p}``: ``p`` is
``(b - a) / a`` in per cent rounded half up to one decimal (as
:func:`thidua.report.formatting.percent` rounds), and ``None`` when ``a`` is 0 (a change
from nothing has no percentage; the report writes “mới”).
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from schemas.form import FIELDS, LEVELS, RESULTS, TYPES
from thidua.reasons import json_reason, os_reason
from thidua.ingest.registry_check import successor_edges

KINDS = (*TYPES, "total")


class PreviousUnusable(Exception):
    """The previous year's ``summary.json`` cannot be read; ``str(exc)`` says why (Vietnamese)."""


def read_previous(path: Path) -> dict | None:
    """The previous year's ``summary.json`` at ``path`` (a file, or a folder holding one: the
    previous year's output folder given as ``--previous``; fresh tester V); ``None`` when there
    is none. Raises :class:`PreviousUnusable` when it exists but is not a summary (bad JSON, no
    ``registrations``)."""
    if path.is_dir():
        path = path / "summary.json"
    if not path.is_file():
        return None
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PreviousUnusable(f"Không đọc được số liệu năm trước {path}: {os_reason(exc)}") from exc
    except UnicodeDecodeError as exc:
        raise PreviousUnusable(f"Số liệu năm trước {path} không phải văn bản UTF-8 (byte lạ ở vị "
                               f"trí {exc.start}).") from exc
    except json.JSONDecodeError as exc:
        raise PreviousUnusable(f"Số liệu năm trước {path} {json_reason(exc)}.") from exc
    if not isinstance(summary, dict) or not {"year", "registrations", "by_field"} <= set(summary):
        raise PreviousUnusable(f"Tệp {path} không phải summary.json của một năm (thiếu year, "
                               f"registrations hoặc by_field).")
    return summary


def change(previous: int, current: int) -> dict:
    """One figure's change: ``previous, current, difference`` (int) and ``percent`` (float
    rounded half up to one decimal, ``None`` when ``previous`` is 0)."""
    pct = None
    if previous:
        exact = Decimal(current - previous) * 100 / Decimal(previous)
        pct = float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return {"previous": int(previous), "current": int(current),
            "difference": int(current) - int(previous), "percent": pct}


def _types(block: dict | None) -> dict[str, int]:
    block = block or {}
    counts = {kind: int(block.get(kind, 0)) for kind in TYPES}
    return {**counts, "total": sum(counts.values())}


def _typed_change(previous: dict | None, current: dict | None) -> dict:
    a, b = _types(previous), _types(current)
    return {kind: change(a[kind], b[kind]) for kind in KINDS}


def _unit_totals(summary: dict) -> dict[str, dict[str, int]]:
    """Unit code → collective, individual, total (summed over fields) of ``by_unit``."""
    totals = {}
    for code, fields in summary.get("by_unit", {}).items():
        counts = {kind: sum(int(cell.get(kind, 0)) for cell in fields.values()) for kind in TYPES}
        totals[code] = {**counts, "total": sum(counts.values())}
    return totals


def successor_groups(registry: pd.DataFrame, previous_units: list[str],
                     current_units: list[str]) -> list[tuple[list[str], list[str]]]:
    """Groups of units linked by succession: each is ``(previous codes, current codes)``, a
    connected part of the many-to-many graph old → new (``successors`` of the registry,
    followed through units of neither year) between a previous-year unit and the current-year
    units it leads to that did not exist the year before. A unit of both years that has such
    successors (it ended during the year and still sent) is on both sides. Groups are in the
    order of their first previous unit; units of neither kind are in no group.

    ``registry``: :func:`thidua.ingest.registry.load_registry`.
    """
    before, now = set(previous_units), set(current_units)
    edges = successor_edges(registry)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    linked: set[str] = set()
    for code in previous_units:  # link each old unit to the new units its successors lead to
        stack, seen = [code], {code}
        while stack:
            for nxt in sorted(edges.get(stack.pop(), ())):  # sorted: the same walk every run
                if nxt in seen:
                    continue
                seen.add(nxt)
                if nxt in now and nxt not in before:
                    parent[find(nxt)] = find(code)
                    linked |= {code, nxt}
                elif nxt not in before:
                    stack.append(nxt)
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for code in previous_units:
        if code in linked:
            groups.setdefault(find(code), ([], []))[0].append(code)
    for code in current_units:
        if code in linked:
            groups[find(code)][1].append(code)
    return list(groups.values())


def compare_years(current: dict, previous: dict, registry: pd.DataFrame | None = None,
                  names: dict[str, str] | None = None) -> dict:
    """``summary.json``'s ``previous_year`` block: ``year`` (the previous year),
    ``registrations`` (collective, individual, total), ``by_field``/``by_level``/``by_result``
    (each category → collective, individual, total), ``units`` (expected, submitted),
    ``exemplary``: every leaf a :func:`change`. ``by_unit``: code → its total's change, for
    units in both years' ``by_unit``. ``by_successor_group``: list of ``{"previous_units",
    "current_units", "missing_units", "label", "collective", "individual", "total"}`` for units
    that changed (:func:`successor_groups`; empty without a registry); ``missing_units`` are the
    group's current units that were expected and sent nothing (``units.missing`` of the current
    summary), so that a group's fall names its cause. ``names``: code → official name.
    """
    names = names or {}
    prev_units, cur_units = _unit_totals(previous), _unit_totals(current)
    block = {
        "year": int(previous["year"]),
        "registrations": {kind: change(int(previous["registrations"].get(kind, 0)),
                                       int(current["registrations"].get(kind, 0))) for kind in KINDS},
        "by_field": {f: _typed_change(previous["by_field"].get(f), current["by_field"].get(f))
                     for f in FIELDS},
        "by_level": {lv: _typed_change(previous.get("by_level", {}).get(lv),
                                       current.get("by_level", {}).get(lv)) for lv in LEVELS},
        "by_result": {r: _typed_change(previous.get("by_result", {}).get(r),
                                       current.get("by_result", {}).get(r)) for r in RESULTS},
        "units": {k: change(int(previous.get("units", {}).get(k, 0)),
                            int(current.get("units", {}).get(k, 0))) for k in ("expected", "submitted")},
        "exemplary": change(int(previous.get("exemplary", 0)), int(current.get("exemplary", 0))),
        "by_unit": {code: change(prev_units[code]["total"], cur_units[code]["total"])
                    for code in cur_units if code in prev_units},
        "by_successor_group": [],
    }
    missing = set(current.get("units", {}).get("missing", []))
    if registry is not None:
        for old, new in successor_groups(registry, list(prev_units), list(cur_units)):
            before = {k: sum(prev_units[c][k] for c in old) for k in KINDS}
            after = {k: sum(cur_units[c][k] for c in new) for k in KINDS}
            block["by_successor_group"].append({
                "previous_units": old, "current_units": new,
                "missing_units": [c for c in new if c in missing],
                "label": group_label(old, new, names, int(previous["year"]), int(current["year"])),
                **{k: change(before[k], after[k]) for k in KINDS}})
    return block


def group_label(old: list[str], new: list[str], names: dict[str, str], previous_year: int,
                year: int) -> str:
    """``LĐLĐ quận Đống Đa (2024) → 5 công đoàn phường (2025)``: the old units by name, the
    new ones counted by kind of name (``công đoàn phường``, ``công đoàn xã``, …). An old unit
    that is still on the new side (it sent in both years) is named there too, so the group's
    current figure is seen to include it: ``LĐLĐ huyện Thanh Oai (2024) → LĐLĐ huyện Thanh Oai
    và 2 công đoàn xã (2025)``."""
    def short(code: str) -> str:
        return names.get(code, code).replace("Liên đoàn Lao động", "LĐLĐ")

    shown = [short(c) for c in old[:3]] + ([f"{len(old) - 3} đơn vị khác"] if len(old) > 3 else [])
    continuing = [c for c in new if c in old]
    arrived = [c for c in new if c not in old]
    parts = [short(c) for c in continuing]
    if len(arrived) == 1:
        parts.append(short(arrived[0]))
    elif arrived:
        kinds = {_kind_word(names.get(c, c)) for c in arrived}
        word = (kinds.pop() if len(kinds) == 1 else "công đoàn xã, phường"
                if kinds == {"công đoàn xã", "công đoàn phường"} else "đơn vị")
        parts.append(f"{len(arrived)} {word}")
    return f"{_joined(shown)} ({previous_year}) → {_joined(parts)} ({year})"


def _joined(parts: list[str]) -> str:
    """``A``, ``A và B``, ``A, B và C``."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def _kind_word(name: str) -> str:
    for prefix, word in (("Công đoàn phường", "công đoàn phường"), ("Công đoàn xã", "công đoàn xã"),
                         ("Công đoàn các xã", "công đoàn xã"),
                         ("Công đoàn Tổng công ty", "công đoàn tổng công ty")):
        if name.startswith(prefix):
            return word
    return "đơn vị"
