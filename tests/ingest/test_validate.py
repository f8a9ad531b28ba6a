import pandas as pd

from thidua.ingest.normalise import normalise_rows
from thidua.ingest.validate import validate_rows


def check(records: list[dict], year: int = 2024):
    raw = pd.DataFrame.from_records(records).astype(object)
    raw.index = pd.RangeIndex(8, 8 + len(raw), name="row")
    return validate_rows(normalise_rows(raw), raw, year=year, file="Q-DD.xlsx", sheet="DS")


GOOD = {"model": "Tủ sách Công đoàn khu trọ", "field": "VHXH", "type": "Cá nhân",
        "registrant": "Nguyễn Thị Lan", "position": "Tổ trưởng công đoàn",
        "period": "01/2024 - 12/2024", "result": "Hoàn thành"}


def test_a_complete_row_is_valid_and_keeps_its_excel_row():
    valid, rejections = check([GOOD])
    assert rejections.empty
    assert valid.index.tolist() == [8]
    assert valid.at[8, "field"] == "VHXH" and valid.at[8, "type"] == "individual"


def test_each_problem_names_row_column_value_and_what_is_expected():
    bad = {**GOOD, "field": "Môi trường", "position": "", "result": "Xuất sắc", "model": "Tốt"}
    valid, rejections = check([GOOD, bad])
    assert valid.index.tolist() == [8]
    got = {(r.row, r.column, r.value) for r in rejections.itertuples()}
    assert got == {(9, "Lĩnh vực", "Môi trường"), (9, "Chức vụ", ""), (9, "Kết quả", "Xuất sắc"),
                   (9, "Tên mô hình", "Tốt")}
    messages = dict(zip(rejections["column"], rejections["error"]))
    assert messages["Lĩnh vực"].startswith("'Môi trường' không hợp lệ ở cột 'Lĩnh vực': cần một trong: Kinh tế (KT)")
    assert messages["Chức vụ"] == "Thiếu 'Chức vụ': đăng ký Cá nhân phải ghi chức vụ của cá nhân đó."
    assert messages["Tên mô hình"] == "'Tên mô hình' có 3 ký tự: cần từ 5 đến 500 ký tự."
    assert set(rejections["file"]) == {"Q-DD.xlsx"} and set(rejections["sheet"]) == {"DS"}


def test_missing_required_values_are_rejected_as_missing():
    valid, rejections = check([{**GOOD, "type": "", "registrant": " "}])
    assert valid.empty
    assert sorted(rejections["error"]) == [
        "Thiếu 'Hình thức': cần Tập thể (TT) hoặc Cá nhân (CN).",
        "Thiếu 'Tên tập thể/cá nhân': cần tên tập thể hoặc cá nhân thực hiện.",
    ]


def test_collective_needs_no_position():
    valid, rejections = check([{**GOOD, "type": "TT", "position": ""}])
    assert rejections.empty and len(valid) == 1


def test_period_outside_the_year_or_unreadable_is_rejected():
    valid, rejections = check([{**GOOD, "period": "01/2022 - 12/2022"},
                               {**GOOD, "model": "Mô hình thứ hai", "period": "quý 5"}])
    assert valid.empty
    assert rejections["error"].tolist() == [
        "'Thời gian thực hiện' '01/2022 - 12/2022' không trùng với năm báo cáo 2024.",
        "Không đọc được 'Thời gian thực hiện' 'quý 5': cần dd/mm/yyyy - dd/mm/yyyy, mm/yyyy - "
        "mm/yyyy hoặc một ô ngày, trùng với năm báo cáo.",
    ]


def test_duplicate_keeps_the_first_and_rejects_the_others_naming_the_first():
    twin = {**GOOD, "model": "tủ sách  công đoàn khu trọ", "period": "03/2024 - 12/2024"}
    valid, rejections = check([GOOD, {**GOOD, "model": "Mô hình khác hẳn"}, twin])
    assert valid.index.tolist() == [8, 9]
    assert rejections[["row", "column"]].values.tolist() == [[10, "Tên mô hình"]]
    assert rejections.at[0, "error"].startswith("Trùng với dòng 8:")


def test_a_duplicate_written_with_other_punctuation_case_or_quotes_is_still_a_duplicate():
    twins = [{**GOOD, "model": "tủ sách công đoàn khu trọ."},
             {**GOOD, "model": "“Tủ sách Công đoàn khu trọ”", "registrant": "NGUYỄN THỊ LAN"},
             {**GOOD, "model": "- Tủ sách công đoàn khu trọ;"}]
    others = [{**GOOD, "model": "Tủ sách công đoàn khu trọ mới"},         # another model
              {**GOOD, "model": "Tủ sách Công đoàn, khu trọ"}]            # a comma inside
    valid, rejections = check([GOOD, *twins, *others])
    assert valid.index.tolist() == [8, 12, 13]
    assert rejections["row"].tolist() == [9, 10, 11]
    assert all(e.startswith("Trùng với dòng 8:") for e in rejections["error"])


def test_namesakes_of_two_unions_or_positions_are_two_registrations():
    homonym = {**GOOD, "grassroots_union": "CĐCS Công ty Xây dựng số 1"}
    other_post = {**GOOD, "position": "Chủ tịch CĐCS"}
    same = {**GOOD, "grassroots_union": "cđcs trường THCS Lê Lợi", "registrant": "nguyễn thị lan"}
    valid, rejections = check([{**GOOD, "grassroots_union": "CĐCS Trường THCS Lê Lợi"}, homonym,
                               other_post, same])
    assert valid.index.tolist() == [8, 9, 10]
    assert rejections["row"].tolist() == [11]
    assert rejections.at[0, "error"].startswith("Trùng với dòng 8:")
