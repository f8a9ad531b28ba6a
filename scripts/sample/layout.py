"""How each unit lays out its DVK-01 file: a format-independent grid of rows per sheet.

A ``Row``'s position in ``Sheet.rows`` (1-based) is the row number Excel/LibreOffice shows, for
every format, so expected rejections can be stated before anything is written.
Variants come from ../shared/spec/submission-form.md; which unit shows which variant is fixed
below so that each variant is present in the sample.
"""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field

from . import vocab as V
from .rows import Registration, UnitContext, Unit, make_registration

ICT = dt.timezone(dt.timedelta(hours=7))

# Which unit shows which variant (codes of data/reference/units.csv).
CSV_UNITS = {  # code: (encoding, separator, title lines)
    "H-PT": ("utf-8-sig", ",", ('DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2024', "Mã đơn vị: H-PT")),
    "N-NN": ("utf-8-sig", ",", ()),
    "H-MD": ("utf-8", ";", ("Năm: 2024",)),
    "H-UH": ("cp1258", ";", ("Mã đơn vị: H-UH", "Năm: 2024")),
}
XLS_UNITS = {"H-BV"}
HIDDEN_OLD_SHEET = {"Q-HM", "N-GD"}
GUIDE_SHEET = {"Q-CG", "N-YT", "KCN", "H-DA"}
SUBHEADED = {"Q-HK", "VC", "H-SS", "N-GTVT"}
DATE_CELLS = {"Q-LB", "N-CT", "H-TTH"}
TWO_ROW_HEADER = {"H-CM"}
NFD_TEXT = {"Q-TH"}
UNACCENTED_HEADERS = {"H-QO"}
FORCED_HEADERS = {"Q-BD": {"Tên mô hình": "Tên mô hình (*)", "Lĩnh vực": "LĨNH VỰC",
                           "Hình thức": "Hình thức\n(Tập thể/Cá nhân)"}}
REORDERED = {
    "Q-TX": ("STT", "Tên tập thể/cá nhân", "Chức vụ", "Hình thức", "Tên mô hình", "Lĩnh vực",
             "Công đoàn cơ sở", "Cấp công đoàn", "Thời gian thực hiện", "Kết quả", "Ghi chú"),
    "H-GL": ("STT", "Lĩnh vực", "Hình thức", "Tên mô hình", "Tên tập thể/cá nhân", "Chức vụ",
             "Công đoàn cơ sở", "Cấp công đoàn", "Kết quả", "Thời gian thực hiện", "Ghi chú"),
    "N-XD": ("STT", "Cấp công đoàn", "Công đoàn cơ sở", "Tên mô hình", "Lĩnh vực", "Hình thức",
             "Tên tập thể/cá nhân", "Chức vụ", "Thời gian thực hiện", "Kết quả", "Ghi chú"),
}
EXTRA_COLUMNS = {"Q-NTL": ("Mã đơn vị", 1), "N-DM": ("Đơn vị phối hợp", 10)}  # name, position
DROPPED_COLUMNS = {"N-NN": ("Cấp công đoàn", "Ghi chú")}
PARTNERS = ("", "", "Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên", "Công an phường",
            "Ủy ban MTTQ xã")
# The injected invalid rows: unit -> kinds (see ``_rejected_cells``); 12 rows in 7 files.
REJECTIONS = {"Q-DD": ("field_other", "result_other"), "Q-HM": ("type_empty",),
              "H-GL": ("position_empty", "duplicate"), "H-UH": ("name_short", "level_other"),
              "H-BV": ("period_outside",), "N-YT": ("field_empty", "registrant_empty"),
              "H-PT": ("duplicate", "field_other")}
