"""A unit code written without its prefix (``Mã đơn vị: DD`` for ``Q-DD``, the spec's own
example; ``GD`` for ``N-GD``): read as the one registry code it stands for; of two (``HD``:
``H-HD`` Hoài Đức, ``Q-HD`` Hà Đông), the one the file name or the title's unit name gives,
else the file is rejected naming both. Before, every such file was rejected whole (fresh tester
W's W504, W505, W509; ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from helpers import input_file, row, write_xlsx
from thidua.ingest.files import ingest_file
from thidua.ingest.unitcodes import short_codes

CODES = {"Q-DD", "Q-HD", "H-HD", "N-GD", "P-DONGDA", "VC", "Q-HK"}


@pytest.mark.parametrize("text, codes", [
    ("DD", ["Q-DD"]), ("D.D", ["Q-DD"]), ("ĐĐ", ["Q-DD"]), ("DONGDA", ["P-DONGDA"]),
    ("GD", ["N-GD"]), ("HD", ["H-HD", "Q-HD"]),
    ("Q-DD", []), ("QDD", []), ("VC", []),  # registry codes themselves
    ("XYZ", []), ("", []), ("--", []), ("D", []),
    ("Đống Đa", []), ("Dongda", []), ("DONG DA", []), ("dd", []),  # a name, not a code (W512)
])
def test_a_code_without_its_prefix_names_the_codes_it_may_stand_for(text, codes):
    assert short_codes(text, CODES) == codes


def test_a_registry_code_itself_and_codes_of_two_dashes():
    codes = {"VC", "K-VC", "A-B-C"}
    assert short_codes("VC", codes) == []  # ``VC`` is a unit: never ``K-VC``
    assert short_codes("K-VC", codes) == []
    assert short_codes("BC", codes) == ["A-B-C"]  # all after the first dash
    assert short_codes("B", codes) == short_codes("C", codes) == []


def _read(tmp_path, context, name, title):
    rows = [row(model=f"Mô hình số {i}", stt=i) for i in range(1, 4)]
    path = write_xlsx(tmp_path / name, rows, title=[*title, "Năm: 2024"])
    return ingest_file(input_file(path), context)


def test_the_spec_s_own_example_dd_in_a_file_named_q_dd_counts(tmp_path, context):
    result = _read(tmp_path, context, "Q-DD_dang-ky.xlsx", ["Mã đơn vị: DD"])
    assert (result.unit, result.status, result.rows["valid"]) == ("Q-DD", "used", 3)
    assert ("Mã đơn vị 'DD' đã hiểu là 'Q-DD' (mã trong danh mục đơn vị); đề nghị lần sau ghi "
            "đúng 'Q-DD'.") in result.notes


@pytest.mark.parametrize("title, unit", [
    (["LIÊN ĐOÀN LAO ĐỘNG HUYỆN HOÀI ĐỨC", "Mã đơn vị: HD"], "H-HD"),
    (["LĐLĐ QUẬN HÀ ĐÔNG", "Mã đơn vị: HD"], "Q-HD"),
    (["CÔNG ĐOÀN NGÀNH GIÁO DỤC HÀ NỘI", "Mã đơn vị: GD"], "N-GD"),
    (["Mã đơn vị: GD"], "N-GD"),  # one unit only: no name needed
])
def test_the_title_s_unit_name_picks_among_codes_without_their_prefix(tmp_path, context, title,
                                                                      unit):
    result = _read(tmp_path, context, "danh sach DVK 2024.xlsx", title)
    assert (result.unit, result.status, result.rows["valid"], result.rows["rejected"]) == (
        unit, "used", 3, 0)


def test_the_file_name_picks_among_them(tmp_path, context):
    result = _read(tmp_path, context, "H-HD_dang-ky.xlsx", ["Mã đơn vị: HD"])
    assert (result.unit, result.rows["valid"]) == ("H-HD", 3)


def test_two_codes_and_nothing_to_choose_rejects_the_file_naming_both(tmp_path, context):
    result = _read(tmp_path, context, "danh sach DVK 2024.xlsx", ["Mã đơn vị: HD"])
    assert result.status == "rejected"
    assert result.problem == (
        "Mã đơn vị 'HD' không có trong danh mục đơn vị của năm 2024 (mã lấy từ dòng 'Mã đơn "
        "vị:' ở tiêu đề); đề nghị ghi đúng mã đơn vị do LĐLĐ thành phố cấp (có thể là H-HD "
        "(Liên đoàn Lao động huyện Hoài Đức) hoặc Q-HD (Liên đoàn Lao động quận Hà Đông)).")


def test_a_short_code_of_another_unit_than_the_file_name_s_still_disagrees(tmp_path, context):
    result = _read(tmp_path, context, "Q-HK_dang-ky.xlsx", ["Mã đơn vị: DD"])
    assert result.status == "rejected"
    assert result.problem == ("Mã đơn vị không thống nhất (dòng 'Mã đơn vị:' ở tiêu đề: Q-DD; "
                              "tên tệp: Q-HK).")


def test_a_mã_đơn_vị_column_of_short_codes_counts(tmp_path, context):
    header = ["STT", "Mã đơn vị", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
              "Chức vụ", "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả",
              "Ghi chú"]
    rows = [[r[0], "GD", *r[1:]] for r in (row(model=f"Mô hình số {i}", stt=i) for i in (1, 2))]
    path = write_xlsx(tmp_path / "danh sach.xlsx", rows, title=["Năm: 2024"], header=header)
    result = ingest_file(input_file(path), context)
    assert (result.unit, result.rows["valid"]) == ("N-GD", 2)


def test_a_place_s_name_in_the_code_column_is_no_ward_s_code(tmp_path, context):
    """``Đống Đa`` in every ``Mã đơn vị`` cell of Q-DD's file names the district, never the
    ward union ``P-DONGDA`` (fresh tester W's W512)."""
    header = ["STT", "Mã đơn vị", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
              "Chức vụ", "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả",
              "Ghi chú"]
    rows = [[r[0], "Đống Đa", *r[1:]] for r in (row(model=f"Mô hình số {i}", stt=i) for i in (1, 2))]
    path = write_xlsx(tmp_path / "Q-DD_dang-ky.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=header)
    result = ingest_file(input_file(path), context)
    assert (result.unit, result.status, result.rows["valid"]) == ("Q-DD", "used", 2)
