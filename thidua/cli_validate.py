"""``thidua validate``: the units' files checked without publishing a report."""

from __future__ import annotations

import typer
from rich.console import Console

from thidua.cli_common import AsOfOption, CacheOption, OutOption, RawOption, RegistryOption, YearOption, \
    as_of_date, check_folders, check_out_year, fail
from thidua.reasons import os_reason


#: Where ``validate`` writes, so that it never touches the published version's files.
CHECK_DIR = "kiem-tra"


def validate(year: YearOption, raw: RawOption = None, registry: RegistryOption = None,
             out: OutOption = None, as_of: AsOfOption = None, cache: CacheOption = None) -> None:
    """Kiểm tra tệp của các đơn vị, không lập báo cáo: bảng theo đơn vị (dòng hợp lệ / bị từ
    chối / bỏ qua, lỗi cả tệp) và phản hồi cho đơn vị trong <out>/kiem-tra/phan-hoi/ (phản
    hồi của bản đã lập nằm ở <out>/phan-hoi/). Tệp không đổi lấy từ bộ nhớ đệm của thidua run;
    tệp được lưu lại mà các dòng không đổi tính theo lần đầu thấy trong bản đã lập, như thidua run.
    Mã thoát 0: không có gì bị từ chối; 1: có; 2: không kiểm tra được."""
    from thidua.check import check_year, overview_table
    from thidua.pipeline import NothingToReport
    from thidua.publish.feedback import write_feedback
    from thidua.executors import threads
    from thidua.runner import ingest_all
    from thidua.settings import default_cache_dir, default_out_dir, default_raw_dir, default_registry

    from thidua.ingest.firstseen import dated_by_content, seen_before
    from thidua.publish.versions import latest_version

    check_folders(raw or default_raw_dir(year), out or default_out_dir(year))
    check_out_year(out or default_out_dir(year), year)
    published = latest_version(out or default_out_dir(year))  # the same choice as the run's
    inputs = published.manifest.get("inputs", []) if published else []
    try:
        check = check_year(year, raw or default_raw_dir(year), registry or default_registry(),
                           as_of_date(as_of, year),
                           read=lambda plan: dated_by_content(
                               ingest_all(plan, cache or default_cache_dir(), threads())[0],
                               seen_before(inputs), seen_before(inputs, by="path")))
    except NothingToReport as exc:
        fail(str(exc))
    Console(highlight=False).print(overview_table(check))
    out_dir = (out or default_out_dir(year)) / CHECK_DIR
    names = dict(zip(check.plan.expected["code"], check.plan.expected["name"]))
    try:
        written = write_feedback(out_dir, check.results, year, names, check.plan.lineage)
    except OSError as exc:
        fail(f"Không ghi được phản hồi vào {out_dir}: {os_reason(exc)}")
    if written:
        typer.echo(f"Đã ghi phản hồi cho {len(written)} đơn vị vào {written[0].parent}")
    raise typer.Exit(1 if check.anything_rejected else 0)
