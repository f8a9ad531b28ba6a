"""``thidua history``: registrations by year and field from every published year
(``<out root>/<year>/summary.json``, :mod:`thidua.report.history`), as a plain function that
:mod:`thidua.cli` registers. Exit status 0; 2 (one line) when no published year is found."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from schemas.form import FIELDS
from thidua.report.formatting import number
from thidua.report.history import read_history


def history_table(rows: list[dict]) -> Table:
    """The terminal table: one line per year (:func:`thidua.report.history.year_row`)."""
    table = Table(title="Số mô hình “Dân vận khéo” đăng ký qua các năm")
    for label in ("Năm", *FIELDS.values(), "Tập thể", "Cá nhân", "Tổng số"):
        table.add_column(label, justify="left" if label == "Năm" else "right")
    for row in rows:
        table.add_row(str(row["year"]), *(number(row["by_field"][f]) for f in FIELDS),
                      number(row["collective"]), number(row["individual"]), number(row["total"]))
    return table


def history(out_root: Annotated[Optional[Path], typer.Option(
        "--out-root", metavar="THƯ_MỤC",
        help="Thư mục chứa kết quả các năm, mỗi năm một thư mục <năm>/summary.json "
             "(mặc định data/out).")] = None) -> None:
    """In số mô hình đăng ký theo năm và lĩnh vực của mọi năm đã công bố (summary.json)."""
    from thidua.settings import out_root as default_out_root

    root = out_root or default_out_root()
    rows, problems = read_history(root)
    for problem in problems:
        typer.echo(problem, err=True)
    if not rows:
        typer.echo(f"thidua: không có năm nào đã công bố trong {root} (cần {root}/<năm>/summary.json); "
                   f"hãy lập báo cáo bằng: thidua run --year <năm>.", err=True)
        raise typer.Exit(2)
    Console(highlight=False, width=120).print(history_table(rows))
