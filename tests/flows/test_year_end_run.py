"""One small flow run on the test Prefect API, as the scheduled run makes it: its progress
events, its artifacts in the UI, and its e-mail to the Standing Committee."""

from __future__ import annotations

import json

import pytest
from conftest import REGISTRY
from helpers import row, write_xlsx
from mailserver import MailServer, attachment, write_recipients

from thidua.deliver.artifacts import artifact_keys
from thidua.deliver.recipients import LOG_NAME, read_log
from thidua.progress import STEPS, listening


@pytest.fixture(scope="module")
def year_end_run(prefect_api, tmp_path_factory):
    """Three files for 2024: Q-DD (3 valid rows, 1 rejected), Q-BD (1 valid), and Q-HK's
    broken workbook. Run with ``distribute=True`` against a loopback SMTP server."""
    root = tmp_path_factory.mktemp("year-end")
    raw = root / "raw" / "2024"
    write_xlsx(raw / "Q-DD_dang-ky.xlsx", [
        row(stt=1), row(model="Tuyến phố văn minh", field="Văn hóa - xã hội", stt=2),
        row(model="Tốt", stt=3),
        row(model="Dân vận khéo ở khu trọ", field="An ninh - quốc phòng", type_="Cá nhân",
            registrant="Nguyễn Văn Thành", position="Chủ tịch CĐCS", stt=4)],
        title=["Năm: 2024", "Ngày gửi: 02/12/2024"])
    write_xlsx(raw / "Q-BD_dang-ky.xlsx", [row(stt=1)], title=["Năm: 2024"])
    (raw / "Q-HK_dang-ky.xlsx").write_bytes(b"not a workbook")
    recipients = write_recipients(root / "recipients.csv")
    out = root / "out" / "2024"
    events = []
    with MailServer() as server, pytest.MonkeyPatch.context() as patch:
        for name, value in server.environ.items():
            patch.setenv(name, value)
        patch.setenv("THIDUA_RECIPIENTS", str(recipients))
        from flows.annual_report import annual_report

        with listening(lambda kind, data: events.append((kind, data))):
            state = annual_report(year=2024, raw_dir=str(root / "raw" / "{year}"),
                                  registry=str(REGISTRY), out_dir=str(root / "out" / "{year}"),
                                  cache_dir=str(root / "cache"), distribute=True,
                                  return_state=True)
    return {"out": out, "state": state, "outcome": state.result(), "events": events,
            "mail": server.handler}


def _artifact(key: str, flow_run_id):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=[key])))
    mine = [a for a in found if a.flow_run_id == flow_run_id]
    assert len(mine) == 1, [a.flow_run_id for a in found]
    return mine[0]


def test_year_placeholders_resolve_and_the_report_is_published(year_end_run):
    outcome = year_end_run["outcome"]
    assert outcome["summary"]["registrations"] == {"total": 4, "collective": 3, "individual": 1}
    assert (year_end_run["out"] / "bao-cao-dan-van-kheo-2024.pdf").is_file()
    keys = outcome["artifacts"]
    assert keys == artifact_keys(2024, year_end_run["out"])  # a folder of its own: keys of its own
    assert keys["summary"].startswith("dan-van-kheo-2024-") and keys["summary"].endswith("-tom-tat")


def test_the_markdown_summary_is_an_artifact_of_the_run(year_end_run):
    run_id = year_end_run["state"].state_details.flow_run_id
    artifact = _artifact(artifact_keys(2024, year_end_run["out"])["summary"], run_id)
    assert artifact.type == "markdown"
    text = artifact.data
    assert text.startswith("# Báo cáo “Dân vận khéo” năm 2024\n\n**Bản số 1**")
    assert "Tổng số **4** mô hình đăng ký: 3 tập thể, 1 cá nhân." in text
    assert "| Kinh tế | 2 | 0 | 2 |" in text
    assert "| An ninh - quốc phòng | 0 | 1 | 1 |" in text
    assert "2/40 đơn vị đã gửi tệp dùng được (5,0%)." in text
    assert "Q\\-HK \\(Liên đoàn Lao động quận Hoàn Kiếm\\)" in text  # inert Markdown
    assert "| Dòng bị từ chối | 1 |" in text and "| Tệp bị từ chối | 1 |" in text
    assert f"- Thư mục kết quả: `{year_end_run['out']}`" in text


def test_the_rejections_table_is_an_artifact_of_the_run(year_end_run):
    run_id = year_end_run["state"].state_details.flow_run_id
    artifact = _artifact(artifact_keys(2024, year_end_run["out"])["rejections"], run_id)
    assert artifact.type == "table"
    assert json.loads(artifact.data) == [
        {"Mã đơn vị": "Q-DD", "Đơn vị": "Liên đoàn Lao động quận Đống Đa",
         "Dòng bị từ chối": 1, "Tệp bị từ chối": 0, "Số lỗi": 1},
        {"Mã đơn vị": "Q-HK", "Đơn vị": "Liên đoàn Lao động quận Hoàn Kiếm",
         "Dòng bị từ chối": 0, "Tệp bị từ chối": 1, "Số lỗi": 1}]


def test_progress_comes_from_the_flow_file_by_file_and_step_by_step(year_end_run):
    events = year_end_run["events"]
    assert events[0] == ("step_started", {"step": "plan"})  # the bar says so before counting
    events = events[1:]
    assert events[0] == ("planned", {"files": 3, "submissions": 3, "steps": len(STEPS)})
    files = [data for kind, data in events if kind == "file_read"]
    assert sorted((d["file"], d["status"]) for d in files) == [
        ("Q-BD_dang-ky.xlsx", "used"), ("Q-DD_dang-ky.xlsx", "used"),
        ("Q-HK_dang-ky.xlsx", "rejected")]
    assert all(isinstance(d["rows"], int) for d in files)  # rows counted as each file ends
    steps = [data["step"] for kind, data in events if kind == "step_done"]
    assert steps == list(STEPS)
    first_step = next(i for i, (kind, _) in enumerate(events) if kind == "step_done")
    assert all(kind == "file_read" for kind, _ in events[1:first_step])


def test_the_run_e_mails_the_new_version_when_asked(year_end_run):
    distribution = year_end_run["outcome"]["distribution"]
    assert distribution["version"] == 1 and distribution["failed"] == []
    assert sorted(distribution["delivered"]) == ["bao@example.org", "minh@example.org",
                                                 "nhung@example.org"]
    pdf = (year_end_run["out"] / "bao-cao-dan-van-kheo-2024.pdf").read_bytes()
    assert [attachment(m)[1] == pdf for m in year_end_run["mail"].messages] == [True] * 3
    assert [line["result"] for line in read_log(year_end_run["out"] / LOG_NAME)] == ["delivered"] * 3
