"""Reading many files together (issue 10: one pass over their values, one pandera call per
year) gives each file exactly what reading it alone gives, and the content cache keeps
serving and re-reading files one by one."""

from __future__ import annotations

import dataclasses
import pickle
import shutil

import pandas as pd
import pytest

from conftest import REGISTRY, SAMPLE_DIR
from corpus_rows import HEADER, reg, titled
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua import pipeline
from thidua.executors import threads
from thidua.ingest.cache import IngestCache
from thidua.ingest.discover import discover_files
from thidua.ingest.files import REJECTED, SKIPPED, USED, FileResult, ingest_file, ingest_files
from thidua.ingest.firstseen import rows_sha256
from thidua.ingest.normalise import normalise_frames, normalise_rows
from thidua.ingest.validate import validate_rows, validate_sheets
from thidua.runner import batch_size, ingest_all, ingest_to_cache, settle


def differences(one: FileResult, other: FileResult) -> list[str]:
    """The fields in which two results differ (DataFrames: values, dtypes, index, columns)."""
    found = []
    for name in (f.name for f in dataclasses.fields(FileResult)):
        a, b = getattr(one, name), getattr(other, name)
        if isinstance(a, pd.DataFrame):
            try:
                pd.testing.assert_frame_equal(a, b)
            except AssertionError as exc:
                found.append(f"{one.file}: {name}: {exc}")
        elif a != b:
            found.append(f"{one.file}: {name}: {a!r} != {b!r}")
    return found


def test_corpus_read_together_equals_each_file_read_alone(corpus, corpus_context, tmp_path):
    # the corpus but its damaged files (slow to refuse, and refused before any row is read),
    # and a workbook of two sheets: a rejected row on each, a row repeating the first sheet
    individual = [reg(i, stt=n) for n, i in enumerate((1, 3), start=1)]
    individual += [reg(5, stt=3, field="Thể loại khác"), reg(0, stt=4)]
    two = tmp_path / "Q-DD_hai-trang.xlsx"
    write_xlsx(two, [
        dataclasses.replace(titled("Q-DD", [reg(0), reg(2), reg(4, model="Góc")]), name="Tập thể"),
        Sheet("Cá nhân", [HEADER, *individual])])
    sources = [s for s in discover_files(corpus) if not s.file.startswith("D-")]
    sources.append(input_file(two))
    together = ingest_files(sources, corpus_context)
    alone = [ingest_file(source, corpus_context) for source in sources]
    assert [differences(a, b) for a, b in zip(together, alone) if differences(a, b)] == []
    # the set is mixed: rejected files, files of several sheets, rejected rows, another year
    by_file = {r.file: r for r in together}
    assert {r.status for r in together} == {USED, REJECTED, SKIPPED}
    assert sum(r.status == REJECTED for r in together) >= 10
    assert by_file["N-DM_rong.xlsx"].problem.startswith("Tệp rỗng")
    assert [(s["sheet"], s["read"], s["valid"], s["rejected"])
            for s in by_file["Q-DD_hai-trang.xlsx"].sheets] == [("Tập thể", 3, 2, 1),
                                                                ("Cá nhân", 4, 2, 2)]
    assert sum(r.rows["rejected"] for r in together) >= 20
    years = {r.file: r.registrations["period_start"].dt.year.max() for r in together
             if r.status == USED and len(r.registrations)}
    assert 2023 in set(years.values()) and 2024 in set(years.values())


def test_sheets_validated_together_keep_their_own_rows_and_messages(context, tmp_path):
    from helpers import row, write_xlsx

    first = write_xlsx(tmp_path / "Q-DD_a.xlsx", [
        row(), row(stt=2, field="Thể loại khác"), row(stt=3, model="Góc")])
    second = write_xlsx(tmp_path / "Q-HK_b.xlsx", [
        row(stt=1, model="Tủ sách công nhân nhà trọ", period="2019"), row(stt=2)])
    results = ingest_files([input_file(first), input_file(second)], context)
    assert [r.rejections[["file", "row", "column", "error"]].values.tolist() for r in results] == [
        [["Q-DD_a.xlsx", 3, "Lĩnh vực",
          "'Thể loại khác' không hợp lệ ở cột 'Lĩnh vực': cần một trong: Kinh tế (KT), Văn hóa "
          "- xã hội (VHXH), An ninh - quốc phòng (ANQP), Xây dựng hệ thống chính trị (XDHTCT)."],
         ["Q-DD_a.xlsx", 4, "Tên mô hình", "'Tên mô hình' có 3 ký tự: cần từ 5 đến 500 ký tự."]],
        [["Q-HK_b.xlsx", 2, "Thời gian thực hiện",
          "'Thời gian thực hiện' '2019' không trùng với năm báo cáo 2024."]]]
    assert [list(r.registrations.index) for r in results] == [[2], [3]]


