"""A summary sheet listing some of the file's models again (``Tổng hợp``: counts by field, then
``MÔ HÌNH TIÊU BIỂU`` with ``STT | Tên mô hình | Lĩnh vực | Hình thức``, no registrant) is an
excerpt of the list: its rows are ignored, never rejected one by one (tester B's F7;
``sheetchoice.excerpt_of``)."""

from __future__ import annotations

import pandas as pd

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

