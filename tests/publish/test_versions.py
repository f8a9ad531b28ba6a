"""Issue 4: versions, what changed, only changed work redone, safe publishing."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import threading

import pytest
from typer.testing import CliRunner

from conftest import REGISTRY, SAMPLE_DIR
from thidua import pipeline
from thidua.cli import app

CHANGED = "H-MD_dang-ky-dvk-2024.csv"  # a UTF-8 ';' CSV: easy to correct by hand


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    root = tmp_path_factory.mktemp("versions")
    raw = root / "raw"
    shutil.copytree(SAMPLE_DIR, raw)
    return {"raw": raw, "out": root / "out", "cache": root / "cache"}


def run(year, **extra):
    from flows.annual_report import annual_report

    state = annual_report(year=2024, raw_dir=str(year["raw"]), registry=str(REGISTRY),
                          out_dir=str(year["out"]), cache_dir=str(year["cache"]),
                          return_state=True, **extra)
    return state, state.result(raise_on_failure=False)


def ingest_states(state) -> dict[str, int]:
    """How the flow run's ingest task runs ended, counted from the Prefect API."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(
            id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    counts: dict[str, int] = {}
    for r in runs:
        if r.name.startswith("ingest-"):
            counts[r.state.name] = counts.get(r.state.name, 0) + 1
    return counts


def correct_one_unit(raw):
    """H-MD re-sends its file without its first data line (one registration fewer)."""
    path = raw / CHANGED
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if line.upper().startswith("STT;"))
    removed = lines.pop(header + 1)
    path.write_text("".join(lines), encoding="utf-8")
    return removed


