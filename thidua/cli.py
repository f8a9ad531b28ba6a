"""The ``thidua`` command line: thin, it parses options, calls the flow and prints.

Exit status (``spec/outputs.md``): 0 when a report was produced (even with rejections);
2 with a one-line reason on stderr when nothing could be produced. ``distribute`` (and
``run --distribute``) exit 1 when some member of the Standing Committee did not get the report.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer._click import exceptions as click_errors
from rich.console import Console

from thidua import cli_serve, cli_sign, cli_validate, cli_versions, cli_words
from thidua.cli_common import AsOfOption, CacheOption, OutOption, RawOption, RegistryOption, YearOption, \
    as_of_date, check_folders, check_out_year, fail, flag, one_line, parse_date, \
    report_distribution
from thidua.progress import outcome_line, summary_line, summary_table
from thidua.report.formatting import number
from thidua.settings import quiet_prefect_defaults

app = typer.Typer(help="thidua: báo cáo phong trào thi đua “Dân vận khéo” của LĐLĐ thành phố "
                       "Hà Nội, từ tệp đăng ký của các đơn vị.",
                  no_args_is_help=True, add_completion=False)



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


def main(argv: list[str] | None = None) -> int:
    """The ``thidua`` console script: runs :data:`app` with Click's words in Vietnamese
    (:mod:`thidua.cli_words`) and returns the exit status.

    Every refusal is one line on stderr, ``thidua: <lý do>``, with exit status 2 (usage) or
    the command's own; an unexpected error is one line too, exit 1, its traceback shown only
    when ``THIDUA_DEBUG`` is set. Never raises.
    """
    cli_words.install()
    command = typer.main.get_command(app)
    cli_words.name_usage_parts(command)
    repeated = cli_words.repeated_option(command, sys.argv[1:] if argv is None else argv)
    if repeated:
        typer.echo(f"thidua: {repeated}", err=True)
        return 2
    try:
        result = command.main(args=argv, prog_name="thidua", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help())
        return 0
    except click_errors.UsageError as exc:
        hint = f" (xem: {exc.ctx.command_path} --help)" if exc.ctx else ""
        typer.echo(f"thidua: {one_line(cli_words.describe(exc))}{hint}", err=True)
        return exc.exit_code
    except click_errors.ClickException as exc:
        typer.echo(f"thidua: {one_line(cli_words.describe(exc))}", err=True)
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("thidua: đã dừng theo yêu cầu.", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
        if os.environ.get("THIDUA_DEBUG"):
            traceback.print_exc()
        typer.echo(f"thidua: lỗi không mong đợi ({type(exc).__name__}): {one_line(str(exc))}; "
                   f"chạy lại với THIDUA_DEBUG=1 để xem chi tiết.", err=True)
        return 1
    return result if isinstance(result, int) else 0


@app.command()
def run(year: YearOption, raw: RawOption = None, registry: RegistryOption = None,
        out: OutOption = None,
        report_date: Annotated[Optional[str], typer.Option(
            "--date", metavar="NGÀY", help="Ngày của báo cáo, YYYY-MM-DD hoặc dd/mm/yyyy. Mặc định: bản đầu tiên "
                                          "lấy ngày gửi muộn nhất ghi trong các tệp (không tệp nào ghi thì "
                                          "ngày sửa tệp muộn nhất); bản sau lấy ngày lập, muộn hơn ngày "
                                          "của bản nó thay.")] = None,
        cache: CacheOption = None,
        verbose: Annotated[bool, flag(
            "--verbose", "-v", help="Hiện nhật ký chi tiết của Prefect trong terminal.")] = False,
        quiet: Annotated[bool, flag(
            "--quiet", "-q", help="Chỉ in một dòng kết quả (cho lần chạy theo lịch).")] = False,
        distribute: Annotated[bool, flag(
            "--distribute", help="Gửi e-mail báo cáo cho Ban Thường vụ ngay sau khi lập "
                                 "(như lệnh distribute).")] = False,
        as_of: AsOfOption = None,
        previous: Annotated[Optional[Path], typer.Option(
            "--previous", metavar="TỆP", help="summary.json của năm trước để so sánh (mặc định "
                                              "<thư mục kết quả>/../<năm trước>/summary.json).")] = None,
        sign: cli_sign.SignOption = False, p12: cli_sign.P12Option = None,
        doc_number: cli_sign.NumberOption = None, settings: cli_sign.SettingsOption = None,
        workers: Annotated[Optional[int], typer.Option(
            "--workers", min=1, metavar="N", help="Đọc tệp trên N tiến trình Dask của máy này.")] = None,
        dask_address: Annotated[Optional[str], typer.Option(
            "--dask-address", metavar="ĐỊA_CHỈ", help="Đọc tệp trên cụm Dask có sẵn (tcp://máy:cổng).")] = None,
        ) -> None:
    """Lập báo cáo của năm (PDF, summary.json, rejected.csv, manifest.json, phan-hoi/) thành
    một bản mới trong <out>/versions/v<N>/ khi có gì thay đổi; không đổi thì không lập bản mới.
    Mã thoát 0: đã có báo cáo; 2: không lập được (lý do in một dòng)."""
    from thidua.settings import default_out_dir, default_raw_dir

    check_folders(raw or default_raw_dir(year), out or default_out_dir(year))
    check_out_year(out or default_out_dir(year), year)
    day = parse_date(report_date) if report_date else None
    as_of_day = as_of_date(as_of, year)
    sign_p12 = cli_sign.check_run_options(sign, p12, doc_number, settings)
    from thidua import cli_run
    from thidua.errors import NothingToReport

    refusals: tuple[type[Exception], ...] = (NothingToReport,)
    if sign_p12:
        from thidua.publish.sign import SigningError
        refusals = (NothingToReport, SigningError)

    if prefect := cli_run.prefect_api_configured():  # else in-process: no Prefect server
        quiet_prefect_defaults()
        from flows.deployment import check_api
        if problem := check_api():
            fail(problem)
        _prefect_console(verbose)
    if dask_address and (problem := cli_run.check_cluster(dask_address)):
        fail(problem)
    cli_run.show_log(verbose and not prefect)
    try:
        with _progress_display(quiet):
            outcome = cli_run.run_report(
                bool(prefect), workers, dask_address, year=year,
                raw_dir=str(raw) if raw else None, registry=str(registry) if registry else None,
                out_dir=str(out) if out else None, report_date=day,
                cache_dir=str(cache) if cache else None, distribute=distribute,
                as_of=as_of_day, previous=str(previous) if previous else None,
                number=doc_number, sign_p12=sign_p12,
                report_settings=str(settings) if settings else None)
    except refusals as exc:
        fail(str(exc))
    if quiet:
        typer.echo(outcome_line(outcome))
        report_distribution(outcome.get("distribution"), quiet=True)
        return
    Console(highlight=False).print(summary_table(outcome["summary"]))
    typer.echo(summary_line(outcome["summary"]))
    for line in outcome.get("choices", []):  # a unit's file chosen by modification time
        typer.echo(line)
    if outcome["status"] == "unchanged":
        typer.echo(f"Không có gì thay đổi (dữ liệu, danh mục đơn vị, chương trình): không lập bản "
                   f"mới; bản mới nhất vẫn là bản số {outcome['version']}.")
    else:
        cached = outcome["files"] - outcome.get("skipped", 0) - outcome["files_read"]
        skipped = outcome.get("skipped", 0)
        typer.echo(f"Đã lập bản số {outcome['version']}: đọc {number(outcome['files_read'])} tệp"
                   + (f", {number(cached)} tệp không đổi lấy từ bộ nhớ đệm" if cached else "")
                   + (f", bỏ qua {number(skipped)} tệp không phải tệp đăng ký" if skipped else "")
                   + ".")
    pdf = next(p for p in outcome["outputs"] if p.endswith(".pdf"))
    typer.echo(f"Báo cáo: {pdf}" + (f"; bản đã ký số: {outcome['signed']}" if outcome.get("signed") else ""))
    typer.echo("Cùng thư mục: summary.json, rejected.csv, manifest.json, phan-hoi/ "
               "(phản hồi cho đơn vị), versions/ (các bản đã lập).")
    report_distribution(outcome.get("distribution"), quiet=False)


def _progress_display(quiet: bool):
    """The terminal's progress bars, fed by the flow's events (:mod:`thidua.progress`); nothing
    with ``--quiet`` or when stderr is not a terminal (a log file, a scheduler)."""
    import contextlib

    from thidua.progress import TerminalProgress, listening

    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        return contextlib.nullcontext()
    stack = contextlib.ExitStack()
    stack.enter_context(listening(stack.enter_context(TerminalProgress(console))))
    return stack


app.command("diff")(cli_versions.diff)
app.command("distribute")(cli_versions.distribute)
app.command("serve")(cli_serve.serve)
app.command("validate")(cli_validate.validate)
app.command("sign")(cli_sign.sign)
app.command("verify")(cli_sign.verify)
from thidua.cli_cache import app as _cache_app  # noqa: E402 - `thidua cache prune`
app.add_typer(_cache_app, name="cache")


def entry() -> None:  # pragma: no cover - the console script
    """``thidua``: :func:`main` with the process's arguments, exiting with its status."""
    sys.exit(main())


# Commands of other modules (kept out of this file; see their modules).
from thidua import cli_history, cli_registry  # noqa: E402

app.add_typer(cli_registry.registry_app, name="registry")
app.command("history")(cli_history.history)


if __name__ == "__main__":  # pragma: no cover (after every command is added)
    sys.exit(main())
