"""Every count of :mod:`thidua.report.aggregate` and :mod:`thidua.report.figures` on a small
table written by hand, with each expected value written out (issue 14.5: these kill the
mutants that the sample's totals alone would let through, e.g. collective and individual
swapped in one field, a category dropped, a registry order lost)."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.report import aggregate

#: unit, field, type, level, result, model, registrant, position
ROWS = [
    ("Q-BD", "KT", "collective", "co_so", "tieu_bieu", "Chợ văn minh", "CĐ chợ", ""),
    ("Q-BD", "KT", "individual", "co_so", "hoan_thanh", "Sổ tay", "Nguyễn An", "Tổ trưởng"),
    ("Q-BD", "KT", "individual", "co_so", "tieu_bieu", "Bữa cơm", "Lê Bình", "Đoàn viên"),
    ("Q-BD", "VHXH", "individual", "cap_tren_co_so", "chua_danh_gia", "Thư viện", "Trần Cúc", ""),
    ("Q-DD", "ANQP", "collective", "thanh_pho", "khong_hoan_thanh", "Tổ an ninh", "CĐ phường", ""),
    ("Q-DD", "XDHTCT", "individual", "co_so", "tieu_bieu", "Ánh sáng", "Phạm Dũng", "Chủ tịch"),
    ("Q-DD", "KT", "individual", "co_so", "hoan_thanh", "Vườn rau", "Đỗ Em", ""),
]
COLUMNS = ["unit", "field", "type", "level", "result", "model", "registrant", "position"]


@pytest.fixture
def registrations() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=COLUMNS).astype("str")


@pytest.fixture
def expected() -> pd.DataFrame:
    """Registry order: Q-DD before Q-BD, and a unit that sent nothing (H-MD)."""
    return pd.DataFrame({"code": ["Q-DD", "Q-BD", "H-MD"], "name": ["Đống Đa", "Ba Đình", "Mỹ Đức"]})


def _table(frame: pd.DataFrame) -> dict:
    return {index: list(map(int, row)) for index, row in zip(frame.index, frame.to_numpy())}


def test_counts_by_field_level_and_result_in_the_report_order(registrations):
    by_field = aggregate.count_by_field(registrations)
    assert list(by_field.columns) == ["collective", "individual", "total"]
    assert by_field.index.name == "field" and by_field.columns.name is None
    assert _table(by_field) == {"KT": [1, 3, 4], "VHXH": [0, 1, 1], "ANQP": [1, 0, 1],
                                "XDHTCT": [0, 1, 1]}
    assert all(str(t) == "int64" for t in by_field.dtypes)
    assert _table(aggregate.count_by_level(registrations)) == {
        "thanh_pho": [1, 0, 1], "cap_tren_co_so": [0, 1, 1], "co_so": [1, 4, 5]}
    assert aggregate.count_by_level(registrations).index.name == "level"
    assert _table(aggregate.count_by_result(registrations)) == {
        "chua_danh_gia": [0, 1, 1], "hoan_thanh": [0, 2, 2], "tieu_bieu": [1, 2, 3],
        "khong_hoan_thanh": [1, 0, 1]}
    assert aggregate.count_by_result(registrations).index.name == "result"


def test_counts_by_unit_in_registry_order_with_zeros(registrations, expected):
    wide = aggregate.count_by_unit(registrations, expected)
    assert list(wide.index) == ["Q-DD", "Q-BD", "H-MD"] and wide.index.name == "unit"
    assert list(wide.columns) == [f"{f}_{t}" for f in ("KT", "VHXH", "ANQP", "XDHTCT")
                                  for t in ("collective", "individual")] + [
        "collective", "individual", "total"]
    assert _table(wide) == {
        "Q-DD": [0, 1, 0, 0, 1, 0, 0, 1, 1, 2, 3],
        "Q-BD": [1, 2, 0, 1, 0, 0, 0, 0, 1, 3, 4],
        "H-MD": [0] * 11,
    }
    assert all(str(t) == "int64" for t in wide.dtypes)


def test_exemplary_models_sorted_by_field_unit_type_model(registrations):
    chosen = aggregate.exemplary_models(registrations)
    assert list(chosen.columns) == ["field", "unit", "type", "model", "registrant", "position"]
    assert chosen.values.tolist() == [
        ["KT", "Q-BD", "collective", "Chợ văn minh", "CĐ chợ", ""],
        ["KT", "Q-BD", "individual", "Bữa cơm", "Lê Bình", "Đoàn viên"],
        ["XDHTCT", "Q-DD", "individual", "Ánh sáng", "Phạm Dũng", "Chủ tịch"]]
    assert list(chosen.index) == [0, 1, 2]


def _files() -> pd.DataFrame:
    rows = [  # file, unit, status, read, valid, rejected, ignored
        ("a.xlsx", "Q-BD", "used", 10, 7, 2, 1),
        ("b.xlsx", "Q-BD", "superseded", 4, 4, 0, 0),
        ("c.xlsx", "Q-DD", "rejected", 0, 0, 0, 0),
        ("d.xlsx", None, "rejected", 0, 0, 0, 0),
        ("e.xlsx", "X-LA", "used", 3, 3, 0, 0),
    ]
    return pd.DataFrame(rows, columns=["file", "unit", "status", "read", "valid", "rejected",
                                       "ignored"])


def test_coverage_counts_units_with_a_used_file(expected):
    assert aggregate.coverage(_files(), expected) == {
        "expected": 3, "submitted": 1, "missing": ["Q-DD", "H-MD"],
        "only_rejected_files": ["Q-DD"]}


def test_quality_by_unit_counts_files_by_status_and_rows_of_used_files(expected):
    table = aggregate.quality_by_unit(_files(), expected)
    assert list(table.index) == ["Q-DD", "Q-BD", "H-MD", "", "X-LA"]
    assert table.index.name == "unit"
    assert list(table.columns) == ["files_used", "files_superseded", "files_rejected", "read",
                                   "valid", "rejected", "ignored"]
    assert _table(table) == {"Q-DD": [0, 0, 1, 0, 0, 0, 0], "Q-BD": [1, 1, 0, 10, 7, 2, 1],
                             "H-MD": [0, 0, 0, 0, 0, 0, 0], "": [0, 0, 1, 0, 0, 0, 0],
                             "X-LA": [1, 0, 0, 3, 3, 0, 0]}


def test_summary_json_from_the_tables(registrations, expected):
    from thidua.report.figures import Figures, summary_dict

    files = _files()
    figures = Figures(
        year=2024, expected=expected, files=files, registrations=registrations,
        rejections=pd.DataFrame(), by_field=aggregate.count_by_field(registrations),
        by_level=aggregate.count_by_level(registrations),
        by_result=aggregate.count_by_result(registrations),
        by_unit=aggregate.count_by_unit(registrations, expected),
        exemplary=aggregate.exemplary_models(registrations),
        quality=aggregate.quality_by_unit(files, expected),
        coverage=aggregate.coverage(files, expected),
        rows={"read": 13, "valid": 10, "rejected": 2, "ignored": 1}, interpreted=4)
    summary = summary_dict(figures)
    assert summary == {
        "year": 2024,
        "registrations": {"total": 7, "collective": 2, "individual": 5},
        "by_field": {"KT": {"collective": 1, "individual": 3}, "VHXH": {"collective": 0, "individual": 1},
                     "ANQP": {"collective": 1, "individual": 0},
                     "XDHTCT": {"collective": 0, "individual": 1}},
        "by_level": {"thanh_pho": {"collective": 1, "individual": 0},
                     "cap_tren_co_so": {"collective": 0, "individual": 1},
                     "co_so": {"collective": 1, "individual": 4}},
        "by_result": {"chua_danh_gia": {"collective": 0, "individual": 1},
                      "hoan_thanh": {"collective": 0, "individual": 2},
                      "tieu_bieu": {"collective": 1, "individual": 2},
                      "khong_hoan_thanh": {"collective": 1, "individual": 0}},
        "by_unit": {
            "Q-DD": {"KT": {"collective": 0, "individual": 1}, "VHXH": {"collective": 0, "individual": 0},
                     "ANQP": {"collective": 1, "individual": 0},
                     "XDHTCT": {"collective": 0, "individual": 1}},
            "Q-BD": {"KT": {"collective": 1, "individual": 2}, "VHXH": {"collective": 0, "individual": 1},
                     "ANQP": {"collective": 0, "individual": 0},
                     "XDHTCT": {"collective": 0, "individual": 0}},
            "H-MD": {f: {"collective": 0, "individual": 0} for f in ("KT", "VHXH", "ANQP", "XDHTCT")}},
        "rows": {"read": 13, "valid": 10, "rejected": 2, "ignored": 1},
        "units": {"expected": 3, "submitted": 1, "missing": ["Q-DD", "H-MD"]},
        "files": {"found": 5, "used": 2, "superseded": 1, "rejected": 2, "skipped": 0},
        "exemplary": 3,
        "exemplary_models": [
            {"unit": "Q-BD", "field": "KT", "type": "collective", "model": "Chợ văn minh",
             "registrant": "CĐ chợ"},
            {"unit": "Q-BD", "field": "KT", "type": "individual", "model": "Bữa cơm",
             "registrant": "Lê Bình"},
            {"unit": "Q-DD", "field": "XDHTCT", "type": "individual", "model": "Ánh sáng",
             "registrant": "Phạm Dũng"}],
        "values_interpreted": 4,
    }
    assert list(summary["by_unit"]) == ["Q-DD", "Q-BD", "H-MD"]  # registry order kept


@pytest.mark.parametrize("name, short", [
    ("Liên đoàn Lao động quận Ba Đình", "LĐLĐ quận Ba Đình"),
    ("Công đoàn ngành Y tế Hà Nội", "CĐ ngành Y tế Hà Nội"),
    ("Công đoàn Cơ quan Đảng thành phố Hà Nội", "CĐ Cơ quan Đảng TP"),
    ("Công đoàn Viên chức thành phố", "CĐ Viên chức TP"),
    ("Công đoàn các Khu công nghiệp", "CĐ các Khu công nghiệp"),
    ("Trường Mầm non Hoa Sen", "Trường Mầm non Hoa Sen"),
])
def test_short_unit_names_as_the_report_tables_write_them(name, short):
    from thidua.report.formatting import short_name

    assert short_name(name) == short


def test_short_dates_are_zero_padded_day_month_year():
    import datetime as dt

    from thidua.report.formatting import short_date

    assert short_date(dt.date(2024, 3, 5)) == "05/03/2024"
    assert short_date(dt.date(2025, 12, 31)) == "31/12/2025"


def _result(name: str, unit: str | None, status: str, rows: list[tuple], counts: tuple,
            rejected_rows: tuple = (), interpreted: int = 0):
    """A :class:`FileResult` written by hand: ``rows`` of :data:`ROWS`' shape, ``counts``
    (read, valid, rejected, ignored), ``rejected_rows``: Excel rows rejected."""
    import datetime as dt
    from pathlib import Path

    from thidua.ingest.discover import InputFile
    from thidua.ingest.files import FileResult
    from thidua.ingest.validate import rejection_frame
    from thidua.report.figures import REGISTRATION_COLUMNS

    frame = pd.DataFrame(rows, columns=COLUMNS).astype(object).reindex(columns=REGISTRATION_COLUMNS)
    frame = frame.astype(object).where(frame.notna(), "")
    frame = frame.assign(file=name).astype("str")
    source = InputFile(Path(name), name, "0" * 64, 100, dt.datetime(2024, 12, 1, tzinfo=dt.timezone.utc))
    rejections = rejection_frame([{"file": name, "sheet": "S", "row": r, "column": "Lĩnh vực",
                                   "value": "x", "error": "sai"} for r in rejected_rows])
    return FileResult(source, status, unit=unit, sha256="0" * 64, registrations=frame,
                      rejections=rejections, interpreted=interpreted,
                      rows=dict(zip(("read", "valid", "rejected", "ignored"), counts)))


def test_compute_figures_counts_only_used_files_and_reports_their_rejections(expected):
    from thidua.report.figures import compute_figures

    results = [
        _result("bd.xlsx", "Q-BD", "used", ROWS[:4], (7, 4, 2, 1), (8, 9), interpreted=2),
        _result("bd-old.xlsx", "Q-BD", "superseded", ROWS[:2], (2, 2, 0, 0), (5,)),
        _result("dd.xlsx", "Q-DD", "used", ROWS[4:], (3, 3, 0, 0), interpreted=1),
        _result("bad.xlsx", "H-MD", "rejected", [], (0, 0, 0, 0), (0,)),
    ]
    figures = compute_figures(2024, results, expected)
    assert figures.year == 2024
    assert len(figures.registrations) == 7 and set(figures.registrations["file"]) == {"bd.xlsx", "dd.xlsx"}
    assert figures.rows == {"read": 10, "valid": 7, "rejected": 2, "ignored": 1}
    assert figures.interpreted == 3
    assert figures.rejections[["file", "row", "unit"]].values.tolist() == [
        ["bd.xlsx", 8, "Q-BD"], ["bd.xlsx", 9, "Q-BD"], ["bad.xlsx", 0, "H-MD"]]
    assert _table(figures.by_field) == {"KT": [1, 3, 4], "VHXH": [0, 1, 1], "ANQP": [1, 0, 1],
                                        "XDHTCT": [0, 1, 1]}
    assert figures.coverage["submitted"] == 2 and figures.coverage["missing"] == ["H-MD"]
    assert list(figures.files["file"]) == ["bd.xlsx", "bd-old.xlsx", "dd.xlsx", "bad.xlsx"]
    assert len(figures.exemplary) == 3
    assert figures.expected is expected
    registrations = pd.DataFrame(ROWS, columns=COLUMNS).astype("str")
    assert _table(figures.by_level) == _table(aggregate.count_by_level(registrations))
    assert _table(figures.by_result) == _table(aggregate.count_by_result(registrations))
    assert _table(figures.by_unit) == _table(aggregate.count_by_unit(registrations, expected))
    assert list(figures.by_unit.index) == ["Q-DD", "Q-BD", "H-MD"]
    assert _table(figures.quality)["Q-BD"] == [1, 1, 0, 7, 4, 2, 1]
    assert _table(figures.quality)["H-MD"] == [0, 0, 1, 0, 0, 0, 0]
    assert list(figures.rejections.index) == [0, 1, 2]


def test_compute_figures_with_no_used_file_and_a_file_of_no_unit(expected):
    from thidua.report.figures import REGISTRATION_COLUMNS, compute_figures

    figures = compute_figures(2024, [_result("x.xlsx", None, "rejected", [], (0, 0, 0, 0), (0,))],
                              expected)
    assert list(figures.registrations.columns) == REGISTRATION_COLUMNS
    assert len(figures.registrations) == 0
    assert all(isinstance(t, pd.StringDtype) for t in figures.registrations.dtypes)
    assert figures.rejections["unit"].tolist() == [""]  # a file whose unit is unknown
    assert figures.rows == {"read": 0, "valid": 0, "rejected": 0, "ignored": 0}
    assert _table(figures.by_field)["KT"] == [0, 0, 0]


def test_exemplary_models_follow_the_report_order_of_fields_not_the_alphabet():
    rows = [("Q-BD", field, "collective", "co_so", "tieu_bieu", f"Mô hình {field}", "CĐ", "")
            for field in ("XDHTCT", "ANQP", "VHXH", "KT")]
    chosen = aggregate.exemplary_models(pd.DataFrame(rows, columns=COLUMNS).astype("str"))
    assert list(chosen["field"]) == ["KT", "VHXH", "ANQP", "XDHTCT"]  # ANQP after VHXH


def test_a_category_with_no_registration_keeps_its_place_and_a_zero():
    rows = [("Q-BD", "ANQP", "individual", "co_so", "hoan_thanh", "M", "A", "")]
    frame = pd.DataFrame(rows, columns=COLUMNS).astype("str")
    by_field = aggregate.count_by_field(frame)
    assert list(by_field.index) == ["KT", "VHXH", "ANQP", "XDHTCT"]  # not the alphabet
    assert list(by_field.columns) == ["collective", "individual", "total"]  # no collective row
    assert by_field.values.tolist() == [[0, 0, 0], [0, 0, 0], [0, 1, 1], [0, 0, 0]]
    assert list(aggregate.count_by_level(frame).index) == ["thanh_pho", "cap_tren_co_so", "co_so"]
    assert list(aggregate.count_by_result(frame).index) == [
        "chua_danh_gia", "hoan_thanh", "tieu_bieu", "khong_hoan_thanh"]


def test_quality_has_no_unknown_unit_line_when_every_file_has_its_unit(expected):
    files = _files()
    files = files[files["unit"].notna()]
    table = aggregate.quality_by_unit(files, expected)
    assert list(table.index) == ["Q-DD", "Q-BD", "H-MD", "X-LA"]
    assert all(str(t) == "int64" for t in table.dtypes)
