"""Several individuals in one registrant cell of an individual's row (``A, B``, ``A và B``,
``A; B``, ``A + B``, ``Đ/c A; Đ/c B``, ``A⏎B``, ``1. A⏎2. B⏎3. C``): one individual registration
per person, each keeping the row's Excel number, told (:mod:`thidua.ingest.severalpeople`;
fresh tester L's L033–L035, L042, L045). Read before, the row was one registrant named
``Nguyễn Văn An, Trần Thị Bình``, silently. Look-alikes stay one registrant (L038, L039, L041,
L046)."""

from __future__ import annotations

import pytest

from helpers import input_file, read_form, row
from thidua.ingest.files import ingest_file
from thidua.ingest.severalpeople import is_person_name, people_in_cell



def _read(tmp_path, context, rows):
    return read_form(tmp_path, context, rows, unit="Q-CG")


@pytest.mark.parametrize("text, names", [
    ("Nguyễn Văn An, Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Nguyễn Văn An và Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Nguyễn Văn An; Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Lê Văn Cường + Phạm Thị Dung", ["Lê Văn Cường", "Phạm Thị Dung"]),
    ("Đ/c Nguyễn Văn An; Đ/c Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Nguyễn Văn An\nTrần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("1. Nguyễn Văn An\n2. Trần Thị Bình\n3. Lê Văn Cường",
     ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]),
])
def test_a_cell_of_several_names_gives_each_name(text, names):
    assert people_in_cell(text)[0] == names


@pytest.mark.parametrize("text", [
    "Nguyễn Văn An", "Nguyễn Văn An (Bảy)", "Nguyễn Văn An (tức Bảy Nhỏ), Trần Thị Bình",
    "Ban Nữ công và Ban Tuyên giáo CĐCS", "Công đoàn Trường Mầm non Hoa Sen và Hoa Mai",
    "CĐCS Công ty TNHH Hòa Bình, chi nhánh Hà Nội",
    "Tổ công đoàn Phòng Kế toán (gồm: Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường)",
    "Ban Nữ công CĐCS:\n- Phạm Thị Dung\n- Hoàng Thị Lan",
    "CĐCS Trường Tiểu học số 2 và đồng chí Lê Minh Tuấn",
    "Nguyễn Văn An\nChủ tịch CĐCS", "Nguyễn Văn An, Chủ tịch CĐCS", "An và Bình",
    "Nguyễn Văn An và các đồng chí", "", None, 3.0])
def test_a_cell_not_all_names_stays_one_registrant(text):
    assert people_in_cell(text) is None


def test_a_name_is_three_to_six_capitalised_words_after_a_family_name():
    assert is_person_name("Trần Thị Bình") and is_person_name("Tôn Nữ Thị Hà")
    assert is_person_name("Đỗ Văn Nam") and is_person_name("Âu Dương Thị Phương Lan Anh")
    assert not is_person_name("Bình") and not is_person_name("Phòng Kế Toán")
    assert not is_person_name("Nguyễn văn an") and not is_person_name("Tổ Dân Phố 3")
    # a place after a name is no second person (the registrant's town, a ward)
    assert not is_person_name("Hà Nội") and not is_person_name("Phường Cầu Giấy")
    assert not is_person_name("Quận Hoàn Kiếm Hà Nội") and not is_person_name("Lê Lợi")
    assert people_in_cell("Đỗ Văn Nam, Hà Nội") is None
    assert people_in_cell("Nguyễn Văn An, Thanh Xuân Bắc") is None


