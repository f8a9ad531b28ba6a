"""A coded cell written as ticked boxes (a form copied from Word: ``☑ Tập thể ☐ Cá nhân``,
``[x] Tập thể [ ] Cá nhân``): the one ticked option is the value, told (fresh tester G's 1018:
every row was rejected asking ``có phải là 'Tập thể' hay 'Cá nhân'?``). No box ticked or two:
still asked. ``thidua.ingest.ballot``, read by ``thidua.ingest.values.read_value``."""

from __future__ import annotations

import pytest

from helpers import input_file, row, write_xlsx
from thidua.ingest.ballot import ballot_choice
from thidua.ingest.files import ingest_file
from thidua.ingest.values import AMBIGUOUS, INTERPRETED, Reading, read_value


@pytest.mark.parametrize("column, text, code", [
    ("type", "☑ Tập thể   ☐ Cá nhân", "collective"),
    ("type", "☐ Tập thể   ☒ Cá nhân", "individual"),
    ("type", "[x] Tập thể [ ] Cá nhân", "collective"),
    ("type", "[ ] Tập thể [X] Cá nhân", "individual"),
    ("type", "✔ TT ☐ CN", "collective"),
    ("type", "☐ Tập thể / ✓ Cá nhân", "individual"),
    ("type", "Tập thể ☐ Cá nhân ☑", "individual"),  # boxes after their options
    ("field", "☐ Kinh tế ■ Văn hóa - xã hội □ An ninh - quốc phòng □ Xây dựng HTCT", "VHXH"),
    ("level", "□ Thành phố □ Cấp trên cơ sở ■ Cơ sở", "co_so"),
    ("result", "☐ Hoàn thành ☒ Tiêu biểu", "tieu_bieu"),
])
def test_the_one_ticked_option_is_the_value_told(column, text, code):
    assert read_value(column, text) == Reading(code, INTERPRETED)


@pytest.mark.parametrize("text", ["☐ Tập thể ☐ Cá nhân", "☑ Tập thể ☒ Cá nhân",
                                  "[ ] Tập thể [ ] Cá nhân"])
def test_no_box_ticked_or_two_is_still_asked(text):
    assert read_value("type", text) == Reading(None, AMBIGUOUS, ("collective", "individual"))


@pytest.mark.parametrize("text", ["Tập thể", "☑ Tập thể", "Kinh tế [x]", "☑ Tập thể ghi ☐",
                                  "Nhóm ☑ Tập thể ☐ Cá nhân"])
def test_a_cell_of_fewer_than_two_boxed_options_is_no_ballot(text):
    assert ballot_choice(text) is None


def test_a_file_of_ballot_types_counts_every_row_and_tells_the_unit(tmp_path, context):
    rows = [row(model=f"Mô hình thử nghiệm số {i}", type_=t, stt=i,
                registrant="CĐCS A" if i % 2 else "Nguyễn Văn An",
                position=None if i % 2 else "Chủ tịch CĐCS")
            for i, t in enumerate(["☑ Tập thể   ☐ Cá nhân", "☐ Tập thể   ☒ Cá nhân",
                                   "☑ Tập thể   ☐ Cá nhân", "☐ Tập thể ☐ Cá nhân"], start=1)]
    result = ingest_file(input_file(write_xlsx(tmp_path / "Q-LB_dvk.xlsx", rows)), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual", "collective"]
    assert result.rejections[["row", "error"]].values.tolist() == [
        [5, "'☐ Tập thể ☐ Cá nhân' ở cột 'Hình thức' chưa rõ: có phải là 'Tập thể' hay 'Cá "
            "nhân'? Đề nghị ghi rõ Tập thể (TT) hoặc Cá nhân (CN)."]]
    assert ("Cột 'Hình thức': '☑ Tập thể ☐ Cá nhân' (dòng 2, 4) đã hiểu là 'Tập thể'; nếu "
            "không đúng, đề nghị sửa lại và gửi lại.") in result.notes


@pytest.mark.parametrize("text", ["☐ Hoàn thành ☐ Tiêu biểu", "[ ] Hoàn thành [ ] Tiêu biểu",
                                  "□ Hoàn thành □ Tiêu biểu"])
def test_a_result_with_no_box_ticked_is_not_assessed(tmp_path, context, text):
    # fresh tester H's H36: read as ``Tiêu biểu`` (the words of both options), every row in
    # the exemplary appendix; nothing ticked is nothing said: ``Chưa đánh giá``
    assert ballot_choice(text) == ""
    rows = [row(model=f"Mô hình thử nghiệm số {i}", stt=i, result=text) for i in (1, 2)]
    rows.append(row(model="Mô hình thử nghiệm số 3", stt=3, result="☐ Hoàn thành ☑ Tiêu biểu"))
    result = ingest_file(input_file(write_xlsx(tmp_path / "Q-LB_dvk.xlsx", rows)), context)
    assert result.registrations["result"].tolist() == ["chua_danh_gia"] * 2 + ["tieu_bieu"]


# --- in this process, word for word (mutation round of 01/12) --------------------------------
@pytest.mark.parametrize("text, chosen", [
    ("☑ Tập thể, ☐ Cá nhân", "Tập thể"),             # the joiners around an option go
    ("- ☑ Tập thể ☐ Cá nhân", "Tập thể"),            # a dash before the first box
    ("Tập thể ☑ Cá nhân ☐ ;", "Tập thể"),            # boxes after, a joiner at the end
    ("☐ Tập thể / ☒ Cá nhân", "Cá nhân"),
])
def test_the_ticked_option_s_text_exactly(text, chosen):
    assert ballot_choice(text) == chosen


def test_a_ballot_longer_than_a_cell_of_options_is_none():
    from thidua.ingest.ballot import LONGEST_BALLOT
    text = "☑ Tập thể ☐ Cá nhân "
    long = text + "x" * (LONGEST_BALLOT - len(text))
    assert len(long) == LONGEST_BALLOT and ballot_choice(long) == "Tập thể"
    assert ballot_choice(long + "x") is None
