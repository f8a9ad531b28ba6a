"""CSV text in more than one encoding, or saved in one without Vietnamese letters (the third
tester's F5): a UTF-8 file with a line in Windows-1258 is read line by line and told; a file
whose letters became ``?`` is rejected saying so, never "no header row"."""

from __future__ import annotations

import pytest

from helpers import HEADER, encode_cp1258, input_file, row
from thidua.ingest.files import ingest_file
from thidua.ingest.workbook import decode_csv

TITLE = ["Mã đơn vị: Q-BD", "Năm: 2024", ""]


def _lines(n: int = 3) -> list[str]:
    return [*TITLE, ";".join(HEADER),
            *(";".join(str(v) for v in row(model=f"Mô hình số {i} của đơn vị", stt=i))
              for i in range(1, n + 1))]


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b""])
def test_a_utf8_csv_with_a_line_in_windows_1258_reads_every_line(tmp_path, context, bom):
    lines = _lines()
    data = bom + "\r\n".join(lines[:-1]).encode("utf-8") + b"\r\n" + encode_cp1258(lines[-1])
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_bytes(data)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist()[-1] == "Mô hình số 3 của đơn vị"
    assert result.registrations["registrant"].tolist()[-1] == row()[4]
    assert result.encoding == "UTF-8 lẫn dòng Windows-1258: 7"
    assert ("Tệp CSV gõ bằng UTF-8 nhưng có dòng gõ bằng bảng mã khác (Windows-1258: 7); đã đọc "
            "từng dòng theo bảng mã của nó. Đề nghị kiểm tra chữ ở các dòng đó; lần sau lưu tệp "
            "dạng CSV UTF-8.") in result.notes


def test_a_whole_windows_1258_file_is_not_called_mixed():
    text, encoding = decode_csv(encode_cp1258("\r\n".join(_lines())))
    assert encoding == "Windows-1258" and "Mô hình số 1 của đơn vị" in text
    text, encoding = decode_csv("\r\n".join(_lines()).encode("utf-8"))
    assert encoding == "UTF-8"


@pytest.mark.parametrize("codec", ["cp1252", "cp850"])
def test_a_csv_whose_letters_became_question_marks_is_told_why(tmp_path, context, codec):
    data = "\r\n".join(_lines()).encode(codec, errors="replace")
    assert b"L?nh v?c" in data
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_bytes(data)
    result = ingest_file(input_file(path), context)
    assert result.status == "rejected"
    assert result.problem.startswith("Tệp CSV được lưu bằng bảng mã không có chữ tiếng Việt nên "
                                     "các chữ có dấu đã thành '?' (ví dụ '")
    assert result.problem.endswith("lưu dạng 'CSV UTF-8 (Comma delimited)' hoặc .xlsx rồi gửi "
                                   "lại.")


def test_a_csv_without_the_header_and_without_lost_letters_keeps_the_header_reason(tmp_path,
                                                                                   context):
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_text("Mã đơn vị: Q-BD\nNăm: 2024\nCó ai không?\nmột;hai;ba\n", encoding="utf-8")
    result = ingest_file(input_file(path), context)
    assert result.problem.startswith("Không tìm thấy dòng tiêu đề của biểu DVK-01")
