"""Coded values in full-width or look-alike letters, and periods of a right shape that cannot
be read (``spec/submission-form.md``, "Errors")."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.normalise import normalise_rows
from thidua.ingest.periodcheck import period_problem
from thidua.ingest.validate import validate_rows
from thidua.ingest.interpreted import interpreted_notes, interpreted_values
from thidua.ingest.values import EXACT, INTERPRETED, read_value
from thidua.text import fold_code

ROW = {"model": "Bữa cơm Công đoàn ấm áp", "field": "Kinh tế", "type": "Tập thể",
       "registrant": "CĐCS Trường Mầm non Hoa Sen", "position": None, "level": "Cơ sở",
       "grassroots_union": "CĐCS Trường Mầm non Hoa Sen", "period": "01/2024 - 12/2024",
       "result": "Hoàn thành"}


def frame(records: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame.from_records(records).astype(object)
    out.index = pd.RangeIndex(8, 8 + len(out), name="row")
    return out


def _check(**cells) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = frame([{**ROW, **cells}])
    return validate_rows(normalise_rows(raw), raw, year=2024, file="a.xlsx", sheet="S")


@pytest.mark.parametrize("column, written, code", [
    ("type", "\u0422\u0422", "collective"),  # Cyrillic ТТ
    ("type", "\u0421N", "individual"),  # Cyrillic С
    ("type", "ＣＮ", "individual"),  # full-width
    ("type", "\u03a4\u03a4", "collective"),  # Greek ΤΤ
    ("field", "ＫＴ", "KT"),
    ("field", "\u041ainh tế", "KT"),  # Cyrillic К
    ("field", "VН-ХН", "VHXH"),  # Cyrillic Н, Х
    ("level", "\u0421ơ sở", "co_so"),  # Cyrillic С in a Vietnamese word
    ("result", "Ноàn thành", "hoan_thanh"),  # Cyrillic Н, о
    ("result", "Ｈoàn thành", "hoan_thanh"),
])
def test_full_width_and_look_alike_values_are_read_and_told(column, written, code):
    assert read_value(column, written).code == code
    assert read_value(column, written).how == INTERPRETED
    raw = frame([{**ROW, column: written, "position": "Chủ tịch"}])
    assert interpreted_values(raw)[["row", "column", "value", "code"]].values.tolist() == [
        [8, column, written, code]]


def test_plain_latin_values_are_still_exact_and_not_told():
    assert read_value("type", "TT").how == EXACT and read_value("field", "Kinh tế").how == EXACT
    assert interpreted_values(frame([ROW])).empty


def test_the_note_says_what_was_read():
    raw = frame([{**ROW, "type": "\u0422\u0422"}])
    assert interpreted_notes(interpreted_values(raw)) == [
        "Cột 'Hình thức': 'ТТ' (dòng 8) đã hiểu là 'Tập thể'; nếu không đúng, đề nghị sửa lại và "
        "gửi lại."]


def test_names_are_never_folded():
    valid, rejected = _check(model="Mô hình Ｑ-ВD số một", registrant="Трường Mầm non")
    assert rejected.empty
    assert valid.at[8, "model"] == "Mô hình Ｑ-ВD số một"
    assert valid.at[8, "registrant"] == "Трường Mầm non"


def test_a_value_still_rejected_names_its_foreign_letters():
    valid, rejected = _check(type="\u0422\u0416")  # ТЖ: Ж looks like no Latin letter
    assert valid.empty
    assert rejected["error"].tolist() == [
        "'ТЖ' không hợp lệ ở cột 'Hình thức': cần Tập thể (TT) hoặc Cá nhân (CN). 'ТЖ' có chữ "
        "'Т', 'Ж' không phải chữ Latinh (chữ Kirin); đề nghị gõ lại bằng bàn phím tiếng "
        "Việt/Latinh."]
    _, latin = _check(type="XY")
    assert latin["error"].tolist() == [
        "'XY' không hợp lệ ở cột 'Hình thức': cần Tập thể (TT) hoặc Cá nhân (CN)."]


@pytest.mark.parametrize("text, folded", [
    ("Ｑ－ＢＤ", "Q-BD"), ("\u0421Q", "CQ"), ("Kinh tế", "Kinh tế"), ("ＫＴ", "KT"),
    ("Д", "Д"), ("Văn hóa – xã hội", "Văn hóa – xã hội"),
])
def test_fold_code(text, folded):
    assert fold_code(text) == folded


US = ("; có vẻ ghi theo kiểu tháng/ngày/năm (bảng tính đặt ngôn ngữ Mỹ, ví dụ Google Sheets): "
      "nếu là ngày {d} tháng {m}, đề nghị ghi {d}/{m}/{y} (ngày/tháng/năm) hoặc đổi ngôn ngữ "
      "bảng tính sang Việt Nam")


@pytest.mark.parametrize("written, problem", [
    ("30/2/2024 - 31/12/2024", "ngày 30/02/2024 không có (tháng 02/2024 có 29 ngày)"),
    ("01/01/2024 - 31/4/2024", "ngày 31/04/2024 không có (tháng 04/2024 có 30 ngày)"),
    ("29/02/2023", "ngày 29/02/2023 không có (tháng 02/2023 có 28 ngày)"),
    ("01/13/2024 - 31/12/2024", "ngày 01/13/2024 không có (tháng chỉ từ 01 đến 12)"
                                + US.format(d=13, m="01", y=2024)),
    ("3/15/2024", "ngày 03/15/2024 không có (tháng chỉ từ 01 đến 12)"
                  + US.format(d=15, m="03", y=2024)),  # a Google Sheets CSV in a US locale
    ("2/30/2024", "ngày 02/30/2024 không có (tháng chỉ từ 01 đến 12)"),  # no 30 February
    ("13/13/2024", "ngày 13/13/2024 không có (tháng chỉ từ 01 đến 12)"),
    ("01/2024 - 13/2024", "tháng 13/2024 không có (tháng chỉ từ 01 đến 12)"),
    ("00/2024", "tháng 00/2024 không có (tháng chỉ từ 01 đến 12)"),
    ("31/12/2024 - 01/01/2024", "ngày kết thúc (01/01/2024) trước ngày bắt đầu (31/12/2024)"),
    ("12/2024 - 01/2024", "tháng kết thúc (01/2024) trước tháng bắt đầu (12/2024)"),
    ("Quý IV/2024 - Quý I/2024",
     "thời gian kết thúc (quy i/2024) trước thời gian bắt đầu (quy iv/2024)"),
    # days of one month (W705, W709: ``test_period_starts.py``)
    ("26-20/5/2024", "ngày kết thúc (20/5/2024) trước ngày bắt đầu (26/5/2024)"),
    ("30-29/2/2024", "ngày 30/02/2024 không có (tháng 02/2024 có 29 ngày)"),
    ("hôm qua", None), ("01/2024 - 12/2024", None), ("20-26/5/2024", None),
])
def test_period_problems(written, problem):
    assert period_problem(written) == problem


def test_an_impossible_or_reversed_period_is_rejected_saying_why():
    raw = frame([{**ROW, "model": f"Mô hình số {i}", "period": p} for i, p in enumerate(
        ["30/2/2024 - 31/12/2024", "31/12/2024 - 01/01/2024", "12/2024 - 01/2024", "1/2/3"])])
    valid, rejected = validate_rows(normalise_rows(raw), raw, year=2024, file="a", sheet="S")
    assert valid.empty
    assert rejected["error"].tolist() == [
        "'Thời gian thực hiện' '30/2/2024 - 31/12/2024': ngày 30/02/2024 không có (tháng 02/2024 "
        "có 29 ngày); đề nghị sửa lại.",
        "'Thời gian thực hiện' '31/12/2024 - 01/01/2024': ngày kết thúc (01/01/2024) trước ngày "
        "bắt đầu (31/12/2024); đề nghị sửa lại.",
        "'Thời gian thực hiện' '12/2024 - 01/2024': tháng kết thúc (01/2024) trước tháng bắt đầu "
        "(12/2024); đề nghị sửa lại.",
        "Không đọc được 'Thời gian thực hiện' '1/2/3': cần dd/mm/yyyy - dd/mm/yyyy, mm/yyyy - "
        "mm/yyyy hoặc một ô ngày, trùng với năm báo cáo."]
