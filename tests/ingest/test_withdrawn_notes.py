"""Rows a unit withdrew in words, its ``Ghi chú`` saying ``Rút đăng ký`` / ``Hủy, thay bằng …``:
ignored (``withdrawn``), the unit told which rows (fresh tester G's 1020: both were counted, no
word to the unit). Conservative: only a note that IS the withdrawal (then only why or what
instead) withdraws (tester H's H24, H51).
``thidua.ingest.withdrawn``."""

from __future__ import annotations

import pytest

from corpus_rows import regs, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.withdrawn import is_withdrawal

WITHDRAWING = ["Rút đăng ký", "rút ĐĂNG KÝ", "Rut dang ky", "Hủy", "Huỷ", "HUỶ",
               "Huỷ, thay bằng mô hình ở dòng 15", "Hủy thay bằng mô hình khác",
               "Không đăng ký nữa", "Không đăng ký mô hình này nữa", "Đã rút", "Xin rút",
               "xin rut dang ky", "- Đã rút đăng ký do chuyển công tác", "(Hủy)",
               "Ghi chú: rút đăng ký", "Hủy đăng ký", "Đơn vị xin rút.", "Huy", "Hủy bỏ",
               "Rút đăng ký mô hình này", "Đã hủy (lý do: trùng mô hình)",
               # fresh tester N's N190–N194, N234: ``thôi``, ``xóa``, ``bỏ``
               "Thôi đăng ký", "Xin thôi đăng ký", "Thôi", "Đã xóa", "Đã xoá", "Xóa", "Bỏ",
               "bỏ", "Đã bỏ", "Xóa bỏ", "Xóa dòng này", "Bỏ dòng này", "Bỏ mô hình này",
               "Bỏ, thay bằng mô hình ở dòng 12", "Thôi đăng ký (do trùng)", "Đơn vị xin thôi"]
KEPT = ["Thay cho mô hình năm 2023", "Đăng ký bổ sung", "không hủy", "Không rút",
        "Rút kinh nghiệm từ năm 2023", "Huy động nguồn lực xã hội hóa",
        "Mô hình cũ đã rút, thay bằng mô hình này", "Thay bằng mô hình ở dòng 6",
        "Tiếp tục đăng ký", "Không đăng ký lại", "Rút gọn tên mô hình", "",
        # fresh tester H's H24, H51: a note naming something else withdrawn
        "Rút đăng ký mô hình năm 2023, đăng ký mô hình này thay thế",
        "Rút từ cấp cơ sở lên cấp trên", "Hủy đăng ký cá nhân, chuyển thành tập thể",
        "Đã rút: 1 thành viên chuyển công tác", "Rút tên đồng chí A, thay bằng đồng chí B",
        "Rút khỏi danh sách tiêu biểu, vẫn thực hiện", "Hủy bỏ thủ tục rườm rà",
        "Đã rút ngắn thời gian giải quyết",
        # the new verbs with an object of their own: no withdrawal
        "Bỏ phiếu kín", "Bổ sung", "Bỏ sung", "Xóa đói giảm nghèo", "Xóa mù chữ", "Thôi việc",
        "Đã xóa nợ", "Không bỏ", "Bỏ rác đúng nơi quy định", "Thôi thúc đoàn viên"]


@pytest.mark.parametrize("note", WITHDRAWING)
def test_a_note_starting_with_a_withdrawal_withdraws(note):
    assert is_withdrawal(note)


@pytest.mark.parametrize("note", KEPT)
def test_a_note_only_mentioning_such_words_does_not(note):
    assert not is_withdrawal(note)


def test_rows_withdrawn_by_their_note_are_ignored_and_the_unit_told(tmp_path, context):
    sheet = titled("Q-DD", regs(6))
    sheet.rows[7][10] = "Rút đăng ký"  # Excel row 8
    sheet.rows[9][10] = "Huỷ, thay bằng mô hình ở dòng 15"  # Excel row 10
    sheet.rows[10][10] = "Đăng ký bổ sung"  # Excel row 11: counted
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [sheet])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 6, "valid": 4, "rejected": 0, "ignored": 2}
    assert result.ignored["withdrawn"] == 2
    assert result.registrations.index.tolist() == [7, 9, 11, 12]
    assert ("2 dòng có ghi chú rút đăng ký ở cột 'Ghi chú' ('Rút đăng ký', 'Huỷ, thay bằng mô "
            "hình ở dòng 15') không được tính (bỏ qua): dòng 8, 10. Nếu vẫn đăng ký, đề nghị "
            "xóa ghi chú đó rồi gửi lại.") in result.notes


def test_a_file_whose_every_row_is_withdrawn_is_rejected_saying_so(tmp_path, context):
    sheet = titled("Q-DD", regs(2))
    sheet.rows[6][10] = "Xin rút"
    sheet.rows[7][10] = "Không đăng ký nữa"
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [sheet])
    result = ingest_file(input_file(path), context)
    assert result.status == "rejected"
    assert result.problem == (
        "Mọi dòng đăng ký đều có ghi chú rút đăng ký: 2 dòng có ghi chú rút đăng ký ở cột "
        "'Ghi chú' ('Xin rút', 'Không đăng ký nữa') không được tính (bỏ qua): dòng 7, 8. Nếu "
        "vẫn đăng ký, đề nghị xóa ghi chú đó rồi gửi lại.")


def test_mark_withdrawn_and_its_note_in_this_process():
    import pandas as pd
    from thidua.ingest.withdrawn import WITHDRAWN, mark_withdrawn, withdrawn_note
    labels = pd.Series(["data", "data", "blank"], index=[7, 8, 9])
    text = pd.DataFrame({"note": ["Rút", "x", "Hủy", "Hủy"]}, index=[6, 7, 8, 9])
    marked = mark_withdrawn(labels, text)
    assert marked.tolist() == ["data", WITHDRAWN, "blank"] and marked.index.tolist() == [7, 8, 9]
    assert mark_withdrawn(labels, pd.DataFrame({"model": ["a"] * 3}, index=[7, 8, 9])) is labels
    many = pd.Series([WITHDRAWN] * 4, index=[5, 6, 7, 8])
    raw = pd.DataFrame({"note": ["Rút", "Hủy", "Đã rút", "Xin rút"]}, index=[5, 6, 7, 8])
    assert withdrawn_note(many, raw) == (
        "4 dòng có ghi chú rút đăng ký ở cột 'Ghi chú' ('Rút', 'Hủy', 'Đã rút') không được "
        "tính (bỏ qua): dòng 5, 6, 7, 8. Nếu vẫn đăng ký, đề nghị xóa ghi chú đó rồi gửi lại.")
    assert withdrawn_note(many, raw, "Ghi chú khác").startswith(
        "4 dòng có ghi chú rút đăng ký ở cột 'Ghi chú khác'")
    assert withdrawn_note(labels, raw) is None
