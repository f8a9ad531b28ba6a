"""A dash, dots or a slash alone in an optional column (``Kết quả`` ``-``, ``Chức vụ`` ``…``,
``Thời gian thực hiện`` ``/``) says "nothing here": the column is empty on that row, never a
rejection; in a required column it stays a missing value (the seventh tester's F7;
``spec/submission-form.md``, "Columns"; ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

COLUMN = {name: i for i, name in enumerate(HEADER)}


def _ingest(tmp_path, context, column, value, row=1):
    rows = [reg(i) for i in range(2)]  # row 0 a collective's, row 1 an individual's
    rows[row][COLUMN[column]] = value
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("column", ["Kết quả", "Cấp công đoàn", "Thời gian thực hiện",
                                    "Chức vụ", "Công đoàn cơ sở", "Ghi chú"])
@pytest.mark.parametrize("value", ["-", "–", "—", "--", ".", "...", "…", "/", " - "])
def test_a_placeholder_in_an_optional_column_is_empty(tmp_path, context, column, value):
    row = 0 if column == "Chức vụ" else 1  # a collective's position is optional
    result = _ingest(tmp_path, context, column, value, row)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 0)
    second = result.registrations.iloc[row]
    assert second["result"] == ("chua_danh_gia" if column == "Kết quả" else "hoan_thanh")
    assert column != "Chức vụ" or str(second["position"]) in ("<NA>", "nan", "None")
    if column == "Thời gian thực hiện":
        assert second["period"] is None or str(second["period"]) in ("<NA>", "nan", "None")


@pytest.mark.parametrize("column", ["Lĩnh vực", "Hình thức"])
def test_a_placeholder_in_a_required_column_is_still_rejected(tmp_path, context, column):
    result = _ingest(tmp_path, context, column, "-")
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 1)
    assert result.rejections["column"].tolist() == [column]


def test_an_individual_s_position_given_as_a_dash_is_missing(tmp_path, context):
    result = _ingest(tmp_path, context, "Chức vụ", "-")
    assert result.rejections[["column", "value", "error"]].values.tolist() == [
        ["Chức vụ", "-", "Thiếu 'Chức vụ': đăng ký Cá nhân phải ghi chức vụ của cá nhân đó."]]


def test_a_real_value_beside_a_dash_is_still_read(tmp_path, context):
    result = _ingest(tmp_path, context, "Kết quả", "- Tiêu biểu")
    assert result.registrations["result"].tolist()[1] == "tieu_bieu"
