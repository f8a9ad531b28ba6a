"""The ``thidua`` command line: thin, it parses options, calls the flow and prints.

Exit status (``spec/outputs.md``): 0 when a report was produced (even with rejections);
2 with a one-line reason on stderr when nothing could be produced. ``distribute`` (and
``run --distribute``) exit 1 when some member of the Standing Committee did not get the report.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer._click import exceptions as click_errors
from rich.console import Console
from rich.markup import escape

from thidua import cli_sign, cli_words
from thidua.progress import outcome_line, summary_line, summary_table
from thidua.report.formatting import number
from thidua.reasons import os_reason
from thidua.schedule import DEFAULT_CRON, DEFAULT_NAME
from thidua.settings import TIMEZONE, quiet_prefect_defaults

app = typer.Typer(help="thidua: báo cáo phong trào thi đua “Dân vận khéo” của LĐLĐ thành phố "
                       "Hà Nội, từ tệp đăng ký của các đơn vị.",
                  no_args_is_help=True, add_completion=False)

#: The years a report can be for: the registry's first day (1990) to well ahead.
YEARS = (1990, 2100)
YearOption = Annotated[int, typer.Option("--year", "-y", min=YEARS[0], max=YEARS[1], metavar="NĂM",
                                         help=f"Năm báo cáo, ví dụ 2024 ({YEARS[0]}–{YEARS[1]}).")]
RawOption = Annotated[Optional[Path], typer.Option(
    "--raw", metavar="THƯ_MỤC", help="Thư mục tệp của các đơn vị (mặc định data/raw/<năm>).")]
RegistryOption = Annotated[Optional[Path], typer.Option(
    "--registry", metavar="TỆP", help="Danh mục đơn vị (mặc định data/reference/units.csv).")]
OutOption = Annotated[Optional[Path], typer.Option(
    "--out", metavar="THƯ_MỤC", help="Thư mục kết quả (mặc định data/out/<năm>).")]
AsOfOption = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="NGÀY", help="Ngày xét đơn vị phải báo cáo, YYYY-MM-DD hoặc dd/mm/yyyy "
                                    "(mặc định 31/12 của năm báo cáo).")]


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
    typer.echo(f"thidua: {_one_line(message)}", err=True)
    raise typer.Exit(code)


def _one_line(message: str) -> str:
    """``message`` on one line: its line breaks become ``; ``."""
    return "; ".join(part.strip() for part in str(message).splitlines() if part.strip())


def _check_folders(raw: Path, out: Path) -> None:
    """Refuse folders that would make a run read the whole disk or its own outputs: a raw
    folder that is the file system's root, and an output folder inside the raw folder."""
    raw, out = raw.resolve(), out.resolve()
    if raw == Path(raw.anchor):
        _fail(f"--raw {raw} là thư mục gốc của ổ đĩa; hãy chỉ thư mục chứa tệp của các đơn vị "
              f"cho một năm (ví dụ data/raw/2024).")
    if out == raw or out.is_relative_to(raw):
        _fail(f"--out {out} nằm trong --raw {raw}: báo cáo sẽ bị đọc lại như tệp của đơn vị; "
              f"hãy chọn thư mục kết quả ở ngoài thư mục tệp đơn vị.")


