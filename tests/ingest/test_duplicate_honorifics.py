"""One person registered twice, once with a form of address (``Ông Nguyễn Văn An``, ``Đ/c
Nguyễn Văn An``) and once without, is one registration: the later row is a duplicate
(``spec/submission-form.md``, "Errors"; the eighth tester's F5; ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.duplicates import duplicate_key
from thidua.ingest.files import ingest_file


@pytest.mark.parametrize("name, key", [
    ("Ông Nguyễn Văn An", "nguyen van an"), ("Đ/c Nguyễn Văn An", "nguyen van an"),
    ("đ/c. Nguyễn Văn An", "nguyen van an"), ("ĐỒNG CHÍ NGUYỄN VĂN AN", "nguyen van an"),
    ("Bà Lê Thị Hoa", "le thi hoa"), ("Chị Lê Thị Hoa", "le thi hoa"), ("Thầy Minh", "minh"),
    ("Bà mẹ Việt Nam anh hùng", "ba me viet nam anh hung"), ("Chị em phụ nữ", "chi em phu nu"),
    ("Công đoàn cơ sở", "cdcs"), ("Anh", "anh"), (None, "")])
def test_a_form_of_address_before_a_name_is_no_part_of_it(name, key):
    assert duplicate_key(name) == key


def test_the_same_person_with_and_without_an_address_is_one_registration(tmp_path, context):
    rows = []
    for i, name in enumerate(["Ông Nguyễn Văn An", "Nguyễn Văn An", "Đ/c Nguyễn Văn An"]):
        rows.append(reg(1, stt=i + 1, registrant=name))  # an individual's registration
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 2)
    assert [e.split(":")[0] for e in result.rejections["error"]] == ["Trùng với dòng 4"] * 2
