"""The end of a CSV that holds no text (``thidua/ingest/csvtail.py``; fresh tester K's K061,
K123, K124, K127, K039): NUL padding rejected a whole file, a DOS end-of-file mark was a
rejected row, a million lines of separators went past the limit of rows, an export of an
empty sheet was said to have no header. A NUL or a mark between lines of text still rejects
the file."""

from __future__ import annotations

import pytest

from helpers import HEADER, input_file, row
from thidua.ingest.csvtail import TOLD_BLANK_LINES, trimmed_tail
from thidua.ingest.files import ingest_file
from thidua.ingest.isolation import checked_parse
from thidua.ingest.limits import MAX_ROWS
from thidua.ingest.workbook import FileRejected

NUL_NOTE = ("Cuối tệp CSV có {n} ký tự NUL (mã 0) đệm thêm, thường do tệp được chép hoặc tải về "
            "chưa trọn: đã bỏ phần đó và đọc phần văn bản phía trên. Đề nghị kiểm tra tệp gốc "
            "còn đủ các dòng và lần sau xoá các dòng, ô thừa bên dưới bảng trước khi lưu.")
BLANK_NOTE = ("Cuối tệp CSV có {n} dòng trống chỉ có dấu phân cách, thường do một ô ở rất xa bên "
              "dưới bảng có dấu cách hoặc định dạng: đã bỏ phần đó và đọc phần văn bản phía "
              "trên. Đề nghị kiểm tra tệp gốc còn đủ các dòng và lần sau xoá các dòng, ô thừa "
              "bên dưới bảng trước khi lưu.")


@pytest.mark.parametrize(("data", "kept", "note"), [
    (b"a,b\r\n1,2\r\n", b"a,b\r\n1,2\r\n", None),  # nothing to take
    (b"a,b\r\n1,2,,\r\n,,,\r\n ,,\r\n", b"a,b\r\n1,2,,\r\n", None),  # the last row keeps its own
    (b"a,b\r\n1,2\r\n\x1a", b"a,b\r\n1,2\r\n", None),  # DOS end-of-file mark: not told
    (b"a,b\r\n1,2\x1a", b"a,b\r\n1,2", None),  # right after the text
    (b"a,b\r\n1,2\r\n\x1a" + b"\x00" * 512, b"a,b\r\n1,2\r\n", NUL_NOTE.format(n=512)),
    (b"a;b\r\n1;2;;\x00\x00", b"a;b\r\n1;2;;", NUL_NOTE.format(n=2)),
    (b"a,b\n1,2\n" + b",,,,\n" * TOLD_BLANK_LINES, b"a,b\n1,2\n", None),  # a few: not told
    (b"a,b\n1,2\n" + b",,,,\n" * (TOLD_BLANK_LINES + 1), b"a,b\n1,2\n",
     BLANK_NOTE.format(n="1.001")),
    (b"a,b\r\n\x00\r\n1,2\r\n", b"a,b\r\n\x00\r\n1,2\r\n", None),  # a NUL between lines stays
    (b"a,b\r\n\x1a\r\n1,2", b"a,b\r\n\x1a\r\n1,2", None),
    (b'a,"x\r\n",b\r\n;;\r\n', b'a,"x\r\n",b\r\n', None),  # a quoted line break is text
    (b"\xef\xbb\xbf;;;;\r\n;;;;\r\n\r\n", b"\xef\xbb\xbf;;;;\r\n", None),
])
def test_the_empty_end_of_a_csv_is_taken_off(data, kept, note):
    assert trimmed_tail(data) == (kept, note)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_the_empty_end_of_unicode_text_is_taken_off_by_whole_characters(codec):
    text = "STT\tTên mô hình\tLĩnh vực\r\n1\tMô hình\tKinh tế\r\n" * 3
    body = text.encode(codec)
    padded = body + "\t\t\r\n\t\t\r\n".encode(codec.replace("utf-16", "utf-16-le")
                                              if codec == "utf-16" else codec) + b"\x00" * 9
    kept, note = trimmed_tail(padded)
    assert kept == body and note == NUL_NOTE.format(n=4)  # 9 bytes: four characters and a half
    assert kept.decode(codec) == text


def _csv(lines: list[list[object]]) -> bytes:
    return "\r\n".join(",".join(f'"{c}"' if c else "" for c in line) for line in lines) \
        .encode("utf-8-sig") + b"\r\n"


def _form(models: int = 3) -> bytes:
    return _csv([["Mã đơn vị: Q-BD"], ["Năm: 2024"], [], HEADER,
                 *(row(model=f"Mô hình số {i}", stt=str(i)) for i in range(1, models + 1))])


