"""A registration sent both by a unit that ended during the year and by a unit that took over
from it is counted once, in the successor's file (fresh tester R's R449;
:mod:`thidua.ingest.handover`, ``docs/contracts.md``)."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from conftest import REGISTRY
from helpers import HEADER, row, write_xlsx
from thidua.check import check_year
from thidua.ingest.handover import heirs
from thidua.ingest.registry import load_registry

#: Q-DD ended on 30/06/2025; its successors (bundled registry) include P-DONGDA and P-KIMLIEN.
MODELS = [(f"Mô hình số {i}", f"CĐCS Công ty {i}") for i in range(8)]


def _rows(models, period="01/2025 - 06/2025", **kw):
    return [row(model=m, registrant=g, grassroots=g, period=period, stt=i + 1, **kw)
            for i, (m, g) in enumerate(models)]


def _file(raw, unit, rows, name=None, sheet="Danh sách"):
    path = write_xlsx(raw / (name or f"{unit}_dang-ky.xlsx"), rows,
                      title=[f"Mã đơn vị: {unit}", "Năm: 2025"], sheet=sheet)
    os.utime(path, (1_764_000_000, 1_764_000_000))
    return path


def _check(raw):
    check = check_year(2025, raw, REGISTRY)
    by_unit = {f.unit: f for f in check.results if f.status == "used"}
    return check, by_unit


def test_the_successor_keeps_what_both_send_and_the_predecessor_is_told(tmp_path):
    raw = tmp_path / "2025"
    _file(raw, "Q-DD", _rows(MODELS))
    _file(raw, "P-DONGDA", _rows(MODELS[2:] + [("Mô hình mới của phường", "CĐCS Phường")],
                                 period="07/2025 - 12/2025"))
    check, used = _check(raw)
    assert check.figures.rows == {"read": 15, "valid": 9, "rejected": 6, "ignored": 0}
    assert used["Q-DD"].rows == {"read": 8, "valid": 2, "rejected": 6, "ignored": 0}
    assert used["P-DONGDA"].rows == {"read": 7, "valid": 7, "rejected": 0, "ignored": 0}
    assert used["Q-DD"].sheets[0]["valid"] == 2 and used["Q-DD"].sheets[0]["rejected"] == 6
    assert sorted(used["Q-DD"].registrations["model"]) == ["Mô hình số 0", "Mô hình số 1"]
    rejected = used["Q-DD"].rejections
    assert rejected["row"].tolist() == list(range(7, 13))  # title, blank, header: data from row 5
    assert rejected["column"].unique().tolist() == ["Tên mô hình"]
    assert rejected["value"].iloc[0] == "Mô hình số 2"
    assert rejected["error"].iloc[0] == (
        "Trùng với dòng 5 của tệp 'P-DONGDA_dang-ky.xlsx' của đơn vị kế thừa P-DONGDA: cùng tên "
        "mô hình, lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và công đoàn cơ sở; chỉ tính ở "
        "đơn vị kế thừa.")
    by_unit = check.figures.by_unit
    assert by_unit.at["Q-DD", "total"] == 2 and by_unit.at["P-DONGDA", "total"] == 7


def test_a_spelling_apart_is_still_the_same_registration(tmp_path):
    """The duplicate rule's key (case, accents, spacing, quotes, a form of address) decides,
    as within one file."""
    raw = tmp_path / "2025"
    _file(raw, "Q-DD", _rows(MODELS[:2]))
    _file(raw, "P-KIMLIEN", [row(model="“MÔ HÌNH  SỐ 0”.", registrant="CĐCS Công ty 0",
                                 grassroots="CĐCS Công ty 0", period="10/2025 - 12/2025")])
    check, used = _check(raw)
    assert used["Q-DD"].rows["valid"] == 1 and used["P-KIMLIEN"].rows["valid"] == 1
    assert check.figures.rows["valid"] == 2
    assert "đơn vị kế thừa P-KIMLIEN" in used["Q-DD"].rejections["error"].iloc[0]


@pytest.mark.parametrize("change", [
    {"field": "Văn hóa - Xã hội"},          # another field
    {"type_": "Cá nhân", "position": "Tổ trưởng"},  # another type (and a position)
    {"registrant": "CĐCS Công ty khác"},    # another registrant
    {"grassroots": "CĐCS Công ty khác"},    # another grassroots union
])
def test_one_key_part_apart_is_two_registrations(tmp_path, change):
    raw = tmp_path / "2025"
    _file(raw, "Q-DD", _rows(MODELS[:1]))
    (model, union), = MODELS[:1]
    args = {"model": model, "registrant": union, "grassroots": union,
            "period": "10/2025 - 12/2025", **change}
    _file(raw, "P-DONGDA", [row(**args)])
    check, used = _check(raw)
    assert check.figures.rows["valid"] == 2 and check.figures.rows["rejected"] == 0


def test_units_that_are_not_successors_keep_their_own(tmp_path):
    """Two units with no succession between them (Q-BD and P-DONGDA) each count the
    same-named model."""
    raw = tmp_path / "2025"
    _file(raw, "Q-BD", _rows(MODELS[:3], period="01/2025 - 12/2025"))
    _file(raw, "P-DONGDA", _rows(MODELS[:3], period="10/2025 - 12/2025"))
    check, used = _check(raw)
    assert check.figures.rows["valid"] == 6 and check.figures.rows["rejected"] == 0


def test_a_rejected_row_of_the_successor_keeps_nothing(tmp_path):
    """Only the successor's counted registrations take the predecessor's place: a row of the
    successor rejected for its own fault leaves the predecessor's counted."""
    raw = tmp_path / "2025"
    _file(raw, "Q-DD", _rows(MODELS[:2]))
    bad = _rows(MODELS[:2], period="10/2025 - 12/2025")
    bad[0][2] = "Không rõ"  # no field
    _file(raw, "P-DONGDA", bad)
    check, used = _check(raw)
    assert used["Q-DD"].rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert used["P-DONGDA"].rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert check.figures.rows["valid"] == 2