def test_duplicates_keyed_for_a_whole_batch_are_found_within_each_sheet_only(context, tmp_path):
    # issue 10: the duplicate rule's keys are made once for the batch; a row repeating a row
    # of another file is no duplicate, a row repeating one of its own sheet is, naming it
    from helpers import row, write_xlsx

    first = write_xlsx(tmp_path / "Q-DD_a.xlsx", [row(), row(stt=2)])
    second = write_xlsx(tmp_path / "Q-HK_b.xlsx", [
        row(model="Tủ sách công nhân nhà trọ"), row(stt=2), row(stt=3)])
    results = ingest_files([input_file(first), input_file(second)], context)
    said = ("Trùng với dòng {0}: cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân, chức "
            "vụ và công đoàn cơ sở; chỉ tính dòng {0}.")
    assert [r.rejections[["file", "row", "column", "error"]].values.tolist() for r in results] == [
        [["Q-DD_a.xlsx", 3, "Tên mô hình", said.format(2)]],
        [["Q-HK_b.xlsx", 4, "Tên mô hình", said.format(3)]]]
    assert [list(r.registrations.index) for r in results] == [[2], [2, 3]]
    alone = [ingest_file(input_file(f), context) for f in (first, second)]
    assert [d for a, b in zip(results, alone) for d in differences(a, b)] == []


def test_values_read_by_approximation_are_found_per_file_in_a_batch(context, tmp_path):
    # issue 10: the coded columns of a batch are read in one pass; each file keeps its own
    # readings, and a rejected row's are not told (only the valid rows count)
    from helpers import row, write_xlsx

    first = write_xlsx(tmp_path / "Q-DD_a.xlsx", [
        row(field="Kinhh tế"), row(model="", field="Kinhh tế", stt=2),
        row(model="Tủ sách công nhân", type_="Tậpp thể", stt=3)])
    second = write_xlsx(tmp_path / "Q-HK_b.xlsx", [row(), row(model="Góc đọc sách", stt=2)])
    third = write_xlsx(tmp_path / "Q-CG_c.xlsx", [row(type_="Tậpp thể")])
    files = [input_file(f) for f in (first, second, third)]
    results = ingest_files(files, context)
    told = "Cột '{}': '{}' (dòng {}) đã hiểu là '{}'; nếu không đúng, đề nghị sửa lại và gửi lại."
    assert [r.interpreted for r in results] == [2, 0, 1]
    assert [[n for n in r.readings if "đã hiểu là" in n] for r in results] == [
        [told.format("Lĩnh vực", "Kinhh tế", 2, "Kinh tế"),
         told.format("Hình thức", "Tậpp thể", 4, "Tập thể")],
        [], [told.format("Hình thức", "Tậpp thể", 2, "Tập thể")]]
    alone = [ingest_file(f, context) for f in files]
    assert [d for a, b in zip(results, alone) for d in differences(a, b)] == []


def test_frames_normalised_together_equal_each_alone():
    one = pd.DataFrame({"model": ["Bữa cơm công đoàn"], "field": ["Kinh tế"],
                        "period_from": ["01/2024"], "period_to": ["12/2024"]},
                       index=pd.Index([7], name="row"), dtype=object)
    two = pd.DataFrame({"model": ["Tủ sách", "Góc đọc"], "field": ["kinh te", "VHXH"],
                        "level": ["Thành phố", ""], "grassroots_union": ["", "CĐCS A"]},
                       index=pd.Index([3, 9], name="row"), dtype=object)
    together = normalise_frames([one, two])
    for frame, alone in zip(together, (normalise_rows(one), normalise_rows(two))):
        pd.testing.assert_frame_equal(frame, alone)
    assert together[1]["level"].tolist() == ["thanh_pho", "co_so"]
    assert together[0]["period"].tolist() == ["01/2024 - 12/2024"]


