"""``thidua registry check``: each fault of a registry through time is caught, with its CSV
line and column, in Vietnamese; the bundled registry passes (``spec/unit-registry.md``)."""

from __future__ import annotations

import pytest

from conftest import REGISTRY
from thidua.cli import main
from thidua.ingest.registry_check import check_registry, describe

HEAD = "code,name,level,kind,valid_from,valid_to,successors,members,grassroots_unions\n"
OLD = "Q-DD,LĐLĐ quận Đống Đa,cap_tren_co_so,quan_huyen,1990-01-01,2025-06-30,{succ},100,10\n"
NEW = "{code},Công đoàn phường {code},cap_tren_co_so,xa_phuong,2025-07-01,,{succ},50,5\n"


def write(tmp_path, text: str):
    path = tmp_path / "units.csv"
    path.write_text(text, encoding="utf-8")
    return path


def faults(tmp_path, text: str) -> list[tuple[str, int, str]]:
    return [(p.rule, p.line, p.column) for p in check_registry(write(tmp_path, text))]


def test_the_bundled_registry_has_no_fault():
    assert check_registry(REGISTRY) == []


def test_a_sound_registry_through_time_passes(tmp_path):
    text = (HEAD + OLD.format(succ="P-A;P-B") + NEW.format(code="P-A", succ="")
            + NEW.format(code="P-B", succ=""))
    assert faults(tmp_path, text) == []


def test_an_empty_file_is_a_fault(tmp_path):
    assert faults(tmp_path, "") == [("empty", 1, "")]


def test_a_header_without_units_is_a_fault(tmp_path):
    assert faults(tmp_path, HEAD) == [("empty", 1, "")]


def test_a_file_without_header_is_a_fault_on_its_first_line(tmp_path):
    text = "# ví dụ\n" + OLD.format(succ="P-A")
    assert faults(tmp_path, text) == [("no_header", 2, "")]


def test_a_reversed_period_is_caught_on_its_line(tmp_path):
    text = HEAD + "Q-DD,Đống Đa,cap_tren_co_so,quan_huyen,2024-05-01,2024-01-31,P-A,1,1\n" + NEW.format(code="P-A", succ="")
    problems = check_registry(write(tmp_path, text))
    assert [(p.rule, p.line, p.column) for p in problems] == [("reversed", 2, "valid_to")]
    assert describe(write(tmp_path, text), problems[0]) == (
        "units.csv, dòng 2, cột valid_to: mã 'Q-DD' kết thúc ngày 31/01/2024, trước ngày bắt đầu "
        "01/05/2024; cần valid_to không trước valid_from")


def test_overlapping_periods_of_one_code_are_caught_naming_both_lines(tmp_path):
    text = HEAD + ("Q-DD,Đống Đa,cap_tren_co_so,quan_huyen,1990-01-01,2024-12-31,,1,1\n"
                   "Q-DD,Đống Đa mới,cap_tren_co_so,quan_huyen,2024-06-01,,,1,1\n")
    problems = check_registry(write(tmp_path, text))
    # the first period also ends with neither successor nor a next period from 01/01/2025
    assert [(p.rule, p.line) for p in problems] == [("overlap", 3), ("gap", 2)]
    assert "chồng lên thời kỳ ở dòng 2 (từ 01/01/1990 đến 31/12/2024)" in problems[0].message


def test_two_periods_one_after_the_other_are_no_overlap_nor_gap(tmp_path):
    text = HEAD + ("Q-DD,Đống Đa,cap_tren_co_so,quan_huyen,1990-01-01,2024-12-31,,1,1\n"
                   "Q-DD,Đống Đa mới,cap_tren_co_so,quan_huyen,2025-01-01,,,1,1\n")
    assert faults(tmp_path, text) == []


def test_an_unknown_successor_code_is_caught(tmp_path):
    text = HEAD + OLD.format(succ="P-A;P-ZZ") + NEW.format(code="P-A", succ="")
    problems = check_registry(write(tmp_path, text))
    assert [(p.rule, p.line, p.column) for p in problems] == [("unknown_successor", 2, "successors")]
    assert "mã kế thừa 'P-ZZ' của 'Q-DD' không có trong danh mục" in problems[0].message


def test_a_cycle_of_successors_is_caught_once(tmp_path):
    text = (HEAD + OLD.format(succ="P-A") + NEW.format(code="P-A", succ="P-B")
            + NEW.format(code="P-B", succ="Q-DD"))
    problems = check_registry(write(tmp_path, text))
    assert [(p.rule, p.line) for p in problems] == [("cycle", 2)]
    assert "Q-DD → P-A → P-B → Q-DD" in problems[0].message


def test_a_unit_naming_itself_as_successor_is_a_cycle(tmp_path):
    text = HEAD + OLD.format(succ="Q-DD")
    assert faults(tmp_path, text) == [("cycle", 2, "successors")]


def test_a_unit_that_ends_without_successor_is_a_gap(tmp_path):
    text = HEAD + OLD.format(succ="") + NEW.format(code="P-A", succ="")
    problems = check_registry(write(tmp_path, text))
    assert [(p.rule, p.line, p.column) for p in problems] == [("gap", 2, "successors")]
    assert "kết thúc ngày 30/06/2025 mà không có đơn vị kế thừa" in problems[0].message


def test_cell_faults_name_line_and_column(tmp_path):
    text = HEAD + "q dd,Đống Đa,cap_tren_co_so,huyen,1990-01-01,,,1,1\n"
    assert faults(tmp_path, text) == [("cell", 2, "code"), ("cell", 2, "kind")]


def test_line_numbers_count_the_header_comment(tmp_path):
    text = "# VÍ DỤ\n# nguồn\n" + HEAD + OLD.format(succ="")
    assert faults(tmp_path, text) == [("gap", 4, "successors")]


def test_the_command_prints_one_line_per_fault_and_exits_1(tmp_path, capsys):
    path = write(tmp_path, HEAD + OLD.format(succ="P-ZZ"))
    assert main(["registry", "check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("units.csv, dòng 2, cột successors: mã kế thừa 'P-ZZ'")
    assert out[-1] == "units.csv: 1 lỗi; sửa rồi kiểm tra lại."


def test_the_command_passes_the_bundled_registry(capsys):
    assert main(["registry", "check", str(REGISTRY)]) == 0
    assert capsys.readouterr().out.strip() == "units.csv: hợp lệ (133 dòng, 133 đơn vị)."


@pytest.mark.parametrize("text, rule", [("", "empty"), (OLD.format(succ=""), "no_header")])
def test_the_command_reports_empty_and_headerless_files(tmp_path, capsys, text, rule):
    assert main(["registry", "check", str(write(tmp_path, text))]) == 1
    said = capsys.readouterr().out
    assert ("tệp rỗng" if rule == "empty" else "không có dòng tiêu đề") in said