def main(argv: list[str] | None = None) -> int:
    """The ``thidua`` console script: runs :data:`app` with Click's words in Vietnamese
    (:mod:`thidua.cli_words`) and returns the exit status.

    Every refusal is one line on stderr, ``thidua: <lý do>``, with exit status 2 (usage) or
    the command's own; an unexpected error is one line too, exit 1, its traceback shown only
    when ``THIDUA_DEBUG`` is set. Never raises.
    """
    cli_words.install()
    command = typer.main.get_command(app)
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
        typer.echo(f"thidua: {_one_line(cli_words.describe(exc))}{hint}", err=True)
        return exc.exit_code
    except click_errors.ClickException as exc:
        typer.echo(f"thidua: {_one_line(cli_words.describe(exc))}", err=True)
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("thidua: đã dừng theo yêu cầu.", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
        if os.environ.get("THIDUA_DEBUG"):
            traceback.print_exc()
        typer.echo(f"thidua: lỗi không mong đợi ({type(exc).__name__}): {_one_line(str(exc))}; "
                   f"chạy lại với THIDUA_DEBUG=1 để xem chi tiết.", err=True)
        return 1
    return result if isinstance(result, int) else 0


@app.command()
def run(year: YearOption, raw: RawOption = None, registry: RegistryOption = None,
        out: OutOption = None,
        report_date: Annotated[Optional[str], typer.Option(
            "--date", metavar="NGÀY", help="Ngày của báo cáo, YYYY-MM-DD hoặc dd/mm/yyyy (mặc định: ngày gửi muộn nhất ghi trong "
                            "các tệp; không tệp nào ghi thì ngày sửa tệp muộn nhất).")] = None,
        cache: Annotated[Optional[Path], typer.Option(
            "--cache", help="Thư mục bộ nhớ đệm của việc đọc tệp (mặc định data/out/.cache).")] = None,
        verbose: Annotated[bool, typer.Option(
            "--verbose", "-v", help="Hiện nhật ký chi tiết của Prefect trong terminal.")] = False,
        quiet: Annotated[bool, typer.Option(
            "--quiet", "-q", help="Chỉ in một dòng kết quả (cho lần chạy theo lịch).")] = False,
        distribute: Annotated[bool, typer.Option(
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

    _check_folders(raw or default_raw_dir(year), out or default_out_dir(year))
    day = _parse_date(report_date) if report_date else None
    as_of_day = _as_of(as_of, year)
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
            _fail(problem)
        _prefect_console(verbose)
    if dask_address and (problem := cli_run.check_cluster(dask_address)):
        _fail(problem)
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
        _fail(str(exc))
    if quiet:
        typer.echo(outcome_line(outcome))
        _report_distribution(outcome.get("distribution"), quiet=True)
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
    _report_distribution(outcome.get("distribution"), quiet=False)


def _parse_date(text: str, option: str = "--date") -> dt.date:
    """A date option (``--date``, ``--as-of``) as ``YYYY-MM-DD`` or ``dd/mm/yyyy``; refuses
    anything else (one line)."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    _fail(f"{option} '{text}' không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy.")


def _as_of(text: str | None, year: int) -> dt.date | None:
    """``--as-of``: the day on which the registry says which units must report for ``year``
    (``spec/unit-registry.md``); it must lie in that year, since a unit counted on a day of
    another year may not have existed in the reported one. ``None`` when not given."""
    if not text:
        return None
    day = _parse_date(text, "--as-of")
    if day.year != year:
        _fail(f"--as-of {day:%d/%m/%Y} không thuộc năm báo cáo {year}: hãy chọn một ngày từ "
              f"01/01/{year} đến 31/12/{year} (mặc định 31/12/{year}).")
    return day


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


def _report_distribution(result: dict | None, quiet: bool) -> None:
    """Print what ``--distribute`` did; exit 1 when some recipient did not get the report."""
    if result is None:
        return
    from thidua.deliver.distribution import outcome_lines

    if "error" in result:
        typer.echo(f"thidua: không gửi được e-mail: {result['error']}", err=True)
        raise typer.Exit(1)
    lines = outcome_lines(result)
    for line in lines[:1] if quiet else lines:
        typer.echo(line)
    if result["failed"]:
        raise typer.Exit(1)


@app.command()
def diff(year: YearOption, out: OutOption = None,
         first: Annotated[Optional[int], typer.Option(
             "--from", min=1, help="Bản cũ (mặc định: bản liền trước bản --to).")] = None,
         second: Annotated[Optional[int], typer.Option(
             "--to", min=1, help="Bản mới (mặc định: bản mới nhất).")] = None,
         write_csv: Annotated[bool, typer.Option(
             "--csv", help="Ghi thêm <out>/diff-vN-vM.csv (mở được bằng Excel).")] = False) -> None:
    """Những điểm thay đổi giữa hai bản đã lập (mặc định: bản mới nhất và bản liền trước);
    với --csv ghi thêm <out>/diff-vN-vM.csv."""
    from thidua import diff_view
    from thidua.publish.atomic import write_atomic
    from thidua.publish.versions import diff_csv_bytes, diff_versions
    from thidua.settings import default_out_dir

    out_dir = out or default_out_dir(year)
    try:
        first, second, changes = diff_versions(out_dir, first, second)
    except ValueError as exc:
        _fail(str(exc))
    names = diff_view.unit_names(out_dir, year, first, second)
    console = Console(highlight=False)
    console.print(f"[bold]Năm {year}: những điểm thay đổi từ bản số {first} đến bản số {second}[/bold]")
    for line in diff_view.change_lines(changes, names):  # escaped: text from units' files
        console.print(f"  {line}")
    console.print(diff_view.counts_table(changes, names, first, second))
    if not write_csv:
        return
    path = out_dir / f"diff-v{first}-v{second}.csv"
    try:
        write_atomic(path, diff_csv_bytes(changes))
    except OSError as exc:
        _fail(f"Không ghi được {path}: {os_reason(exc)}")
    console.print(escape(f"Đã ghi {path}"))


@app.command()
def distribute(year: YearOption, out: OutOption = None,
               version: Annotated[Optional[int], typer.Option(
                   "--version", min=1, help="Bản số mấy (mặc định: bản mới nhất).")] = None,
               force: Annotated[bool, typer.Option(
                   "--force", help="Gửi lại cả cho người đã nhận bản này.")] = False,
               recipients: Annotated[Optional[Path], typer.Option(
                   "--recipients", help="Danh sách người nhận, CSV name,email,role "
                                        "(mặc định data/reference/recipients.csv).")] = None,
               ) -> None:
    """Gửi e-mail báo cáo (bản mới nhất, hoặc --version N) cho Ban Thường vụ.

    SMTP: THIDUA_SMTP_HOST, _PORT, _SECURITY (starttls|ssl|none), _USER, _PASSWORD, _SENDER,
    hoặc khối Secret của Prefect có tên trong THIDUA_SMTP_SECRET.

    Mỗi lần gửi được ghi vào <out>/distribution.csv; ai đã nhận bản này thì không gửi lại.

    Mã thoát 0: mọi người đã nhận; 1: có lần gửi lỗi; 2: không gửi được gì.
    """
    import os

    from thidua.deliver.distribution import (
        DistributionError,
        delivery_line,
        distribute_report,
        outcome_dict,
    )
    from thidua.deliver.mail import SECRET_VARIABLE, MailError
    from thidua.publish.published import NotPublished
    from thidua.settings import default_out_dir

    load_secret = None
    if os.environ.get(SECRET_VARIABLE):
        quiet_prefect_defaults()
        from flows.distribute import load_secret
    try:
        outcome = distribute_report(out or default_out_dir(year), year, version, force,
                                    recipients, load_secret=load_secret,
                                    on_delivery=lambda d: typer.echo(delivery_line(d), err=True))
    except (NotPublished, DistributionError, MailError) as exc:
        _fail(str(exc))
    _report_distribution(outcome_dict(outcome), quiet=False)


@app.command()
def serve(name: Annotated[str, typer.Option(
              "--name", help="Tên deployment (chạy lại: prefect deployment run "
                             "'annual-report/<tên>').")] = DEFAULT_NAME,
          cron: Annotated[str, typer.Option(
              "--cron", help="Lịch cron: phút giờ ngày tháng thứ.")] = DEFAULT_CRON,
          timezone: Annotated[str, typer.Option(
              "--timezone", help="Múi giờ của lịch.")] = TIMEZONE,
          raw_root: Annotated[Optional[Path], typer.Option(
              "--raw-root", help="Thư mục chứa thư mục từng năm của tệp đơn vị "
                                 "(mặc định data/raw).")] = None,
          registry: RegistryOption = None,
          out_root: Annotated[Optional[Path], typer.Option(
              "--out-root", help="Thư mục chứa kết quả từng năm (mặc định data/out).")] = None,
          cache: Annotated[Optional[Path], typer.Option(
              "--cache", help="Thư mục bộ nhớ đệm (mặc định data/out/.cache).")] = None,
          distribute: Annotated[bool, typer.Option(
              "--distribute", help="Mỗi lần chạy theo lịch cũng gửi e-mail báo cáo.")] = False,
          paused: Annotated[bool, typer.Option(
              "--paused", help="Tạo deployment nhưng tạm dừng lịch.")] = False) -> None:
    """Chạy báo cáo hằng năm theo lịch, như một deployment của Prefect (đến khi Ctrl+C).

    Cần máy chủ Prefect (PREFECT_API_URL). Lần chạy theo lịch lập báo cáo của năm đang chạy.

    Chạy tay: prefect deployment run 'annual-report/hang-nam' -p year=2024
    """
    quiet_prefect_defaults()
    from flows.deployment import api_url, build_deployment, serve_deployment
    from thidua.schedule import ScheduleError, check_schedule, deployment_parameters

    if not api_url():
        _fail("Chưa có máy chủ Prefect: chạy `prefect server start`, rồi đặt "
              "PREFECT_API_URL=http://127.0.0.1:4200/api.")
    try:
        schedule = check_schedule(cron, timezone)
        parameters = deployment_parameters(raw_root, registry, out_root, cache, distribute)
        deployment = build_deployment(name, schedule.cron, schedule.timezone, parameters, paused)
    except (ScheduleError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(f"Deployment 'annual-report/{name}': lịch '{schedule.cron}' ({schedule.timezone}), "
               f"năm = năm của lần chạy; {parameters['raw_dir']} → {parameters['out_dir']}. "
               f"Máy chủ Prefect: {api_url()}. Dừng bằng Ctrl+C.")
    serve_deployment(deployment)


#: Where ``validate`` writes, so that it never touches the published version's files.
CHECK_DIR = "kiem-tra"


@app.command()
def validate(year: YearOption, raw: RawOption = None, registry: RegistryOption = None,
             out: OutOption = None, as_of: AsOfOption = None) -> None:
    """Kiểm tra tệp của các đơn vị, không lập báo cáo: bảng theo đơn vị (dòng hợp lệ / bị từ
    chối / bỏ qua, lỗi cả tệp) và phản hồi cho đơn vị trong <out>/kiem-tra/phan-hoi/ (phản
    hồi của bản đã lập nằm ở <out>/phan-hoi/). Mã thoát 0: không có gì bị từ chối; 1: có;
    2: không kiểm tra được."""
    from thidua.check import check_year, overview_table
    from thidua.pipeline import NothingToReport
    from thidua.publish.feedback import write_feedback
    from thidua.settings import default_out_dir, default_raw_dir, default_registry

    _check_folders(raw or default_raw_dir(year), out or default_out_dir(year))
    try:
        check = check_year(year, raw or default_raw_dir(year), registry or default_registry(),
                           _as_of(as_of, year))
    except NothingToReport as exc:
        _fail(str(exc))
    Console(highlight=False).print(overview_table(check))
    out_dir = (out or default_out_dir(year)) / CHECK_DIR
    names = dict(zip(check.plan.expected["code"], check.plan.expected["name"]))
    try:
        written = write_feedback(out_dir, check.results, year, names)
    except OSError as exc:
        _fail(f"Không ghi được phản hồi vào {out_dir}: {os_reason(exc)}")
    if written:
        typer.echo(f"Đã ghi phản hồi cho {len(written)} đơn vị vào {written[0].parent}")
    raise typer.Exit(1 if check.anything_rejected else 0)


app.command("sign")(cli_sign.sign)
app.command("verify")(cli_sign.verify)
from thidua.cli_cache import app as _cache_app  # noqa: E402 - `thidua cache prune`
app.add_typer(_cache_app, name="cache")


def entry() -> None:  # pragma: no cover - the console script
    """``thidua``: :func:`main` with the process's arguments, exiting with its status."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


# Commands of other modules (kept out of this file; see their modules).
from thidua import cli_history, cli_registry  # noqa: E402

app.add_typer(cli_registry.registry_app, name="registry")
app.command("history")(cli_history.history)