def test_validation_of_two_years_together_uses_each_year():
    raw = pd.DataFrame({"model": ["Bữa cơm công đoàn"], "field": ["Kinh tế"],
                        "type": ["Tập thể"], "registrant": ["CĐCS A"],
                        "period": ["03/2023"]}, index=pd.Index([5], name="row"), dtype=object)
    rows = normalise_rows(raw)
    (valid23, rejected23), (valid24, rejected24) = validate_sheets(
        [(rows, raw, 2023, "a.xlsx", ""), (rows, raw, 2024, "b.xlsx", "")])
    assert (len(valid23), len(rejected23)) == (1, 0)
    assert rejected24["error"].tolist() == [
        "'Thời gian thực hiện' '03/2023' không trùng với năm báo cáo 2024."]
    alone = validate_rows(rows, raw, year=2024, file="b.xlsx", sheet="")
    pd.testing.assert_frame_equal(alone[1], rejected24)


@pytest.fixture()
def year(tmp_path):
    raw = tmp_path / "raw" / "2024"
    shutil.copytree(SAMPLE_DIR, raw)
    return raw


def entries(cache: IngestCache) -> dict[str, FileResult]:
    return {key: pickle.loads(cache.path(key).read_bytes()) for key in cache.keys()}


def test_batches_store_what_one_by_one_stores_and_a_correction_rereads_one_file(year, tmp_path):
    plan = pipeline.plan_run(2024, year, REGISTRY)
    batched, read = ingest_all(plan, tmp_path / "batched", threads(), batch=7)
    single, _ = ingest_all(plan, tmp_path / "single", threads(), batch=1)
    assert read == 40
    assert sum(r.rows["read"] for r in batched) == 8533
    assert sum(r.rows["valid"] for r in batched) == 8333
    assert [d for a, b in zip(batched, single) for d in differences(a, b)] == []
    stored, alone = entries(IngestCache(tmp_path / "batched")), entries(IngestCache(tmp_path / "single"))
    assert sorted(stored) == sorted(alone) and len(stored) == 40
    assert [d for k in stored for d in differences(stored[k], alone[k])] == []

    corrected = year / "H-MD_dang-ky-dvk-2024.csv"
    lines = corrected.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.pop(next(n for n, line in enumerate(lines) if line.upper().startswith("STT;")) + 1)
    corrected.write_text("".join(lines), encoding="utf-8")
    plan = pipeline.plan_run(2024, year, REGISTRY)
    again, read = ingest_all(plan, tmp_path / "batched", threads(), batch=7)
    assert read == 1
    fresh = next(r for r in again if r.file == corrected.name)
    alone = ingest_file(fresh.input, plan.context)
    # what it says is hashed where it is read (stored with it): the hash of its own rows
    assert fresh.rows_sha256 == rows_sha256(alone) != ""
    assert differences(fresh, dataclasses.replace(alone, rows_sha256=rows_sha256(alone))) == []
    assert all(r.rows_sha256 == (rows_sha256(r) if r.status == USED else "") for r in again)
    assert fresh.rows["read"] == next(r for r in batched if r.file == corrected.name).rows["read"] - 1


def test_batch_size_keeps_every_worker_busy_and_is_bounded():
    assert [batch_size(n, 2) for n in (0, 1, 3, 4, 40, 2000)] == [1, 1, 1, 1, 10, 16]
    assert batch_size(40, 8) == 3


