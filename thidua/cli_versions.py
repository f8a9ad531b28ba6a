"""``thidua diff`` and ``thidua distribute``: what changed between published versions, and
sending a version to the Standing Committee."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from thidua.cli_common import OutOption, YearOption, check_out_year, fail, flag, report_distribution
from thidua.reasons import os_reason
from thidua.settings import quiet_prefect_defaults


def diff(year: YearOption, out: OutOption = None,
         first: Annotated[Optional[int], typer.Option(
             "--from", min=1, metavar="SỐ", help="Bản cũ (mặc định: bản liền trước bản --to).")] = None,
         second: Annotated[Optional[int], typer.Option(
             "--to", min=1, metavar="SỐ", help="Bản mới (mặc định: bản mới nhất).")] = None,
         write_csv: Annotated[bool, flag(
             "--csv", help="Ghi thêm <out>/diff-vN-vM.csv (mở được bằng Excel).")] = False) -> None:
    """Những điểm thay đổi giữa hai bản đã lập (mặc định: bản mới nhất và bản liền trước);
    với --csv ghi thêm <out>/diff-vN-vM.csv."""
    from thidua import diff_view
    from thidua.publish.atomic import write_atomic
    from thidua.publish.versions import diff_csv_bytes, diff_versions
    from thidua.settings import default_out_dir

    out_dir = out or default_out_dir(year)
    check_out_year(out_dir, year)
    try:
        first, second, changes = diff_versions(out_dir, first, second)
    except ValueError as exc:
        fail(str(exc))
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
        fail(f"Không ghi được {path}: {os_reason(exc)}")
    console.print(escape(f"Đã ghi {path}"))


def distribute(year: YearOption, out: OutOption = None,
               version: Annotated[Optional[int], typer.Option(
                   "--version", min=1, metavar="SỐ", help="Bản số mấy (mặc định: bản mới nhất).")] = None,
               force: Annotated[bool, flag(
                   "--force", help="Gửi lại cả cho người đã nhận bản này.")] = False,
               recipients: Annotated[Optional[Path], typer.Option(
                   "--recipients", metavar="TỆP", help="Danh sách người nhận, CSV name,email,role "
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
        delivery_line,
        distribute_report,
        outcome_dict,
    )
    from thidua.deliver.recipients import DistributionError
    from thidua.deliver.smtp import SECRET_VARIABLE, MailError
    from thidua.publish.published import NotPublished
    from thidua.settings import default_out_dir

    load_secret = None
    if os.environ.get(SECRET_VARIABLE):
        quiet_prefect_defaults()
        from flows.distribute import load_secret
    check_out_year(out or default_out_dir(year), year)
    try:
        outcome = distribute_report(out or default_out_dir(year), year, version, force,
                                    recipients, load_secret=load_secret,
                                    on_delivery=lambda d: typer.echo(delivery_line(d), err=True))
    except (NotPublished, DistributionError, MailError) as exc:
        fail(str(exc))
    report_distribution(outcome_dict(outcome), quiet=False)
