"""The ``thidua registry`` commands (``registry check FILE``), as plain functions that
:mod:`thidua.cli` registers. Exit status: 0 the registry is sound, 1 it has faults (one line
each), 2 the file cannot be read (one line, ``thidua: <lý do>``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

registry_app = typer.Typer(help="Danh mục đơn vị qua các thời kỳ.", no_args_is_help=True,
                           add_completion=False)


@registry_app.command("check")
def check(file: Annotated[Path, typer.Argument(metavar="TỆP", help="Danh mục đơn vị (CSV).")]) -> None:
    """Kiểm tra danh mục đơn vị: thời kỳ chồng nhau hoặc ngược, mã kế thừa không có, kế thừa
    quay vòng, đơn vị kết thúc mà không có đơn vị kế thừa, tệp rỗng hoặc không có dòng tiêu
    đề. Mỗi lỗi một dòng, có số dòng CSV. Mã thoát 0: không có lỗi; 1: có lỗi; 2: không đọc
    được tệp."""
    # imported here: ``thidua run`` where nothing changed must not load pandas (issue 10)
    from thidua.ingest.registry import RegistryError, load_registry
    from thidua.ingest.registry_check import check_registry, describe

    try:
        problems = check_registry(file)
    except RegistryError as exc:
        typer.echo(f"thidua: {exc}", err=True)
        raise typer.Exit(2)
    for problem in problems:
        typer.echo(describe(file, problem))
    if problems:
        typer.echo(f"{file.name}: {len(problems)} lỗi; sửa rồi kiểm tra lại.")
        raise typer.Exit(1)
    registry = load_registry(file)
    typer.echo(f"{file.name}: hợp lệ ({len(registry)} dòng, {registry['code'].nunique()} đơn vị).")
