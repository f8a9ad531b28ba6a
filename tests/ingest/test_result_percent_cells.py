"""A ``Kết quả`` cell holding a number under a percent format (``1`` shown ``100%``) is read and
quoted as the unit sees it: ``100%`` and more is ``Hoàn thành`` as the typed ``100%`` and ``Vượt
120% kế hoạch`` are (``test_result_shares.py``); ``50%``, ``0%`` stay rejected, quoting them and
asking for a result (fresh tester J's J039: the cell was quoted ``'1'`` and asked "Ô ghi bằng
số"; ``thidua.ingest.rows._as_shown``, ``thidua.ingest.validate._share_hint``)."""

from __future__ import annotations

from corpus_rows import HEADER, reg
from corpus_writers import Num, Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

TITLE = [["Mã đơn vị: Q-HD"], ["Năm: 2024"]]
RESULT = HEADER.index("Kết quả")


def _row(i: int, result) -> list:
    row = reg(i)
    row[RESULT] = result
    return row


def test_percent_cells_are_read_and_quoted_as_shown(tmp_path, context):
    results = [Num(1.0, "0%", "100%"), Num(1.2, "0%", "120%"), Num(1.0, "0.0%", "100.0%"),
               "100%", Num(0.5, "0%", "50%"), Num(0.0, "0%", "0%"), Num(1.0, "0", "1"),
               "Hoàn thành"]
    path = tmp_path / "Q-HD_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, HEADER, *(_row(i, r) for i, r in enumerate(results))])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (5, 3)
    assert result.registrations["result"].tolist() == ["hoan_thanh"] * 5
    assert result.registrations.index.tolist() == [4, 5, 6, 7, 11]
    rejected = result.rejections.set_index("row")
    assert rejected["value"].to_dict() == {8: "50%", 9: "0%", 10: "1"}
    assert rejected.at[9, "error"] == (
        "'0%' không hợp lệ ở cột 'Kết quả': cần Chưa đánh giá, Hoàn thành, Tiêu biểu hoặc Không "
        "hoàn thành. Tỷ lệ thực hiện dưới 100% kế hoạch không cho biết kết quả: đề nghị ghi rõ "
        "'Không hoàn thành', 'Hoàn thành' hoặc 'Chưa đánh giá'.")
    # a plain number is still a number, asked as one
    assert "Ô ghi bằng số" in rejected.at[10, "error"]
    assert "Tỷ lệ" not in rejected.at[10, "error"]
