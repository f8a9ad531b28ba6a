"""One individual's several models on consecutive numbered rows, ``Hình thức``, the name and
the position written on the first row only (fresh tester L's L026: the rows under were
rejected "Thiếu 'Hình thức' … Thiếu 'Tên tập thể/cá nhân'", 2 registrations lost): each row
is a registration of that person, told (:mod:`thidua.ingest.personmodels`). Where the rows
are not plainly that person's (under a collective, a numbering that restarts, a level, union,
position or type of their own, a blank row between) a blank name stays a missing name."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import read_form, row
from thidua.ingest.personmodels import person_models

UPPER = "Cấp trên trực tiếp cơ sở"


def person(stt=1, **over) -> list:
    """The individual's own row: a model, ``Cá nhân``, the name and the position."""
    cells = dict(model="Câu lạc bộ nữ công gia đình hạnh phúc", field="Kinh tế", type_="Cá nhân",
                 registrant="Đặng Quốc Bảo", position="Chủ tịch CĐCS", level=UPPER,
                 grassroots=None, stt=stt)
    return row(**{**cells, **over})


def model(stt: int, name: str, field: str, **over) -> list:
    """A row of a model and its field only, the person's cells left blank."""
    cells = dict(model=name, field=field, type_=None, registrant=None, position=None,
                 level=UPPER, grassroots=None, stt=stt)
    return row(**{**cells, **over})


SECOND = "Tuyên truyền pháp luật lao động qua mạng xã hội"
THIRD = "Mái ấm công đoàn cho đoàn viên khó khăn"
COLLECTIVE = dict(model="Sáng kiến cải tiến quy trình sản xuất", registrant="CĐCS Trường Tiểu học số 2",
                  level=UPPER, grassroots=None)


