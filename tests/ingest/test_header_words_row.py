"""A row holding nothing but headers of the form under the header (``Lĩnh vực`` typed one row
lower than the header's other cells; a header's second row ``Chức vụ`` | ``Ghi chú``) is part of
the header: ignored, never a rejected registration (fresh tester W's W208: one row rejected with
four reasons; ``normalise._header_words``)."""

from __future__ import annotations

import pytest

from helpers import HEADER, input_file, row, write_xlsx
from thidua.ingest.files import ingest_file

BLANK = [None] * len(HEADER)


def _read(tmp_path, context, header, first):
    rows = [first] + [row(model=f"Mô hình số {i}", stt=i) for i in (1, 2, 3)]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=header)
    return ingest_file(input_file(path), context)


def _with(cells: dict[str, str]) -> list:
    return [cells.get(h) for h in HEADER]


@pytest.mark.parametrize("header, first", [
    ([None if h == "Lĩnh vực" else h for h in HEADER], _with({"Lĩnh vực": "Lĩnh vực"})),
    (HEADER, _with({"Chức vụ": "Chức vụ", "Ghi chú": "Ghi chú"})),
    (HEADER, _with({"Kết quả": "KẾT QUẢ"})),
])
def test_a_row_of_header_words_is_ignored(tmp_path, context, header, first):
    result = _read(tmp_path, context, header, first)
    # ignored, or read as the header's second row: never rejected
    assert result.rows in ({"read": 4, "valid": 3, "rejected": 0, "ignored": 1},
                           {"read": 3, "valid": 3, "rejected": 0, "ignored": 0})
    assert result.rejections.empty


def test_a_row_with_a_header_word_beside_a_registration_s_cells_is_data(tmp_path, context):
    first = _with({"Tên mô hình": "Mô hình mới", "Lĩnh vực": "Lĩnh vực", "Hình thức": "Tập thể",
                   "Tên tập thể/cá nhân": "CĐCS Công ty A"})
    result = _read(tmp_path, context, HEADER, first)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert result.rejections["column"].tolist() == ["Lĩnh vực"]


def test_a_row_without_field_or_type_above_the_list_s_end_is_still_asked(tmp_path, context):
    first = _with({"STT": 1, "Tên mô hình": "Mô hình chưa đủ ô",
                   "Tên tập thể/cá nhân": "CĐCS Công ty A"})
    result = _read(tmp_path, context, HEADER, first)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert sorted(result.rejections["column"]) == ["Hình thức", "Lĩnh vực"]
