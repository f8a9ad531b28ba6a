"""One sheet per field AND type, named after both (``KT - Tập thể``, ``KT - Cá nhân``,
``TT-KT``, ``CN-KT``, ``Tập thể KT``), without a ``Lĩnh vực`` column (and without a ``Hình thức``
column or with one): each sheet's rows take the field and the type its name gives, told. Before,
the whole file was rejected "không có cột nào đọc được là 'Lĩnh vực'" (fresh tester L's L083,
L158, L159; ``sections._field_and_type``; ``docs/contracts.md``, "Several data sheets")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sections import sheet_field, sheet_type


@pytest.mark.parametrize("name, field, kind", [
    ("KT - Tập thể", "Kinh tế", "Tập thể"), ("KT - Cá nhân", "Kinh tế", "Cá nhân"),
    ("TT-KT", "Kinh tế", "Tập thể"), ("CN-VHXH", "Văn hóa - xã hội", "Cá nhân"),
    ("Tập thể KT", "Kinh tế", "Tập thể"), ("CN_XDHTCT", "Xây dựng hệ thống chính trị", "Cá nhân"),
    ("Văn hóa - xã hội - Tập thể", "Văn hóa - xã hội", "Tập thể"),
    ("ANQP - CN", "An ninh - quốc phòng", "Cá nhân"),
    # look-alikes read as before: a field alone, a type alone, neither
    ("VH-XH", "Văn hóa - xã hội", ""), ("KT (3)", "Kinh tế", ""), ("LV Kinh tế", "Kinh tế", ""),
    ("An ninh - quốc phòng", "An ninh - quốc phòng", ""), ("DS Cá nhân", "", "Cá nhân"),
    ("TT", "", "Tập thể"), ("Kinh tế - xã hội", "", ""), ("Sheet1", ""  , ""), ("Năm 2023", "", ""),
])
def test_a_sheet_s_name_gives_its_field_and_its_type(name, field, kind):
    assert (sheet_field(name), sheet_type(name)) == (field, kind)


def _sheet(name: str, rows: list[list], *, first: bool, keep_type: bool) -> Sheet:
    drop = {HEADER.index("Lĩnh vực")} | (set() if keep_type else {HEADER.index("Hình thức")})

    def cut(row: list) -> list:
        return [v for i, v in enumerate(row) if i not in drop]
    return Sheet(name, ([["Mã đơn vị: Q-CG"], ["Năm: 2024"]] if first else [])
                 + [cut(HEADER), *map(cut, rows)])


@pytest.mark.parametrize("names", [("KT - Tập thể", "KT - Cá nhân", "VHXH - Tập thể"),
                                   ("TT-KT", "CN-KT", "TT-VHXH")])
@pytest.mark.parametrize("keep_type", [False, True])
def test_a_workbook_of_one_sheet_per_field_and_type_counts_every_row(tmp_path, context, names,
                                                                     keep_type):
    collectives = [reg(i) for i in (0, 2)]
    individuals = [reg(i) for i in (1, 3)]
    sheets = [_sheet(names[0], collectives, first=True, keep_type=keep_type),
              _sheet(names[1], individuals, first=False, keep_type=keep_type),
              _sheet(names[2], collectives, first=False, keep_type=keep_type)]
    path = tmp_path / "Q-CG_dk.xlsx"
    write_xlsx(path, sheets)
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 6, 0)
    got = result.registrations.groupby(["field", "type"]).size().to_dict()
    assert got == {("KT", "collective"): 2, ("KT", "individual"): 2,
                   ("VHXH", "collective"): 2}
    assert any(f"Trang '{names[1]}' không có cột 'Lĩnh vực': các dòng đăng ký của trang đã lấy "
               f"lĩnh vực 'Kinh tế' theo tên trang." in n for n in result.readings)
