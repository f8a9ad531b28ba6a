"""A ``Năm:`` line naming a span of years (``Năm: 2024-2025``, a school or fiscal year, a
term): the file counts in its folder's year when the span holds it, told; a span without it
rejects the file as another single year does. Before, every such line rejected the whole file
("không phải là một năm"), losing every registration in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.identify import resolve_year
from thidua.ingest.read import FileRejected
from thidua.ingest.titleblock import TitleBlock, parse_title, year_remark, year_span
from helpers import input_file, row, write_xlsx


@pytest.mark.parametrize("text, span", [
    ("2024-2025", (2024, 2025)), ("2024 - 2025", (2024, 2025)), ("2024 – 2025", (2024, 2025)),
    ("2024—2025", (2024, 2025)), ("2024/2025", (2024, 2025)), ("2024 ~ 2025", (2024, 2025)),
    ("từ 2024 đến 2025", (2024, 2025)), ("TỪ NĂM 2024 ĐẾN NĂM 2025", (2024, 2025)),
    ("năm 2024 - năm 2025", (2024, 2025)), ("2024 tới 2025", (2024, 2025)),
    ("2.024 - 2.025", (2024, 2025)), ("(2024-2025)", (2024, 2025)), ("2024-2025.", (2024, 2025)),
    ("2023-2024", (2023, 2024)), ("2023 - 2028", (2023, 2028)),  # a term of six years
])
def test_a_span_of_years_is_read_in_every_common_spelling(text, span):
    assert year_span(text) == span
    title = parse_title([["Mã đơn vị: Q-DD"], [f"Năm: {text}"]])
    assert (title.year, title.year_span) == (None, span)


@pytest.mark.parametrize("text", [
    "2024-2031",  # seven years: no year's list
    "2025-2024",  # backwards
    "2024-2024",  # one year twice: no span
    "2024-2024x", "2024 2025", "2024-25", "2024 và 2025 và 2026", "1899-1900",
])
def test_what_is_no_span_is_none_and_a_year_line_holding_it_still_rejects(text):
    assert year_span(text) is None
    with pytest.raises(FileRejected, match=r"không phải là một năm \(cần một năm 4 chữ số"):
        parse_title([[f"Năm: {text}"]])


def test_a_span_ends_at_six_years_exactly():
    assert year_span("2020-2025") == (2020, 2025)
    assert year_span("2020-2026") is None
    assert year_span("1900-1901") == (1900, 1901)


@pytest.mark.parametrize("span, folder", [((2024, 2025), 2024), ((2023, 2024), 2024),
                                          ((2023, 2025), 2024)])
def test_a_span_holding_the_folders_year_counts_in_it(span, folder):
    assert resolve_year(TitleBlock(year_span=span), folder, 2024) == 2024


@pytest.mark.parametrize("span", [(2022, 2023), (2025, 2026)])
def test_a_span_without_the_folders_year_rejects_the_file_naming_both(span):
    with pytest.raises(FileRejected) as caught:
        resolve_year(TitleBlock(year_span=span), 2024, 2024)
    assert str(caught.value) == (
        f"Năm ở tiêu đề ({span[0]}-{span[1]}) không gồm năm của thư mục (2024); đề nghị kiểm "
        f"tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")


def test_a_span_is_told_with_the_year_it_counted_in():
    assert year_remark(TitleBlock(year_span=(2024, 2025)), 2024) == (
        "Dòng 'Năm:' ở tiêu đề ghi 2024-2025 (nhiều năm): đã tính vào năm 2024 theo thư mục "
        "của tệp. Mỗi năm gửi một danh sách; đề nghị ghi một năm, ví dụ 'Năm: 2024'.")
    assert year_remark(TitleBlock(year=2024), 2024) is None


def test_a_single_year_beside_a_heading_year_is_no_span():
    title = parse_title([["DANH SÁCH NĂM 2025"], ["Năm: 2024"]])
    assert (title.year, title.year_span) == (2024, None)
    title = parse_title([["DANH SÁCH NĂM 2025"], ["Năm: 2024-2025"]])
    assert (title.year, title.year_span) == (None, (2024, 2025))  # the heading does not decide


ROWS = [row(stt=1, model="Mô hình thứ nhất tốt"), row(stt=2, model="Mô hình thứ hai tốt"),
        row(stt=3, model="Mô hình thứ ba tốt", type_="Cá nhân", registrant="Nguyễn Văn A",
            position="Chủ tịch")]


@pytest.mark.parametrize("line", ["Năm: 2024-2025", "Năm: 2023 - 2024", "Năm học: 2024-2025"])
def test_a_file_with_a_span_holding_the_year_keeps_every_registration(tmp_path, context, line):
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", ROWS, title=["LĐLĐ QUẬN ĐỐNG ĐA", line])
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    told = [r for r in result.remarks if "nhiều năm" in r]
    assert len(told) == (0 if "học" in line else 1)  # ``Năm học`` is no ``Năm:`` line


def test_a_file_with_a_span_of_other_years_is_rejected_as_a_whole(tmp_path, context):
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", ROWS, title=["Năm: 2022-2023"])
    result = ingest_file(input_file(path), context)
    assert result.status == REJECTED and result.unit == "Q-DD"
    assert result.rejections["error"].tolist() == [
        "Tệp bị từ chối: Năm ở tiêu đề (2022-2023) không gồm năm của thư mục (2024); đề nghị "
        "kiểm tra lại tệp hoặc chuyển tệp vào đúng thư mục năm."]


def test_a_span_is_a_title_line_in_the_table(tmp_path):
    from thidua.ingest.titleblock import is_title_line

    assert is_title_line(["Năm: 2024-2025"])
    assert not is_title_line(["Năm 2024-2025 tốt"])
    assert Path  # noqa: B018 (imported for the builders' paths)
