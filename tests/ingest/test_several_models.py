"""Several models in one ``Tên mô hình`` cell, each line numbered (``1. …⏎2. …``) or bulleted
(``- …;⏎- …``): one registration per model of the same registrant, each keeping the row's
Excel number, told (:mod:`thidua.ingest.severalmodels`; fresh tester L's L031). A long name
wrapped by Alt+Enter (L030) and ``A; B`` on one line (L032) stay one model."""

from __future__ import annotations

import pytest

from helpers import read_form, row
from thidua.ingest.severalmodels import models_in_cell



def _read(tmp_path, context, rows):
    return read_form(tmp_path, context, rows)


@pytest.mark.parametrize("text, models", [
    ("1. Tổ tự quản an ninh\n2. Phòng chống cháy nổ", ["Tổ tự quản an ninh", "Phòng chống cháy nổ"]),
    ("1) Bữa cơm công đoàn\n2) Mái ấm công đoàn\n3) Góc sách",
     ["Bữa cơm công đoàn", "Mái ấm công đoàn", "Góc sách"]),
    ("- Tiết kiệm điện nước;\n- Chợ phiên nông sản", ["Tiết kiệm điện nước", "Chợ phiên nông sản"]),
    ("• Bữa cơm công đoàn\n• Mái ấm công đoàn", ["Bữa cơm công đoàn", "Mái ấm công đoàn"]),
])
def test_numbered_or_bulleted_lines_are_models(text, models):
    assert models_in_cell(text) == models


@pytest.mark.parametrize("text", [
    "Góc văn hóa cho công nhân khu nhà trọ\nTủ sách pháp luật cho người lao động",  # wrapped
    "Bữa cơm công đoàn nghĩa tình; Mái ấm công đoàn cho đoàn viên khó khăn",  # one line
    "Mô hình gồm:\n- Góc đọc sách\n- Tủ sách pháp luật",  # a name listing its parts
    "1. Bữa cơm công đoàn\n3. Mái ấm công đoàn",  # numbers out of order
    "2. Bữa cơm công đoàn\n3. Mái ấm công đoàn",
    "- Bữa cơm công đoàn\n• Mái ấm công đoàn",  # two kinds of bullet
    "1. Bữa cơm công đoàn\n2. Góc",  # a line too short to be a model
    "1. Bữa cơm công đoàn", "", None, 2.0])
def test_other_cells_stay_one_model(text):
    assert models_in_cell(text) is None


def test_several_models_in_one_cell_are_that_many_registrations_told(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Bữa cơm Công đoàn", registrant="CĐCS Công ty May 10", stt=1),
        row(model="1. Tổ tự quản an ninh trật tự\n2. Phòng chống cháy nổ khu công nghiệp",
            field="An ninh - quốc phòng", type_="Cá nhân", registrant="Hoàng Đức Long",
            position="Chủ tịch CĐCS", stt=2),
        row(model="Góc văn hóa cho công nhân khu nhà trọ\nTủ sách pháp luật cho người lao động",
            field="Văn hóa - xã hội", stt=3)])
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got.index.tolist() == [5, 6, 6, 7]
    assert got["model"].tolist() == [
        "Bữa cơm Công đoàn", "Tổ tự quản an ninh trật tự", "Phòng chống cháy nổ khu công nghiệp",
        "Góc văn hóa cho công nhân khu nhà trọ Tủ sách pháp luật cho người lao động"]
    assert got["registrant"].tolist()[1:3] == ["Hoàng Đức Long"] * 2
    assert got["position"].tolist()[1:3] == ["Chủ tịch CĐCS"] * 2
    note = next(n for n in result.notes if "nhiều mô hình" in n)
    assert note == (
        "Ô 'Tên mô hình' ghi nhiều mô hình, mỗi dòng trong ô một mô hình có đánh số hoặc gạch "
        "đầu dòng: mỗi mô hình được tính là một đăng ký của cùng tập thể/cá nhân, mang số dòng "
        "của ô ấy (dòng 6: Tổ tự quản an ninh trật tự, Phòng chống cháy nổ khu công nghiệp). "
        "Đề nghị từ nay ghi mỗi mô hình một dòng.")


def test_a_model_of_the_cell_repeating_another_row_is_not_counted_again(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Bữa cơm Công đoàn", stt=1),
        row(model="- Bữa cơm Công đoàn\n- Mái ấm Công đoàn", stt=2)])
    got = result.registrations
    assert got.index.tolist() == [5, 6]
    assert got["model"].tolist() == ["Bữa cơm Công đoàn", "Mái ấm Công đoàn"]
    note = next(n for n in result.notes if "nhiều mô hình" in n)
    assert "(dòng 6: Bữa cơm Công đoàn: trùng với dòng 5, không tính lại, Mái ấm Công đoàn)" in note