def test_several_people_in_one_cell_are_that_many_registrations_told(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Bữa cơm Công đoàn", registrant="CĐCS Công ty May 10", stt=1),
        row(model="Tiếng loa an toàn", field="An ninh - quốc phòng", type_="Cá nhân",
            registrant="Nguyễn Văn An, Trần Thị Bình",
            position="Chủ tịch CĐCS, Phó Chủ tịch CĐCS", stt=2),
        row(model="Góc sách công nhân", field="Văn hóa - xã hội", type_="Cá nhân",
            registrant="1. Lê Văn Cường\n2. Phạm Thị Dung\n3. Hoàng Thị Lan",
            position="Tổ trưởng công đoàn", stt=3),
        row(model="Chợ phiên Công đoàn", field="Kinh tế", type_="Cá nhân",
            registrant="Nguyễn Văn An (Bảy)", position="Chủ tịch CĐCS, Hiệu trưởng", stt=4)])
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got.index.tolist() == [5, 6, 6, 7, 7, 7, 8]
    assert got["registrant"].tolist() == [
        "CĐCS Công ty May 10", "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
        "Phạm Thị Dung", "Hoàng Thị Lan", "Nguyễn Văn An (Bảy)"]
    assert got["position"].tolist()[1:] == [
        "Chủ tịch CĐCS", "Phó Chủ tịch CĐCS", "Tổ trưởng công đoàn", "Tổ trưởng công đoàn",
        "Tổ trưởng công đoàn", "Chủ tịch CĐCS, Hiệu trưởng"]
    assert got["model"].tolist()[1:6] == ["Tiếng loa an toàn"] * 2 + ["Góc sách công nhân"] * 3
    assert got["type"].tolist() == ["collective"] + ["individual"] * 6
    note = next(n for n in result.notes if "nhiều người" in n)
    assert note == (
        "Ô 'Tên tập thể/cá nhân' của cá nhân ghi nhiều người trong một ô, mỗi người được tính "
        "là một đăng ký cá nhân của cùng mô hình, mang số dòng của ô ấy (dòng 6: Nguyễn Văn An "
        "(Chủ tịch CĐCS), Trần Thị Bình (Phó Chủ tịch CĐCS); dòng 7: Lê Văn Cường (Tổ trưởng "
        "công đoàn), Phạm Thị Dung (Tổ trưởng công đoàn), Hoàng Thị Lan (Tổ trưởng công đoàn))."
        " Đề nghị từ nay ghi mỗi người một dòng.")


def test_a_person_of_the_cell_repeating_another_row_is_not_counted_again(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Tiếng loa an toàn", field="An ninh - quốc phòng", type_="Cá nhân",
            registrant="Nguyễn Văn An", position="Tổ trưởng công đoàn", stt=1),
        row(model="Tiếng loa an toàn", field="An ninh - quốc phòng", type_="Cá nhân",
            registrant="Nguyễn Văn An và Trần Thị Bình", position="Tổ trưởng công đoàn", stt=2)])
    got = result.registrations
    assert got.index.tolist() == [5, 6]
    assert got["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    note = next(n for n in result.notes if "nhiều người" in n)
    assert ("(dòng 6: Nguyễn Văn An (Tổ trưởng công đoàn): trùng với dòng 5, không tính lại, "
            "Trần Thị Bình (Tổ trưởng công đoàn))") in note


def test_a_person_named_twice_in_one_cell_is_counted_once(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Tiếng loa an toàn", field="An ninh - quốc phòng", type_="Cá nhân",
            registrant="Nguyễn Văn An, Trần Thị Bình, Nguyễn Văn An",
            position="Tổ trưởng công đoàn", stt=1)])
    assert result.registrations["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình"]
    note = next(n for n in result.notes if "nhiều người" in n)
    assert "Nguyễn Văn An (Tổ trưởng công đoàn): trùng với dòng 5, không tính lại" in note


def test_a_collective_naming_two_bodies_or_its_members_stays_one(tmp_path, context):
    result = _read(tmp_path, context, [
        row(registrant="Ban Nữ công và Ban Tuyên giáo CĐCS", stt=1),
        row(model="Góc sách", registrant="Nguyễn Văn An, Trần Thị Bình", stt=2),
        row(model="Tủ sách", registrant="Tổ công đoàn (gồm: Nguyễn Văn An, Trần Thị Bình)",
            stt=3)])
    got = result.registrations
    assert got.index.tolist() == [5, 6, 7]
    assert got["registrant"].tolist() == [
        "Ban Nữ công và Ban Tuyên giáo CĐCS", "Nguyễn Văn An, Trần Thị Bình",
        "Tổ công đoàn (gồm: Nguyễn Văn An, Trần Thị Bình)"]
    assert not [n for n in result.notes if "nhiều người" in n]