@pytest.mark.usefixtures("prefect_api")
class TestVersions:
    def test_1_first_run_publishes_version_1(self, year):
        state, outcome = run(year)
        assert outcome["status"] == "published" and outcome["version"] == 1
        assert ingest_states(state) == {"Completed": 40}
        manifest = json.loads((year["out"] / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["version"] == 1 and manifest["replaces"] is None and manifest["changes"] == []
        files = snapshot(year["out"] / "versions" / "v1").keys()
        assert {"bao-cao-dan-van-kheo-2024.pdf", "summary.json", "rejected.csv", "manifest.json",
                "phan-hoi/Q-DD.xlsx"} <= files
        # units with rejections, and N-GD, whose hidden sheet 'Năm 2023' holds a table not counted
        assert len([f for f in files if f.startswith("phan-hoi/")]) == 8
        for name, digest in snapshot(year["out"] / "versions" / "v1").items():
            assert sha(year["out"] / name) == digest  # the top holds a copy of the latest

    def test_2_one_corrected_file_gives_v2_naming_exactly_that_change(self, year):
        v1 = snapshot(year["out"] / "versions" / "v1")
        removed = correct_one_unit(year["raw"])
        state, outcome = run(year)
        assert outcome["version"] == 2
        assert ingest_states(state) == {"Completed": 40}  # every file a task in the UI…
        assert outcome["files_read"] == 1  # …but only H-MD re-read: 39 from the content cache
        assert snapshot(year["out"] / "versions" / "v1") == v1  # v1 untouched
        manifest = json.loads((year["out"] / "manifest.json").read_text(encoding="utf-8"))
        v1_date = json.loads((year["out"] / "versions/v1/manifest.json").read_text())["report_date"]
        assert manifest["replaces"] == {"version": 1, "date": v1_date}
        counts = [line for line in manifest["changes"] if line.startswith("Liên đoàn")]
        assert len(counts) == 1 and counts[0].startswith("Liên đoàn Lao động huyện Mỹ Đức, lĩnh vực")
        assert f"Tệp {CHANGED} (Liên đoàn Lao động huyện Mỹ Đức): thay nội dung tệp." in manifest["changes"]
        assert ";Kinh tế;Tập thể;" in removed  # the line taken out: one KT collective
        assert counts[0] == "Liên đoàn Lao động huyện Mỹ Đức, lĩnh vực kinh tế, tập thể: 1 → 0 (−1)." \
            or counts[0].endswith("(−1).") and "kinh tế, tập thể" in counts[0]
        assert manifest["changes"][-1] == ("Tổng số mô hình: 8.333 → 8.332 (tập thể 1.129 → 1.128, "
                                           "cá nhân 7.204 → 7.204).")
        from pypdf import PdfReader
        text = " ".join(p.extract_text() for p in PdfReader(year["out"] / "bao-cao-dan-van-kheo-2024.pdf").pages)
        text = " ".join(text.split())
        assert "Bản số 2, thay thế bản ngày" in text
        assert "Những điểm thay đổi so với bản số 1" in text
        assert "8.333 → 8.332" in text
        # the new date is the day v2 was made: said apart, under a heading, not as a data change
        day = lambda iso: "/".join(reversed(iso.split("-")))  # noqa: E731
        said = f"Ngày báo cáo: {day(v1_date)} → {day(manifest['report_date'])}."
        assert manifest["date_change"] == said and not any("Ngày báo cáo" in c for c in manifest["changes"])
        assert f"cá nhân 7.204 → 7.204). Không phải thay đổi số liệu {said}" in text

    def test_3_diff_prints_and_writes_the_same_change(self, year):
        plain = CliRunner().invoke(app, ["diff", "--year", "2024", "--out", str(year["out"])])
        assert plain.exit_code == 0 and not (year["out"] / "diff-v1-v2.csv").exists()
        result = CliRunner().invoke(app, ["diff", "--year", "2024", "--out", str(year["out"]), "--csv"])
        assert result.exit_code == 0, result.output
        assert result.output == plain.output + f"Đã ghi {year['out'] / 'diff-v1-v2.csv'}\n"
        assert "từ bản số 1 đến bản số 2" in result.output
        assert "H-MD" in result.output
        with (year["out"] / "diff-v1-v2.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == ["Mục", "Mã đơn vị", "Tệp", "Lĩnh vực", "Hình thức", "Trước", "Sau",
                                 "Nội dung"]
        counts = [r for r in rows if r["Mục"] == "số liệu"]
        assert len(counts) == 1 and counts[0]["Mã đơn vị"] == "H-MD"
        assert int(counts[0]["Trước"]) - int(counts[0]["Sau"]) == 1
        files = [r for r in rows if r["Mục"] == "tệp"]
        assert [(r["Tệp"], r["Mã đơn vị"], r["Nội dung"]) for r in files] == [
            (CHANGED, "H-MD", "thay nội dung tệp")]

    def test_4_same_inputs_publish_nothing_and_keep_v2_bytes(self, year):
        before = snapshot(year["out"])
        state, outcome = run(year)
        assert outcome["status"] == "unchanged" and outcome["version"] == 2
        assert ingest_states(state) == {}  # nothing read at all
        assert snapshot(year["out"]) == before
        assert not (year["out"] / "versions" / "v3").exists()
        assert sha(year["out"] / "bao-cao-dan-van-kheo-2024.pdf") == sha(
            year["out"] / "versions/v2/bao-cao-dan-van-kheo-2024.pdf")

    def test_5_a_run_killed_while_rendering_leaves_v2_intact(self, year, monkeypatch):
        v2 = snapshot(year["out"])
        (year["raw"] / "late-note.txt").write_text("thư xin gửi muộn", encoding="utf-8")

        def crash(*args, **kwargs):
            raise RuntimeError("injected: renderer died")

        monkeypatch.setattr(pipeline, "render_report", crash)
        state, outcome = run(year)
        assert state.is_failed()
        assert snapshot(year["out"]) == v2
        assert not list((year["out"] / "versions").glob(".tmp-*"))
        monkeypatch.undo()
        state, outcome = run(year)
        assert outcome["version"] == 3
        manifest = json.loads((year["out"] / "manifest.json").read_text(encoding="utf-8"))
        assert "Tệp late-note.txt (không rõ đơn vị): thêm tệp (bị từ chối)." in manifest["changes"]
        assert outcome["files_read"] == 0  # the failed run had already read the note

    def test_6_a_run_killed_while_publishing_leaves_the_last_version_intact(self, year, monkeypatch):
        import thidua.publish.outputs as publish

        before = snapshot(year["out"])
        (year["raw"] / "late-note.txt").write_text("thư sửa lại", encoding="utf-8")

        def crash(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(publish.os, "rename", crash)
        state, _ = run(year)
        assert state.is_failed()
        assert snapshot(year["out"]) == before
        assert not list((year["out"] / "versions").glob(".tmp-*"))


def test_a_second_run_for_the_same_year_waits_then_says_why(tmp_path):
    held = threading.Event()
    release = threading.Event()

    def holder():
        with pipeline.year_lock(tmp_path, timeout=1):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    with pytest.raises(pipeline.NothingToReport, match="Một lần chạy khác đang ghi báo cáo vào"):
        with pipeline.year_lock(tmp_path, timeout=0.2):
            pass
    release.set()
    thread.join()
    with pipeline.year_lock(tmp_path, timeout=0.2):  # free again
        pass


def test_the_same_figures_render_to_the_same_bytes(registry, context):
    from thidua.ingest.files import ingest_file
    from thidua.ingest.registry import expected_units
    from thidua.ingest.discover import discover_files

    import io

    from pypdf import PdfReader

    def figures():  # read and counted afresh each time: two independent builds
        files = [f for f in discover_files(SAMPLE_DIR) if f.file.startswith(("H-MD", "Q-DD"))]
        plan = pipeline.Plan(2024, files, expected_units(registry, 2024), context, "r", "p")
        return pipeline.aggregate_results(plan, [ingest_file(f, context) for f in files])

    first, second = figures(), figures()
    assert first is not second
    pdf = pipeline.render(first)
    assert pipeline.render(second) == pdf
    # and what makes the bytes equal is the data, not the clock: dated by the files' sent date
    day = pipeline.default_report_date(first)
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta["/CreationDate"].startswith(f"D:{day:%Y%m%d}")


def test_diff_with_fewer_than_two_versions_says_so(tmp_path):
    from thidua.publish.versions import diff_versions

    with pytest.raises(ValueError, match="Cần ít nhất hai bản để so sánh; .* chưa có bản nào"):
        diff_versions(tmp_path)
    (tmp_path / "versions" / "v1").mkdir(parents=True)
    (tmp_path / "versions" / "v1" / "manifest.json").write_text("{}")
    with pytest.raises(ValueError, match="mới có bản số 1"):
        diff_versions(tmp_path)


def test_a_version_that_only_changes_the_date_says_so_apart_from_the_data(tmp_path):
    from thidua.publish.versions import Version, compare, date_change, describe_changes

    summary = {"registrations": {"total": 3, "collective": 1, "individual": 2},
               "by_unit": {"Q-DD": {"KT": {"collective": 1, "individual": 2}}}}
    inputs = [{"path": "Q-DD.xlsx", "sha256": "a", "unit": "Q-DD", "status": "used"}]
    before = Version(1, tmp_path, {"inputs": inputs, "registry_sha256": "r", "program_sha256": "p",
                                   "report_date": "2024-11-26"}, summary)
    after = {"inputs": inputs, "registry_sha256": "r", "program_sha256": "p", "report_date": "2024-12-05"}
    changes = compare(before, after, summary)
    lines = describe_changes(changes, {"Q-DD": "LĐLĐ quận Đống Đa"})
    assert lines == ["Tổng số mô hình không đổi: 3 (tập thể 1, cá nhân 2)."]  # no date among them
    assert date_change(changes) == "Ngày báo cáo: 26/11/2024 → 05/12/2024."
    assert date_change(compare(before, dict(after, report_date="2024-11-26"), summary)) is None
