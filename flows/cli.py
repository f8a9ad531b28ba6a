"""The ``thidua`` command line: thin, it parses options, calls the flow and prints.

Exit status (``spec/outputs.md``): 0 when a report was produced (even with rejections);
2 with a one-line reason on stderr when nothing could be produced.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Annotated, Optional

import typer

from flows.formatting import number
from flows.settings import quiet_prefect_defaults

app = typer.Typer(help="thidua: báo cáo phong trào thi đua “Dân vận khéo” của LĐLĐ thành phố "
                       "Hà Nội, từ tệp đăng ký của các đơn vị.",
                  no_args_is_help=True, add_completion=False)

YearOption = Annotated[int, typer.Option("--year", "-y", help="Năm báo cáo, ví dụ 2024.")]
RawOption = Annotated[Optional[Path], typer.Option(
    "--raw", help="Thư mục tệp của các đơn vị (mặc định data/raw/<năm>).")]
RegistryOption = Annotated[Optional[Path], typer.Option(
    "--registry", help="Danh mục đơn vị (mặc định data/reference/units.csv).")]
OutOption = Annotated[Optional[Path], typer.Option(
    "--out", help="Thư mục kết quả (mặc định data/out/<năm>).")]


@app.callback()
def _root() -> None:
    """thidua: báo cáo “Dân vận khéo” từ tệp đăng ký của các đơn vị."""


def _prefect_console(verbose: bool) -> None:
    """Show Prefect's own log lines in the terminal only with ``--verbose``: by default the
    terminal shows thidua's summary, and the logs go to the Prefect API (and UI) as always."""
    import logging

    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in
                                       list(logging.root.manager.loggerDict)]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, PrefectConsoleHandler):
                handler.setLevel(logging.NOTSET if verbose else logging.CRITICAL)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"thidua: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def run(year: YearOption, raw: RawOption = None, registry: RegistryOption = None,
        out: OutOption = None,
        report_date: Annotated[Optional[str], typer.Option(
            "--date", help="Ngày của báo cáo, YYYY-MM-DD (mặc định: ngày gửi muộn nhất).")] = None,
        verbose: Annotated[bool, typer.Option(
            "--verbose", "-v", help="Hiện nhật ký chi tiết của Prefect trong terminal.")] = False,
        ) -> None:
    """Build the year's report (PDF, summary.json, rejected.csv, manifest.json)."""
    quiet_prefect_defaults()
    from flows.annual_report import annual_report
    from flows.pipeline import NothingToReport

    _prefect_console(verbose)
    try:
        day = dt.date.fromisoformat(report_date) if report_date else None
    except ValueError:
        _fail(f"--date '{report_date}' không phải ngày dạng YYYY-MM-DD.")
    try:
        outcome = annual_report(year=year, raw_dir=str(raw) if raw else None,
                                registry=str(registry) if registry else None,
                                out_dir=str(out) if out else None, report_date=day)
    except NothingToReport as exc:
        _fail(str(exc))
    summary = outcome["summary"]
    reg, rows, units = summary["registrations"], summary["rows"], summary["units"]
    n = number
    typer.echo(f"Năm {year}: {n(reg['total'])} mô hình ({n(reg['collective'])} tập thể, "
               f"{n(reg['individual'])} cá nhân); {units['submitted']}/{units['expected']} đơn vị "
               f"đã gửi; dòng: {n(rows['read'])} đã đọc, {n(rows['valid'])} hợp lệ, "
               f"{n(rows['rejected'])} bị từ chối, {n(rows['ignored'])} bỏ qua.")
    for path in outcome["outputs"]:
        typer.echo(f"  {path}")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    logging.basicConfig(level=logging.INFO)
    app()