def test_a_person_of_the_cell_repeating_an_earlier_sheet_is_rejected_alone(tmp_path, context):
    import openpyxl

    from helpers import HEADER
    wb = openpyxl.Workbook()
    for sheet, rows in (("Kinh tế", [row(model="Tiếng loa", type_="Cá nhân",
                                         registrant="Trần Thị Bình", position="Tổ trưởng")]),
                        ("Bổ sung", [row(model="Tiếng loa", type_="Cá nhân",
                                         registrant="Nguyễn Văn An, Trần Thị Bình",
                                         position="Tổ trưởng")])):
        ws = wb.active if sheet == "Kinh tế" else wb.create_sheet(sheet)
        ws.title = sheet
        for line in ["Mã đơn vị: Q-CG", "Năm: 2024", None]:
            ws.append([line] if line else [])
        ws.append(list(HEADER))
        for r in rows:
            ws.append(r)
    wb.save(path := tmp_path / "Q-CG_2024.xlsx")
    result = ingest_file(input_file(path), context)
    got = result.registrations
    assert list(zip(got["sheet"], got.index, got["registrant"])) == [
        ("Kinh tế", 5, "Trần Thị Bình"), ("Bổ sung", 5, "Nguyễn Văn An")]
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    rejected = result.rejections
    assert rejected[["sheet", "row", "value"]].values.tolist() == [["Bổ sung", 5, "Tiếng loa"]]
    assert rejected["error"].tolist() == [
        "Trùng với dòng 5 của trang 'Kinh tế': cùng tên mô hình, lĩnh vực, hình thức, tập "
        "thể/cá nhân, chức vụ và công đoàn cơ sở; chỉ tính dòng 5 của trang 'Kinh tế'."]


AN, BINH = "Nguyễn Văn An", "Trần Thị Bình"


@pytest.mark.parametrize("text, people", [
    ("1. Nguyễn Văn An - Chủ tịch CĐCS\n2. Trần Thị Bình - Phó Chủ tịch CĐCS",
     [(AN, "Chủ tịch CĐCS"), (BINH, "Phó Chủ tịch CĐCS")]),
    ("Nguyễn Văn An – Chủ tịch CĐCS; Trần Thị Bình – Kế toán",
     [(AN, "Chủ tịch CĐCS"), (BINH, "Kế toán")]),
    ("Nguyễn Văn An, Chủ tịch CĐCS\nTrần Thị Bình, Phó Chủ tịch CĐCS",
     [(AN, "Chủ tịch CĐCS"), (BINH, "Phó Chủ tịch CĐCS")]),
    ("Nguyễn Văn An (Chủ tịch CĐCS), Trần Thị Bình (Phó Chủ tịch CĐCS)",
     [(AN, "Chủ tịch CĐCS"), (BINH, "Phó Chủ tịch CĐCS")]),
    ("Nguyễn Văn An - Chủ tịch CĐCS và Trần Thị Bình - Kế toán",
     [(AN, "Chủ tịch CĐCS"), (BINH, "Kế toán")]),
    ("Nguyễn Văn An - Chủ tịch CĐCS\nTrần Thị Bình", [(AN, "Chủ tịch CĐCS"), (BINH, None)]),
    ("Nguyễn Văn An, Trần Thị Bình", [(AN, None), (BINH, None)]),
])
def test_several_people_each_with_the_position_written_after_the_name(text, people):
    from thidua.ingest.severalpeople import people_and_positions
    assert people_and_positions(text)[0] == people
    assert people_in_cell(text)[0] == [name for name, _ in people]


@pytest.mark.parametrize("text", [
    "Nguyễn Văn An - Chủ tịch CĐCS", "Nguyễn Văn An - Chủ tịch CĐCS, Hiệu trưởng",
    "Nguyễn Văn An (Chủ tịch CĐCS, Hiệu trưởng)", "Nguyễn Văn An - Chủ tịch CĐCS và Hiệu trưởng",
    "1. Nguyễn Văn An - Chủ tịch CĐCS\n2. Phòng Kế toán - Tổ trưởng",
    "Nguyễn Văn An - Công ty Xanh\nTrần Thị Bình - Công ty Đỏ"])
def test_one_person_and_a_position_or_parts_not_all_people_stay_one_registrant(text):
    from thidua.ingest.severalpeople import people_and_positions
    assert people_and_positions(text) is None