SHEET_NAMES = ("Danh sách", "DVK-01", "Sheet1", "Đăng ký 2024", "Mẫu DVK-01", "DS mô hình")
GUIDE_LINES = ("HƯỚNG DẪN ĐIỀN BIỂU MẪU DVK-01", "",
               "1. Mỗi dòng là một mô hình; không gộp ô trong bảng danh sách.",
               "2. Cột Lĩnh vực ghi một trong: Kinh tế; Văn hóa - xã hội; An ninh - quốc phòng; "
               "Xây dựng hệ thống chính trị.",
               "3. Cột Hình thức ghi Tập thể hoặc Cá nhân; cá nhân phải ghi Chức vụ.",
               "4. Cột Cấp công đoàn ghi: Thành phố, Cấp trên trực tiếp cơ sở hoặc Cơ sở.",
               "5. Cột Kết quả ghi: Chưa đánh giá, Hoàn thành, Tiêu biểu, Không hoàn thành.",
               "6. Gửi tệp về Ban Tuyên giáo LĐLĐ Thành phố trước ngày 30/11/2024.")


@dataclass
class Row:
    """One sheet row. ``kind``: title, header, data, rejected, subheading, blank, totals, signature, text."""
    kind: str
    values: list
    merges: list = field(default_factory=list)  # (first column, last column, height in rows), 0-based
    rejected_column: str = ""


@dataclass
class Sheet:
    name: str
    rows: list[Row]
    columns: tuple = ()  # canonical header of each column, for widths and formats
    hidden: bool = False


@dataclass
class FilePlan:
    """Everything needed to write one unit's file, and what a correct reader must find in it."""
    unit: Unit
    fmt: str
    sheets: list[Sheet]
    data_sheet: int
    sent: dt.datetime
    encoding: str = ""
    sep: str = ","
    features: list[str] = field(default_factory=list)

    @property
    def filename(self) -> str:
        return f"{self.unit.code}_dang-ky-dvk-{V.YEAR}.{self.fmt}"

    def rejections(self) -> list[tuple[str, str, int, str]]:
        """Expected rejections as (file, sheet or "" for CSV, 1-based row, canonical column)."""
        sheet = self.sheets[self.data_sheet]
        name = "" if self.fmt == "csv" else sheet.name
        return [(self.filename, name, i, row.rejected_column)
                for i, row in enumerate(sheet.rows, start=1) if row.kind == "rejected"]

    def row_kinds(self) -> dict[str, int]:
        """Number of rows of each kind in the data sheet."""
        kinds: dict[str, int] = {}
        for row in self.sheets[self.data_sheet].rows:
            kinds[row.kind] = kinds.get(row.kind, 0) + 1
        return kinds


@dataclass
class Style:
    """How one unit writes its file (drawn once per unit)."""
    columns: tuple
    headers: dict
    field_family: str
    type_spelling: str
    level_blank_share: float
    upper_level: str
    order: str
    blank_rows: int
    totals_label: str
    sent: dt.datetime


def choose_style(rng: random.Random, unit: Unit) -> Style:
    """Draw a unit's layout habits; the fixed variant tables above take precedence."""
    columns = list(REORDERED.get(unit.code, V.COLUMNS))
    if unit.code in EXTRA_COLUMNS:
        name, pos = EXTRA_COLUMNS[unit.code]
        columns.insert(pos, name)
    columns = [c for c in columns if c not in DROPPED_COLUMNS.get(unit.code, ())]
    case = rng.choices(("plain", "upper", "variants"), weights=(55, 20, 25))[0]
    headers = {}
    for col in columns:
        variants = V.HEADER_VARIANTS.get(col, (col,))
        headers[col] = {"plain": col, "upper": col.upper(), "variants": rng.choice(variants)}[case]
    headers.update(FORCED_HEADERS.get(unit.code, {}))
    if unit.code in UNACCENTED_HEADERS:
        headers.update(V.UNACCENTED_HEADERS)
    family = rng.choices((*V.FIELD_SPELLINGS, "mixed"), weights=(35, 15, 15, 15, 5, 15))[0]
    sent = dt.datetime(V.YEAR, 11, rng.randint(4, 29), rng.randint(8, 16), rng.randint(0, 59), tzinfo=ICT)
    return Style(
        columns=tuple(columns), headers=headers, field_family=family,
        type_spelling=rng.choices(("full", "abbr", "mixed"), weights=(60, 25, 15))[0],
        level_blank_share=rng.choice((0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.1, 0.3, 1.0)),
        upper_level=rng.choice(V.LEVEL_SPELLINGS["cap_tren_co_so"]),
        order="field" if unit.code in SUBHEADED else rng.choice(("field", "field", "union", "shuffle")),
        blank_rows=rng.choice((0, 0, 1, 2)),
        totals_label=rng.choices(("Tổng cộng", "Cộng", "Tổng số"), weights=(70, 15, 15))[0],
        sent=sent)


