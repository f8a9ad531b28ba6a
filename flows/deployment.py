"""The scheduled year-end run as a Prefect deployment, and the API this process talks to.

Its schedule and default parameters, as plain data, are :mod:`thidua.schedule`.
"""

from __future__ import annotations

from prefect import serve as prefect_serve
from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron

from flows.annual_report import annual_report


def build_deployment(name: str, cron: str, timezone: str, parameters: dict,
                     paused: bool = False):
    """The scheduled deployment of :func:`annual_report` (a Prefect ``RunnerDeployment``, not
    yet registered): ``cron`` in ``timezone``, default ``parameters``
    (:func:`thidua.schedule.deployment_parameters`), loaded by module path so that its runs
    need not start in the repository. Raises ``ValueError`` for an invalid cron string."""
    return annual_report.to_deployment(
        name=name, schedule=Cron(cron, timezone=timezone), parameters=parameters, paused=paused,
        tags=["thidua"], entrypoint_type=EntrypointType.MODULE_PATH,
        description="Báo cáo “Dân vận khéo” hằng năm của LĐLĐ thành phố Hà Nội.")


def serve_deployment(deployment) -> None:
    """Register ``deployment`` with the Prefect API and run its scheduled and manual runs in
    this process until interrupted (blocks)."""
    prefect_serve(deployment)


def api_url() -> str | None:
    """The Prefect API this process talks to (``PREFECT_API_URL``), or ``None`` when it would
    start a temporary one."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def check_api(timeout: float = 5.0) -> str | None:
    """``None`` when the Prefect API this process would use answers (or none is configured:
    a temporary one is started), else the one-line Vietnamese reason, e.g. for an
    unreachable ``PREFECT_API_URL``."""
    url = api_url()
    if not url:
        return None
    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True, httpx_settings={"timeout": timeout}) as client:
            problem = client.api_healthcheck()
    except Exception as exc:  # noqa: BLE001 - any failure to talk to the API is the same refusal
        problem = exc
    if problem is None:
        return None
    return (f"Không kết nối được máy chủ Prefect tại {url} ({type(problem).__name__}); hãy chạy "
            f"`prefect server start`, hoặc bỏ biến PREFECT_API_URL để chạy không cần máy chủ.")
