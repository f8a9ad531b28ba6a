"""A unit named only in its title by an ordinary variant of its registry name: words in
another order or among other union words, short forms, look-alike letters, a one-letter typo,
an old kind of place. Before, the file was rejected "Không xác định được đơn vị gửi" without a
word of the unit the title named (fresh tester J's J009, J011–J014, J090;
``docs/contracts.md``). A name that may be two units (``huyện Từ Liêm``) stays rejected, saying
so and naming them; a line naming no unit is quoted."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from thidua.ingest.identify import code_note, parse_title, resolve_unit
from thidua.ingest.read import FileRejected
from thidua.ingest.unitnames import unit_by_variant

NAMES = {"Q-DD": "Liên đoàn Lao động quận Đống Đa", "Q-HM": "Liên đoàn Lao động quận Hoàng Mai",
         "Q-HD": "Liên đoàn Lao động quận Hà Đông", "Q-TH": "Liên đoàn Lao động quận Tây Hồ",
         "Q-BTL": "Liên đoàn Lao động quận Bắc Từ Liêm",
         "Q-NTL": "Liên đoàn Lao động quận Nam Từ Liêm",
         "TX-ST": "Liên đoàn Lao động thị xã Sơn Tây", "H-DA": "Liên đoàn Lao động huyện Đông Anh",
         "H-TT": "Liên đoàn Lao động huyện Thanh Trì",
         "VC": "Công đoàn Viên chức thành phố Hà Nội",
         "CQ": "Công đoàn Cơ quan Liên đoàn Lao động thành phố Hà Nội",
         "N-CT": "Công đoàn ngành Công Thương Hà Nội",
         "N-GTVT": "Công đoàn ngành Giao thông vận tải Hà Nội",
         "N-GD": "Công đoàn ngành Giáo dục Hà Nội",
         "N-NN": "Công đoàn ngành Nông nghiệp và PTNT Hà Nội", "N-YT": "Công đoàn ngành Y tế Hà Nội",
         "KCN": "Công đoàn các Khu công nghiệp và chế xuất Hà Nội"}
WARDS = {**NAMES, "P-LANG": "Công đoàn phường Láng", "P-DONGDA": "Công đoàn phường Đống Đa",
         "CX-THIENLOC": "Công đoàn các xã Thiên Lộc và Vĩnh Thanh"}
CODES = set(WARDS)
NONE = pd.Series(dtype="object")


@pytest.mark.parametrize("line, code", [
    ("QUẬN ĐỐNG ĐA - LIÊN ĐOÀN LAO ĐỘNG", "Q-DD"), ("LĐLĐ HÀ NỘI - HUYỆN THANH TRÌ", "H-TT"),
    ("CÔNG ĐOÀN Y TẾ HÀ NỘI", "N-YT"), ("CÔNG ĐOÀN GIÁO DỤC THÀNH PHỐ HÀ NỘI", "N-GD"),
    ("CÔNG ĐOÀN CÔNG THƯƠNG HÀ NỘI", "N-CT"), ("CĐ CÁC KCN & CX HÀ NỘI", "KCN"),
    ("CĐ NGÀNH GTVT HÀ NỘI", "N-GTVT"), ("CĐ NGÀNH NN&PTNT HÀ NỘI", "N-NN"),
    ("LĐLĐ QUẬN HOÀNG MAY", "Q-HM"), ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐÔNG ANG", "H-DA"),
    ("LIÊN ÐOÀN LAO ÐỘNG HUYỆN ÐÔNG ANH", "H-DA"), ("LĐLĐ QUẬN ТÂY HỒ", "Q-TH"),
    ("LĐLĐ THỊ XÃ HÀ ĐÔNG", "Q-HD"), ("LĐLĐ THÀNH PHỐ SƠN TÂY", "TX-ST"),
    ("Quận Đống Đa", "Q-DD"), ("CÔNG ĐOÀN VIÊN CHỨC", "VC"), ("CĐ CƠ QUAN LĐLĐ TP", "CQ"),
])
def test_a_variant_of_one_units_name_names_it(line, code):
    assert unit_by_variant(("BIỂU ĐĂNG KÝ DÂN VẬN KHÉO", line, "Năm: 2024"), NAMES) == (
        code, line, ())


@pytest.mark.parametrize("line, code", [
    ("CĐ P. LÁNG", "P-LANG"), ("CĐ P. ĐỐNG ĐA", "P-DONGDA"), ("LĐLĐ QUẬN ĐỐNG ĐA", "Q-DD"),
    ("CĐ CÁC XÃ THIÊN LỘC - VĨNH THANH", "CX-THIENLOC")])
def test_a_ward_and_its_district_are_told_apart_by_the_kind_written(line, code):
    assert unit_by_variant((line,), WARDS)[0] == code


@pytest.mark.parametrize("lines", [
    ("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",),            # the Federation itself
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
    ("CĐ P. ĐỐNG ĐA",),                                   # no such ward in 2024's registry
    ("CĐ XÃ THANH TRÌ",),                                 # a commune is no district
    ("LĐLĐ QUẬN HOÀNG MAI KIẾM",), ("LĐLĐ QUẬN ĐỐNG",),  # other words, a word short
    ("BÁO CÁO CỦA LĐLĐ QUẬN ĐỐNG ĐA VỀ CÔNG ĐOÀN CƠ SỞ",),
    ("CÔNG ĐOÀN QUẬN ĐỐNG ĐA", "CÔNG ĐOÀN Y TẾ HÀ NỘI"),  # two units: never guessed
])
def test_lines_naming_no_one_unit_name_none(lines):
    assert unit_by_variant(lines, NAMES)[0] is None


def test_the_file_counts_for_the_unit_and_is_told_quoting_the_line():
    title = parse_title([["QUẬN ĐỐNG ĐA - LIÊN ĐOÀN LAO ĐỘNG"], ["Năm: 2024"]])
    path = Path("DVK 2024 (1).xlsx")
    unit = resolve_unit(NONE, title, path, CODES, CODES, 2024, names=NAMES)
    assert unit == "Q-DD"
    assert code_note(NONE, title, unit, path, CODES, NAMES) == (
        "Tệp không ghi mã đơn vị; đã xác định đơn vị 'Q-DD' (Liên đoàn Lao động quận Đống Đa) "
        "theo dòng 'QUẬN ĐỐNG ĐA - LIÊN ĐOÀN LAO ĐỘNG' ở tiêu đề; đề nghị lần sau ghi 'Mã đơn "
        "vị: Q-DD' ở tiêu đề.")


def test_a_code_anywhere_decides_over_a_variant():
    title = parse_title([["CÔNG ĐOÀN Y TẾ HÀ NỘI"], ["Mã đơn vị: Q-DD"]])
    assert resolve_unit(NONE, title, Path("a.xlsx"), CODES, CODES, 2024, names=NAMES) == "Q-DD"
    named = parse_title([["CÔNG ĐOÀN Y TẾ HÀ NỘI"]])
    with pytest.raises(FileRejected) as caught:
        resolve_unit(pd.Series(["Q-DD", "Q-HM"]), named, Path("Q-HM_x.xlsx"), CODES, CODES,
                     2024, names=NAMES)
    assert "N-YT" not in str(caught.value)


NO_UNIT = ("Không xác định được đơn vị gửi: cần cột 'Mã đơn vị', dòng 'Mã đơn vị: …' ở tiêu đề, "
           "hoặc tên tệp bắt đầu bằng mã đơn vị (ví dụ Q-DD_dang-ky.xlsx)")


def _rejected(line: str) -> str:
    with pytest.raises(FileRejected) as caught:
        resolve_unit(NONE, parse_title([[line], ["Năm: 2024"]]), Path("DVK.xlsx"), CODES, CODES,
                     2024, names=NAMES)
    return str(caught.value)


def test_a_name_of_two_units_is_rejected_naming_them():
    assert _rejected("LĐLĐ HUYỆN TỪ LIÊM") == NO_UNIT + (
        "; dòng 'LĐLĐ HUYỆN TỪ LIÊM' ở tiêu đề có thể là tên của 2 đơn vị: Liên đoàn Lao động "
        "quận Bắc Từ Liêm (Q-BTL), Liên đoàn Lao động quận Nam Từ Liêm (Q-NTL).")


def test_a_line_that_seemed_to_name_a_unit_is_quoted():
    assert _rejected("CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS LÁNG THƯỢNG") == NO_UNIT + (
        "; dòng 'CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS LÁNG THƯỢNG' ở tiêu đề không phải tên một đơn vị "
        "trong danh mục năm 2024.")
    assert _rejected("DANH SÁCH ĐĂNG KÝ") == NO_UNIT + "."
