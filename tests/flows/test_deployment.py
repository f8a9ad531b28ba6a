"""The scheduled year-end deployment: schedule, time zone and parameters, on a test Prefect API."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from typer.testing import CliRunner

from thidua.cli import app
from thidua.schedule import (DEFAULT_CRON, ScheduleError, check_schedule,
                              deployment_parameters)
from thidua.settings import REPO_ROOT, current_year

runner = CliRunner()


def test_this_year_is_the_year_in_ha_noi():
    assert current_year(dt.datetime(2026, 12, 31, 16, 59, tzinfo=dt.timezone.utc)) == 2026
    assert current_year(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.timezone.utc)) == 2027


def test_default_parameters_name_every_year_folder_and_leave_the_year_to_the_run(monkeypatch):
    monkeypatch.delenv("THIDUA_CACHE_DIR", raising=False)  # the tests' own cache folder aside
    assert deployment_parameters() == {
        "year": None,
        "raw_dir": str(REPO_ROOT / "data" / "raw" / "{year}"),
        "registry": str(REPO_ROOT / "data" / "reference" / "units.csv"),
        "out_dir": str(REPO_ROOT / "data" / "out" / "{year}"),
        "cache_dir": str(REPO_ROOT / "data" / "out" / ".cache"),
        "distribute": False,
    }


@pytest.mark.parametrize("cron, timezone, message", [
    ("0 7 5 12", "Asia/Ho_Chi_Minh", "phải có 5 trường"),
    (DEFAULT_CRON, "Asia/Hanoi", "Múi giờ 'Asia/Hanoi' không có"),
])
def test_a_bad_schedule_is_refused(cron, timezone, message):
    with pytest.raises(ScheduleError, match=message):
        check_schedule(cron, timezone)


def test_the_deployment_has_the_schedule_time_zone_and_parameters(prefect_api, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.server.schemas.schedules import CronSchedule as ServerCron

    from flows.deployment import build_deployment

    parameters = deployment_parameters(raw=tmp_path / "raw", registry=tmp_path / "units.csv",
                                       out=tmp_path / "out", cache=tmp_path / "cache")
    deployment_id = build_deployment("hang-nam", DEFAULT_CRON, "Asia/Ho_Chi_Minh",
                                     parameters).apply()
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name("annual-report/hang-nam")
    assert deployment.id == deployment_id
    (schedule,) = deployment.schedules
    assert schedule.active
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 7 5 12 *", "Asia/Ho_Chi_Minh")
    assert deployment.parameters == {
        "year": None, "raw_dir": str(tmp_path / "raw" / "{year}"),
        "registry": str(tmp_path / "units.csv"), "out_dir": str(tmp_path / "out" / "{year}"),
        "cache_dir": str(tmp_path / "cache"), "distribute": False}
    assert deployment.entrypoint == "flows.annual_report.annual_report"
    properties = deployment.parameter_openapi_schema["properties"]
    assert {"year", "raw_dir", "registry", "out_dir", "distribute"} <= set(properties)
    # as the server reads it: the next run is 07:00 on 5 December in Hà Nội, 00:00 UTC
    server_side = ServerCron(**schedule.schedule.model_dump())
    (next_run,) = asyncio.run(server_side.get_dates(
        1, start=dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)))
    assert next_run.astimezone(dt.timezone.utc) == dt.datetime(2026, 12, 5, tzinfo=dt.timezone.utc)


def test_serve_without_a_prefect_server_says_how_to_start_one(monkeypatch):
    monkeypatch.setattr("flows.deployment.api_url", lambda: None)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert result.stderr.startswith("thidua: Chưa có máy chủ Prefect: chạy `prefect server start`")


def test_serve_refuses_a_bad_cron_before_serving(monkeypatch):
    monkeypatch.setattr("flows.deployment.api_url", lambda: "http://127.0.0.1:4200/api")
    served = []
    monkeypatch.setattr("flows.deployment.serve_deployment", served.append)
    result = runner.invoke(app, ["serve", "--cron", "0 7 32 12 *"])
    assert result.exit_code == 2 and not served
    assert result.stderr.count("\n") == 1 and "0 7 32 12 *" in result.stderr


def test_serve_builds_the_deployment_from_its_options_and_serves_it(monkeypatch, tmp_path):
    monkeypatch.setattr("flows.deployment.api_url", lambda: "http://127.0.0.1:4200/api")
    served = []
    monkeypatch.setattr("flows.deployment.serve_deployment", served.append)
    result = runner.invoke(app, ["serve", "--name", "thu", "--cron", "30 6 1 12 *",
                                 "--raw-root", str(tmp_path / "raw"), "--distribute"])
    assert result.exit_code == 0, result.output
    (deployment,) = served
    assert deployment.name == "thu"
    (schedule,) = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 6 1 12 *", "Asia/Ho_Chi_Minh")
    assert deployment.parameters["raw_dir"] == str(tmp_path / "raw" / "{year}")
    assert deployment.parameters["distribute"] is True
    assert "annual-report/thu" in result.output


def test_every_parameter_of_the_flow_has_a_vietnamese_description_in_the_ui():
    """The Prefect UI shows each deployment parameter with its description (issue 13.6)."""
    import inspect

    from prefect.utilities.callables import parameter_schema

    from flows.annual_report import annual_report

    properties = parameter_schema(annual_report.fn).model_dump()["properties"]
    assert set(properties) == set(inspect.signature(annual_report.fn).parameters)
    for name, spec in properties.items():
        assert spec.get("description"), name
    assert properties["year"]["description"] == "Năm báo cáo; để trống là năm hiện tại theo giờ Hà Nội."
