"""Error values of other programs than Excel: LibreOffice's ``Err:502`` (its CSV and ``.ods``
keep the text), Google Sheets' ``#ERROR!`` are formula errors as ``#N/A`` is (fresh tester
M: ``Err:502`` in a coded column was rejected as a value typed; in ``Ghi chú`` it was kept
as the unit's remark). ``thidua/ingest/errorcells.py``, ``OTHER_ERRORS``."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.errorcells import is_error_value
from thidua.ingest.files import ingest_file

TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]


@pytest.mark.parametrize("text", ["Err:502", "err:508", "ERR:522", "Err: 504", "Err502",
                                  "#ERROR!", "#error!", " Err:511 "])
def test_other_programs_error_values(text):
    assert is_error_value(text)


@pytest.mark.parametrize("text", ["Err", "Err:5", "Err:5020", "Err:402", "Error 502",
                                  "ERROR", "#ERROR", "Lỗi 502", 502])
def test_texts_that_are_no_error_value(text):
    assert not is_error_value(text)


def test_a_libreoffice_error_rejects_its_coded_cell_and_is_dropped_from_a_remark(tmp_path,
                                                                                 context):
    rows = regs(4)
    rows[0][2] = "Err:502"   # Lĩnh vực
    rows[1][9] = "#ERROR!"   # Kết quả
    rows[2][10] = "Err:508"  # Ghi chú
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [*TITLE, HEADER, *rows])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 2, "ignored": 0}
    assert result.rejections[["row", "column", "value"]].values.tolist() == [
        [4, "Lĩnh vực", "Err:502"], [5, "Kết quả", "#ERROR!"]]
    assert result.rejections["error"].iloc[0].startswith(
        "Ô 'Lĩnh vực' có lỗi công thức Err:502: sửa công thức hoặc ghi giá trị")
    assert ("Ô 'Ghi chú' có lỗi công thức Err:508 ở dòng 6: đã coi như để trống, dòng vẫn được "
            "tính. Đề nghị sửa công thức hoặc xóa ô đó.") in result.readings
    kept = result.registrations.loc[result.registrations["model"] == rows[2][1], "note"]
    assert kept.isna().tolist() == [True]  # read as empty