def to_cells(rng: random.Random, unit: Unit, style: Style, reg: Registration) -> dict:
    """The cells a unit writes for one registration: canonical column -> value."""
    fam = V.FIELD_SPELLINGS.get(style.field_family)
    field_text = fam[reg.field] if fam else rng.choice(V.ALL_FIELD_SPELLINGS[reg.field])
    spelling = style.type_spelling if style.type_spelling != "mixed" else rng.choice(("full", "abbr"))
    level = ""
    if reg.level == "thanh_pho" or rng.random() >= style.level_blank_share:
        level = {"thanh_pho": "Thành phố", "co_so": "Cơ sở",
                 "cap_tren_co_so": style.upper_level if rng.random() < 0.8
                 else rng.choice(V.LEVEL_SPELLINGS["cap_tren_co_so"])}[reg.level]
    period = reg.period
    if unit.code in DATE_CELLS and period and period[:2] in ("01", "03", "06") and rng.random() < 0.5:
        day_month = period.split(" - ")[0].split("/")
        if day_month[-1] == str(V.YEAR):
            period = dt.date(V.YEAR, int(day_month[-2]), int(day_month[0]) if len(day_month) == 3 else 1)
    cells = {"Tên mô hình": reg.name, "Lĩnh vực": field_text,
             "Hình thức": V.TYPE_SPELLINGS[spelling][reg.type], "Tên tập thể/cá nhân": reg.registrant,
             "Chức vụ": reg.position, "Cấp công đoàn": level, "Công đoàn cơ sở": reg.union,
             "Thời gian thực hiện": period, "Kết quả": reg.result, "Ghi chú": reg.note,
             "Mã đơn vị": unit.code, "Đơn vị phối hợp": rng.choice(PARTNERS)}
    if unit.code in NFD_TEXT and rng.random() < 0.4:
        cells = {k: unicodedata.normalize("NFD", v) if isinstance(v, str) else v for k, v in cells.items()}
    return cells


