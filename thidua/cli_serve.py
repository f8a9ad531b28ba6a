"""``thidua serve``: the yearly report as a scheduled Prefect deployment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli_common import RegistryOption, fail, flag
from thidua.schedule import DEFAULT_CRON, DEFAULT_NAME
from thidua.settings import TIMEZONE, quiet_prefect_defaults


def serve(name: Annotated[str, typer.Option(
              "--name", metavar="TÊN", help="Tên deployment (chạy lại: prefect deployment run "
                             "'annual-report/<tên>').")] = DEFAULT_NAME,
          cron: Annotated[str, typer.Option(
              "--cron", metavar="LỊCH", help="Lịch cron: phút giờ ngày tháng thứ.")] = DEFAULT_CRON,
          timezone: Annotated[str, typer.Option(
              "--timezone", metavar="MÚI_GIỜ", help="Múi giờ của lịch.")] = TIMEZONE,
          raw_root: Annotated[Optional[Path], typer.Option(
              "--raw-root", metavar="THƯ_MỤC", help="Thư mục chứa thư mục từng năm của tệp đơn vị "
                                 "(mặc định data/raw).")] = None,
          registry: RegistryOption = None,
          out_root: Annotated[Optional[Path], typer.Option(
              "--out-root", metavar="THƯ_MỤC", help="Thư mục chứa kết quả từng năm (mặc định data/out).")] = None,
          cache: Annotated[Optional[Path], typer.Option(
              "--cache", metavar="THƯ_MỤC", help="Thư mục bộ nhớ đệm (mặc định data/out/.cache).")] = None,
          distribute: Annotated[bool, flag(
              "--distribute", help="Mỗi lần chạy theo lịch cũng gửi e-mail báo cáo.")] = False,
          paused: Annotated[bool, flag(
              "--paused", help="Tạo deployment nhưng tạm dừng lịch.")] = False) -> None:
    """Chạy báo cáo hằng năm theo lịch, như một deployment của Prefect (đến khi Ctrl+C).

    Cần máy chủ Prefect (PREFECT_API_URL). Lần chạy theo lịch lập báo cáo của năm đang chạy.

    Chạy tay: prefect deployment run 'annual-report/hang-nam' -p year=2024
    """
    quiet_prefect_defaults()
    from flows.deployment import api_url, build_deployment, serve_deployment
    from thidua.schedule import ScheduleError, check_schedule, deployment_parameters

    if not api_url():
        fail("Chưa có máy chủ Prefect: chạy `prefect server start`, rồi đặt "
              "PREFECT_API_URL=http://127.0.0.1:4200/api.")
    try:
        schedule = check_schedule(cron, timezone)
        parameters = deployment_parameters(raw_root, registry, out_root, cache, distribute)
        deployment = build_deployment(name, schedule.cron, schedule.timezone, parameters, paused)
    except (ScheduleError, ValueError) as exc:
        fail(str(exc))
    typer.echo(f"Deployment 'annual-report/{name}': lịch '{schedule.cron}' ({schedule.timezone}), "
               f"năm = năm của lần chạy; {parameters['raw_dir']} → {parameters['out_dir']}. "
               f"Máy chủ Prefect: {api_url()}. Dừng bằng Ctrl+C.")
    serve_deployment(deployment)