TWO_INLINE = "1. Nguyễn Văn An - Chủ tịch CĐCS\n2. Trần Thị Bình - Phó Chủ tịch CĐCS"


@pytest.mark.parametrize("cell, written, positions", [
    (TWO_INLINE, None, ["Chủ tịch CĐCS", "Phó Chủ tịch CĐCS"]),
    ("Nguyễn Văn An – Chủ tịch CĐCS\nTrần Thị Bình – Kế toán", None, ["Chủ tịch CĐCS", "Kế toán"]),
    ("Nguyễn Văn An (Chủ tịch CĐCS), Trần Thị Bình (Phó Chủ tịch CĐCS)", None,
     ["Chủ tịch CĐCS", "Phó Chủ tịch CĐCS"]),
    # the position after each name is that person's, over a Chức vụ written for all
    (TWO_INLINE, "Đoàn viên", ["Chủ tịch CĐCS", "Phó Chủ tịch CĐCS"]),
])
def test_people_with_their_positions_inline_are_each_a_registration(tmp_path, context, cell,
                                                                     written, positions):
    result = _read(tmp_path, context, [
        row(model="Tủ sách pháp luật cho người lao động", type_="Cá nhân", registrant=cell,
            position=written, stt=1),
        row(model="Hỗ trợ con công nhân học tập", stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got.index.tolist() == [5, 5, 6]
    assert got["registrant"].tolist()[:2] == [AN, BINH]
    assert got["position"].tolist()[:2] == positions
    assert not [n for n in result.notes if "đã hiểu là tên" in n]
    note = next(n for n in result.notes if "nhiều người" in n)
    assert (f"(dòng 5: Nguyễn Văn An ({positions[0]}), Trần Thị Bình ({positions[1]}))"
            in note)


def test_people_only_some_with_a_position_and_chuc_vu_empty_are_asked_it(tmp_path, context):
    cell = "Nguyễn Văn An - Chủ tịch CĐCS\nTrần Thị Bình"
    result = _read(tmp_path, context, [
        row(model="Tủ sách pháp luật cho người lao động", type_="Cá nhân", registrant=cell, stt=1)])
    assert result.rows["rejected"] == 1
    assert result.rejections[["row", "column"]].values.tolist() == [[5, "Chức vụ"]]
    assert result.rejections["error"].iloc[0].startswith("Thiếu 'Chức vụ'")
    # not one person named 'Nguyễn Văn An' holding 'Chủ tịch CĐCS Trần Thị Bình'
    assert not [n for n in result.notes if "đã hiểu là tên" in n]


def test_positions_of_people_fills_an_individual_s_empty_position_only():
    import pandas as pd

    from thidua.ingest.severalpeople import positions_of_people
    data = pd.DataFrame({"registrant": [TWO_INLINE, TWO_INLINE, TWO_INLINE,
                                        "Nguyễn Văn An - Chủ tịch CĐCS\nTrần Thị Bình"],
                         "type": ["Cá nhân", "Tập thể", "Cá nhân", "Cá nhân"],
                         "position": [None, None, "Kế toán", None]}, index=[5, 6, 7, 8])
    out, skip = positions_of_people(data)
    assert out.at[5, "position"] == "Chủ tịch CĐCS; Phó Chủ tịch CĐCS"
    assert out.at[7, "position"] == "Kế toán"
    assert pd.isna(out.at[6, "position"])  # a collective: none
    assert pd.isna(out.at[8, "position"])  # not every person has one: asked
    assert skip == {5, 8}
    assert data["position"].isna().tolist() == [True, True, False, True]  # not modified
    assert positions_of_people(data.drop(columns="type"))[1] == set()


def test_a_position_part_saying_nothing_is_no_person_s_position(tmp_path, context):
    # ``Chủ tịch CĐCS, -``: read before as ``Chủ tịch CĐCS`` and ``""``, the second person
    # counted without the position the validation had found in the whole cell
    result = _read(tmp_path, context, [
        row(model="Tiếng loa an toàn", field="An ninh - quốc phòng", type_="Cá nhân",
            registrant="Nguyễn Văn An, Trần Thị Bình", position="Chủ tịch CĐCS, -", stt=1)])
    got = result.registrations
    assert got["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert got["position"].tolist() == ["Chủ tịch CĐCS, -"] * 2
    assert result.rows == {"read": 1, "valid": 1, "rejected": 0, "ignored": 0}


@pytest.mark.parametrize("text", [
    "Nguyễn Văn An, Lê Đại Hành", "Trần Thị Bình, Trần Hưng Đạo", "Lê Văn Cường\nHoàng Văn Thụ",
    "Phạm Thị Dung - Phan Chu Trinh", "NGUYỄN VĂN AN, LÊ ĐẠI HÀNH", "Lê Đại Hành - Lê Văn Cường",
])
def test_a_name_then_a_ward_or_street_named_after_a_person_is_one_registrant(text):
    """Fresh tester T's T139: a person and the ward they are of, the ward named after a
    historical figure (``schemas.form.NAMESAKE_PLACES``), was counted as two people (12 for 8)."""
    assert people_in_cell(text) is None


@pytest.mark.parametrize("text, names", [
    ("Nguyễn Văn An và Nguyễn Văn Ngọc", 2),                   # joined by ``và``: people
    ("Nguyễn Văn An; Lý Thường Kiệt", 2),                       # by ``;``
    ("1. Trần Thị Bình\n2. Nguyễn Thị Định", 2),                # numbered
    ("Lê Văn Cường, Phạm Văn Hùng, Nguyễn Văn Linh", 3),        # three names
    ("Lê Đại Hành, Nguyễn Văn An, Trần Thị Bình", 3),
    ("Nguyễn Văn An - Chủ tịch CĐCS, Nguyễn Văn Linh - Kế toán", 2),  # a position each
    ("Nguyễn Văn An, Trần Thị Bình", 2),
])
def test_people_written_as_several_stay_several_whatever_their_names(text, names):
    """Fresh tester V's V005–V007: a namesake's name among people joined by ``và``, numbered,
    three or with a position each was one registrant (people lost)."""
    assert len(people_in_cell(text)[0]) == names


@pytest.mark.parametrize("place", ["Trần Quang Diệu", "Đặng Tiến Đông", "Hồ Đắc Di", "Ngô Sĩ Liên",
                                   "Tạ Quang Bửu", "Trần Đại Nghĩa", "Đinh Công Tráng",
                                   "Trần Khánh Dư", "Nguyễn Công Hoan", "Đặng Thùy Trâm"])
def test_streets_of_each_district_named_after_people_are_places(place):
    """U021–U040: streets of Đống Đa, Hai Bà Trưng, Hoàn Kiếm, Ba Đình, Cầu Giấy …"""
    assert people_in_cell(f"Nguyễn Văn An, {place}") is None


def test_a_person_and_a_namesake_ward_count_once(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Bữa cơm công đoàn", type_="Cá nhân", registrant="Nguyễn Văn An, Lê Đại Hành",
            position="Chủ tịch CĐCS", stt=1),
        row(model="Tủ sách pháp luật", type_="Cá nhân", registrant="Trần Thị Bình\nTrần Hưng Đạo",
            position="Đoàn viên", stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["registrant"].tolist() == [
        "Nguyễn Văn An, Lê Đại Hành", "Trần Thị Bình Trần Hưng Đạo"]


def test_a_position_for_each_of_two_names_makes_them_two_people(tmp_path, context):
    """V005: ``Chức vụ`` split in two (``Chủ tịch CĐCS; Phó Chủ tịch CĐCS``) says two people,
    even when the second name is a street's; one position for both keeps a person and a place."""
    result = _read(tmp_path, context, [
        row(model="Bữa cơm công đoàn", type_="Cá nhân", registrant="Nguyễn Văn An, Nguyễn Văn Linh",
            position="Chủ tịch CĐCS; Phó Chủ tịch CĐCS", stt=1),
        row(model="Tủ sách pháp luật", type_="Cá nhân", registrant="Trần Thị Bình, Lê Đại Hành",
            position="Đoàn viên", stt=2)])
    assert result.rows["valid"] == 2
    assert result.registrations["registrant"].tolist() == [
        "Nguyễn Văn An", "Nguyễn Văn Linh", "Trần Thị Bình, Lê Đại Hành"]
    assert result.registrations["position"].tolist() == [
        "Chủ tịch CĐCS", "Phó Chủ tịch CĐCS", "Đoàn viên"]