@pytest.mark.parametrize(("tail", "told"), [
    (b"\x1a" + b"\x00" * 4096, NUL_NOTE.format(n="4.096")),
    (b"\x1a", None),
    (b",,,,,,,,,,\r\n" * (MAX_ROWS + 5) + b" ,,,,,,,,,,\r\n", BLANK_NOTE.format(n="100.006")),
])
def test_a_csv_with_an_empty_end_is_read_whole(tmp_path, context, tail, told):
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_bytes(_form() + tail)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist() == [f"Mô hình số {i}" for i in (1, 2, 3)]
    assert [r for r in result.remarks if r.startswith("Cuối tệp CSV")] == ([told] if told else [])


def test_the_empty_end_is_taken_in_the_worker_before_the_limits():
    parsed = checked_parse(_form(2) + b";;;;\r\n" * (MAX_ROWS + 1), ".csv")
    assert parsed.remarks[0] == BLANK_NOTE.format(n="100.001")
    assert parsed.sheets[0].grid[5][1] == "Mô hình số 2"


def test_a_nul_inside_the_text_still_rejects_the_file():
    data = _form(2).replace(b'\r\n"1",', b'\r\n\x00\x00"1",', 1)
    assert data != _form(2)
    with pytest.raises(FileRejected, match="Tệp CSV có 2 ký tự NUL"):
        checked_parse(data, ".csv")


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf;;;;;;;;;;\r\n;;;;;;;;;;\r\n\r\n",  # an export of an empty sheet, European
    b",,,,,\r\n,,,,,\r\n",
    b"\t\t\t\r\n",
    b"\xef\xbb\xbf\r\n\r\n",
])
def test_a_csv_of_separators_only_is_an_empty_file(data):
    with pytest.raises(FileRejected, match="^Tệp rỗng, không có dữ liệu"):
        checked_parse(data, ".csv")


def test_separator_lines_before_a_last_line_of_text_are_text_and_taken_in_one_pass():
    """A million ``,,,,`` lines and then a stray ``x`` (typed in ``A1048576``): nothing is
    taken (the ``x`` is text, the limits say the rest), and the end is found in one pass from
    the end: a pattern anchored at the end took 50 s for 20.000 such lines, so that this test
    would not end (no timing here: speed is the benchmark's)."""
    data = b"a,b\r\n" + b",,,,\r\n" * 1_000_000 + b"x,,,\r\n"
    assert trimmed_tail(data) == (data, None)


def test_utf16_with_a_big_endian_byte_order_mark_is_read_big_endian():
    """``FE FF``: UTF-16 big-endian after its mark (the mark and the text kept whole)."""
    text = "STT;Tên mô hình\r\n1;Mô hình\r\n"
    body = b"\xfe\xff" + text.encode("utf-16-be")
    assert trimmed_tail(body + ";;\r\n;;\r\n".encode("utf-16-be") + b"\x00" * 3) == (
        body, NUL_NOTE.format(n=1))
    little = b"\xff\xfe" + text.encode("utf-16-le")
    assert trimmed_tail(little + ";;\r\n".encode("utf-16-le") + b"\x00" * 2) == (
        little, NUL_NOTE.format(n=1))


def test_only_nul_bytes_are_taken_off_to_find_utf16_under_its_padding():
    """A UTF-16 text of ``X`` ticks only, padded: the padding taken off is NULs, never the
    letters (then no text was left to tell UTF-16, and it was read byte by byte)."""
    assert trimmed_tail("XX".encode("utf-16-le") + b"\x00" * 3) == (
        "XX".encode("utf-16-le"), NUL_NOTE.format(n=1))


def test_the_empty_end_from_the_file_s_first_byte():
    assert trimmed_tail(b"\x00\x00\x00") == (b"", NUL_NOTE.format(n=3))
    assert trimmed_tail(b"\n\n") == (b"\n", None)  # the first line break is kept


def test_nul_bytes_and_many_blank_lines_told_together():
    data = b"a,b\n1,2\n" + b",,\n" * (TOLD_BLANK_LINES + 1) + b"\x00" * 5
    assert trimmed_tail(data) == (b"a,b\n1,2\n", (
        "Cuối tệp CSV có 5 ký tự NUL (mã 0) đệm thêm, thường do tệp được chép hoặc tải về chưa "
        "trọn và 1.001 dòng trống chỉ có dấu phân cách, thường do một ô ở rất xa bên dưới bảng "
        "có dấu cách hoặc định dạng: đã bỏ phần đó và đọc phần văn bản phía trên. Đề nghị kiểm "
        "tra tệp gốc còn đủ các dòng và lần sau xoá các dòng, ô thừa bên dưới bảng trước khi "
        "lưu."))
