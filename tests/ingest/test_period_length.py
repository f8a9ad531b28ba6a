"""A ``Thời gian thực hiện`` cell of thousands of characters (a timeline pasted from a report,
a tool's output) rejects its row at once, saying how long it is, never its file (fresh
tester's T200, T204, T215: one 15–30k-character cell took 105–130 s of processor time, the
whole file was then rejected for its time limit). ``limits.MAX_PERIOD_CHARS``;
``periods.over_long``, ``range_splits``; ``docs/contracts.md``, "Errors"."""

from __future__ import annotations

import pytest

import thidua.ingest.periodcheck as periodcheck
import thidua.ingest.periodswap as periodswap
from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.limits import MAX_PERIOD_CHARS
from thidua.ingest.periods import MAX_RANGE_SPLITS, over_long, parse_period, range_splits
from thidua.ingest.twocolumns import _is_range

#: What each test fills a cell with: the tester's cells, and dashes that split everywhere.
FILLS = ["Từ ngày 01 tháng 01 năm 2024 đến ngày 31 tháng 12 năm 2024 ", "01/2024 - ", "- ",
         "1-", "05-03-24 - ", "đến ", "a - 1 "]


def _filled(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def test_the_limit_is_one_thousand_characters():
    assert MAX_PERIOD_CHARS == 1_000
    assert not over_long("x" * 1_000) and over_long("x" * 1_001)
    assert not over_long(12345.0) and not over_long(None)


def test_a_period_over_the_limit_is_never_read():
    ok = "01/2024 - 12/2024"
    assert parse_period(ok + " " * (1_000 - len(ok)), 2024) is not None  # spaces at the limit
    assert parse_period(ok + " (" + "x" * 1_000 + ")", 2024) is None


def test_a_period_over_the_limit_says_its_length():
    text = "01/2024 - " * 3_000
    assert periodcheck.period_problem(text) == (
        "dài 30.000 ký tự, quá 1.000 ký tự đọc được của một thời gian (cần dd/mm/yyyy - "
        "dd/mm/yyyy hoặc mm/yyyy - mm/yyyy); phần mô tả đề nghị ghi ở cột 'Ghi chú'")


def test_range_splits_are_bounded():
    assert range_splits("01/2024 - 12/2024") == [("01/2024", "12/2024")]
    assert len(range_splits("05-03-2024 - 30-11-2024")) == 5
    assert len(range_splits("1-" * MAX_RANGE_SPLITS)) == MAX_RANGE_SPLITS
    assert range_splits("1-" * (MAX_RANGE_SPLITS + 1)) == []


@pytest.mark.parametrize("unit", FILLS)
@pytest.mark.parametrize("length", [MAX_PERIOD_CHARS, 30_000])
def test_a_long_cell_is_read_a_bounded_number_of_times(unit, length, monkeypatch):
    """Each side of each dash was read as a period, each reading splitting its side again:
    a 1.000-character cell of ``1-`` took 9 s in ``period_problem`` and as long in
    ``turned``; now at most :data:`MAX_RANGE_SPLITS` pairs are read."""
    calls = []
    real = parse_period

    def counted(value, year=None):
        calls.append(1)
        return real(value, year)
    monkeypatch.setattr(periodcheck, "parse_period", counted)
    monkeypatch.setattr(periodswap, "parse_period", counted)
    text = _filled(unit, length)
    periodcheck.period_problem(text)
    periodswap.turned(text)
    _is_range(text)
    assert len(calls) <= 2 * MAX_RANGE_SPLITS + 1 + 2 * MAX_RANGE_SPLITS


def test_a_long_cell_rejects_its_row_not_its_file(tmp_path, context):
    long = "01/2024 - " * 2_999 + "12/2024"  # 29.997 characters
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER]
    rows += [[*reg(i)[:8], p, *reg(i)[9:]] for i, p in
             enumerate(["01/2024 - 12/2024", long, "03/2024 - 11/2024"])]
    write_csv(tmp_path / "Q-HK_dk.csv", rows)
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 2, 1)
    [rejected] = result.rejections.to_dict("records")
    assert (rejected["file"], rejected["row"], rejected["column"]) == (
        "Q-HK_dk.csv", 5, "Thời gian thực hiện")
    assert rejected["value"] == long[:100] + "…"
    assert rejected["error"] == (
        f"'Thời gian thực hiện' '{long[:100]}…': dài 29.997 ký tự, quá 1.000 ký tự đọc được của "
        f"một thời gian (cần dd/mm/yyyy - dd/mm/yyyy hoặc mm/yyyy - mm/yyyy); phần mô tả đề "
        f"nghị ghi ở cột 'Ghi chú'; đề nghị sửa lại.")


def test_a_long_start_in_two_columns_is_named_by_its_column(tmp_path, context):
    header = [*HEADER[:8], "Từ ngày", "Đến ngày", *HEADER[9:]]
    long = "Từ ngày 01 tháng 01 năm 2024 " * 99 + "Từ ngày 01 tháng 01 năm 2024"
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], header,
            [*reg(0)[:8], "01/03/2024", "30/11/2024", *reg(0)[9:]],
            [*reg(1)[:8], long, "30/11/2024", *reg(1)[9:]]]
    write_csv(tmp_path / "Q-HK_dk.csv", rows)
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 1)
    assert result.rejections[["row", "column"]].values.tolist() == [[5, "Từ ngày"]]
    assert "dài 2.899 ký tự, quá 1.000 ký tự" in result.rejections["error"].iloc[0]
