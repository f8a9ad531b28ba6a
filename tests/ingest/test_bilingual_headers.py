"""Headers in two languages (``Tên mô hình⏎Model name``, ``Model name / Tên mô hình``: forms of
the industrial zones' unions, fresh tester J's J024, J025) and a coded column's header listing
its values after a colon (``Lĩnh vực: KT, VHXH, ANQP, XDHTCT``, J094): before, the whole file
was rejected "Không tìm thấy dòng tiêu đề …". A cell stating one value (``Lĩnh vực: Kinh
tế``, ``Mã đơn vị: Q-LB``) and two columns' heads on two lines name no column
(``headers._in_parts``; ``docs/contracts.md``, "The header row").

An English row under the header (``No.`` | ``Model name`` | ``Field`` | …) was read as a
registration and rejected with four reasons, and ``Lĩnh vực/Field`` (a slash without spaces)
named no column, every row of the file losing its field (fresh tester Z's Z072;
``headers.english_header``, ``normalise._translated_header``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs, titled
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.headers import english_header, header_name
from thidua.ingest.normalise import _translated_header

ENGLISH = ["No.", "Model name", "Field", "Type", "Collective/Individual", "Position", "Level",
           "Grassroots union", "Period", "Result", "Note"]
ENGLISH_ROW = ["No.", "Model name", "Field", "Type", "Collective/Individual name", "Position",
               "Union level", "Grassroots union", "Period", "Result", "Note"]


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


@pytest.mark.parametrize("text, name", [
    ("No.", "stt"), ("no", "stt"), ("#", "stt"), ("Model name", "model"),
    ("MODEL NAME", "model"), ("Name of model", "model"), ("Field", "field"), ("Sector", "field"),
    ("Type", "type"), ("Collective / Individual", "type"),
    ("Collective/Individual name", "registrant"), ("Collective / Individual name", "registrant"),
    ("Full name", "registrant"), ("Position", "position"), ("Union level", "level"),
    ("Grassroots union", "grassroots_union"), ("Period", "period"), ("Time", "period"),
    ("Implementation period", "period"), ("Result", "result"), ("Results:", "result"),
    ("Note", "note"), ("Remarks", "note"), ("Unit code", "unit_code"),
    ("Kinh tế", None), ("Nguyễn Văn An", None), ("Model", "model"), ("", None), (None, None),
    (2024, None),
])
def test_an_english_header_names_its_column(text, name):
    assert english_header(text) == name


@pytest.mark.parametrize("text, name", [
    ("Lĩnh vực/Field", "field"), ("Field/Lĩnh vực", "field"), ("Kết quả/Result", "result"),
    ("Hình thức/Type", "type"), ("Tên mô hình/Model name", "model"),
    ("Ghi chú/Notes", "note"), ("Lĩnh vực / Field", "field"),
    # a slash without English beside is no bilingual header
    ("Lĩnh vực/Kinh tế", None), ("Kết quả/Tiêu biểu", None),
    # what already named its column whole keeps it
    ("Tên tập thể/cá nhân", "registrant"), ("Tập thể/Cá nhân", "type"),
])
def test_a_bilingual_header_with_a_bare_slash_names_its_column(text, name):
    assert header_name(text) == name


@pytest.mark.parametrize("texts, translated", [
    (ENGLISH_ROW, True),
    (["No.", "Model name", "Field"], True),                  # three are enough
    (["(1)", "Model name", "Field", "Type"], False),          # a column number is no header
    (["STT", "Model name", "Lĩnh vực"], True),                # Vietnamese ones among them
    (["STT", "Tên mô hình", "Lĩnh vực"], False),              # no English: the W208 rule's
    (["Model name", "Field"], False),                         # two are too few
    (["Note", "Remarks", "Comments"], True),
    (["Field", "Kinh tế", "Type"], False),                    # a value among them
    (["1", "Bữa cơm Công đoàn", "Kinh tế", "Tập thể"], False),
])
def test_a_row_of_english_headers_is_the_header_s_translation(texts, translated):
    assert _translated_header(texts) is translated


def _counts(result) -> tuple[int, int, int]:
    (sheet,) = result.sheets
    return sheet["valid"], sheet["rejected"], sheet["ignored"]


def _ingest(tmp_path, context, rows, header=HEADER):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [titled("Q-DD", rows, header=header)])
    return ingest_file(input_file(path), context)


def test_an_english_row_under_the_header_is_ignored(tmp_path, context):
    result = _ingest(tmp_path, context, [ENGLISH_ROW, *regs(8)])
    assert _counts(result) == (8, 0, 1)
    assert result.registrations["registrant"].notna().all()


def test_an_english_row_ignored_without_stt_numbers(tmp_path, context):
    """No STT numbers: the W208 rule (header words above the last numbered registration)
    cannot see it; the English row is the header's wherever it stands."""
    rows = [[None, *r[1:]] for r in regs(6)]
    result = _ingest(tmp_path, context, [ENGLISH_ROW, *rows])
    assert _counts(result) == (6, 0, 1)


def test_a_header_of_bilingual_cells_with_bare_slashes_reads(tmp_path, context):
    header = ["STT/No.", "Tên mô hình/Model name", "Lĩnh vực/Field", "Hình thức/Type",
              "Tên tập thể/cá nhân", "Chức vụ/Position", "Cấp công đoàn/Union level",
              "Công đoàn cơ sở/Grassroots union", "Thời gian thực hiện/Period",
              "Kết quả/Result", "Ghi chú/Note"]
    result = _ingest(tmp_path, context, regs(8), header=header)
    assert _counts(result) == (8, 0, 0)
    assert sorted(result.registrations["field"].unique()) == ["ANQP", "KT", "VHXH", "XDHTCT"]
