"""A header one or two typing slips from the form's (``Tên mô hnh``, ``Hìh thức``, ``Chứ vụ``)
names its column, and the unit is told; short headers and anything near two columns are not
read so (``thidua/ingest/headers.py`` ``slip_name``; the tester-B's F4: a file whose headers
had slips was rejected whole)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.headers import header_name, slip_name, slipped_headers_note
from thidua.text import compact_key


@pytest.mark.parametrize("text, name", [
    ("Tên mô hnh", "model"), ("Tên mô hìnhh", "model"), ("Tne mô hình", "model"),
    ("Tên mô hinh", "model"), ("Hìh thức", "type"), ("Hình thưc", "type"), ("Hinhf thức", "type"),
    ("Lĩnh vựcc", "field"), ("Lĩhn vực", "field"), ("Chứ vụ", "position"), ("Chức vu", "position"),
    ("Kết qủa", "result"), ("Kêt quả", "result"), ("Ket qa", "result"), ("Ghi chuu", "note"),
    ("Tên tập thể/cá nhn", "registrant"), ("Tên tâp thể/cá nhân", "registrant"),
    ("Thời gian thưc hiện", "period"), ("Thời gin thực hiệ", "period"),  # two slips in 16 letters
    ("Cấp công đòan", "level"), ("Công đoàn cở sở", "grassroots_union"), ("Mã đơn vi", "unit_code"),
    ("Tên mô hnh (*)", "model"), ("TÊN MÔ HNH", "model"), ("Tên mô\nhnh", "model"),
])
def test_a_header_with_a_slip_names_its_column(text, name):
    assert header_name(text) == name


@pytest.mark.parametrize("text", [
    "Kt qa",             # four letters, two from the six of ``ketqua``
    "Thời gian thực hiệnt",  # as near ``Thời gian thực hiện`` as ``… từ``: which one?
    "Tên mô hnhh xx",    # three slips
    "Kinh tế", "Tập thể", "Cá nhân", "Hoàn thành", "Nguyễn Văn A", "Ngày gửi", "Cơ sở",
    "SST", "Cấpp",       # short headers are one slip from each other
])
def test_what_is_not_within_the_slips_of_exactly_one_column_names_none(text):
    assert header_name(text) is None


def test_short_keys_are_never_read_past_a_slip():
    assert slip_name("sttt") is None and slip_name("capp") is None
    assert slip_name(compact_key("Chứ vụ")) == "position"  # five letters: one dropped of six


def test_the_note_names_each_header_and_the_form_s():
    labels = {"model": "Tên mô hnh", "field": "Lĩnh vực", "type": "Hìh thức", "stt": "STT"}
    assert slipped_headers_note(labels) == (
        "Tiêu đề cột 'Tên mô hnh' đã hiểu là 'Tên mô hình'; 'Hìh thức' đã hiểu là 'Hình thức'. "
        "Đề nghị lần sau ghi đúng tiêu đề của mẫu.")
    assert slipped_headers_note({"model": "Tên mô hình", "field": "Lĩnh vực đăng ký"}) is None


SLIPPED = ["STT", "Tên mô hnh", "Lĩnh vực", "Hìh thức", "Tên tập thể/cá nhân", "Chứ vụ",
           *HEADER[6:]]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_file_whose_headers_have_slips_counts_every_row_and_tells_them(tmp_path, context,
                                                                           suffix):
    rows = [reg(i) for i in range(4)]  # collectives and individuals, each with a position
    path = tmp_path / f"Q-HK_dk.{suffix}"
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], SLIPPED, *rows]
    write_xlsx(path, [Sheet("DS", lines)]) if suffix == "xlsx" else write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert result.status == "used"
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["model"].tolist() == [r[1] for r in rows]
    assert result.registrations["position"].tolist()[1] == rows[1][5]
    assert ("Tiêu đề cột 'Tên mô hnh' đã hiểu là 'Tên mô hình'; 'Hìh thức' đã hiểu là 'Hình "
            "thức'; 'Chứ vụ' đã hiểu là 'Chức vụ'. Đề nghị lần sau ghi đúng tiêu đề của mẫu."
            ) in result.remarks
