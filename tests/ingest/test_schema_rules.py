"""Every rule of ``schemas/`` with a value just inside and one just outside (issue 14.2).

The registration schema (:func:`schemas.registration.registration_schema`) is checked on its
own, on normalised rows built here, and through :func:`thidua.ingest.validate.validate_rows` for
the Vietnamese message a unit reads; the registry schema
(:data:`schemas.registry.REGISTRY_SCHEMA`) through :func:`thidua.ingest.registry.load_registry`
and ``thidua registry check``. Sources: ``spec/submission-form.md`` (the header table,
"Errors"), ``spec/unit-registry.md``.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from schemas.form import COLUMNS, HEADER_TO_NAME, FormColumn
from schemas.registration import MODEL_MAX, MODEL_MIN, REGISTRANT_MAX, registration_schema
from schemas.registry import KINDS, REGISTRY_SCHEMA, periods_apart, periods_in_order
from thidua.ingest.normalise import normalise_rows
from thidua.ingest.registry import RegistryError, load_registry
from thidua.ingest.registry_check import check_registry
from thidua.ingest.validate import validate_rows
from thidua.text import match_key

# --- the registration schema, on its own ----------------------------------------------------

ROW = {"model": "Tủ sách Công đoàn", "field": "KT", "type": "individual",
       "registrant": "Nguyễn Thị Lan", "position": "Tổ trưởng", "level": "co_so",
       "result": "hoan_thanh", "period": "01/2024 - 12/2024",
       "period_start": pd.Timestamp(2024, 1, 1), "period_end": pd.Timestamp(2024, 12, 31)}


WIDE = ("position_given", "period_readable", "period_order", "period_in_year")


def failures(change: dict, year: int = 2024) -> set[tuple[str, str]]:
    """``(column, check)`` of every failure of one normalised row ``ROW | change``."""
    frame = pd.DataFrame([{**ROW, **change}], index=pd.Index([8], name="row"))
    for name in ("model", "field", "type", "registrant", "position", "level", "result", "period"):
        frame[name] = frame[name].astype("str")
    try:
        registration_schema(year).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases[exc.failure_cases["index"].notna()]
        # a dataframe-wide check fails on every column of the row: said once, as the schema's
        return {("registration" if k in WIDE else str(c), str(k))
                for c, k in cases[["column", "check"]].itertuples(index=False)}
    return set()


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


MODEL = ("model", f"str_length({MODEL_MIN}, {MODEL_MAX})")
REGISTRANT = ("registrant", f"str_length(1, {REGISTRANT_MAX})")
IN_YEAR = ("registration", "period_in_year")


@pytest.mark.parametrize("change, expected", [
    ({}, set()),
    # Tên mô hình: 5 to 500 characters
    ({"model": "x" * 4}, {MODEL}),
    ({"model": "x" * 5}, set()),
    ({"model": "x" * 500}, set()),
    ({"model": "x" * 501}, {MODEL}),
    ({"model": pd.NA}, {("model", "not_nullable")}),
    # Tên tập thể/cá nhân: 1 to 200 characters
    ({"registrant": "x"}, set()),
    ({"registrant": ""}, {REGISTRANT}),
    ({"registrant": "x" * 200}, set()),
    ({"registrant": "x" * 201}, {REGISTRANT}),
    ({"registrant": pd.NA}, {("registrant", "not_nullable")}),
    # the coded columns: exactly the form's codes, not their names
    *[({"field": code}, set()) for code in ("KT", "VHXH", "ANQP", "XDHTCT")],
    ({"field": "Kinh tế"}, {("field", "isin(['KT', 'VHXH', 'ANQP', 'XDHTCT'])")}),
    ({"field": "kt"}, {("field", "isin(['KT', 'VHXH', 'ANQP', 'XDHTCT'])")}),
    ({"type": "collective"}, set()),
    ({"type": "Tập thể"}, {("type", "isin(['collective', 'individual'])")}),
    *[({"level": code}, set()) for code in ("thanh_pho", "cap_tren_co_so", "co_so")],
    ({"level": "Cơ sở"}, {("level", "isin(['thanh_pho', 'cap_tren_co_so', 'co_so'])")}),
    *[({"result": code}, set())
      for code in ("chua_danh_gia", "hoan_thanh", "tieu_bieu", "khong_hoan_thanh")],
    ({"result": "Đạt"},
     {("result", "isin(['chua_danh_gia', 'hoan_thanh', 'tieu_bieu', 'khong_hoan_thanh'])")}),
    *[({name: pd.NA}, {(name, "not_nullable")}) for name in ("field", "type", "level", "result")],
    ({"position": pd.NA, "type": "collective", "period": pd.NA, "period_start": pd.NaT,
      "period_end": pd.NaT}, set()),
    # Chức vụ: required of an individual only
    ({"position": pd.NA}, {("registration", "position_given")}),
    ({"position": pd.NA, "type": "collective"}, set()),
    # Thời gian thực hiện: readable (a text without dates is not), or empty
    ({"period_start": pd.NaT, "period_end": pd.NaT}, {("registration", "period_readable")}),
    ({"period_end": pd.NaT}, {("registration", "period_readable")}),
    ({"period_start": pd.NaT}, {("registration", "period_readable")}),
    ({"period": pd.NA, "period_start": pd.NaT, "period_end": pd.NaT}, set()),
    # the end not before the start: the same day is a period
    ({"period_start": day("2024-03-15"), "period_end": day("2024-03-15")}, set()),
    ({"period_start": day("2024-03-15"), "period_end": day("2024-03-14")},
     {("registration", "period_order")}),
    # overlapping the report year by one day is enough
    ({"period_start": day("2023-12-01"), "period_end": day("2024-01-01")}, set()),
    ({"period_start": day("2023-12-01"), "period_end": day("2023-12-31")}, {IN_YEAR}),
    ({"period_start": day("2024-12-31"), "period_end": day("2025-01-31")}, set()),
    ({"period_start": day("2025-01-01"), "period_end": day("2025-01-31")}, {IN_YEAR}),
    ({"period_start": day("2020-01-01"), "period_end": day("2030-12-31")}, set()),
])
def test_each_rule_of_a_registration_just_inside_and_just_outside(change, expected):
    assert failures(change) == expected


def test_a_period_of_one_day_is_checked_against_the_year_too():
    assert failures({"period_start": day("2024-01-01"), "period_end": day("2024-01-01")}) == set()
    assert failures({"period_start": day("2023-12-31"), "period_end": day("2023-12-31")}) \
        == {IN_YEAR}


@pytest.mark.parametrize("column", ["model", "registrant", "field", "position"])
def test_a_text_column_holding_numbers_fails_its_type(column):
    """Every text column is checked as text (``str``), whatever its other checks."""
    frame = pd.DataFrame([ROW], index=pd.Index([8], name="row"))
    for name in ("model", "field", "type", "registrant", "position", "level", "result", "period"):
        frame[name] = frame[name].astype("str")
    frame[column] = 12345
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        registration_schema(2024).validate(frame, lazy=True)
    cases = caught.value.failure_cases
    assert [str(k).startswith("dtype(") for k in cases.loc[cases["column"] == column, "check"]
            ].count(True) == 1


@pytest.mark.parametrize("index, check", [
    (pd.Index([8], name="row"), None),
    (pd.Index([8], name="dong"), "field_name('row')"),
    (pd.Index([8]), "field_name('row')"),
    (pd.Index(["8"], name="row"), "dtype('int64')"),
])
def test_rows_are_known_by_their_excel_row_number(index, check):
    """The index is ``row`` (int64): the Excel row every message names."""
    frame = pd.DataFrame([ROW], index=index)
    for name in ("model", "field", "type", "registrant", "position", "level", "result", "period"):
        frame[name] = frame[name].astype("str")
    try:
        registration_schema(2024).validate(frame, lazy=True)
        found = None
    except pa.errors.SchemaErrors as exc:
        found = exc.failure_cases[["schema_context", "column", "check"]].values.tolist()
    assert found == (None if check is None else [["Index", "row", check]])


def test_period_dates_are_made_dates_whatever_they_came_as():
    frame = pd.DataFrame([ROW], index=pd.Index([8], name="row"))
    for name in ("model", "field", "type", "registrant", "position", "level", "result", "period"):
        frame[name] = frame[name].astype("str")
    frame["period_start"] = pd.Series(["2024-01-01"], index=frame.index, dtype=object)
    frame["period_end"] = pd.Series(["2024-12-31"], index=frame.index, dtype=object)
    out = registration_schema(2024).validate(frame)
    assert [out[c].dtype.kind for c in ("period_start", "period_end")] == ["M", "M"]
    assert (out.at[8, "period_start"], out.at[8, "period_end"]) == \
        (pd.Timestamp(2024, 1, 1), pd.Timestamp(2024, 12, 31))


def test_a_reversed_period_is_said_as_reversed_only_not_outside_the_year():
    # both ends in 2025, reversed: not also "outside the year" (one problem, one message)
    assert failures({"period_start": day("2025-03-15"), "period_end": day("2025-03-14")}) \
        == {("registration", "period_order")}


def test_the_report_year_decides_the_period_rule():
    period = {"period_start": day("2025-01-01"), "period_end": day("2025-01-31")}
    assert failures(period, year=2025) == set()
    assert failures(period, year=2026) == {IN_YEAR}


def test_the_schema_names_its_columns_as_the_form_does():
    schema = registration_schema(2024)
    assert schema.columns["model"].title == "Tên mô hình"
    assert schema.columns["model"].description == "tên mô hình, từ 5 đến 500 ký tự"
    assert schema.columns["registrant"].title == "Tên tập thể/cá nhân"
    assert schema.columns["position"].nullable and not schema.columns["model"].nullable
    assert schema.name == "registration" and not schema.strict
    assert [c.name for c in schema.checks] == ["position_given", "period_readable",
                                               "period_order", "period_in_year"]


# --- the same rules as a unit reads them ----------------------------------------------------

GOOD = {"model": "Tủ sách Công đoàn khu trọ", "field": "VHXH", "type": "Cá nhân",
        "registrant": "Nguyễn Thị Lan", "position": "Tổ trưởng công đoàn",
        "period": "01/2024 - 12/2024", "result": "Hoàn thành"}


def check(change: dict, year: int = 2024) -> list[str]:
    """The messages of one raw row ``GOOD | change`` (row 8 of ``Q-DD.xlsx``, sheet ``DS``)."""
    raw = pd.DataFrame.from_records([{**GOOD, **change}]).astype(object)
    raw.index = pd.RangeIndex(8, 9, name="row")
    valid, rejections = validate_rows(normalise_rows(raw), raw, year=year, file="Q-DD.xlsx",
                                      sheet="DS")
    assert len(valid) == (0 if len(rejections) else 1)
    return rejections["error"].tolist()


@pytest.mark.parametrize("change, expected", [
    ({"model": "x" * 4}, ["'Tên mô hình' có 4 ký tự: cần từ 5 đến 500 ký tự."]),
    ({"model": "x" * 5}, []),
    ({"model": "x" * 500}, []),
    ({"model": "x" * 501}, ["'Tên mô hình' có 501 ký tự: cần từ 5 đến 500 ký tự."]),
    ({"registrant": "x" * 200}, []),
    ({"registrant": "x" * 201}, ["'Tên tập thể/cá nhân' có 201 ký tự: cần tối đa 200 ký tự."]),
    ({"registrant": "A"}, []),  # one letter is a name; ``x`` says nothing (test_placeholder_words)
    ({"period": "01/12/2023 - 01/01/2024"}, []),
    ({"period": "01/12/2023 - 31/12/2023"},
     ["'Thời gian thực hiện' '01/12/2023 - 31/12/2023' không trùng với năm báo cáo 2024."]),
    ({"period": "31/12/2024 - 15/01/2025"}, []),
    ({"period": "01/01/2025 - 15/01/2025"},
     ["'Thời gian thực hiện' '01/01/2025 - 15/01/2025' không trùng với năm báo cáo 2024."]),
    ({"period": ""}, []),
    ({"period": "15/03/2024", "type": "Tập thể", "position": ""}, []),
    ({"period": "31/12/2023"},
     ["'Thời gian thực hiện' '31/12/2023' không trùng với năm báo cáo 2024."]),
    ({"type": "Tập thể", "position": ""}, []),
])
def test_each_rule_as_the_unit_reads_it(change, expected):
    assert check(change) == expected


@pytest.mark.parametrize("start, end, expected", [
    ("15/03/2024", "15/03/2024", []),
    ("15/03/2024", "14/03/2024",
     ["'Đến ngày' (14/03/2024) trước 'Từ ngày' (15/03/2024): thời gian kết thúc không được "
      "trước thời gian bắt đầu."]),
    ("01/12/2023", "01/01/2024", []),
    ("01/12/2023", "31/12/2023",
     ["'Thời gian thực hiện' ('Từ ngày' – 'Đến ngày') '01/12/2023 - 31/12/2023' không trùng "
      "với năm báo cáo 2024."]),
])
def test_a_period_in_two_columns_just_inside_and_just_outside(start, end, expected):
    change = {"period": None, "period_from": start, "period_to": end}
    raw = pd.DataFrame.from_records([{**GOOD, **change}]).astype(object).drop(columns="period")
    raw.index = pd.RangeIndex(8, 9, name="row")
    valid, rejections = validate_rows(normalise_rows(raw), raw, year=2024, file="Q-DD.xlsx",
                                      sheet="DS")
    assert rejections["error"].tolist() == expected
    assert len(valid) == (0 if expected else 1)


# --- the form's columns -----------------------------------------------------------------------


def test_a_column_is_known_by_its_header_and_each_alias_as_match_keys():
    column = FormColumn("x", "Tên mô hình", True, "…", ("Mô hình đăng ký", "Tên MH"))
    assert column.keys() == {"ten mo hinh", "mo hinh dang ky", "ten mh"}
    assert FormColumn("y", "Ghi chú", False, "…").keys() == {"ghi chu"}


def test_every_header_spelling_of_the_form_leads_to_its_column():
    for column in COLUMNS:
        for spelling in (column.header, *column.aliases):
            assert HEADER_TO_NAME[match_key(spelling)] == column.name, spelling


# --- the registry schema ----------------------------------------------------------------------

HEAD = "code,name,level,kind,valid_from,valid_to,successors,members,grassroots_unions\n"
UNIT = dict(code="Q-DD", name="LĐLĐ quận Đống Đa", level="cap_tren_co_so", kind="quan_huyen",
            valid_from="1990-01-01", valid_to="", successors="", members="100",
            grassroots_unions="10")


def registry_text(*rows: dict) -> str:
    return HEAD + "".join(",".join({**UNIT, **r}[k] for k in UNIT) + "\n" for r in rows)


def load(tmp_path, *rows: dict) -> pd.DataFrame:
    path = tmp_path / "units.csv"
    path.write_text(registry_text(*rows), encoding="utf-8")
    return load_registry(path)


def refused(tmp_path, *rows: dict) -> str:
    with pytest.raises(RegistryError) as caught:
        load(tmp_path, *rows)
    return str(caught.value).split(" không hợp lệ: ", 1)[1]


@pytest.mark.parametrize("change", [
    {"code": "Q-DD"}, {"code": "CDN-GD2"}, {"code": "9"},
    {"name": "X"},
    {"level": "thanh_pho"},
    *[{"kind": kind} for kind in KINDS],
    {"members": "0", "grassroots_unions": "0"},
    {"valid_to": "1990-01-01"},  # a unit of one day: its end is its start
])
def test_a_registry_row_just_inside_every_rule_loads(tmp_path, change):
    registry = load(tmp_path, change)
    assert registry[list(change)].astype(str).iloc[0].to_dict() == change


@pytest.mark.parametrize("change, said", [
    ({"code": "q-DD"}, "dòng 2, cột 'code' = 'q-DD': cần mã đơn vị: chữ in hoa không dấu, chữ số, '-'"),
    ({"code": "Q_DD"}, "dòng 2, cột 'code' = 'Q_DD': cần mã đơn vị: chữ in hoa không dấu, chữ số, '-'"),
    ({"code": "Q DD"}, "dòng 2, cột 'code' = 'Q DD': cần mã đơn vị: chữ in hoa không dấu, chữ số, '-'"),
    ({"code": "Q-Đ"}, "dòng 2, cột 'code' = 'Q-Đ': cần mã đơn vị: chữ in hoa không dấu, chữ số, '-'"),
    ({"name": ""}, "dòng 2, cột 'name' để trống"),
    ({"level": "co_so"}, "dòng 2, cột 'level' = 'co_so': cần thanh_pho hoặc cap_tren_co_so"),
    ({"kind": "huyen"}, "dòng 2, cột 'kind' = 'huyen': cần loại đơn vị, một trong: quan_huyen, "
                        "nganh, khu_cong_nghiep, vien_chuc, co_quan, xa_phuong, tong_cong_ty, other"),
    ({"members": "-1"}, "dòng 2, cột 'members' = '-1': cần số đoàn viên"),
    ({"grassroots_unions": "-1"}, "dòng 2, cột 'grassroots_unions' = '-1': cần số công đoàn cơ sở"),
    ({"valid_to": "1989-12-31"},
     "dòng 2, mã 'Q-DD': valid_to 1989-12-31 trước valid_from 1990-01-01"),
])
def test_a_registry_row_just_outside_each_rule_is_refused_naming_line_column_and_rule(
        tmp_path, change, said):
    assert refused(tmp_path, change) == said


def test_periods_of_one_code_may_touch_but_not_share_a_day(tmp_path):
    first = {"valid_to": "2024-12-31"}
    assert len(load(tmp_path, first, {"valid_from": "2025-01-01"})) == 2
    assert refused(tmp_path, first, {"valid_from": "2024-12-31"}) == (
        "dòng 2, mã 'Q-DD' có hai thời kỳ hoạt động chồng lên nhau (mỗi ngày một đơn vị chỉ có "
        "một dòng); dòng 3, mã 'Q-DD' có hai thời kỳ hoạt động chồng lên nhau (mỗi ngày một đơn "
        "vị chỉ có một dòng)")


def test_two_rows_of_one_code_and_start_are_said_once_as_such(tmp_path):
    assert refused(tmp_path, {"valid_to": "2024-12-31"}, {}) == (
        "mã 'Q-DD' có hai dòng cùng ngày bắt đầu (mỗi đơn vị một dòng cho mỗi thời kỳ)")


def test_other_codes_never_overlap_a_unit(tmp_path):
    assert len(load(tmp_path, {}, {"code": "Q-BD"}, {"code": "Q-CG", "valid_to": "2024-12-31",
                                                      "successors": "Q-BD"})) == 3


def test_period_rules_per_row():
    frame = pd.DataFrame({
        "code": ["A", "A", "A", "B", "B"],
        "valid_from": pd.to_datetime(["2020-01-01", "2022-01-01", "2022-06-01", "2020-01-01",
                                      "2020-01-01"]),
        "valid_to": pd.to_datetime(["2021-12-31", "2022-05-31", None, "2019-12-31", None]),
    })
    assert periods_in_order(frame).tolist() == [True, True, True, False, True]
    # A's three periods touch (no shared day); B's two share their start: left to uniqueness
    assert periods_apart(frame).tolist() == [True, True, True, True, True]
    frame.loc[1, "valid_to"] = pd.Timestamp("2022-06-01")  # shares 01/06/2022 with the third
    assert periods_apart(frame).tolist() == [True, False, False, True, True]
    frame.loc[0, "valid_to"] = pd.Timestamp("2022-01-01")  # and 01/01/2022 with the second
    assert periods_apart(frame).tolist() == [False, False, False, True, True]
    frame.loc[2, "valid_from"] = pd.Timestamp("2019-01-01")  # open-ended: covers all of A
    assert periods_apart(frame).tolist() == [False, False, False, True, True]


def test_a_row_without_code_keeps_its_place_and_is_left_to_the_code_rule(tmp_path):
    frame = pd.DataFrame({"code": ["A", None, "A"],
                          "valid_from": pd.to_datetime(["2020-01-01", "2020-01-01", "2021-01-01"]),
                          "valid_to": pd.to_datetime(["2020-12-31", None, None])},
                         index=[4, 7, 9])
    got = periods_apart(frame)
    assert got.index.tolist() == [4, 7, 9] and got.tolist() == [True, True, True]
    frame.loc[4, "valid_to"] = pd.Timestamp("2021-01-01")
    assert periods_apart(frame).tolist() == [False, True, False]
    assert refused(tmp_path, {"code": ""}) == "dòng 2, cột 'code' để trống"


def test_an_open_period_overlaps_every_later_one():
    frame = pd.DataFrame({"code": ["A", "A"],
                          "valid_from": pd.to_datetime(["2020-01-01", "2030-01-01"]),
                          "valid_to": pd.to_datetime([None, None])})
    assert periods_apart(frame).tolist() == [False, False]
    frame["valid_to"] = pd.to_datetime(["2029-12-31", None])
    assert periods_apart(frame).tolist() == [True, True]


def test_the_registry_check_says_the_same_cells_on_their_lines(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(registry_text({"code": "Q_DD", "members": "-1"},
                                  {"code": "Q-BD", "level": "co_so", "grassroots_unions": "0"}),
                    encoding="utf-8")
    assert [(p.rule, p.line, p.column, p.message) for p in check_registry(path)] == [
        ("cell", 2, "code", "'Q_DD' không hợp lệ; cần mã đơn vị: chữ in hoa không dấu, chữ số, '-'"),
        ("cell", 2, "members", "'-1' không hợp lệ; cần số đoàn viên"),
        ("cell", 3, "level", "'co_so' không hợp lệ; cần thanh_pho hoặc cap_tren_co_so"),
    ]
    assert list(REGISTRY_SCHEMA.columns) == ["code", "name", "level", "kind", "valid_from",
                                             "valid_to", "successors", "members",
                                             "grassroots_unions"]
