"""A CSV that ends inside its last row (a download or a mail cut short, a file not saved
whole) says so in that row's rejection, instead of asking the unit to fill cells its own copy
has (fresh tester I's I067: "Thiếu 'Hình thức' | Thiếu 'Tên tập thể/cá nhân'"). A file
without a line break after a whole last row, a last row cut among its optional cells, and a
short row followed by a line break are read as before."""

from __future__ import annotations

from corpus_rows import reg, regs, titled
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import ingest_file


def csv_bytes(tmp_path, rows) -> bytes:
    path = tmp_path / "whole.csv"
    write_csv(path, titled("Q-HBT", rows).rows)
    return path.read_bytes()


def read(tmp_path, context, data: bytes):
    path = tmp_path / "Q-HBT_2024.csv"
    path.write_bytes(data)
    return ingest_file(input_file(path), context)


def cut_after(data: bytes, text: str, keep: int = 0) -> bytes:
    """``data`` ending right after the last ``text`` (less ``keep`` characters of it)."""
    at = data.rindex(text.encode()) + len(text.encode())
    return data[:at - len(text[len(text) - keep:].encode()) if keep else at]


def message(row: int, cells: int, said: str) -> str:
    return (f"Tệp dừng giữa dòng {row}: dòng cuối chỉ có {cells} trong 11 cột và không có dấu "
            f"xuống dòng sau nó, nên tệp có thể đã bị cắt ngắn (tải về, gửi thư hoặc sao chép "
            f"chưa hết) hoặc chưa được lưu hết; các ô {said} không có trong tệp nhận được. Đề "
            f"nghị mở tệp gốc, kiểm tra dòng này, lưu lại đầy đủ rồi gửi lại.")


def test_a_csv_ending_inside_its_last_row_says_the_file_is_cut_short(tmp_path, context):
    data = csv_bytes(tmp_path, regs(3))
    result = read(tmp_path, context, cut_after(data, reg(2)[2]))  # after the last row's field
    assert result.status == "used"
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column", "value", "error"]].values.tolist() == [
        [9, "", "", message(9, 3, "'Hình thức', 'Tên tập thể/cá nhân'")]]


def test_a_csv_ending_inside_a_quoted_cell_of_its_last_row(tmp_path, context):
    rows = [*regs(2), reg(2, model="Bữa cơm, công đoàn ấm áp cho đoàn viên")]
    data = csv_bytes(tmp_path, rows)
    result = read(tmp_path, context, cut_after(data, '"Bữa cơm, công đoàn'))
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.rejections["error"].tolist() == [
        message(9, 2, "'Lĩnh vực', 'Hình thức', 'Tên tập thể/cá nhân'")]


def test_files_not_cut_short_are_read_as_before(tmp_path, context):
    data = csv_bytes(tmp_path, regs(3))
    # a whole last row without a line break after it (a text editor's file)
    whole = read(tmp_path, context, data.rstrip(b"\r\n"))
    assert whole.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    # a whole last row without a line break, its own cell left empty: asked as ever
    blank = csv_bytes(tmp_path, [*regs(2), reg(2, registrant="")]).rstrip(b"\r\n")
    assert read(tmp_path, context, blank).rejections["error"].tolist() == [
        "Thiếu 'Tên tập thể/cá nhân': cần tên tập thể hoặc cá nhân thực hiện."]
    # cut among the last row's optional cells: its required cells read, it counts
    late = read(tmp_path, context, cut_after(data, "01/2024 - 12/2024"))
    assert late.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    # a short last row followed by a line break: the unit's own empty cells, asked as ever
    short = read(tmp_path, context, cut_after(data, reg(2)[2]) + b"\r\n")
    assert short.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert short.rejections["error"].tolist() == [
        "Thiếu 'Hình thức': cần Tập thể (TT) hoặc Cá nhân (CN).",
        "Thiếu 'Tên tập thể/cá nhân': cần tên tập thể hoặc cá nhân thực hiện."]
