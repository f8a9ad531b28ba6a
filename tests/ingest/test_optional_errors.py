"""An Excel error value (``#N/A`` of a ``VLOOKUP``, ``#REF!``) in an optional free-text column
(``Ghi chú``, ``Công đoàn cơ sở``) says nothing about the registration: the row counts, the
cell read as empty, the unit told (fresh tester G's 303: the two rows were rejected). Required
and coded columns still reject (``test_error_values.py``). ``thidua.ingest.errorcells``."""

import pandas as pd

from thidua.ingest.files import USED, ingest_file
from helpers import HEADER, input_file, row, write_xlsx


def test_an_error_in_an_optional_text_cell_counts_the_row_read_as_empty_and_told(
        tmp_path, context):
    rows = [row(model="Mô hình thử nghiệm số 1", note="#N/A", stt=1),
            row(model="Mô hình thử nghiệm số 2", grassroots="#REF!", stt=2),
            row(model="Mô hình thử nghiệm số 3", note="#DIV/0!", result="#N/A", stt=3),
            row(model="Mô hình thử nghiệm số 4", note="#N/A", stt=4)]
    header = [*HEADER[:-1], "GC"]  # the unit's own header of ``Ghi chú``
    path = write_xlsx(tmp_path / "Q-DD_dvk.xlsx", rows, header=header)
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column", "value"]].values.tolist() == [
        [4, "Kết quả", "#N/A"]]
    regs = result.registrations
    assert regs.index.tolist() == [2, 3, 5]
    assert pd.isna(regs.at[2, "note"]) and pd.isna(regs.at[5, "note"])
    assert pd.isna(regs.at[3, "grassroots_union"])
    assert regs.at[2, "grassroots_union"] == "CĐCS Công ty TNHH Ánh Dương"
    assert ("Ô 'GC' có lỗi công thức #N/A ở dòng 2, 5: đã coi như để trống, dòng vẫn được "
            "tính. Ô 'Công đoàn cơ sở' có lỗi công thức #REF! ở dòng 3: đã coi như để trống, "
            "dòng vẫn được tính. Đề nghị sửa công thức hoặc xóa ô đó.") in result.notes


def test_an_error_written_as_text_in_a_csv_note_counts_the_row(tmp_path, context):
    path = tmp_path / "Q-DD_dvk.csv"
    path.write_text(",".join(HEADER) + "\n" + "1,Mô hình thử nghiệm số 1,Kinh tế,Tập thể,CĐCS A,,"
                    "Cơ sở,CĐCS A,01/2024 - 12/2024,Hoàn thành,#N/A\n", encoding="utf-8")
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 1, "valid": 1, "rejected": 0, "ignored": 0}
    assert pd.isna(result.registrations.at[2, "note"])
    assert ("Ô 'Ghi chú' có lỗi công thức #N/A ở dòng 2: đã coi như để trống, dòng vẫn được "
            "tính. Đề nghị sửa công thức hoặc xóa ô đó.") in result.notes
