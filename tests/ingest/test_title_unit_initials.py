"""A unit named in its title with the federation's short form written otherwise (``L.Đ.L.Đ``,
``LĐ-LĐ``, ``Liên đoàn LĐ``) or its place by initials after a kind of place (``LĐLĐ Q.HBT``,
``LĐLĐ QUẬN T.XUÂN``): read, told; initials of two units or more name none, the rejection
naming them (fresh tester J's J121: rejected "Không xác định được đơn vị gửi";
``thidua.ingest.unitnames.unit_by_variant``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from thidua.ingest.identify import code_note, parse_title, resolve_unit
from thidua.ingest.read import FileRejected
from thidua.ingest.unitnames import unit_by_variant

NAMES = {"Q-DD": "Liên đoàn Lao động quận Đống Đa", "Q-BD": "Liên đoàn Lao động quận Ba Đình",
         "Q-HK": "Liên đoàn Lao động quận Hoàn Kiếm", "Q-TX": "Liên đoàn Lao động quận Thanh Xuân",
         "Q-HBT": "Liên đoàn Lao động quận Hai Bà Trưng",
         "Q-NTL": "Liên đoàn Lao động quận Nam Từ Liêm",
         "Q-BTL": "Liên đoàn Lao động quận Bắc Từ Liêm",
         "Q-HD": "Liên đoàn Lao động quận Hà Đông", "H-HD": "Liên đoàn Lao động huyện Hoài Đức",
         "H-TT": "Liên đoàn Lao động huyện Thanh Trì",
         "H-TTH": "Liên đoàn Lao động huyện Thạch Thất",
         "H-THT": "Liên đoàn Lao động huyện Thường Tín",
         "H-DA": "Liên đoàn Lao động huyện Đông Anh", "Q-CG": "Liên đoàn Lao động quận Cầu Giấy",
         "N-YT": "Công đoàn ngành Y tế Hà Nội"}
CODES = set(NAMES)
NONE = pd.Series(dtype="object")


@pytest.mark.parametrize("line, code", [
    ("L.Đ.L.Đ QUẬN ĐỐNG ĐA", "Q-DD"), ("LĐ-LĐ QUẬN BA ĐÌNH", "Q-BD"),
    ("Liên đoàn LĐ quận Hoàn Kiếm", "Q-HK"), ("LĐLĐ QUẬN T.XUÂN", "Q-TX"),
    ("LĐLĐ Q.HBT", "Q-HBT"), ("LĐLĐ Q.NTL", "Q-NTL"), ("LĐLĐ Q.BTL", "Q-BTL"),
    ("LĐLĐ Q.T.XUÂN", "Q-TX"), ("LĐLĐ Q.ĐĐ", "Q-DD"),
    ("LĐLĐ Q.HĐ", "Q-HD"), ("LĐLĐ H.HĐ", "H-HD"),  # the kind written tells them apart
    ("LĐLĐ Q CẦU GIẤY", "Q-CG"), ("LĐLĐ H.ĐÔNG ANH", "H-DA"),  # read before, still
])
def test_the_line_names_the_unit(line, code):
    assert unit_by_variant(("DANH SÁCH ĐĂNG KÝ", line), NAMES) == (code, line, ())


@pytest.mark.parametrize("line", [
    "LĐLĐ HBT",              # initials without a kind of place: no guess
    "LĐLĐ QUẬN HBTX",        # initials of no unit
    "LĐLĐ QUẬN HAI BÀ",      # a word short, no initial
    "LĐLĐ QUẬN THA XUÂN",    # a word cut short is no initial
    "CÔNG ĐOÀN Q.YT",        # a branch's initials are no district's
    "LĐLĐ QUẬN ĐÔNGĐA KIẾM",
])
def test_look_alikes_name_no_unit(line):
    assert unit_by_variant((line,), NAMES)[0] is None


def test_initials_of_several_units_are_rejected_naming_them():
    assert unit_by_variant(("LĐLĐ H.TT",), NAMES) == (None, "LĐLĐ H.TT",
                                                      ("H-THT", "H-TT", "H-TTH"))
    with pytest.raises(FileRejected) as caught:
        resolve_unit(NONE, parse_title([["LĐLĐ H.TT"], ["Năm: 2024"]]), Path("DVK.xlsx"), CODES,
                     CODES, 2024, names=NAMES)
    assert str(caught.value).endswith(
        "; dòng 'LĐLĐ H.TT' ở tiêu đề có thể là tên của 3 đơn vị: Liên đoàn Lao động huyện "
        "Thường Tín (H-THT), Liên đoàn Lao động huyện Thanh Trì (H-TT), Liên đoàn Lao động "
        "huyện Thạch Thất (H-TTH).")


def test_the_file_counts_for_the_unit_and_is_told_quoting_the_line():
    title = parse_title([["LĐLĐ Q.HBT"], ["Năm: 2024"]])
    path = Path("DVK 2024 (6).xlsx")
    unit = resolve_unit(NONE, title, path, CODES, CODES, 2024, names=NAMES)
    assert unit == "Q-HBT"
    assert code_note(NONE, title, unit, path, CODES, NAMES) == (
        "Tệp không ghi mã đơn vị; đã xác định đơn vị 'Q-HBT' (Liên đoàn Lao động quận Hai Bà "
        "Trưng) theo dòng 'LĐLĐ Q.HBT' ở tiêu đề; đề nghị lần sau ghi 'Mã đơn vị: Q-HBT' ở tiêu "
        "đề.")