def test_a_cached_result_is_unpickled_once_in_the_run_and_crosses_processes_by_its_key(
        tmp_path, monkeypatch):
    # issue 10: the in-process run takes each result from the cache once (it loaded it twice:
    # to know its counts, then to use it); a Dask worker's Ingested carries only the key
    raw = tmp_path / "raw" / "2024"
    raw.mkdir(parents=True)
    for name in ("H-MD_dang-ky-dvk-2024.csv", "CQ_dang-ky-dvk-2024.xlsx"):
        shutil.copy(SAMPLE_DIR / name, raw / name)
    plan = pipeline.plan_run(2024, raw, REGISTRY)
    first, read = ingest_all(plan, tmp_path / "cache", threads())
    assert read == 2
    loaded = []
    load = pickle.load
    monkeypatch.setattr(pickle, "load", lambda handle: loaded.append(handle.name) or load(handle))
    again, read = ingest_all(plan, tmp_path / "cache", threads())
    assert read == 0 and len(loaded) == 2 and len(set(loaded)) == 2
    assert [d for a, b in zip(first, again) for d in differences(a, b)] == []
    assert sorted(r.rows["read"] for r in again) == sorted(r.rows["read"] for r in first)

    source = plan.files[0]
    ingested = ingest_to_cache(source, plan.context, plan.program, str(tmp_path / "cache"))
    crossed = pickle.loads(pickle.dumps(ingested))
    assert ingested.result is not None and crossed.result is None
    assert (crossed.file, crossed.key, crossed.cached, crossed.rows) == \
        (source.file, ingested.key, True, ingested.rows)
    loaded.clear()
    from_cache = settle(crossed, source, plan.context, plan.program, str(tmp_path / "cache"))
    assert len(loaded) == 1
    assert differences(from_cache, next(r for r in first if r.file == source.file)) == []


def test_an_empty_rejections_table_is_a_fresh_table_each_time():
    # issue 10: the empty table is built once and copied; a sheet adding to its own copy
    # never changes the next sheet's
    from thidua.ingest.rejections import REJECTION_COLUMNS, rejection_frame

    first = rejection_frame([])
    first.loc[0] = ["a.xlsx", "Danh sách", 3, "Lĩnh vực", "x", "Thiếu 'Lĩnh vực'."]
    second = rejection_frame([])
    assert (len(first), len(second)) == (1, 0)
    assert list(second.columns) == REJECTION_COLUMNS
    assert second.dtypes.astype(str).tolist() == ["str", "str", "Int64", "str", "str", "str"]
    alike = rejection_frame([{"file": "a.xlsx", "sheet": "S", "row": None, "column": "",
                              "value": None, "error": "Tệp bị từ chối: x"}])
    assert alike.dtypes.astype(str).tolist() == second.dtypes.astype(str).tolist()
    assert alike.iloc[0].tolist()[3:] == ["", "", "Tệp bị từ chối: x"]


def _counting(monkeypatch, module, name):
    """Replace ``module.name`` by a wrapper that records its first argument's type."""
    real, calls = getattr(module, name), []

    def wrapper(*args, **kwargs):
        calls.append(getattr(args[0], "__name__", type(args[0]).__name__))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_a_batch_is_read_in_a_worker_whole_and_again_file_by_file_when_it_fails(
        tmp_path, monkeypatch):
    # issue 10, P1: in this process's threads, everything but the parse held Python's lock;
    # a batch is now read, normalised and checked in a parsing worker, each on its own core
    import thidua.ingest.files as files
    from thidua.ingest import isolation
    from thidua.ingest.isolation import ReaderFailed, time_exceeded
    from thidua.reading import ingest_batch_isolated, ingest_batch_to_cache

    raw = tmp_path / "raw" / "2024"
    raw.mkdir(parents=True)
    for name in ("H-MD_dang-ky-dvk-2024.csv", "CQ_dang-ky-dvk-2024.xlsx", "Q-BD_dang-ky-dvk-2024.xlsx"):
        shutil.copy(SAMPLE_DIR / name, raw / name)
    plan = pipeline.plan_run(2024, raw, REGISTRY)
    sources = [s for s in plan.files if not s.skipped]
    expected = ingest_batch_to_cache(sources, plan.context, plan.program, str(tmp_path / "alone"))
    assert len(sources) == 3 and all(e.status == USED for e in expected)

    parsed_here = _counting(monkeypatch, files, "parse_isolated")
    isolated = _counting(monkeypatch, isolation, "run_isolated")
    batch = ingest_batch_isolated(sources, plan.context, plan.program, str(tmp_path / "w"))
    assert isolated == ["ingest_batch_to_cache"] and parsed_here == []
    assert [(i.file, i.status, i.rows, i.cached) for i in batch] == \
        [(e.file, e.status, e.rows, False) for e in expected]
    assert all(i.result is None for i in batch)  # the rows came through the cache folder
    stored = entries(IngestCache(tmp_path / "w"))
    assert sorted(stored) == sorted(i.key for i in batch)
    alone = {e.key: e.result for e in expected}
    assert [d for k in stored for d in differences(stored[k], alone[k])] == []
    isolated.clear()
    results, read = ingest_all(plan, tmp_path / "run", threads(), batch=2)  # as a run reads
    assert (read, isolated, parsed_here) == (3, ["ingest_batch_to_cache"] * 2, [])
    assert [r.rows for r in results] == [e.rows for e in expected]

    counting = isolation.run_isolated

    def batch_past_its_time(function, *args, **kwargs):  # the batch's worker past its limit
        if function is ingest_batch_to_cache and (len(args[0]) > 1 or args[0][0].file.startswith("CQ")):
            isolated.append("batch failed")
            raise ReaderFailed(time_exceeded(120))
        return counting(function, *args, **kwargs)

    isolated.clear()
    monkeypatch.setattr(isolation, "run_isolated", batch_past_its_time)
    again = ingest_batch_isolated(sources, plan.context, plan.program, str(tmp_path / "w2"))
    # each file read again alone in a worker, never in this process: only the file past the
    # limits alone (CQ's, here) is rejected, for this run only (fresh tester M's M042)
    assert isolated == ["batch failed", "batch failed", "ingest_batch_to_cache",
                        "ingest_batch_to_cache"]
    assert parsed_here == []
    assert [(i.file, i.status, i.rows) for i in again] == [
        (e.file, "rejected" if e.file.startswith("CQ") else e.status,
         {"read": 0, "valid": 0, "rejected": 0, "ignored": 0} if e.file.startswith("CQ")
         else e.rows) for e in expected]
    cq = next(i for i in again if i.file.startswith("CQ"))
    assert not cq.keep and cq.key.startswith("run-")  # never reused by a later run
    assert cq.result.problem == time_exceeded(120) and cq.result.unit == "CQ"


