"""Tables saved as text the way Excel saves them: "Unicode Text" (UTF-16, tab-separated, ``.txt``)
and "Text (Tab delimited)" (Windows-1258, ``.txt``), and ``.tsv``: read like CSV."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from helpers import encode_cp1258, input_file
from thidua.ingest.files import ingest_file


def _text(rows: list[list]) -> str:
    lines = ["\t".join("" if v is None else str(v) for v in row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


ROWS = [["Mã đơn vị: S-01"], ["Năm: 2024"], HEADER, *regs(4)]


@pytest.mark.parametrize("name,encode", [
    ("S-01_unicode-text.txt", lambda t: t.encode("utf-16")),          # Excel "Unicode Text"
    ("S-01_tab.txt", encode_cp1258),                                  # Excel "Text (Tab delimited)"
    ("S-01_bang.tsv", lambda t: t.encode("utf-8")),
    ("S-01_utf16le.csv", lambda t: t.encode("utf-16-le")),              # no byte-order mark
    ("S-01_utf16be.txt", lambda t: t.encode("utf-16-be")),
])
def test_text_tables_as_excel_saves_them_count_every_registration(tmp_path, corpus_context,
                                                                  name, encode):
    path = tmp_path / name
    path.write_bytes(encode(_text(ROWS)))
    result = ingest_file(input_file(path), corpus_context)
    assert result.status == "used", result.problem
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist() == [r[1] for r in regs(4)]
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]


def test_a_text_file_that_is_no_table_is_rejected_saying_so(tmp_path, corpus_context):
    path = tmp_path / "S-01_ghi-chu.txt"
    path.write_text("Gửi kèm danh sách đăng ký của đơn vị.\n", encoding="utf-8")
    result = ingest_file(input_file(path), corpus_context)
    assert result.status == "rejected"
    assert "Không tìm thấy dòng tiêu đề của biểu DVK-01" in result.problem


def test_bytes_with_nuls_that_are_no_utf16_stay_rejected(tmp_path, corpus_context):
    from thidua.ingest.workbook import utf16

    text = _text(ROWS)
    assert utf16(text.encode("utf-16-le")) == "utf-16-le"
    assert utf16(text.encode("utf-16")) == "utf-16"
    assert utf16(text.encode("utf-8")) is None
    binary = bytes(range(256)) * 8  # NULs, but not every other byte
    assert utf16(binary) is None
    path = tmp_path / "S-01_nhi-phan.csv"
    path.write_bytes(binary)
    result = ingest_file(input_file(path), corpus_context)
    assert result.status == "rejected"
    assert "ký tự NUL" in result.problem
