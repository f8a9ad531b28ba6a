"""The model's header in the wordings of the movement's own documents (``Tên mô hình/phần
việc``, "mô hình, phần việc Dân vận khéo"), and the reason a file without a header row
gives when one row comes close: the row and the column it lacks (the seventh tester's F4;
``spec/submission-form.md``, "The header row")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.headers import header_name
from thidua.ingest.table import header_hint


@pytest.mark.parametrize("text, name", [
    ("Tên mô hình/phần việc", "model"), ("Tên mô hình, phần việc", "model"),
    ("Tên phần việc", "model"), ("Mô hình, phần việc Dân vận khéo", "model"),
    ("Tên mô hình, giải pháp", "model"), ("Phần việc", None), ("Phần việc cụ thể", None),
    ("Lĩnh vực phần việc", "field"), ("Phần việc Dân vận khéo", "model"),
    ("Phần việc “Dân vận khéo”", "model"), ("Phần việc DVK", "model"),
    ("Nhóm lĩnh vực", "field"), ("Nhóm", None)])
def test_the_model_s_header_in_the_movement_s_wordings(text, name):
    assert header_name(text) == name


def _file(tmp_path, context, header):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], header, *regs(3)])])
    return ingest_file(input_file(path), context)


def test_a_file_headed_tên_mô_hình_phần_việc_counts(tmp_path, context):
    result = _file(tmp_path, context, ["STT", "Tên mô hình/phần việc", *HEADER[2:]])
    assert (result.status, result.rows["valid"]) == (USED, 3)


def test_a_row_lacking_one_of_the_two_columns_is_named_in_the_reason(tmp_path, context):
    # ``Nội dung công việc`` first, before ``STT``: not where the form puts the model (in the
    # form's place it is read as the model, told: test_lost_headers.py)
    result = _file(tmp_path, context, ["Nội dung công việc", "STT", *HEADER[2:]])
    assert result.status == REJECTED
    assert result.problem == (
        "Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả 'Tên mô hình' và 'Lĩnh vực') "
        "ở trang tính nào đang hiển thị. Dòng 3 có vẻ là dòng tiêu đề "
        "('Nội dung công việc', 'STT', 'Lĩnh vực', 'Hình thức', 'Tên tập thể/cá nhân', "
        "'Chức vụ', 'Cấp công đoàn', 'Công đoàn cơ sở', …) nhưng không có cột nào đọc được là "
        "'Tên mô hình'; đề nghị ghi tiêu đề cột đó là 'Tên mô hình' như biểu DVK-01 rồi gửi "
        "lại.")


def test_no_hint_without_a_row_close_to_a_header():
    assert header_hint([["Kính gửi: LĐLĐ thành phố"], ["STT", "Lĩnh vực"], []]) == ""
    assert header_hint([["STT", "Tên mô hình", "Hình thức"]]) == (
        " Dòng 1 có vẻ là dòng tiêu đề ('STT', 'Tên mô hình', 'Hình thức') nhưng không có cột "
        "nào đọc được là 'Lĩnh vực'; đề nghị ghi tiêu đề cột đó là 'Lĩnh vực' như biểu DVK-01 "
        "rồi gửi lại.")
