"""The appendix of exemplary models as its own files, for years too big for the report.

Every version carries the list as a workbook people can filter (:func:`exemplary_workbook`,
``phu-luc-tieu-bieu.xlsx``). Above :data:`INLINE_MAX` models the report's "Phụ lục 2" no longer
lists them but says where they are, and the list is also a PDF of its own
(``phu-luc-tieu-bieu.pdf``, :func:`appendix_pdf`), rendered in parts of at most
:data:`PART_ROWS` rows in parallel processes (WeasyPrint holds a whole document in memory) and
joined into one PDF/A-3b with continuous page numbers ``Phụ lục 2 — trang n``
(:mod:`thidua.report.parts`, :mod:`thidua.report.join`).
"""

from __future__ import annotations

import io

import jinja2
import pandas as pd

from schemas.form import FIELDS, TYPES
from thidua.report import glyphs
from thidua.settings import TEMPLATES_DIR
from thidua.text import xml_text

#: Exemplary models the report lists itself; above this the list is a file of its own.
INLINE_MAX = 2000
#: Rows of one part of the appendix PDF at most (about 40 pages): a process holds one part.
PART_ROWS = 1500
#: Parts the appendix is cut into at least, when each still holds :data:`MIN_PART_ROWS` rows:
#: parts of equal size keep every core busy to the end (2.001 rows in parts of 1.500 and 501
#: left one core idle two thirds of the time: issue 10, P4).
MIN_PARTS, MIN_PART_ROWS = 8, 200
WORKBOOK, PDF = "phu-luc-tieu-bieu.xlsx", "phu-luc-tieu-bieu.pdf"
COLUMNS = ["STT", "Lĩnh vực", "Tên mô hình", "Tập thể/cá nhân thực hiện", "Hình thức",
           "Mã đơn vị", "Đơn vị", "Tệp", "Dòng (Excel)"]


def exemplary_rows(registrations: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The exemplary models (``result == "tieu_bieu"``) in the report's order (field, then
    registry order of the unit, type, model), one row each, with :data:`COLUMNS` (``STT``
    numbering within a field).

    ``registrations``: :attr:`thidua.report.figures.Figures.registrations` (``unit, file,
    field, type, model, registrant, result``; index: Excel row); ``names``: unit code → name,
    in registry order."""
    exemplary = registrations[registrations["result"] == "tieu_bieu"]
    rank = {code: i for i, code in enumerate(names)}
    ordered = exemplary.assign(
        _field=exemplary["field"].map({f: i for i, f in enumerate(FIELDS)}),
        _unit=exemplary["unit"].map(rank), _row=exemplary.index.astype(int)) \
        .sort_values(["_field", "_unit", "type", "model"], kind="stable")
    return pd.DataFrame({
        "STT": ordered.groupby("_field").cumcount().to_numpy() + 1,
        "Lĩnh vực": ordered["field"].map(FIELDS).to_numpy(),
        "Tên mô hình": ordered["model"].to_numpy(),
        "Tập thể/cá nhân thực hiện": ordered["registrant"].to_numpy(),
        "Hình thức": ordered["type"].map(TYPES).to_numpy(),
        "Mã đơn vị": ordered["unit"].to_numpy(),
        "Đơn vị": ordered["unit"].map(names).fillna(ordered["unit"]).to_numpy(),
        "Tệp": ordered["file"].to_numpy(),
        "Dòng (Excel)": ordered["_row"].to_numpy(),
    })


def exemplary_workbook(rows: pd.DataFrame) -> bytes:
    """``phu-luc-tieu-bieu.xlsx``: :func:`exemplary_rows` on one sheet with a filter on every
    column and the header frozen; text that Excel would run as a formula stays text."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Phụ lục 2")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:I{len(rows) + 1}"
    for letter, width in zip("ABCDEFGHI", (7, 26, 60, 34, 10, 11, 40, 32, 12)):
        sheet.column_dimensions[letter].width = width
    sheet.append(COLUMNS)
    for record in rows.itertuples(index=False):
        cells = []
        for value in record:
            value = xml_text(value) if isinstance(value, str) else value  # never a control
            cell = WriteOnlyCell(sheet, value=value.item() if hasattr(value, "item") else value)
            if isinstance(value, str) and value[:1] in "=+-@":
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _groups(rows: pd.DataFrame) -> list[dict]:
    groups, seen = [], set()
    for field, part in rows.groupby("Lĩnh vực", sort=False):
        number = list(FIELDS.values()).index(field) + 1
        groups.append({"field": field, "number": number, "continued": field in seen,
                       "rows": [{"index": r[0], "model": r[2], "registrant": r[3], "type": r[4],
                                 "unit": r[6]} for r in part.itertuples(index=False)]})
        seen.add(field)
    return groups


