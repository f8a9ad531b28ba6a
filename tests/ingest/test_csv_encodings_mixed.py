"""CSV text in more than one encoding, or saved in one without Vietnamese letters (the third
tester's F5): a UTF-8 file with a line in Windows-1258 is read line by line and told; a file
whose letters became ``?`` is rejected saying so, never "no header row"."""

from __future__ import annotations

import pytest

from helpers import HEADER, encode_cp1258, input_file, row
from thidua.ingest.files import ingest_file
from thidua.ingest.legacy import encode_vni
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


LOST = ("Ô 'Tên mô hình' có chữ tiếng Việt bị mất (thành dấu '?'): dòng này được lưu bằng bảng "
        "mã không có chữ tiếng Việt. Đề nghị gõ lại dòng này, lưu tệp dạng 'CSV UTF-8 (Comma "
        "delimited)' hoặc .xlsx rồi gửi lại.")


def test_a_line_whose_letters_became_question_marks_is_rejected_not_counted(tmp_path, context):
    # the fourth tester's F2: a line saved as Windows-1252 is plain ASCII, hence "UTF-8"
    lines = _lines(n=4)
    lines[5] = lines[5].encode("cp1252", errors="replace").decode("cp1252")
    lines[6] = lines[6].replace("Mô hình số 3 của đơn vị", "Bạn đã biết? Hỏi đáp 1?2")
    assert "Mô hình s? 2 c?a ??n v?" in lines[5]
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8-sig")
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    found = result.rejections[["row", "column", "error"]].values.tolist()
    assert {r[0] for r in found} == {6} and [6, "Tên mô hình", LOST] in found
    assert "Bạn đã biết? Hỏi đáp 1?2" in result.registrations["model"].tolist()


def test_a_whole_file_with_plain_headers_and_lost_letters_counts_no_row(tmp_path, context):
    # the fourth tester's F2b: headers typed without accents, so the header is found
    plain = ["STT", "Ten mo hinh", "Linh vuc", "Hinh thuc", "Ten tap the/ca nhan", "Chuc vu",
             "Cap cong doan", "Cong doan co so", "Thoi gian thuc hien", "Ket qua", "Ghi chu"]
    lines = ["Ma don vi: Q-BD", "Nam: 2024", "", ",".join(plain),
             "1,Mô hình số một,KT,TT,CĐCS Công ty số 001,,CS,Công ty số 001,01/2024 - 12/2024,TB,",
             "2,Sáng kiến tiết kiệm điện,KT,TT,CĐCS Công ty số 002,,CS,Công ty số 002,01/2024 - "
             "12/2024,HT,"]
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252", errors="replace"))
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 0 and result.rows["rejected"] == 2
    assert set(result.rejections["error"]) >= {LOST}


# --- fault 24.4: each encoding met is named with its lines, and the unit is told -------------
def _mixed(tmp_path, context, legacy: dict):
    """A UTF-8 CSV of 4 registrations (lines 5–8) whose line ``n`` is ``legacy[n](text)``."""
    lines = _lines(4)
    data = b"\r\n".join(legacy[n](line) if n in legacy else line.encode("utf-8")
                        for n, line in enumerate(lines, start=1))
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_bytes(data)
    return ingest_file(input_file(path), context)


def _vni(line: str) -> bytes:
    return encode_vni(line).encode("cp1252")


def _lossy(line: str) -> bytes:  # saved in an encoding without Vietnamese letters
    return line.encode("cp1252", errors="replace")


def test_a_windows_1258_line_and_a_vni_line_are_each_named_with_their_lines(tmp_path, context):
    result = _mixed(tmp_path, context, {6: encode_cp1258, 8: _vni})
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist()[1::2] == ["Mô hình số 2 của đơn vị",
                                                            "Mô hình số 4 của đơn vị"]
    assert result.encoding == "UTF-8 lẫn dòng Windows-1258: 6; VNI: 8"
    assert ("Tệp CSV gõ bằng UTF-8 nhưng có dòng gõ bằng bảng mã khác (Windows-1258: 6; VNI: 8); "
            "đã đọc từng dòng theo bảng mã của nó. Đề nghị kiểm tra chữ ở các dòng đó; lần sau "
            "lưu tệp dạng CSV UTF-8.") in result.notes


def test_a_line_whose_letters_became_question_marks_is_named_so_not_windows_1258(tmp_path, context):
    result = _mixed(tmp_path, context, {5: encode_cp1258, 7: _lossy, 8: _vni})
    assert result.encoding == ("UTF-8 lẫn dòng Windows-1258: 5; bảng mã không có chữ tiếng Việt "
                               "(chữ đã thành '?'): 7; VNI: 8")
    assert result.rows["valid"] == 3 and set(result.rejections["row"]) == {7}


def test_a_mixed_csv_with_nothing_rejected_still_gets_its_feedback(tmp_path, context):
    import io

    import openpyxl

    from thidua.publish.feedback import feedback_workbooks
    result = _mixed(tmp_path, context, {6: encode_cp1258, 8: _vni})
    books = feedback_workbooks([result], 2024)
    assert list(books) == ["Q-BD"]
    book = openpyxl.load_workbook(io.BytesIO(books["Q-BD"]))
    said = [c.value for row in book["Lỗi và lưu ý cả tệp"].iter_rows(min_row=2) for c in row]
    assert ("Tệp CSV gõ bằng UTF-8 nhưng có dòng gõ bằng bảng mã khác (Windows-1258: 6; VNI: 8); "
            "đã đọc từng dòng theo bảng mã của nó. Đề nghị kiểm tra chữ ở các dòng đó; lần sau "
            "lưu tệp dạng CSV UTF-8.") in said
