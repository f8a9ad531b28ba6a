"""A summary sheet listing some of the file's models again (``Tổng hợp``: counts by field, then
``MÔ HÌNH TIÊU BIỂU`` with ``STT | Tên mô hình | Lĩnh vực | Hình thức``, no registrant) is an
excerpt of the list: its rows are ignored, never rejected one by one (tester B's F7;
``sheetchoice.excerpt_of``)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sheetchoice import excerpt_of

ROWS = [reg(i) for i in range(6)]


def _frame(records: dict) -> pd.DataFrame:
    return pd.DataFrame(records, dtype=object)


def test_a_sheet_without_registrants_whose_models_are_all_another_s_is_an_excerpt():
    full = _frame({"model": ["Bữa cơm ca", "Tủ sách", "Camera"], "registrant": ["A", "B", "C"]})
    assert excerpt_of(_frame({"model": ["tủ sách.", "Camera"]}), {"DS": full}) == "DS"
    assert excerpt_of(_frame({"model": ["Tủ sách", "Vườn rau"]}), {"DS": full}) is None
    assert excerpt_of(_frame({"model": ["Tủ sách"], "registrant": ["B"]}), {"DS": full}) is None
    assert excerpt_of(_frame({"model": ["", None]}), {"DS": full}) is None
    assert excerpt_of(_frame({"model": ["Tủ sách"]}), {"DS": _frame({"model": ["Tủ sách"]})}) is None


def test_the_summary_s_list_is_ignored_and_the_list_counts(tmp_path, context):
    short = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]
    summary = Sheet("Tổng hợp", [["TỔNG HỢP"], ["Lĩnh vực", "Tập thể", "Cá nhân"],
                                 ["Kinh tế", 1, 2], [], ["MÔ HÌNH TIÊU BIỂU"], short,
                                 *[r[:4] for r in ROWS[1:4]]])
    data = Sheet("Danh sách", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *ROWS])
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [summary, data])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (6, 0)
    assert ("Trang 'Tổng hợp' không có cột 'Tên tập thể/cá nhân' và chỉ liệt kê lại mô hình của "
            "trang 'Danh sách' nên không tính: 3 dòng của trang 'Tổng hợp' không được tính (bỏ "
            "qua).") in " ".join(result.remarks)


def test_a_sheet_without_registrants_listing_other_models_is_still_checked(tmp_path, context):
    short = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]
    other = Sheet("Bổ sung", [short, [1, "Mô hình mới hoàn toàn", "Kinh tế", "Tập thể"]])
    data = Sheet("Danh sách", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *ROWS])
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [data, other])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (6, 1)


def test_an_individuals_sheet_without_names_listing_the_collectives_models_is_no_excerpt(
        tmp_path, context):
    """Fresh tester C's e02: its rows are asked their names, never ignored as a copy."""
    short = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]
    collectives = [reg(i) for i in (0, 2)]
    people = Sheet("Cá nhân", [short, *[[r[0], r[1], r[2], "Cá nhân"] for r in collectives]])
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("Tập thể", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER,
                                        *collectives]), people])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 2)
    assert set(result.rejections["sheet"]) == {"Cá nhân"}



def test_the_models_of_several_sheets_listed_again_together_are_an_excerpt_of_them():
    kt = _frame({"model": ["Bữa cơm ca", "Tủ sách"], "field": ["KT", "KT"],
                 "registrant": ["A", "B"]})
    vh = _frame({"model": ["Camera", "Góc đọc"], "field": ["VHXH", "VHXH"],
                 "registrant": ["C", "D"]})
    an = _frame({"model": ["Tổ tự quản"], "field": ["ANQP"], "registrant": ["E"]})
    others = {"Kinh tế": kt, "VHXH": vh, "ANQP": an}
    every = _frame({"model": ["Bữa cơm ca", "Tủ sách", "Camera", "Góc đọc"],
                    "field": ["KT", "KT", "VHXH", "VHXH"]})
    assert excerpt_of(every, others) == "Kinh tế', trang 'VHXH"  # only the sheets it lists
    assert excerpt_of(every.iloc[[0, 2]], others) == "Kinh tế', trang 'VHXH"
    assert excerpt_of(every.iloc[:2], others) == "Kinh tế"  # one sheet's: as before
    # a model of no sheet, or one under another sheet's field: no excerpt, its rows checked
    assert excerpt_of(pd.concat([every, _frame({"model": ["Vườn rau"], "field": ["KT"]})]),
                      others) is None
    assert excerpt_of(_frame({"model": ["Bữa cơm ca", "Camera"], "field": ["KT", "KT"]}),
                      others) is None


FIELD_SHEETS = [("Kinh tế", 0, 1), ("VHXH", 2, 3), ("ANQP", 4, 5), ("XDHTCT", 6, 7)]


def _field_sheets() -> list:
    return [Sheet(name, [["Mã đơn vị: Q-TX"], ["Năm: 2024"], HEADER,
                         *[reg(i, stt=n, field=name)
                           for n, i in enumerate(rows, start=1)]])
            for name, *rows in FIELD_SHEETS]


@pytest.mark.parametrize("first", [True, False])
@pytest.mark.parametrize("count", [True, False])
def test_a_summary_sheet_re_listing_every_field_sheet_s_models_is_ignored(tmp_path, context,
                                                                          first, count):
    """Fresh tester L's L096, L156, L157: its 8 rows were rejected "Thiếu 'Tên tập thể/cá
    nhân'" one by one."""
    short = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", *(["Số lượng"] if count else [])]
    models = [reg(i, field=name) for name, *rows in FIELD_SHEETS for i in rows]
    summary = Sheet("Tổng hợp", [["Mã đơn vị: Q-TX"], ["Năm: 2024"], short,
                                 *[[n, r[1], r[2], r[3], *([1] if count else [])]
                                   for n, r in enumerate(models, start=1)]])
    sheets = [summary, *_field_sheets()] if first else [*_field_sheets(), summary]
    path = tmp_path / "Q-TX_dk.xlsx"
    write_xlsx(path, sheets)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 16, "valid": 8, "rejected": 0, "ignored": 8}
    assert result.rejections.empty
    assert ("Trang 'Tổng hợp' không có cột 'Tên tập thể/cá nhân' và chỉ liệt kê lại mô hình của "
            "trang 'Kinh tế', trang 'VHXH', trang 'ANQP', trang 'XDHTCT' nên không tính: 8 dòng "
            "của trang 'Tổng hợp' không được tính (bỏ qua).") in " ".join(result.remarks)
