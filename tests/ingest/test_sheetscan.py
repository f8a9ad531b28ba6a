"""The byte-search pass of a sheet (:mod:`thidua.ingest.sheetscan`) never changes what the
limits decide (issue 10): every workbook of the sample and the corpus, and every far or
hidden cell, gets the same outcome with it as with the streaming check alone."""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import CORPUS, SAMPLE_DIR
from corpus_damaged import SHEET, good, zip_with
from thidua.ingest import prescan
from thidua.ingest.prescan import check_bytes
from thidua.ingest.sheetscan import quick_scan
from thidua.ingest.workbook import FileRejected


def _outcome(data: bytes, suffix: str) -> str | None:
    try:
        check_bytes(data, suffix)
    except FileRejected as exc:
        return str(exc)
    return None


def _both(data: bytes, suffix: str, monkeypatch) -> tuple[str | None, str | None]:
    """The outcome with the byte-search pass, then with the streaming check alone."""
    quick = _outcome(data, suffix)
    with monkeypatch.context() as m:
        m.setattr(prescan, "quick_scan", lambda archive, info: False)
        streamed = _outcome(data, suffix)
    return quick, streamed


WORKBOOKS = sorted(p for folder in (SAMPLE_DIR, CORPUS) for p in folder.rglob("*")
                   if p.suffix.lower() in (".xlsx", ".xlsm", ".csv") and p.is_file())


def test_every_workbook_of_the_sample_and_corpus_gets_the_same_outcome(monkeypatch):
    outcomes = {p.name: _both(p.read_bytes(), p.suffix, monkeypatch) for p in WORKBOOKS}
    assert all(quick == streamed for quick, streamed in outcomes.values()), {
        n: o for n, o in outcomes.items() if o[0] != o[1]}
    # the far cell, the shared strings bomb and the DTDs are among them, still rejected
    assert "có ô XFD1048576 ở dòng 1.048.576" in outcomes["D-01_o-XFD1048576.xlsx"][0]
    assert "3.000.000.000 chuỗi" in outcomes["D-08_chuoi-chung.xlsx"][0]
    assert "khai báo DTD" in outcomes["D-04_billion-laughs.xlsx"][0]


def _far(ref: str, row: int, value: bytes = b"<v>1</v>") -> bytes:
    return zip_with(good("D-00"), {SHEET: lambda x: x.replace(b"</sheetData>", (
        b'<row r="%d"><c r="%s">%s</c></row></sheetData>' % (row, ref.encode(), value)))})


@pytest.mark.parametrize("ref,row,value,said", [
    ("B100001", 100001, b"<v>1</v>", "có ô B100001 ở dòng 100.001"),
    ("ALM5", 5, b"<v>1</v>", "có ô ALM5 ở cột thứ 1.001"),
    ("XFD1048576", 1048576, b"", None),  # an empty styled cell far away holds no value
    ("AZ99999", 99999, b"<v>1</v>", "số ô của trang tính"),  # 99.999 rows × 52 columns
    ("K99999", 99999, b"<v>1</v>", None),  # far, but within every limit
])
def test_a_far_cell_gets_the_same_outcome_as_streaming(ref, row, value, said, monkeypatch):
    quick, streamed = _both(_far(ref, row, value), ".xlsx", monkeypatch)
    assert quick == streamed
    assert (said is None and quick is None) or said in quick


def test_a_plain_sheet_is_passed_without_streaming():
    with zipfile.ZipFile(io.BytesIO(_far("K99999", 99999))) as archive:
        assert quick_scan(archive, archive.getinfo(SHEET)) is True
        assert quick_scan(archive, archive.getinfo("[Content_Types].xml")) is False


@pytest.mark.parametrize("change", [
    lambda x: x.replace(b"<sheetData>", b"<!-- <c r=\"XFD1\"><v>1</v></c> --><sheetData>"),
    lambda x: x.replace(b'<c r="A', b'<c  r="A', 1),  # written otherwise than Excel does
    lambda x: x.replace(b"</sheetData>", b'<row r="9"><c r="A09"><v>1</v></c></row></sheetData>'),
])
def test_a_sheet_written_otherwise_is_left_to_streaming(change):
    with zipfile.ZipFile(io.BytesIO(zip_with(good("D-00"), {SHEET: change}))) as archive:
        assert quick_scan(archive, archive.getinfo(SHEET)) is False
