"""A registration sent both by a unit that ended during the year and by a unit that took over
from it is counted once, in the successor's list.

Source: ``spec/unit-registry.md`` (``successors``: "codes that took over its grassroots
unions") and ``spec/submission-form.md``, "Errors" (the same model twice is a duplicate: the
first is kept). The spec says it of one file; a grassroots union's model that both Q-DD
(January–June) and its successor P-DONGDA list is still one model, and the report counted it
twice (fresh tester R's R449). An extension, in ``docs/contracts.md``: the successor's row is
kept (the unit that reports for the grassroots union at the year's end, whose list is the
later one) and the predecessor's is rejected as a duplicate naming the successor's file and
row. Successors of successors count (A → B → C); two units with no succession between them
never share a registration (two unions' same-named model is two models).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import frame_by_value
from thidua.ingest.duplicates import DUPLICATE_KEY, duplicate_key
from thidua.ingest.files import USED, FileResult
from thidua.ingest.registry_check import successor_edges
from thidua.ingest.rejections import rejection_frame, shorten
from thidua.text import clean_text


def heirs(registry: pd.DataFrame | None) -> dict[str, frozenset[str]]:
    """Unit code → every unit its ``successors`` lead to, however many steps away
    (``spec/unit-registry.md``), the unit itself never among them; units without successors
    are left out. ``registry``: :func:`thidua.ingest.registry.load_registry` (``code``,
    ``successors`` columns; several periods of a code join their successors); ``None`` or no
    ``successors`` column gives ``{}``."""
    if registry is None or "successors" not in registry:
        return {}
    direct = successor_edges(registry)
    found = {}
    for code in direct:
        seen: set[str] = set()
        todo = list(direct[code])
        while todo:
            heir = todo.pop()
            if heir not in seen:
                seen.add(heir)
                todo.extend(direct.get(heir, ()))
        seen.discard(code)
        if seen:
            found[code] = frozenset(seen)
    return found


def _keys(registrations: pd.DataFrame) -> list[tuple]:
    """The duplicate key of each registration (:data:`DUPLICATE_KEY`, :func:`duplicate_key`),
    in order."""
    keys = frame_by_value(registrations[DUPLICATE_KEY], duplicate_key)
    return list(keys.itertuples(index=False, name=None))


def _where(file: str, sheet: str, row: int, several_sheets: bool) -> str:
    return (f"dòng {row} (trang '{sheet}') của tệp '{file}'" if several_sheets
            else f"dòng {row} của tệp '{file}'")


def handed_over(results: list[FileResult], lineage: dict[str, frozenset[str]]
                ) -> list[FileResult]:
    """``results`` (after the choice of each unit's file, ``status`` set) with each used file's
    valid registrations that a used file of one of its unit's heirs (``lineage``,
    :func:`heirs`) also holds moved to its rejections: column ``Tên mô hình``, "Trùng với dòng
    9 của tệp 'P-DONGDA.xlsx' của đơn vị kế thừa P-DONGDA: …; chỉ tính ở đơn vị kế thừa.";
    ``rows`` and ``sheets`` counted again as :func:`thidua.ingest.sheetsjoin.combined` counts
    them (a row is rejected when one of its registrations is). Other results are returned as
    they are, in the input order. Idempotent."""
    used = {r.unit: r for r in results if r.status == USED and r.unit and len(r.registrations)}
    out = []
    for result in results:
        heir_files = [used[h] for h in sorted(lineage.get(result.unit or "", ())) if h in used]
        if result.status != USED or not heir_files or not len(result.registrations):
            out.append(result)
            continue
        kept_by: dict[tuple, str] = {}
        for heir in heir_files:
            regs = heir.registrations
            several = regs["sheet"].nunique() > 1
            for key, sheet, row in zip(_keys(regs), regs["sheet"], regs.index):
                kept_by.setdefault(key, f"{_where(heir.file, sheet, int(row), several)} của "
                                        f"đơn vị kế thừa {heir.unit}")
        out.append(_without(result, [kept_by.get(k) for k in _keys(result.registrations)]))
    return out


def _rows(frame: pd.DataFrame, rows: pd.Index | pd.Series) -> set[tuple[str, int]]:
    return set(zip(frame["sheet"], (int(r) for r in rows)))


def _without(result: FileResult, kept_at: list[str | None]) -> FileResult:
    """``result`` without the registrations whose ``kept_at`` is given (where the heir keeps
    them), each rejected saying so; its rows counted as :func:`thidua.ingest.sheetsjoin.
    combined` counts them: a row is valid while it has a registration and no rejection."""
    regs = result.registrations
    gone = [k is not None for k in kept_at]
    if not any(gone):
        return result
    records = [{"file": result.file, "sheet": sheet, "row": int(row),
                "column": BY_NAME["model"].header, "value": shorten(clean_text(model)),
                "error": f"Trùng với {where}: cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá "
                         f"nhân, chức vụ và công đoàn cơ sở; chỉ tính ở đơn vị kế thừa."}
               for sheet, row, model, where, g in zip(regs["sheet"], regs.index, regs["model"],
                                                      kept_at, gone) if g]
    order = {s["sheet"]: i for i, s in enumerate(result.sheets)}
    rejections = pd.concat([result.rejections, rejection_frame(records)])  # index: sorted below
    rejections = (rejections.assign(_at=rejections["sheet"].map(order))
                  .sort_values(["_at", "row", "column"], kind="stable", ignore_index=True)
                  .drop(columns="_at"))
    registrations = regs[[not g for g in gone]]
    marked = result.rejections.dropna(subset=["row"])
    before_rejected = _rows(marked, marked["row"])
    before_valid = _rows(regs, regs.index) - before_rejected
    now_rejected = before_rejected | {(r["sheet"], r["row"]) for r in records}
    now_valid = _rows(registrations, registrations.index) - now_rejected
    lost = before_valid - now_valid
    added = now_rejected - before_rejected
    sheets = tuple({**s, "valid": s["valid"] - sum(1 for x in lost if x[0] == s["sheet"]),
                    "rejected": s["rejected"] + sum(1 for x in added if x[0] == s["sheet"])}
                   for s in result.sheets)
    rows = {**result.rows, "valid": result.rows["valid"] - len(lost),
            "rejected": result.rows["rejected"] + len(added)}
    return replace(result, registrations=registrations, rejections=rejections, sheets=sheets,
                   rows=rows)
