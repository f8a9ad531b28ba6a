"""A union's name alone in ``Tên tập thể/cá nhân`` on the row under a registration (fresh
tester H's H50: ``Công đoàn cơ sở Trường THCS Lê Lợi`` under ``Công đoàn cơ sở Trường THCS
Văn Yên``'s row, a model the two carry; it was ignored silently as a group's name). Under a
collective's whole row named as a union it is that model's second registrant, told; under
another row it stays a group's name, ignored and told; in a list grouped from its first row it
is a group's name, as before (:func:`thidua.ingest.grouplines.lone_unions`)."""

from __future__ import annotations

from corpus_rows import reg, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

UNION = "Công đoàn cơ sở Trường THCS Lê Lợi"


def line(name: str, column: int = 4) -> list:
    row = [None] * 11
    row[column] = name
    return row


def _ingest(tmp_path, context, rows):
    path = tmp_path / "Q-HD_dk.xlsx"
    write_xlsx(path, [titled("Q-HD", rows)])
    return ingest_file(input_file(path), context)


def test_a_second_union_under_a_collective_s_row_is_its_second_registrant(tmp_path, context):
    result = _ingest(tmp_path, context, [reg(0), line(UNION), reg(1)])
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.ignored.get("subheading", 0) == 0
    frame = result.registrations
    assert frame.loc[8, ["model", "field", "type", "registrant"]].tolist() == [
        "Bữa cơm Công đoàn ấm áp", "KT", "collective", UNION]
    assert ("Các dòng chỉ ghi người thực hiện (STT để trống hoặc chỉ ghi số phụ 1.1, dấu -), "
            "để trống tên mô hình, lĩnh vực, hình thức "
            "ngay dưới một đăng ký đã được hiểu là người cùng thực hiện mô hình đó, mỗi người "
            "một đăng ký: dòng 8 (mô hình của dòng 7). Nếu không phải vậy, đề nghị sửa lại; lần "
            "sau đề nghị ghi đủ thông tin ở từng dòng.") in result.readings


def test_under_another_row_it_is_a_group_s_name_told(tmp_path, context):
    rows = [reg(0, registrant="Ban Nữ công"), line("Công đoàn Trường THCS Lê Lợi"), reg(1),
            line(UNION), reg(2, stt=3)]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.ignored["subheading"] == 2
    assert ("Các dòng chỉ ghi tên một công đoàn ở cột 'Tên tập thể/cá nhân' (không có STT, tên mô "
            "hình, lĩnh vực, hình thức) đã được hiểu là tên nhóm, không tính là đăng ký: dòng 8 "
            "('Công đoàn Trường THCS Lê Lợi'), dòng 10 ('Công đoàn cơ sở Trường THCS Lê Lợi'). "
            "Nếu đó là tập thể cùng thực hiện mô hình ở dòng trên, đề nghị ghi đủ STT, tên mô "
            "hình, lĩnh vực, hình thức ở dòng đó.") in result.readings


def test_in_a_list_grouped_from_its_first_row_it_is_a_group_s_name(tmp_path, context):
    rows = [line("Công đoàn cơ sở Trường THCS Văn Yên"), reg(0), line(UNION), reg(1)]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.ignored["subheading"]) == (2, 2)
    assert not any("công đoàn" in n for n in result.readings)


def test_a_union_s_name_in_another_column_stays_a_group_s_name(tmp_path, context):
    result = _ingest(tmp_path, context, [reg(0), line(UNION, column=1), reg(1)])
    assert (result.rows["valid"], result.ignored["subheading"]) == (2, 1)
    assert not any("công đoàn" in n for n in result.readings)
