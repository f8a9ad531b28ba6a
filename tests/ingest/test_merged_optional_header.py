"""An optional column's header merged over two columns (``Kết quả`` over J:K), its values
typed in the left cell on some rows and the right one on others: one column, each row's value
read from whichever cell holds it (fresh tester J's J075: the results in K were dropped, two
exemplary models lost). Two ``Kết quả`` headers NOT merged stay two columns, the right one
never read (a blank result is an answer). ``twins.twins``; ``docs/contracts.md``."""

from __future__ import annotations


from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

RESULT = HEADER.index("Kết quả")


def _file(tmp_path, context, merged: bool):
    header = [*HEADER[:RESULT + 1], "Kết quả" if not merged else "", *HEADER[RESULT + 1:]]
    rows = []
    for i, (row, result) in enumerate(zip(regs(4), ["Tiêu biểu", "Hoàn thành", "Tiêu biểu",
                                                     "Không hoàn thành"])):
        left, right = (result, "") if i % 2 == 0 else ("", result)
        rows.append([*row[:RESULT], left, right, *row[RESULT + 1:]])
    path = tmp_path / "Q-CG_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-CG"], ["Năm: 2024"], header, *rows],
                            merges=["J3:K3"] if merged else [])])
    return ingest_file(input_file(path), context)


def test_a_merged_header_s_value_is_read_from_either_cell(tmp_path, context):
    result = _file(tmp_path, context, merged=True)
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["result"].tolist() == ["tieu_bieu", "hoan_thanh", "tieu_bieu",
                                                       "khong_hoan_thanh"]


def test_two_result_headers_not_merged_read_the_left_one_only(tmp_path, context):
    result = _file(tmp_path, context, merged=False)
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["result"].tolist() == ["tieu_bieu", "chua_danh_gia", "tieu_bieu",
                                                       "chua_danh_gia"]


def test_the_unit_is_told_which_rows_took_the_right_cell(tmp_path, context):
    result = _file(tmp_path, context, merged=True)
    said = [n for n in (*result.remarks, *result.readings) if "cùng tiêu đề 'Kết quả'" in n]
    assert said == ["Cột K và cột J cùng tiêu đề 'Kết quả': đã đọc cột J, trừ 2 dòng để trống "
                    "cột J (dòng 5, 7): đã lấy giá trị ở cột K. Nếu cột không được đọc mới là cột "
                    "đúng, đề nghị xóa cột kia rồi gửi lại."]
