import openpyxl
import pytest

from thidua.ingest.read import FileRejected, find_table, raw_rows, read_sheet, title_lines
from helpers import HEADER, encode_cp1258, row, write_xlsx


def test_header_found_below_a_title_block(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [row()], title=["LĐLĐ QUẬN ĐỐNG ĐA", "Mã đơn vị: Q-DD"])
    sheet = read_sheet(path)
    assert sheet.table.header_rows == (3,)
    assert sheet.table.columns[1] == "model" and sheet.table.columns[2] == "field"
    frame = raw_rows(sheet)
    assert list(frame.index) == [5]  # the Excel row of the only data row
    assert frame.at[5, "model"] == "Bữa cơm Công đoàn ấm áp"
    assert title_lines(sheet) == ["LĐLĐ QUẬN ĐỐNG ĐA", "Mã đơn vị: Q-DD"]


def test_header_spelling_variants_and_column_order():
    grid = [["Lĩnh  vực (*)", "TÊN MÔ HÌNH\n(*)", "Hình thức\n(Tập thể/Cá nhân)", "Cột riêng"]]
    table = find_table(grid)
    assert table.columns == {0: "field", 1: "model", 2: "type"}
    assert table.unknown == {3: "Cột riêng"}


def test_header_split_over_two_rows_with_merged_cells():
    grid = [["STT", "Tên mô hình", "Thông tin đăng ký", "", "Kết quả"],
            ["", "", "Lĩnh vực", "Hình thức", ""],
            [1, "Tủ sách Công đoàn", "KT", "TT", "Hoàn thành"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1)
    assert table.data_start == 2
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "type", 4: "result"}


def test_a_data_row_under_the_header_is_not_taken_for_a_second_header():
    grid = [["Tên mô hình", "Lĩnh vực", "Hình thức"], ["Tủ sách Công đoàn", "KT", "TT"]]
    assert find_table(grid).header_rows == (0,)


def test_no_header_row_rejects_the_file(tmp_path):
    path = tmp_path / "cong-van.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Kính gửi: Liên đoàn Lao động Thành phố"])
    wb.save(path)
    with pytest.raises(FileRejected, match="Không tìm thấy dòng tiêu đề"):
        read_sheet(path)


def test_hidden_sheet_is_skipped_for_the_first_visible_sheet_with_a_header(tmp_path):
    path = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "Cũ"
    hidden.append(HEADER)
    hidden.append(row(model="Mô hình năm cũ bị ẩn"))
    hidden.sheet_state = "hidden"
    guide = wb.create_sheet("Hướng dẫn")
    guide.append(["Điền mỗi mô hình một dòng"])
    data = wb.create_sheet("Danh sách")
    data.append(HEADER)
    data.append(row(model="Mô hình đang dùng"))
    wb.save(path)
    sheet = read_sheet(path)
    assert sheet.sheet == "Danh sách"
    assert raw_rows(sheet)["model"].tolist() == ["Mô hình đang dùng"]


def test_csv_in_windows_1258_with_semicolons(tmp_path):
    text = ";".join(HEADER) + "\r\n" + ";".join(str(v or "") for v in row(model="Tủ sách Công đoàn")) + "\r\n"
    path = tmp_path / "c.csv"
    path.write_bytes(encode_cp1258(text))
    frame = raw_rows(read_sheet(path))
    assert frame.iloc[0]["model"] == "Tủ sách Công đoàn"
    assert frame.iloc[0]["field"] == "Kinh tế"


def test_csv_utf8_with_bom_and_commas(tmp_path):
    text = ",".join(HEADER) + "\n" + ",".join(str(v or "") for v in row()) + "\n"
    path = tmp_path / "d.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    sheet = read_sheet(path)
    assert sheet.sheet == ""
    assert raw_rows(sheet).index.tolist() == [2]


@pytest.mark.parametrize("name, content, message", [
    ("notes.txt", b"hello", "Không tìm thấy dòng tiêu đề của biểu DVK-01"),
    ("notes.md", b"hello", "Định dạng tệp '.md' không được nhận"),
    ("empty.csv", b"", "Tệp rỗng"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "Tệp bị hỏng: nội dung không đầy đủ"),
    ("garbage.xlsx", b"\x00\x01 binary junk", "Không đọc được tệp như một bảng tính"),
])
def test_unusable_files_are_rejected_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileRejected, match=message):
        read_sheet(path)


def test_a_reason_never_carries_the_readers_english(tmp_path):
    path = tmp_path / "Q-DD_zip.xlsx"
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    with pytest.raises(FileRejected) as caught:
        read_sheet(path)
    assert str(caught.value) == ("Không đọc được tệp như một bảng tính (tệp hỏng hoặc không "
                                 "phải Excel/ODS); đề nghị mở lại bằng Excel, lưu dạng .xlsx và "
                                 "gửi lại.")


@pytest.mark.parametrize("name", ["Q-DD_dang-ky", "Q-DD_dang-ky.xlsb", "Q-DD_dang-ky.XLSX",
                                  "Q-DD_dang-ky.htm", "Q-DD_dang-ky.xml"])
def test_the_content_decides_for_a_name_without_suffix_or_an_export_suffix(tmp_path, name):
    """A mail program that dropped the suffix, or a workbook saved as ``.xlsb``/``.htm``:
    the bytes say what it is (README, "What is read")."""
    built = write_xlsx(tmp_path / "b.xlsx", [row()])
    path = tmp_path / name
    path.write_bytes(built.read_bytes())
    assert raw_rows(read_sheet(path))["model"].tolist() == ["Bữa cơm Công đoàn ấm áp"]


def test_a_row_of_bracketed_hints_under_the_header_belongs_to_the_header():
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Chức vụ"],
            ["", "(bắt buộc)", "(bắt buộc)", "(Tập thể/Cá nhân)", "(nếu là cá nhân)"],
            [1, "Nụ cười bệnh viện", "XDHTCT", "CN", "Điều dưỡng trưởng"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1) and table.data_start == 2


def test_a_row_of_column_numbers_under_the_header_belongs_to_the_header():
    grid = [["STT", "Tên mô hình", "Lĩnh vực"], ["(1)", "(2)", "(3)"], [1, "Tủ sách", "KT"]]
    assert find_table(grid).header_rows == (0, 1)
    assert find_table([["STT", "Tên mô hình", "Lĩnh vực"], [1, "Tủ sách Công đoàn", "KT"]]) \
        .header_rows == (0,)


def test_a_pdf_named_xlsx_and_a_password_protected_workbook_say_what_they_are(tmp_path):
    pdf = tmp_path / "a.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(FileRejected, match="Tệp là tệp PDF"):
        read_sheet(pdf)
    locked = tmp_path / "b.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(FileRejected, match="Tệp được đặt mật khẩu"):
        read_sheet(locked)
