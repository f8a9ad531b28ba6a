"""Formulas saved without their results, as scripts (openpyxl, pandas) write them: no program
computed them. A formula of nothing but a text (``="Kinh tế"``) is that text; one in the
optional free-text columns (``Ghi chú``, ``Công đoàn cơ sở``) is read as empty, the row
counted, told; elsewhere the row is rejected saying so (``test_sheets.py``). Fresh tester M's
M013 (two registrations rejected for ``="Kinh tế"``) and M028 (the whole file rejected for a
``Ghi chú`` ``=IF(…)`` on every row). ``docs/contracts.md``."""

from __future__ import annotations

from helpers import read_form, row
from thidua.ingest.errorcells import is_unsaved_formula, kept_errors_note


def test_a_formula_of_nothing_but_a_text_is_that_text(tmp_path, context):
    result = read_form(tmp_path, context, [
        row(field='="Kinh tế"', stt=1), row(field='="Văn hóa - xã hội"', type_='="Tập thể"', stt=2),
        row(model='="Tổ ""An toàn"" số 1"', field="An ninh - quốc phòng", stt=3)])
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert got["type"].tolist() == ["collective"] * 3
    assert got["model"].tolist()[2] == 'Tổ "An toàn" số 1'


def test_a_remark_formula_is_read_as_empty_and_the_rows_count(tmp_path, context):
    rows = [row(model=f"Mô hình số {n}", note=f'=IF(J{n + 4}="Tiêu biểu","Đề nghị khen","")',
                stt=n) for n in range(1, 4)]
    rows[1][7] = '="CĐCS "&E6'  # Công đoàn cơ sở by a formula
    result = read_form(tmp_path, context, rows)
    assert result.problem is None
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got["note"].isna().all()
    assert not got["grassroots_union"].astype(str).str.startswith("=").any()
    note = next(n for n in result.notes if "chưa được lưu kết quả" in n)
    assert note == (
        "Ô 'Ghi chú' có công thức chưa được lưu kết quả (=IF(J5=\"Tiêu biểu\",\"Đề nghị "
        "khen\",\"\"); mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để lưu cả kết quả) ở dòng 5, "
        "6, 7: đã coi như để trống, dòng vẫn được tính. Ô 'Công đoàn cơ sở' có công thức chưa "
        "được lưu kết quả (=\"CĐCS \"&E6; mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để lưu "
        "cả kết quả) ở dòng 6: đã coi như để trống, dòng vẫn được tính. Đề nghị sửa công thức hoặc xóa ô đó.")


def test_a_formula_elsewhere_still_rejects_its_row(tmp_path, context):
    result = read_form(tmp_path, context, [
        row(model="Mô hình số một", result='=IF(K5="","Hoàn thành","")', stt=1),
        row(model='="Mô hình "&"số hai"', stt=2), row(model="Mô hình số ba", stt=3)])
    assert result.rows == {"read": 3, "valid": 1, "rejected": 2, "ignored": 0}
    lines = result.rejections[["row", "column", "value"]].values.tolist()
    assert lines == [[5, "Kết quả", '=IF(K5="","Hoàn thành","")'],
                     [6, "Tên mô hình", '="Mô hình "&"số hai"']]
    assert result.rejections["error"].str.contains("chưa được lưu kết quả").all()


def test_errors_and_formulas_are_told_apart():
    assert is_unsaved_formula("=A1") and is_unsaved_formula(" =") and not is_unsaved_formula("A=1")
    assert not is_unsaved_formula(None) and not is_unsaved_formula("#N/A")
    assert kept_errors_note({(9, "note"): "#N/A", (10, "note"): "=B1"}, [9, 10]) == (
        "Ô 'Ghi chú' có lỗi công thức #N/A ở dòng 9: đã coi như để trống, dòng vẫn được tính. "
        "Ô 'Ghi chú' có công thức chưa được lưu kết quả (=B1; mở tệp bằng Excel hoặc LibreOffice "
        "rồi lưu lại để lưu cả kết quả) ở dòng 10: đã coi như để trống, dòng vẫn được tính. "
        "Đề nghị sửa công thức hoặc xóa ô đó.")