def _rejected_cells(kind: str, rng: random.Random, ctx: UnitContext, style: Style,
                    body: list) -> tuple[dict, str, int]:
    """One invalid row of ``kind``: (cells, offending canonical column, earliest body index)."""
    if kind == "duplicate":
        data = [i for i, item in enumerate(body) if item[0] == "data"]
        first = rng.choice(data[: max(1, len(data) * 2 // 3)])
        return dict(body[first][1]), "Tên mô hình", first + 1
    individual = kind in ("type_empty", "position_empty")
    reg = make_registration(rng, ctx, rng.choice(V.FIELDS), "individual" if individual else "collective",
                            "co_so")
    cells = to_cells(rng, ctx.unit, style, reg)
    column, value = {
        "field_other": ("Lĩnh vực", "Môi trường"), "field_empty": ("Lĩnh vực", ""),
        "type_empty": ("Hình thức", ""), "position_empty": ("Chức vụ", ""),
        "name_short": ("Tên mô hình", "Tốt"), "result_other": ("Kết quả", "Xuất sắc"),
        "level_other": ("Cấp công đoàn", "Phường"), "registrant_empty": ("Tên tập thể/cá nhân", ""),
        "period_outside": ("Thời gian thực hiện", f"01/{V.YEAR - 2} - 12/{V.YEAR - 2}"),
    }[kind]
    if kind == "field_other":
        cells["Tên mô hình"] = rng.choice(("Phân loại rác thải sinh hoạt tại nguồn",
                                           "Nói không với túi ni lông tại nơi làm việc"))
    cells[column] = value
    return cells, column, 0


def order_body(rng: random.Random, style: Style, unit: Unit, regs: list[Registration]) -> list:
    """Body items ``(kind, cells, column)`` in the unit's order, sub-headings and blank rows included."""
    regs = list(regs)
    if style.order == "shuffle":
        rng.shuffle(regs)
    elif style.order == "union":
        regs.sort(key=lambda r: (r.level, r.union))
    body, current = [], None
    for reg in regs:
        if unit.code in SUBHEADED and reg.field != current:
            body.append(("subheading", V.SUBHEADINGS[reg.field], ""))
            current = reg.field
        body.append(("data", to_cells(rng, unit, style, reg), ""))
    return body


def inject(rng: random.Random, ctx: UnitContext, style: Style, body: list) -> None:
    """Insert this unit's invalid rows (``REJECTIONS``) at drawn positions in ``body``."""
    for kind in REJECTIONS.get(ctx.unit.code, ()):
        cells, column, earliest = _rejected_cells(kind, rng, ctx, style, body)
        body.insert(rng.randint(max(earliest, 1), len(body)), ("rejected", cells, column))
    if ctx.unit.code not in CSV_UNITS:
        for _ in range(style.blank_rows):
            body.insert(rng.randint(1, len(body)), ("blank", None, ""))


def _title_lines(rng: random.Random, unit: Unit, style: Style) -> list[str]:
    """4 to 9 title lines of an Excel file (empty string = empty row)."""
    lines = ["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI", unit.name.upper()]
    if rng.random() < 0.4:
        lines.append("")
    lines.append(f'DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM {V.YEAR}')
    if rng.random() < 0.3:
        lines.append(f"(Kèm theo Báo cáo số {rng.randint(40, 180)}/BC-CĐ ngày "
                     f"{style.sent:%d/%m/%Y})")
    if rng.random() < 0.85:
        lines.append(f"Mã đơn vị: {unit.code}")
    if rng.random() < 0.9:
        lines.append(f"Năm: {V.YEAR}")
    if rng.random() < 0.8:
        lines.append(f"Ngày gửi: {style.sent:%d/%m/%Y}")
    while len(lines) < 4 or rng.random() < 0.4 and len(lines) < 9:
        lines.append("")
    return lines[:9]


def _header_rows(unit: Unit, style: Style) -> list[Row]:
    """The header row, or two rows with merged cells (``TWO_ROW_HEADER``)."""
    labels = [style.headers[c] for c in style.columns]
    if unit.code in CSV_UNITS:  # one record per line: no line breaks inside CSV cells
        labels = [label.replace("\n", " ") for label in labels]
    if unit.code not in TWO_ROW_HEADER:
        return [Row("header", labels)]
    group = [style.columns.index(c) for c in ("Hình thức", "Tên tập thể/cá nhân", "Chức vụ")]
    top = [None if i in group[1:] else label for i, label in enumerate(labels)]
    top[group[0]] = "Người/đơn vị đăng ký"
    merges = [(group[0], group[-1], 1)] + [(i, i, 2) for i in range(len(labels)) if i not in group]
    bottom = [label if i in group else None for i, label in enumerate(labels)]
    return [Row("header", top, merges), Row("header", bottom)]


def build_plan(rng: random.Random, ctx: UnitContext, regs: list[Registration]) -> FilePlan:
    """Lay out one unit's file: sheets of rows, with its valid and injected invalid rows."""
    unit = ctx.unit
    style = choose_style(rng, unit)
    fmt = "csv" if unit.code in CSV_UNITS else "xls" if unit.code in XLS_UNITS else "xlsx"
    width = len(style.columns)
    body = order_body(rng, style, unit, regs)
    inject(rng, ctx, style, body)
    encoding, sep, csv_titles = CSV_UNITS.get(unit.code, ("", ",", ()))
    titles = list(csv_titles) if fmt == "csv" else _title_lines(rng, unit, style)
    rows = [Row("title", [t] + [None] * (width - 1), [(0, width - 1, 1)] if t else []) for t in titles]
    rows += _header_rows(unit, style)
    stt = 0
    for kind, cells, column in body:
        if kind == "blank":
            rows.append(Row("blank", [None] * width))
        elif kind == "subheading":
            rows.append(Row("subheading", [cells] + [None] * (width - 1), [(0, width - 1, 1)]))
        else:
            stt += 1
            rows.append(Row(kind, [stt if c == "STT" else cells.get(c, "") for c in style.columns],
                            rejected_column=column))
    rows.append(Row("totals", [style.totals_label, stt] + [None] * (width - 2)))
    if fmt != "csv":
        place = "Hà Nội" if unit.kind != "quan_huyen" or rng.random() < 0.6 else unit.place
        signed = style.sent.date() - dt.timedelta(days=rng.randint(0, 3))
        date_line = f"{place}, ngày {signed:%d} tháng {signed:%m} năm {signed:%Y}"
        rows.append(Row("blank", [None] * width))
        rows.append(Row("signature", [None] * (width - 4) + [date_line] + [None] * 3, [(width - 4, width - 1, 1)]))
        rows.append(Row("signature", [None, "Người lập biểu"] + [None] * (width - 6) + ["THỦ TRƯỞNG ĐƠN VỊ"]
                        + [None] * 3, [(1, 3, 1), (width - 4, width - 1, 1)]))
    data = Sheet(rng.choice(SHEET_NAMES) if fmt != "csv" else "", rows, style.columns)
    sheets = [data]
    if unit.code in GUIDE_SHEET:
        sheets.append(Sheet("Hướng dẫn", [Row("text", [line]) for line in GUIDE_LINES]))
    if unit.code in HIDDEN_OLD_SHEET:
        sheets.insert(0, old_sheet(rng, ctx))
    return FilePlan(unit, fmt, sheets, sheets.index(data), style.sent, encoding, sep,
                    features=describe(unit, style, fmt))


def old_sheet(rng: random.Random, ctx: UnitContext) -> Sheet:
    """A hidden first sheet left over from last year: a full header and rows that must not count."""
    rows = [Row("text", [f"DANH SÁCH NĂM {V.YEAR - 1} (BẢN CŨ - KHÔNG SỬ DỤNG)"]), Row("header", list(V.COLUMNS))]
    for i in range(1, 9):
        reg = make_registration(rng, ctx, rng.choice(V.FIELDS), rng.choice(V.TYPES), "co_so")
        rows.append(Row("text", [i, reg.name, rng.choice(("Kinh tế", "Môi trường", "VH-XH")), "Tập thể",
                                 reg.registrant, "", "Cơ sở", reg.union, f"01/{V.YEAR - 1} - 12/{V.YEAR - 1}",
                                 "Hoàn thành", "xóa"]))
    return Sheet(f"Năm {V.YEAR - 1}", rows, V.COLUMNS, hidden=True)


def describe(unit: Unit, style: Style, fmt: str) -> list[str]:
    """Human-readable list of the variants this file shows (for the generator's summary)."""
    tags = [f"fields:{style.field_family}", f"types:{style.type_spelling}", f"order:{style.order}"]
    if style.level_blank_share:
        tags.append(f"level-empty:{style.level_blank_share:.0%}")
    for table, tag in ((HIDDEN_OLD_SHEET, "hidden-old-sheet"), (GUIDE_SHEET, "guide-sheet"),
                       (SUBHEADED, "sub-headings"), (DATE_CELLS, "date-cells"),
                       (TWO_ROW_HEADER, "two-row-header"), (NFD_TEXT, "nfd-text"),
                       (UNACCENTED_HEADERS, "unaccented-headers"), (REORDERED, "reordered-columns"),
                       (EXTRA_COLUMNS, "extra-column"), (DROPPED_COLUMNS, "no-level/note-columns")):
        if unit.code in table:
            tags.append(tag)
    return tags
