"""Error values python-calamine cannot read stored as error cells (``#SPILL!``, ``#GETTING_DATA``,
``#CALC!``: other programs, cube functions): read as their text, each rejected or read as empty
as any error is. Before, the whole file was rejected as damaged, "nội dung tệp bị hỏng" (fresh
tester M's M036: the errors were in a column not of the form; ``docs/contracts.md``)."""

from __future__ import annotations

import io
import re
import zipfile

from helpers import HEADER, input_file, row, write_xlsx
from thidua.ingest.files import ingest_file
from thidua.ingest.salvage import with_read_errors


def _with_errors(path, errors: dict[str, str]) -> None:
    """``path`` with each cell of ``errors`` (``"B6"`` → ``"#SPILL!"``) an error cell."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, error in errors.items():
                    body, n = re.subn(rb'<c r="%s"[^>]*>.*?</c>' % ref.encode(),
                                      b'<c r="%s" t="e"><v>%s</v></c>' % (ref.encode(), error.encode()),
                                      body)
                    assert n == 1, ref
            target.writestr(info, body)
    path.write_bytes(out.getvalue())


def test_errors_the_reader_does_not_know_are_read_as_their_text(tmp_path, context):
    path = write_xlsx(tmp_path / "Q-BD_2024.xlsx",
                      [[*row(model=f"Mô hình số {n}", note="Ghi chú", stt=n), 0] for n in range(1, 5)],
                      title=["Mã đơn vị: Q-BD", "Năm: 2024"], header=[*HEADER, "Số liệu"])
    _with_errors(path, {"L5": "#GETTING_DATA", "L6": "#SPILL!", "B7": "#SPILL!", "C8": "#CALC!",
                        "K5": "#N/A"})
    result = ingest_file(input_file(path), context)
    assert result.status == "used"
    assert result.rows == {"read": 4, "valid": 2, "rejected": 2, "ignored": 0}
    assert result.rejections[["row", "column", "value"]].values.tolist() == [
        [7, "Tên mô hình", "#SPILL!"], [8, "Lĩnh vực", "#CALC!"]]
    assert result.rejections["error"].tolist()[0].startswith(
        "Ô 'Tên mô hình' có lỗi công thức #SPILL!")


def test_only_cells_of_errors_it_cannot_read_are_rewritten():
    sheet = (b'<worksheet><sheetData><row r="1"><c r="A1" t="e"><f>X()</f><v>#SPILL!</v></c>'
             b'<c r="B1" t="e"><v>#N/A</v></c><x:c r="C1" s="2" t="e"><x:v>#CALC!</x:v></x:c>'
             b'</row></sheetData></worksheet>')
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", b'<sst t="e"/>')
    fixed = zipfile.ZipFile(io.BytesIO(with_read_errors(data.getvalue())))
    assert fixed.read("xl/worksheets/sheet1.xml") == (
        b'<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>X()</f><v>#SPILL!</v></c>'
        b'<c r="B1" t="e"><v>#N/A</v></c><x:c r="C1" s="2" t="str"><x:v>#CALC!</x:v></x:c>'
        b'</row></sheetData></worksheet>')
    assert fixed.read("xl/sharedStrings.xml") == b'<sst t="e"/>'
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet.replace(b"#SPILL!", b"#REF!")
                   .replace(b"#CALC!", b"#NUM!"))
    assert with_read_errors(plain.getvalue()) is None
    assert with_read_errors(b"not a zip") is None
