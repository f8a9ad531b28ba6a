"""Headers in two languages (``Tên mô hình⏎Model name``, ``Model name / Tên mô hình``: forms of
the industrial zones' unions, fresh tester J's J024, J025) and a coded column's header listing
its values after a colon (``Lĩnh vực: KT, VHXH, ANQP, XDHTCT``, J094): before, the whole file
was rejected "Không tìm thấy dòng tiêu đề …". A cell stating one value (``Lĩnh vực: Kinh
tế``, ``Mã đơn vị: Q-LB``) and two columns' heads on two lines name no column
(``headers._in_parts``; ``docs/contracts.md``, "The header row")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.headers import header_name

ENGLISH = ["No.", "Model name", "Field", "Type", "Collective/Individual", "Position", "Level",
           "Grassroots union", "Period", "Result", "Note"]


@pytest.mark.parametrize("text, name", [
    ("Tên mô hình\nModel name", "model"), ("Model name / Tên mô hình", "model"),
    ("STT\nNo.", "stt"), ("Name / Tên tập thể/cá nhân", "registrant"),
    ("Tên tập thể/cá nhân\r\nCollective/Individual", "registrant"),
    ("Period / Thời gian thực hiện", "period"), ("Lĩnh vực: KT, VHXH, ANQP, XDHTCT", "field"),
    ("Kết quả: Tiêu biểu; Hoàn thành", "result"), ("Hình thức: Tập thể/Cá nhân", "type"),
    ("Lĩnh vực: Kinh tế", None), ("Mã đơn vị: Q-LB", None), ("Tên mô hình\nLĩnh vực", None),
    ("Ghi chú: xem trang 2, 3", None), ("Model name", None), ("Field", None),
    ("Collective/Individual", None), ("Năm: 2024", None)])
def test_a_header_naming_its_column_in_one_part(text, name):
    assert header_name(text) == name


@pytest.mark.parametrize("bilingual", [
    lambda vi, en: f"{vi}\n{en}", lambda vi, en: f"{en} / {vi}"])
def test_a_bilingual_header_row_is_the_form_s(tmp_path, context, bilingual):
    path = tmp_path / "KCN_dk.xlsx"
    header = [bilingual(vi, en) for vi, en in zip(HEADER, ENGLISH)]
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: KCN"], ["Năm: 2024"], header, *regs(4)])])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 4, 0)
    assert result.registrations["position"].tolist()[1::2] == ["Tổ trưởng tổ Công đoàn", "Công nhân"]


def test_a_field_header_listing_the_fields_is_the_field(tmp_path, context):
    path = tmp_path / "Q-CG_dk.xlsx"
    header = [*HEADER[:2], "Lĩnh vực: KT, VHXH, ANQP, XDHTCT", *HEADER[3:]]
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-CG"], ["Năm: 2024"], header, *regs(4)])])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"]) == (USED, 4)
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]
