"""The template's guide line left under the header (``(Ghi tên mô hình)`` | ``Kinh tế`` |
``Tập thể`` | ``(Ghi tên tập thể hoặc họ tên cá nhân)`` | ``(Ghi chức vụ)``): part of the
form, ignored (reason ``header``), never a registration. Before, it was counted (fresh tester
O's O380). ``thidua/ingest/normalise.py`` (``_guide_lines``, ``GUIDE_CELL``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import ingest_file


def _read(tmp_path, context, line):
    rows = [[*line, *[""] * (len(HEADER) - len(line))], reg(0), reg(1), reg(2), reg(3)]
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("line", [
    ["", "(Ghi tên mô hình)", "Kinh tế", "Tập thể", "(Ghi tên tập thể hoặc họ tên cá nhân)",
     "(Ghi chức vụ)"],
    ["", "[Nhập tên mô hình]", "Kinh tế", "Tập thể", "[Nhập họ tên]"],
    ["", "(Ghi tên mô hình)", "An ninh - quốc phòng", "Cá nhân", "", "(Ghi chức vụ)"],
    ["", "(ghi rõ tên mô hình, công trình)", "Kinh tế", "Tập thể", ""],
    ["1", "(Điền tên mô hình)", "Văn hóa - xã hội", "Tập thể", "(Điền tên tập thể)"],
])
def test_the_template_s_guide_line_is_no_registration(tmp_path, context, line):
    result = _read(tmp_path, context, line)
    assert result.rows == {"read": 5, "valid": 4, "rejected": 0, "ignored": 1}
    assert {k: v for k, v in result.ignored.items() if v} == {"header": 1}


@pytest.mark.parametrize("line, valid", [
    # a model in brackets that is no guide, or a guide beside a real registrant: data
    (["1", "(Mô hình) Bữa cơm công đoàn", "Kinh tế", "Tập thể", "CĐCS Công ty Minh Anh"], 5),
    (["1", "(Ghi tên mô hình)", "Kinh tế", "Tập thể", "CĐCS Công ty Minh Anh"], 5),
    (["1", "Ghi nhận ý kiến đoàn viên", "Kinh tế", "Tập thể", "(Ghi tên tập thể)"], 5),
])
def test_a_line_with_a_model_or_a_registrant_of_its_own_stays_data(tmp_path, context, line,
                                                                    valid):
    result = _read(tmp_path, context, line)
    assert result.rows["valid"] == valid and not any(result.ignored.values())


def test_a_guide_line_taken_as_a_second_header_row_is_no_registration_either(tmp_path, context):
    result = _read(tmp_path, context, ["", "<Tên mô hình>", "Kinh tế", "Cá nhân", "<Họ và tên>",
                                       "<Chức vụ>"])
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