def test_the_run_publishes_it_in_every_output(tmp_path):
    """``thidua run``: summary.json counts once, rejected.csv and the predecessor's feedback
    (made from the run's results before the choice of files) say why."""
    import csv
    import io
    import json

    import openpyxl

    from thidua.runner import run_year

    raw, out = tmp_path / "2025", tmp_path / "out"
    _file(raw, "Q-DD", _rows(MODELS[:3]))
    _file(raw, "P-DONGDA", _rows(MODELS[:1], period="10/2025 - 12/2025"))
    done = run_year(2025, str(raw), str(REGISTRY), str(out), cache_dir=str(tmp_path / "cache"))
    summary = done["summary"]
    assert summary["registrations"]["total"] == 3
    assert summary["rows"] == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert sum(summary["by_unit"]["Q-DD"][f]["collective"] for f in summary["by_field"]) == 2
    lines = list(csv.DictReader(io.StringIO((out / "rejected.csv").read_text("utf-8-sig"))))
    assert [(r["file"], r["row"], r["column"]) for r in lines] == [
        ("Q-DD_dang-ky.xlsx", "5", "Tên mô hình")]
    assert lines[0]["error"].startswith("Trùng với dòng 5 của tệp 'P-DONGDA_dang-ky.xlsx' của "
                                        "đơn vị kế thừa P-DONGDA")
    sheet = openpyxl.load_workbook(out / "phan-hoi" / "Q-DD.xlsx")["Dòng bị từ chối"]
    texts = [c for line in sheet.iter_rows(values_only=True) for c in line if isinstance(c, str)]
    assert lines[0]["error"] in texts
    assert not (out / "phan-hoi" / "P-DONGDA.xlsx").exists()
    assert json.loads((out / "summary.json").read_text("utf-8")) == summary


def test_heirs_follow_successors_of_successors():
    registry = pd.DataFrame({"code": ["A", "B", "C", "D", "A"],
                             "successors": ["B", "C", None, "D", "E;A"]})
    assert heirs(registry) == {"A": frozenset("BCE"), "B": frozenset("C")}
    assert heirs(None) == {} and heirs(registry[["code"]]) == {}
    bundled = heirs(load_registry(REGISTRY))
    assert {"P-DONGDA", "P-KIMLIEN"} <= bundled["Q-DD"] and "Q-DD" not in bundled.get("P-DONGDA", ())


def test_a_successor_s_sheet_is_named_when_its_file_has_several(tmp_path):
    """The successor's list on two sheets: the message names the sheet of the row kept."""
    import openpyxl

    raw = tmp_path / "2025"
    _file(raw, "Q-DD", _rows(MODELS[:2]))
    path = _file(raw, "P-DONGDA", _rows(MODELS[2:3], period="10/2025 - 12/2025"), sheet="Tổ 1")
    book = openpyxl.load_workbook(path)
    second = book.copy_worksheet(book["Tổ 1"])
    second.title = "Tổ 2"
    second.delete_rows(5, 1)
    for i, value in enumerate(_rows(MODELS[1:2], period="10/2025 - 12/2025")[0], 1):
        second.cell(5, i, value)
    book.save(path)
    check, used = _check(raw)
    assert used["P-DONGDA"].rows["valid"] == 2 and used["Q-DD"].rows["valid"] == 1
    assert used["Q-DD"].rejections["error"].tolist() == [
        "Trùng với dòng 5 (trang 'Tổ 2') của tệp 'P-DONGDA_dang-ky.xlsx' của đơn vị kế thừa "
        "P-DONGDA: cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và công đoàn "
        "cơ sở; chỉ tính ở đơn vị kế thừa."]


def test_the_predecessor_s_rejections_stay_in_sheet_then_row_order(tmp_path):
    """The rejections moved in join the file's own in its sheets' order (workbook order, not
    by name), then by row, numbered from 0 as every rejections table is."""
    import openpyxl

    raw = tmp_path / "2025"
    bad = _rows(MODELS[3:5])
    bad[1][2] = "Không rõ"  # the second sheet's own rejection, row 6
    path = _file(raw, "Q-DD", bad, sheet="Tổ B")
    book = openpyxl.load_workbook(path)
    first = book.create_sheet("Tổ Z", 0)  # first in the workbook, last by name
    for line in (["Mã đơn vị: Q-DD"], ["Năm: 2025"], [], list(HEADER)):
        first.append(line)
    for line in _rows(MODELS[:3]):
        first.append(line)
    book.save(path)
    _file(raw, "P-DONGDA", _rows(MODELS[1:2], period="10/2025 - 12/2025"))
    check, used = _check(raw)
    rejected = used["Q-DD"].rejections
    assert list(zip(rejected["sheet"], rejected["row"])) == [("Tổ Z", 6), ("Tổ B", 6)]
    assert rejected.index.tolist() == [0, 1]
    assert used["Q-DD"].rows == {"read": 5, "valid": 3, "rejected": 2, "ignored": 0}
    assert [(s["sheet"], s["valid"], s["rejected"]) for s in used["Q-DD"].sheets] == [
        ("Tổ Z", 2, 1), ("Tổ B", 1, 1)]