def test_a_person_s_numbered_models_under_the_first_are_that_person_s(tmp_path, context):
    rows = [person(), model(2, SECOND, "Văn hóa - xã hội"), model(3, THIRD, "An ninh - quốc phòng"),
            row(stt=4, **COLLECTIVE)]
    result = read_form(tmp_path, context, rows)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    frame = result.registrations
    assert frame.loc[[5, 6, 7], "registrant"].tolist() == ["Đặng Quốc Bảo"] * 3
    assert frame.loc[[5, 6, 7], "position"].tolist() == ["Chủ tịch CĐCS"] * 3
    assert frame.loc[[5, 6, 7], "type"].tolist() == ["individual"] * 3
    assert frame.loc[[5, 6, 7], "field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert frame.loc[[6, 7], "model"].tolist() == [SECOND, THIRD]
    assert frame.loc[8, "type"] == "collective"
    assert ("Các dòng có STT, tên mô hình và lĩnh vực riêng nhưng để trống hình thức, tên tập "
            "thể/cá nhân và chức vụ ngay dưới đăng ký của một cá nhân (hoặc của một tập thể, cùng "
            "lĩnh vực) đã được hiểu là mô hình khác của cùng cá nhân/tập thể đó, mỗi mô hình một "
            "đăng ký: dòng 6, 7 lấy theo dòng 5 (Đặng Quốc Bảo, Chủ tịch CĐCS). Nếu không phải "
            "vậy, đề nghị sửa lại; lần sau đề nghị ghi đủ hình thức, tên và chức vụ ở từng dòng."
            ) in result.readings


def test_two_people_each_with_their_models_and_the_same_union_written(tmp_path, context):
    union = dict(grassroots="CĐCS Công ty May 10")
    rows = [person(**union), model(2, SECOND, "Văn hóa - xã hội", **union),
            person(3, registrant="Lê Thị Hồng", position="Tổ trưởng tổ Công đoàn",
                   model="Đối thoại định kỳ tại nơi làm việc"),
            model(4, THIRD, "Xây dựng hệ thống chính trị")]
    result = read_form(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["registrant"].tolist() == ["Đặng Quốc Bảo"] * 2 + ["Lê Thị Hồng"] * 2
    assert any("dòng 6 lấy theo dòng 5 (Đặng Quốc Bảo, Chủ tịch CĐCS); dòng 8 lấy theo dòng 7 "
               "(Lê Thị Hồng, Tổ trưởng tổ Công đoàn)" in n for n in result.readings)


def test_a_collective_s_numbered_models_of_its_own_field_are_that_collective_s(tmp_path, context):
    rows = [row(stt=1, **COLLECTIVE), model(2, SECOND, "KT"), model(3, THIRD, "Kinh tế")]
    result = read_form(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    frame = result.registrations
    assert frame["registrant"].tolist() == ["CĐCS Trường Tiểu học số 2"] * 3
    assert frame["type"].tolist() == ["collective"] * 3
    assert frame["position"].isna().all() or (frame["position"].fillna("") == "").all()
    assert any("dòng 6, 7 lấy theo dòng 5 (CĐCS Trường Tiểu học số 2)" in n
               for n in result.readings)


MISSING = ["Hình thức", "Tên tập thể/cá nhân"]


@pytest.mark.parametrize("rows, missing", [
    # under a collective's row, another field: nothing says it is that union's
    ([row(stt=1, **COLLECTIVE), model(2, SECOND, "Văn hóa - xã hội")], MISSING),
    ([row(stt=1, **COLLECTIVE), model(2, SECOND, "Kinh tế", level="Cơ sở")], MISSING),
    # the numbering restarts or jumps: another list, not the person's next model
    ([person(3), model(1, SECOND, "Văn hóa - xã hội")], MISSING),
    ([person(1), model(3, SECOND, "Văn hóa - xã hội")], MISSING),
    # a level or a union of its own, other than the person's: another registrant
    ([person(), model(2, SECOND, "Văn hóa - xã hội", level="Cơ sở")], MISSING),
    ([person(), model(2, SECOND, "Văn hóa - xã hội", grassroots="CĐCS Công ty Xanh")], MISSING),
    # a position or a type of its own: a person or a collective whose name is missing
    ([person(), model(2, SECOND, "Văn hóa - xã hội", position="Kế toán")], MISSING),
    ([person(), model(2, SECOND, "Văn hóa - xã hội", type_="Tập thể")], ["Tên tập thể/cá nhân"]),
    # the person above is not whole (no position): nothing to take
    ([person(position=None), model(2, SECOND, "Văn hóa - xã hội")], MISSING),
])
def test_rows_not_plainly_the_person_s_keep_a_missing_name(tmp_path, context, rows, missing):
    result = read_form(tmp_path, context, rows)
    mine = result.rejections[result.rejections["row"] == 6]
    assert sorted(mine["column"]) == missing
    assert all(e.startswith("Thiếu") for e in mine["error"])
    assert not any("mô hình khác của cùng cá nhân" in n for n in result.readings)


def test_a_blank_row_between_ends_the_person_s_models(tmp_path, context):
    rows = [person(), [None] * 11, model(2, SECOND, "Văn hóa - xã hội")]
    result = read_form(tmp_path, context, rows)
    assert result.rejections[result.rejections["row"] == 7]["column"].tolist() == MISSING


def _frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["stt", "model", "field", "type", "registrant", "position", "level"]
    return pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows],
                        index=pd.RangeIndex(5, 5 + len(rows), name="row"), dtype=object)


ONE = {"stt": "1", "model": "Góc đọc", "field": "KT", "type": "Cá nhân", "registrant": "An",
       "position": "Kỹ sư", "level": "Cơ sở"}


@pytest.mark.parametrize("second, found", [
    ({"stt": "2", "model": "Tủ sách", "field": "VHXH", "level": "Cơ sở"}, {6: 5}),
    ({"stt": "2.", "model": "Tủ sách", "field": "VHXH", "level": "co so"}, {6: 5}),
    # nothing but its number, model and field: unfinished (a CSV cut short in it), asked
    ({"stt": "2", "model": "Tủ sách", "field": "VHXH"}, {}),
    ({"stt": "2", "model": "Tủ sách"}, {}),                      # no field of its own
    ({"stt": "2", "field": "VHXH"}, {}),                         # no model of its own
    ({"stt": "a", "model": "Tủ sách", "field": "VHXH"}, {}),      # no number
    ({"stt": "2", "model": "Tủ sách", "field": "VHXH", "registrant": "Bình"}, {}),
])
def test_which_rows_are_another_model_of_the_person_above(second, found):
    raw = _frame([ONE, second])
    assert person_models(raw, pd.Series("data", index=raw.index)) == found


def test_a_chain_takes_the_person_of_its_first_row_and_labels_are_matched_by_row():
    raw = _frame([ONE, {"stt": "2", "model": "Tủ sách", "field": "VHXH", "level": "Cơ sở"},
                  {"stt": "3", "model": "Mái ấm", "field": "ANQP", "level": "Cơ sở"}])
    assert person_models(raw, pd.Series("data", index=raw.index)) == {6: 5, 7: 5}
    assert person_models(raw, pd.Series(["data", "data", "subheading"], index=raw.index)) == {6: 5}
    assert person_models(raw, pd.Series(["data", "hidden", "data"], index=raw.index)) == {}
    assert person_models(raw.drop(columns="type"), pd.Series("data", index=raw.index)) == {}
    # the person's row hidden (or no registration): nothing to take; a type not read so
    assert person_models(raw, pd.Series(["hidden", "data", "data"], index=raw.index)) == {}
    unread = raw.copy()
    unread.loc[5, "type"] = "Khác"
    assert person_models(unread, pd.Series("data", index=raw.index)) == {}


def test_under_a_collective_only_a_row_of_its_field_and_the_collective_needs_no_position():
    union = {**ONE, "type": "Tập thể", "registrant": "CĐCS Công ty A", "position": ""}
    same = {"stt": "2", "model": "Tủ sách", "field": "Kinh tế", "level": "Cơ sở"}
    raw = _frame([union, same, {**same, "stt": "3", "model": "Mái ấm", "field": "VHXH"}])
    assert person_models(raw, pd.Series("data", index=raw.index)) == {6: 5}
    person = _frame([{**ONE, "position": ""}, same])  # an individual without a position
    assert person_models(person, pd.Series("data", index=person.index)) == {}
