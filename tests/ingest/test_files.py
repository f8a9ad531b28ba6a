import os

from thidua.ingest.files import REJECTED, SUPERSEDED, USED, ingest_file
from thidua.ingest.selection import select_submissions
from helpers import input_file, row, write_xlsx


def test_one_file_counts_every_row_as_valid_rejected_or_ignored(tmp_path, context):
    rows = [["I. LĨNH VỰC KINH TẾ"], row(), row(model="Tốt", stt=2), [], ["Tổng cộng", 2],
            [None, "Người lập biểu"]]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Năm: 2024"])
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 6, "valid": 1, "rejected": 1, "ignored": 4}
    assert result.ignored == {"blank": 1, "totals": 1, "subheading": 1, "signature": 1,
                              "header": 0, "hidden": 0, "example": 0, "continuation": 0,
                              "copied_sheet": 0, "title": 0, "struck": 0, "withdrawn": 0,
                              "other_year": 0, "excerpt": 0, "dropdown_list": 0}
    assert result.rejections[["row", "column"]].values.tolist() == [[6, "Tên mô hình"]]
    assert result.registrations["unit"].tolist() == ["Q-DD"]


def test_a_file_of_another_year_is_rejected_as_a_whole(tmp_path, context):
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", [row()], title=["Năm: 2023"])
    result = ingest_file(input_file(path), context)
    assert result.status == REJECTED and result.unit == "Q-DD"
    assert result.rejections["error"].tolist() == [
        "Tệp bị từ chối: Năm ở tiêu đề (2023) khác năm của thư mục (2024); đề nghị kiểm tra lại "
        "tệp hoặc chuyển tệp vào đúng thư mục năm."]
    assert result.rejections["row"].isna().all()


def test_newest_file_per_unit_wins_by_sent_date_then_mtime(tmp_path, context):
    old = write_xlsx(tmp_path / "Q-DD_v1.xlsx", [row()], title=["Ngày gửi: 01/12/2024"])
    new = write_xlsx(tmp_path / "Q-DD_v2.xlsx", [row()], title=["Ngày gửi: 03/12/2024"])
    os.utime(old, (2_000_000_000, 2_000_000_000))  # newer mtime does not beat a later sent date
    other = write_xlsx(tmp_path / "Q-BD_a.xlsx", [row()])
    broken = tmp_path / "Q-BD_b.xlsx"
    broken.write_bytes(b"not a workbook")
    os.utime(broken, (2_000_000_000, 2_000_000_000))
    results = [ingest_file(input_file(p), context) for p in (old, new, other, broken)]
    statuses = [r.status for r in select_submissions(results)]
    assert statuses == [SUPERSEDED, USED, USED, REJECTED]


def test_a_table_with_no_data_row_rejects_the_file_with_the_formula_hint(tmp_path, context):
    path = write_xlsx(tmp_path / "Q-DD_trong.xlsx", [[], ["Tổng cộng", 0]])
    result = ingest_file(input_file(path), context)
    assert result.status == REJECTED and result.unit == "Q-DD"
    assert result.problem.startswith("Không có dòng đăng ký nào dưới dòng tiêu đề. Nếu số liệu")


def test_an_unreadable_file_and_a_broken_link_are_listed_and_rejected(tmp_path, context):
    from thidua.ingest.discover import discover_files

    good = write_xlsx(tmp_path / "Q-DD_dk.xlsx", [row()])
    (tmp_path / "Q-BD_link.xlsx").symlink_to(tmp_path / "khong-co.xlsx")
    files = discover_files(tmp_path)
    assert [f.file for f in files] == ["Q-BD_link.xlsx", "Q-DD_dk.xlsx"]
    broken = ingest_file(files[0], context)
    assert files[0].sha256 == "" and broken.status == REJECTED
    assert broken.problem.startswith("Không mở được tệp (No such file or directory)")
    assert ingest_file(files[1], context).status == USED and good.exists()


def test_a_csv_with_bare_carriage_returns_and_quoted_newlines_is_read(tmp_path, context):
    header = ";".join(["Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"])
    text = header + "\r" + "Bữa cơm Công đoàn;KT;TT;CĐCS A\r\n" + '"Tủ sách\nCông đoàn";KT;TT;CĐCS B\n'
    path = tmp_path / "Q-DD_cr.csv"
    path.write_bytes(text.encode("utf-8"))
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.registrations["model"].tolist() == ["Bữa cơm Công đoàn", "Tủ sách Công đoàn"]


def test_a_utf16_csv_is_read(tmp_path, context):
    text = "Tên mô hình,Lĩnh vực,Hình thức,Tên tập thể/cá nhân\r\nBữa cơm Công đoàn,KT,TT,CĐCS A\r\n"
    path = tmp_path / "Q-DD_u16.csv"
    path.write_bytes(text.encode("utf-16"))
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.rows["valid"] == 1
