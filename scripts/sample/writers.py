"""Write a ``FilePlan`` as .xlsx (openpyxl), .xls (xlwt) or .csv, reproducibly.

Same plan -> same bytes: workbook properties and zip entry times are pinned to the plan's sent
date, and the file's mtime is set to it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .layout import FilePlan, Sheet

WIDTHS = {"STT": 6, "Tên mô hình": 48, "Lĩnh vực": 18, "Hình thức": 12, "Tên tập thể/cá nhân": 34,
          "Chức vụ": 20, "Cấp công đoàn": 16, "Công đoàn cơ sở": 34, "Thời gian thực hiện": 22,
          "Kết quả": 14, "Ghi chú": 20}
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_plan(plan: FilePlan, folder: Path) -> Path:
    """Write ``plan`` into ``folder`` and set the file's mtime to the sent date; return the path."""
    path = folder / plan.filename
    {"xlsx": write_xlsx, "xls": write_xls, "csv": write_csv}[plan.fmt](plan, path)
    stamp = plan.sent.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def _cell_value(value):
    """Empty strings are written as empty cells."""
    return None if value == "" else value


def write_xlsx(plan: FilePlan, path: Path) -> None:
    """Excel 2007+ workbook: merged bold title block, bordered table, optional extra sheets."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in plan.sheets:
        ws = wb.create_sheet(sheet.name)
        ws.sheet_state = "hidden" if sheet.hidden else "visible"
        _fill_xlsx(ws, sheet)
    wb.active = plan.data_sheet
    for i, ws in enumerate(wb.worksheets):
        ws.sheet_view.tabSelected = i == plan.data_sheet
    utc = plan.sent.astimezone(dt.timezone.utc).replace(tzinfo=None)
    wb.properties.creator = plan.unit.short
    wb.properties.lastModifiedBy = plan.unit.short
    wb.properties.created = utc - dt.timedelta(days=20)
    wb.properties.modified = utc
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    _repack_zip(buffer.getvalue(), path, plan.sent.timetuple()[:6])


def _fill_xlsx(ws, sheet: Sheet) -> None:
    """Cell values, merges and formatting of one worksheet."""
    for r, row in enumerate(sheet.rows, start=1):
        for c, value in enumerate(row.values, start=1):
            value = _cell_value(value)
            if value is None:
                continue
            cell = ws.cell(r, c, value)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            if row.kind in ("title", "header", "subheading", "totals", "signature"):
                cell.font = Font(bold=True, italic=row.kind == "signature" and "ngày" in str(value))
            if row.kind in ("title", "header", "signature"):
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if row.kind in ("header", "data", "rejected", "totals"):
            for c in range(1, len(row.values) + 1):
                ws.cell(r, c).border = BOX
        for first, last, height in row.merges:
            ws.merge_cells(start_row=r, start_column=first + 1, end_row=r + height - 1, end_column=last + 1)
    for c, name in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(name, 16)


def _repack_zip(data: bytes, path: Path, when: tuple) -> None:
    """Rewrite a zip with every entry dated ``when`` (zipfile otherwise stamps the current time)."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))


def write_xls(plan: FilePlan, path: Path) -> None:
    """Excel 97-2003 workbook via xlwt: the same grid, merged title rows, bold header."""
    wb = xlwt.Workbook(encoding="utf-8")
    bold = xlwt.easyxf("font: bold on; align: horiz center, vert center, wrap on")
    boxed = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin")
    for sheet in plan.sheets:
        ws = wb.add_sheet(sheet.name, cell_overwrite_ok=True)
        ws.visibility = 1 if sheet.hidden else 0
        for r, row in enumerate(sheet.rows):
            style = bold if row.kind in ("title", "header", "subheading", "totals", "signature") else boxed
            merged = set()
            for first, last, height in row.merges:
                ws.write_merge(r, r + height - 1, first, last, _cell_value(row.values[first]), style)
                merged.update(range(first, last + 1))
            for c, value in enumerate(row.values):
                if c not in merged and _cell_value(value) is not None:
                    ws.write(r, c, value, style)
        for c, name in enumerate(sheet.columns):
            ws.col(c).width = 256 * WIDTHS.get(name, 16)
    wb.save(str(path))


def write_csv(plan: FilePlan, path: Path) -> None:
    """CSV in the plan's encoding and separator; every line padded to the table's width."""
    sheet = plan.sheets[plan.data_sheet]
    width = len(sheet.columns)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=plan.sep, lineterminator="\r\n")
    for row in sheet.rows:
        values = ["" if v is None else str(v) for v in row.values]
        writer.writerow(values + [""] * (width - len(values)))
    text = out.getvalue()
    data = encode_cp1258(text) if plan.encoding == "cp1258" else text.encode(plan.encoding)
    path.write_bytes(data)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 bytes of ``text``, as Vietnamese Windows writes them.

    cp1258 has precomposed base letters (ă â ê ô ơ ư đ, some toned vowels) and five combining
    tone marks; Python's charmap codec encodes neither NFC nor NFD Vietnamese in general. A
    character with no code of its own is split into base letter + tone mark. Decoding with
    ``cp1258`` and normalising to NFC gives the original text back (asserted).
    """
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONE_MARKS))
        tones = "".join(p for p in parts if p in TONE_MARKS)
        out += base.encode("cp1258") + tones.encode("cp1258")
    data = bytes(out)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == unicodedata.normalize("NFC", text)
    return data