def test_in_a_worker_an_isolated_call_runs_in_place_and_judges_errors_alike(monkeypatch):
    import io
    import os
    import zipfile

    from thidua.ingest import isolation, worker
    from thidua.ingest.workbook import FileRejected

    assert isolation.run_isolated(os.getpid) != os.getpid()  # a worker of its own
    monkeypatch.setattr(worker, "serving", True)
    assert isolation.run_isolated(os.getpid) == os.getpid()  # already in one: in place
    with pytest.raises(FileRejected) as failed:  # a reader library's error: the file's
        isolation.run_isolated(zipfile.ZipFile, io.BytesIO(b"PK\x03\x04 broken"))
    assert str(failed.value).startswith("Không đọc được tệp: cấu trúc nén của tệp bị hỏng")
    assert str(failed.value).endswith("đề nghị mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.")
    rejected = FileRejected("tệp hỏng")

    def rejects():
        raise rejected

    with pytest.raises(FileRejected) as passed:
        isolation.run_isolated(rejects)
    assert passed.value is rejected


def test_few_files_are_read_in_workers_too(tmp_path, monkeypatch):
    """A run of few files (a batch of one each) reads each in a parsing worker, under its
    limits, never in the run's process: one file's rows took that process 40 minutes there
    (fresh tester M's M042). Only a mapper asking one task per file (Prefect's) reads there."""
    import thidua.ingest.files as files
    from thidua.ingest import isolation

    raw = tmp_path / "raw" / "2024"
    raw.mkdir(parents=True)
    for name in ("CQ_dang-ky-dvk-2024.xlsx", "Q-BD_dang-ky-dvk-2024.xlsx"):
        shutil.copy(SAMPLE_DIR / name, raw / name)
    plan = pipeline.plan_run(2024, raw, REGISTRY)
    parsed_here = _counting(monkeypatch, files, "parse_isolated")
    isolated = _counting(monkeypatch, isolation, "run_isolated")
    results, read = ingest_all(plan, tmp_path / "run", threads())
    assert (read, isolated, parsed_here) == (2, ["ingest_batch_to_cache"] * 2, [])
    assert [r.status for r in results] == [USED, USED]
    isolated.clear()
    results, read = ingest_all(plan, tmp_path / "tasks", threads(), batch=1)
    assert (read, parsed_here) == (2, ["bytes", "bytes"])