#: The appendix's page numbers (drawn on the joined pages, :func:`thidua.report.join.join_parts`).
NUMBERS_CSS = ('@page appendix { @top-center { content: "Phụ lục 2 — trang " counter(page); '
               'font: 11pt "Liberation Serif"; padding-top: 8mm; } }')


def appendix_pdf(rows: pd.DataFrame, report: str, title: str, created: str,
                 workers: int | None = None) -> bytes:
    """``phu-luc-tieu-bieu.pdf``, PDF/A-3b: :func:`exemplary_rows` rendered in the parts of
    :func:`part_bounds` (equal, :data:`PART_ROWS` rows at most), ``workers`` processes at a time (default: the machine's cores),
    joined in order with continuous page numbers ``Phụ lục 2 — trang n`` and one outline
    (:func:`thidua.report.parts.render_joined`). Each process holds one part only, so the
    memory of a process is bounded by :data:`PART_ROWS`, whatever the year's size.
    ``report``: what the list comes with (``Báo cáo số …/BC-LĐLĐ, Hà Nội, ngày …``);
    ``created``: the ISO date of the report, so that the same inputs give the same bytes."""
    import datetime as dt

    from thidua.report.parts import render_joined

    htmls = appendix_htmls(rows, report, title, created)
    stamp = dt.datetime.combine(dt.date.fromisoformat(created[:10]), dt.time(0, 0),
                                tzinfo=dt.timezone.utc)
    return render_joined(htmls, None, stamp, NUMBERS_CSS, workers)


def part_bounds(rows: int, part_rows: int | None = None) -> list[tuple[int, int]]:
    """Where the appendix is cut: ``[(start, stop), …]`` row positions (from 0) of parts of
    equal size (±1 row), as many as needed for :data:`PART_ROWS` rows (or ``part_rows``) at
    most each, and at least :data:`MIN_PARTS` while each keeps :data:`MIN_PART_ROWS` rows
    (without ``part_rows``). The cut depends on the number of rows only, never on the number
    of processes, so the PDF's bytes do not either. Always one part at least (``[(0, 0)]``
    for no row)."""
    size = part_rows or PART_ROWS
    count = max(1, -(-rows // size))
    if part_rows is None:
        count = max(count, min(MIN_PARTS, rows // MIN_PART_ROWS))
    cuts = [round(k * rows / count) for k in range(count + 1)]
    return list(zip(cuts, cuts[1:]))


def appendix_htmls(rows: pd.DataFrame, report: str, title: str, created: str,
                   part_rows: int | None = None) -> list[str]:
    """The HTML of each part of :func:`appendix_pdf`: ``rows`` cut where
    :func:`part_bounds` says, a field continued from the part before headed ``(tiếp)``;
    without page numbers (drawn once joined)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                             undefined=jinja2.StrictUndefined, finalize=glyphs.finalize)
    template = env.get_template("appendix.html.j2")
    chunks = [rows.iloc[start:stop] for start, stop in part_bounds(len(rows), part_rows)]
    previous: set[str] = set()
    htmls = []
    for k, chunk in enumerate(chunks, 1):
        groups = _groups(chunk)
        for g in groups:
            g["continued"] = g["field"] in previous
        previous |= {g["field"] for g in groups}
        htmls.append(template.render(groups=groups, part=k, parts=len(chunks),
                                     report=report, title=title, pdf_created=created))
    return htmls
