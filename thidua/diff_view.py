"""What ``thidua diff`` prints: the change list with unit and field names where the report has
them (issue 13.5), as plain functions the command line calls.

Text from units' files (file names, model titles) is inert: Rich markup in it is escaped.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rich.markup import escape
from rich.table import Table

from schemas.form import FIELDS
from thidua.publish.versions import date_change, describe_changes, load_version
from thidua.report.formatting import NOT_DATA_HEADING, number, short_name

#: ``changes.type`` → the count's kind as the table shows it.
KINDS = {"collective": "Tập thể", "individual": "Cá nhân", "total": "Tổng"}


def unit_names(out_dir: Path, year: int, *numbers: int) -> dict[str, str]:
    """Unit code → official name for a diff between versions ``numbers`` of ``out_dir``: those
    the versions' manifests recorded (``unit_names``, the later version winning), else the
    default registry's for ``year`` (:func:`thidua.settings.default_registry`); ``{}`` when
    neither can be read (codes are then shown alone)."""
    names: dict[str, str] = {}
    for version in numbers:
        names.update(load_version(out_dir, version).manifest.get("unit_names") or {})
    if names:
        return names
    from thidua.ingest.registry import RegistryError, expected_units, load_registry
    from thidua.settings import default_registry

    try:
        expected = expected_units(load_registry(default_registry()), year)
    except (OSError, ValueError, RegistryError):
        return {}
    return dict(zip(expected["code"], expected["name"]))


def change_lines(changes: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """The change list's sentences other than counts and totals (those are the table):
    registry, program, units, coverage, rejected rows, files and exemplary models, each
    naming the unit by its official name (:func:`thidua.publish.versions.describe_changes`),
    Rich markup escaped; then, apart under :data:`thidua.report.formatting.NOT_DATA_HEADING`,
    the report date's change (:func:`thidua.publish.versions.date_change`)."""
    other = changes[changes["section"].isin(["khác", "tệp", "tiêu biểu"])]
    lines = [escape(line) for line in describe_changes(other, names)]
    if day := date_change(changes):  # the day a version was made: not a change of the data
        lines += [f"{NOT_DATA_HEADING}:", day]
    return lines


def _unit_label(code: str, names: dict[str, str]) -> str:
    if not code:
        return "Tổng cộng"
    return f"{short_name(names[code])} ({code})" if code in names else code


def counts_table(changes: pd.DataFrame, names: dict[str, str], first: int, second: int) -> Table:
    """The counts that changed and the totals, one row each: unit (its name as the report's
    tables abbreviate it, :func:`thidua.report.formatting.short_name`, and its code), field
    name, kind, before, after and the difference (signed, Vietnamese digit grouping)."""
    table = Table("Đơn vị", "Lĩnh vực", "Hình thức", f"Bản {first}", f"Bản {second}",
                  "Chênh lệch")
    for r in changes[changes["section"].isin(["số liệu", "tổng"])].itertuples():
        delta = int(r.after) - int(r.before)
        table.add_row(escape(_unit_label(r.unit, names)),
                      FIELDS.get(r.field, escape(str(r.field))), KINDS.get(r.type, r.type),
                      number(int(r.before)), number(int(r.after)),
                      ("+" if delta > 0 else "") + number(delta) if delta else "0")
    return table
