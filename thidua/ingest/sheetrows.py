"""One data sheet of a unit file, from its rows to registrations and rejections.

:mod:`thidua.ingest.files` runs these two steps for every sheet that counts
(:mod:`thidua.ingest.sheetchoice`): :func:`label_rows` before the unit is known (which rows are
data, and the unit codes they carry), :func:`check_rows` after (normalise and validate). Each
sheet's rows keep the numbers Excel shows; every row read ends up valid, rejected or ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.cellrules import (example_note, hidden_note, mark_examples, mark_hidden, mark_struck,
                                     hidden_columns_note, missing_columns_note, twin_columns_note,
                                     struck_note, unstruck_note, with_unsaved_formulas)
from thidua.ingest.contacts import contact_note, mark_contacts
from thidua.ingest.continuation import (continuation_note, halves_note, join_continuations,
                                       join_halves, share_models, shared_note)
from thidua.ingest.legacy import MOJIBAKE, undecoded_cells
from thidua.ingest.legend import legend_note
from thidua.ingest.marks import marked_columns, several_marked
from thidua.ingest.mergedrows import mark_merged_totals, wrapped_in_merges
from thidua.ingest.grouplines import lone_union_note, lone_unions
from thidua.ingest.ditto import ditto_note, filled_from_ditto
from thidua.ingest.groupfill import GROUPED_COLUMNS, filled_from_group, group_fill_note
from thidua.ingest.excerpts import EXCERPT, excerpt_note, mark_excerpts
from thidua.ingest.dropdownlists import dropdown_list_note, mark_dropdown_lists
from thidua.ingest.periodswap import swapped_periods
from thidua.ingest.plandocs import document_note
from thidua.ingest.personmodels import fill_person_models, person_models_note
from thidua.ingest.normalise import (IGNORED_REASONS, classify_rows, filled_down,
                                     filled_down_note, form_text, normalise_frames)
from thidua.ingest.registrant import positions_from_registrants, type_in_position
from thidua.ingest.rows import (SheetData, column_labels, field_from_name, legend_rows,
                               name_filled_rows,
                               overruled_type_headers,
                               raw_rows, title_line_rows, type_column_headers, lost_header_columns,
                               type_from_name, type_from_position)
from thidua.ingest.severalpeople import positions_of_people, several_people, several_people_note
from thidua.ingest.severalmodels import several_models, several_models_note
from thidua.ingest.sections import (blank_from_name_note, fields_from_subheadings,
                                    sheet_field_note,
                                    position_type_note, sheet_type_note, subheading_note)
from thidua.ingest.sheetchoice import COPIED_SHEET, copy_note
from thidua.ingest.sheetversions import earlier_version_note
from thidua.ingest.unheaded import lost_header_note
from thidua.ingest.valuecolumns import overruled_type_note, type_column_note
from thidua.ingest.sheettitle import title_rejections
from thidua.ingest.otheryears import mark_other_years, other_year_note, other_year_tables
from thidua.ingest.unitcodes import code_rejections
from thidua.ingest.unitcolumn import unit_names_as_codes
from thidua.ingest.usdates import read_day_first
from thidua.ingest.validate import (long_free_cells, long_free_cells_note, own_headers,
                                     rejection_frame, validate_sheets)

#: Ignored-row reason of a title line typed below the header (``IGNORED_REASONS`` of
#: :mod:`thidua.ingest.normalise`): its code and year are the title block's.
TITLE = "title"
from thidua.ingest.headers import slipped_headers_note
from thidua.ingest.interpreted import interpreted_frames, interpreted_notes
from thidua.ingest.withdrawn import mark_withdrawn, withdrawn_note
from thidua.ingest.errorcells import error_cells, kept_errors_note
from thidua.ingest.yearwords import years_from_words


@dataclass(frozen=True)
class SheetRows:
    """A sheet's rows labelled: ``raw`` (:func:`thidua.ingest.rows.raw_rows`, continuations
    joined, blank fields filled from sub-headings), ``labels`` (``"data"`` or a reason of
    :data:`thidua.ingest.normalise.IGNORED_REASONS`, same index), and what the notes need."""

    sheet: SheetData
    raw: pd.DataFrame
    labels: pd.Series
    filled: pd.Series
    joined: dict[int, int] = field(default_factory=dict)
    #: A registration's second row → its first (:func:`thidua.ingest.continuation.halves`).
    halves: dict[int, int] = field(default_factory=dict)
    by_heading: dict[int, list[int]] = field(default_factory=dict)
    #: column → rows filled from their group's first row (:mod:`thidua.ingest.groupfill`)
    by_group: dict[str, dict[int, list[int]]] = field(default_factory=dict)
    #: A second person's row → the registration whose model it shares
    #: (:func:`thidua.ingest.continuation.second_people`).
    shared: dict[int, int] = field(default_factory=dict)
    #: A second model's row → the registration whose registrant it takes
    #: (:func:`thidua.ingest.continuation.second_models`).
    models: dict[int, int] = field(default_factory=dict)
    #: A line naming the representative or contact of the registration above → that
    #: registration's row, or ``None`` (:func:`thidua.ingest.contacts.contact_lines`).
    contacts: dict[int, int | None] = field(default_factory=dict)
    #: A union's name alone under a row, ignored as a group's name, told
    #: (:func:`thidua.ingest.grouplines.lone_unions`).
    unions: list[int] = field(default_factory=list)
    #: column → ``{row: the row above it took the value from}`` for ditto marks
    #: (:func:`thidua.ingest.ditto.filled_from_ditto`).
    dittos: dict[str, dict[int, int | None]] = field(default_factory=dict)
    #: A numbered row giving another model of the individual above, the person written
    #: once → that individual's row (:func:`thidua.ingest.personmodels.person_models`).
    person_models: dict[int, int] = field(default_factory=dict)
    #: Blocks re-listing registrations above under a heading, ignored
    #: (:func:`thidua.ingest.excerpts.excerpt_blocks`).
    excerpts: list[tuple[int, str, dict[int, int]]] = field(default_factory=list)

    @cached_property
    def data(self) -> pd.DataFrame:
        """The rows labelled ``"data"`` (index: Excel row); selected once, at the first use
        (issue 10: the unit's codes, the formula check and the checks each read it)."""
        return self.raw[self.labels == "data"]


@dataclass(frozen=True)
class SheetOutcome:
    """What one sheet gave: ``valid`` rows (:func:`thidua.ingest.normalise.normalise_rows`
    columns, index Excel row), ``rejections`` (:data:`thidua.ingest.validate.REJECTION_COLUMNS`),
    ``raw`` (every row as written, :class:`SheetRows`), ``headers`` (:func:`raw_rows` column →
    the sheet's header text, :func:`thidua.ingest.rows.column_labels`), ``ignored`` (rows by reason),
    ``remarks`` and ``readings`` (notes for the unit), ``interpreted`` (cells of valid rows
    read by approximation)."""

    sheet: str
    read: int
    valid: pd.DataFrame
    rejections: pd.DataFrame
    raw: pd.DataFrame
    headers: dict[str, str]
    ignored: dict[str, int]
    remarks: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()
    interpreted: int = 0


def label_rows(sheet: SheetData, names: tuple[tuple[str, str], ...] = ()) -> SheetRows:
    """Which rows of ``sheet`` are registrations (``spec/submission-form.md``, "Rows that are
    not data"): blank, totals, sub-heading, signature and repeated header rows (a subtotal
    line inside a merged block too, :func:`thidua.ingest.mergedrows.mark_merged_totals`),
    title lines typed below the header (:data:`TITLE`, read with the title block,
    :func:`thidua.ingest.rows.title_line_rows`; with ``names``, ``(code, registry name)`` pairs,
    a line naming a unit too),
    hidden rows and example rows are ignored, a row carrying a cell over from the row above is joined to it,
    a blank ``Lĩnh vực`` under a field sub-heading takes its field, and a column written once
    per group takes its group's value (:mod:`thidua.ingest.groupfill`). Every row of a sheet that
    copies another (``SheetData.copy_of``) is ignored as :data:`COPIED_SHEET`."""
    raw = raw_rows(sheet)
    text = form_text(raw)  # the cleaned cells, once for every rule below (issue 10)
    filled = filled_down(raw, text)  # rows of nothing but filled-down values (16.6)
    if sheet.copy_of:
        return SheetRows(sheet, raw, pd.Series(COPIED_SHEET, index=raw.index, dtype=str), filled)
    raw, labels = mark_merged_totals(raw, classify_rows(raw, filled, text), sheet)  # ``Cộng`` in a merge
    titles = labels.index.isin(title_line_rows(sheet, names))  # ``Mã đơn vị: Q-HK`` under the table
    labels = labels.mask(titles & (labels != "blank"), TITLE)
    labels = mark_dropdown_lists(labels, text)  # a drop-down's list typed under the table
    labels = mark_hidden(labels, sheet)  # hidden rows: ignored, told (9.4)
    labels = mark_examples(labels, raw, sheet)  # a template's "Ví dụ" rows: ignored, told
    labels = mark_struck(labels, sheet)  # rows struck through: withdrawn, ignored, told
    labels = mark_withdrawn(labels, text)  # ``Ghi chú: Rút đăng ký``: withdrawn, ignored, told
    labels, contacts = mark_contacts(labels, text)  # ``Đại diện: Nguyễn Văn An``: ignored, told
    raw, text = wrapped_in_merges(raw, text, labels, sheet)  # a model's 2nd line, rest merged
    cleaned = raw  # what ``text`` holds the cleaned cells of
    raw, labels, joined = join_continuations(raw, labels, text)  # a cell's text over two rows
    raw, labels, halved = join_halves(raw, labels)  # a registration over two rows
    raw, dittos = filled_from_ditto(raw, labels)  # ``nt``, ``như trên``, ``"``: as above (told)
    seconds, unions = lone_unions(text, labels)  # ``Công đoàn cơ sở Trường B`` under A's row
    if seconds:  # a second union of the collective's model above: its second registrant
        labels = labels.copy()
        labels[seconds] = "data"
    raw, labels, shared, models = share_models(raw, labels, {**joined, **halved},
                                               text if raw is cleaned else None)  # "as
    # above": a second person of the model above, another model of the person above (under a
    # row joined into a registration, a wrapped line or a second half, too)
    raw, person = fill_person_models(  # a person's models numbered, named once; never the
        raw, labels.mask(labels.index == cut + 1, "cut")  # last row of a CSV cut short in it
        if (cut := sheet.facts.cut) is not None else labels)
    labels, excerpts = mark_excerpts(raw, labels)  # ``CÁC MÔ HÌNH TIÊU BIỂU``: rows again
    raw, by_heading = fields_from_subheadings(raw, labels)  # ``I. LĨNH VỰC KINH TẾ`` (told)
    by_group = {}
    ticked = set(marked_columns(sheet.table.marks))  # a tick box left blank is no group's
    for column in (c for c in GROUPED_COLUMNS if c not in ticked):  # ``Kinh tế`` once (told)
        raw, by_group[column] = filled_from_group(raw, labels, column)
    return SheetRows(sheet, raw, labels, filled, joined, halved, by_heading, by_group, shared,
                     models, contacts, unions, dittos, person, excerpts)


def unit_codes(rows: list[SheetRows]) -> pd.Series:
    """The ``Mã đơn vị`` cells of the data rows of every sheet, in workbook order, indexed by
    ``(sheet, Excel row)`` (names ``sheet``, ``row``): what
    :func:`thidua.ingest.identify.resolve_unit` reads, so that its messages name each row's
    sheet (:func:`thidua.ingest.unitcodes.column_unit`); an empty ``str`` Series when no sheet
    has the column."""
    found = [(r.sheet.sheet, r.data["unit_code"]) for r in rows if "unit_code" in r.data]
    if not found:
        return pd.Series(dtype="str")
    return pd.concat([codes for _, codes in found], keys=[name for name, _ in found],
                     names=["sheet", "row"])


def _undecoded_rejections(data: pd.DataFrame, encoding: str, file: str,
                          sheet: str) -> pd.DataFrame:
    """Rejections of the data rows whose form cells keep text of a legacy encoding that
    could not be converted (:func:`thidua.ingest.legacy.undecoded_cells`, issue 9.5)."""
    columns = [c for c in data.columns if c in BY_NAME]

    def error(header: str, word: str) -> str:
        if encoding.startswith(MOJIBAKE):  # a letter lost when UTF-8 was misread: not sure
            return (f"Ô '{header}' có chữ bị mất khi tệp UTF-8 bị mở bằng bảng mã "
                    f"{encoding.removeprefix(MOJIBAKE).strip()} rồi lưu lại ('{word}'), không "
                    f"biết chắc là chữ nào; đề nghị gõ lại ô này bằng Unicode rồi gửi lại.")
        return (f"Ô '{header}' còn ký tự của bảng mã {encoding} chưa chuyển được ('{word}'); đề "
                f"nghị chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) rồi gửi lại.")

    return rejection_frame([
        {"file": file, "sheet": sheet, "row": row, "column": BY_NAME[name].header,
         "value": str(value), "error": error(BY_NAME[name].header, word)}
        for row, name, value, word in undecoded_cells(data[columns], encoding)])


def cut_rejections(rejections: pd.DataFrame, row: int, cells: int, width: int) -> pd.DataFrame:
    """``rejections`` with those of Excel row ``row``, the last of a text file that ends inside
    it (:attr:`thidua.ingest.cellfacts.SheetFacts.cut`: ``cells`` of the header's ``width``),
    made one: the file ends mid-row, so the unit is told to save or send the file whole, not to
    fill cells its own copy has (fresh tester I's I067). A row whose cells were all read
    valid stays so."""
    mine = rejections["row"] == row
    if not mine.any():
        return rejections
    first = rejections[mine].iloc[0]
    order = [c.header for c in BY_NAME.values()]
    said = ", ".join(f"'{c}'" for c in sorted(
        {c for c in rejections.loc[mine, "column"] if c},
        key=lambda c: order.index(c) if c in order else len(order)))
    line = {"file": first["file"], "sheet": first["sheet"], "row": row, "column": "",
            "value": "",
            "error": f"Tệp dừng giữa dòng {row}: dòng cuối chỉ có {cells} trong {width} cột và "
                     f"không có dấu xuống dòng sau nó, nên tệp có thể đã bị cắt ngắn (tải về, "
                     f"gửi thư hoặc sao chép chưa hết) hoặc chưa được lưu hết; các ô {said} "
                     f"không có trong tệp nhận được. Đề nghị mở tệp gốc, kiểm tra dòng này, lưu "
                     f"lại đầy đủ rồi gửi lại."}
    return (pd.concat([rejections[~mine], rejection_frame([line])], ignore_index=True)
            .sort_values("row", kind="stable", ignore_index=True))


def _rejecting(valid: pd.DataFrame, rejections: pd.DataFrame,
               more: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``valid`` without the rows of ``more`` (rejections, :data:`REJECTION_COLUMNS`), and
    ``rejections`` with them, by row."""
    if more.empty:
        return valid, rejections
    valid = valid.drop(index=more["row"].astype(int).unique(), errors="ignore")
    return valid, (pd.concat([rejections, more], ignore_index=True)
                   .sort_values("row", kind="stable", ignore_index=True))


def check_rows(rows: SheetRows, *, year: int, file: str, unit: str | None = None,
               known_codes: frozenset[str] = frozenset()) -> SheetOutcome:
    """Normalise and validate the data rows of one sheet (``spec/submission-form.md``,
    "Errors"): each rejection names ``file``, the sheet and the Excel row. ``year``: the
    report year the periods must overlap. ``unit``: the file's unit; a row whose ``Mã đơn vị``
    gives another of ``known_codes`` is rejected alone (:func:`thidua.ingest.unitcodes.code_rejections`),
    and every data row of a sheet whose own title block names another unit or year
    (:func:`thidua.ingest.sheettitle.title_rejections`). :func:`check_sheets` of this one sheet."""
    return check_sheets([SheetCheck(rows, year, file, unit, frozenset(known_codes))])[0]


@dataclass(frozen=True)
class SheetCheck:
    """One sheet for :func:`check_sheets`: its labelled rows and what :func:`check_rows`
    takes with them."""

    rows: SheetRows
    year: int
    file: str
    unit: str | None = None
    known_codes: frozenset[str] = frozenset()
    #: ``(code, name)`` of the registry's units, for a later sheet whose title names a unit
    #: without its code (:func:`thidua.ingest.sheettitle.title_rejections`); ``()``: not read.
    names: tuple[tuple[str, str], ...] = ()
    #: The other year the sheet's name gives beside a sheet of the file's year
    #: (:func:`thidua.ingest.sheettitle.sheets_of_other_years`), else ``None``.
    name_year: int | None = None
    #: ``(code, name)`` of the registry's units, for every sheet: a unit's name written where
    #: its code is expected (a ``Mã đơn vị`` cell, the title's ``Mã đơn vị:``) is its code
    #: (:func:`thidua.ingest.unitnames.unit_in_cell`); ``()``: not read.
    unit_names: tuple[tuple[str, str], ...] = ()


def check_sheets(checks: list[SheetCheck]) -> list[SheetOutcome]:
    """:func:`check_rows` of many sheets (of one file or of many files), in order: their
    rows normalised in one pass (:func:`thidua.ingest.normalise.normalise_frames`) and
    validated with one pandera call per report year
    (:func:`thidua.ingest.validate.validate_sheets`), issue 10. Each outcome is the one
    :func:`check_rows` gives its sheet alone."""
    checks = [_without_other_years(c) for c in checks]  # ``DANH SÁCH … NĂM 2023`` under the list
    split = [positions_from_registrants(*positions_of_people(c.rows.data))
             for c in checks]  # ``Nguyễn Văn A - Chủ tịch``; ``1. A - Chủ tịch⏎2. B - Kế toán``
    dated = [read_day_first(data, own_headers(column_labels(c.rows.sheet)))
             for (data, _), c in zip(split, checks)]  # ``3/15/2024``: a US locale's dates
    turned = [swapped_periods(data) for data, _ in dated]  # ``12/2024 - 01/2024``: swapped
    yearly = [years_from_words(data, column_labels(c.rows.sheet).get("period"), c.year)
              for (data, _), c in zip(turned, checks)]  # ``Đăng ký mới 2024``, ``Hè 2024``
    plans = [document_note(data, column_labels(c.rows.sheet).get("period"), c.year)
             for (data, _), c in zip(yearly, checks)]  # ``Theo KH số 05/KH-CĐCS ngày …``
    split = [(data, [*told, *(n for n in (note, swap, year, plan) if n)])
             for (_, note), (_, swap), (_, year), plan, (data, told)
             in zip(dated, turned, yearly, plans, split)]  # messages
    # quote the unit's text
    todo = [i for i, (data, _) in enumerate(split) if not data.empty]
    normalised = normalise_frames([yearly[i][0] for i in todo])
    validated = dict(zip(todo, validate_sheets([
        (rows, split[i][0], checks[i].year, checks[i].file, checks[i].rows.sheet.sheet)
        for i, rows in zip(todo, normalised)],
        [own_headers(column_labels(checks[i].rows.sheet)) for i in todo])))
    found = interpreted_frames([data for data, _ in split])  # read by approximation (9.1)
    return [_outcome(c, data, told, validated.get(i), interpreted)
            for i, (c, (data, told), interpreted) in enumerate(zip(checks, split, found))]


def _without_other_years(check: SheetCheck) -> SheetCheck:
    """``check`` with the rows under a heading of another year ignored
    (:func:`thidua.ingest.otheryears.other_year_tables`)."""
    tables = other_year_tables(check.rows.raw, check.rows.labels, check.year)
    if not tables:
        return check
    return replace(check, rows=replace(check.rows,
                                       labels=mark_other_years(check.rows.labels, tables)))


def _outcome(check: SheetCheck, data: pd.DataFrame, told: list[str],
             validated: tuple[pd.DataFrame, pd.DataFrame] | None,
             interpreted: pd.DataFrame) -> SheetOutcome:
    """The :class:`SheetOutcome` of one sheet of :func:`check_sheets` from its validated
    rows (``None``: no data row, a copy, or only totals and blank rows) and the cells of its
    data rows read by approximation (:func:`thidua.ingest.interpreted.interpreted_frames`)."""
    rows, file, unit = check.rows, check.file, check.unit
    sheet, raw, labels = rows.sheet, rows.raw, rows.labels
    if validated is None:  # nothing to check
        valid, rejections = data.iloc[:0], rejection_frame([])
    else:
        valid, rejections = with_unsaved_formulas(*validated, sheet, data, file)
    if sheet.table.marks:  # two boxes ticked: said so, not as a value the unit typed
        rejections = several_marked(rejections, sheet.grid, sheet.table.marks,
                                    sheet.table.unknown)
    if sheet.facts.cut is not None:  # a CSV ending inside its last row: said so, not "Thiếu …"
        rejections = cut_rejections(rejections, sheet.facts.cut + 1, len(sheet.grid[sheet.facts.cut]),
                                    max([*sheet.table.columns, *sheet.table.unknown]) + 1)
    if sheet.converted and not data.empty:  # a row keeping unconverted legacy text is rejected, naming the encoding
        valid, rejections = _rejecting(valid, rejections, _undecoded_rejections(
            data, sheet.encoding, file, sheet.sheet))
    if unit and not data.empty:  # a sheet titled for another unit or year: its rows rejected
        valid, rejections = _rejecting(valid, rejections, rejection_frame(title_rejections(
            sheet, data.index, unit=unit, year=check.year, known_codes=check.known_codes,
            file=file, names=dict(check.names), name_year=check.name_year,
            code_names=dict(check.unit_names))))
    if unit and "unit_code" in data:  # a row of another unit's code: rejected alone
        read = unit_names_as_codes(data["unit_code"], dict(check.unit_names),
                                   check.known_codes)[0]
        valid, rejections = _rejecting(valid, rejections, rejection_frame(code_rejections(
            read, unit, set(check.known_codes), file, sheet.sheet, data["unit_code"])))
    valid, people = several_people(valid, raw)  # ``Nguyễn Văn An, Trần Thị Bình``: two, told
    valid, models = several_models(valid, raw)  # ``1. Bữa cơm …⏎2. Mái ấm …``: two, told
    if len(interpreted):  # of the valid rows only
        interpreted = interpreted[interpreted["row"].isin(valid.index)].reset_index(drop=True)
    headers = column_labels(sheet)
    ignored = labels[labels != "data"].value_counts()
    named = type_from_name(sheet)
    remarks = (None if not sheet.copy_of
               else earlier_version_note(sheet.sheet, sheet.copy_of, len(raw)) if sheet.earlier
               else copy_note(sheet.sheet, sheet.copy_of, len(raw), sheet.excerpt),
               None if sheet.copy_of else missing_columns_note(raw, sheet),
               None if sheet.copy_of else twin_columns_note(sheet),
               None if sheet.copy_of else hidden_columns_note(sheet),
               hidden_note(labels, sheet.facts.filtered), example_note(labels),
               struck_note(labels, sheet), unstruck_note(sheet),
               withdrawn_note(labels, raw, headers.get("note")),
               None if sheet.copy_of else slipped_headers_note(headers))
    readings = (filled_down_note(raw, labels, rows.filled), continuation_note(rows.joined),
                halves_note(rows.halves), shared_note(rows.shared, rows.models),
                person_models_note(raw, rows.person_models),
                dropdown_list_note(labels, raw),
                excerpt_note([b for b in rows.excerpts
                              if all(labels[r] == EXCERPT for r in b[2])]),  # not other years'
                contact_note(rows.contacts, raw), lone_union_note(raw, rows.unions),
                several_people_note(people), several_models_note(models),
                subheading_note(raw, rows.by_heading), ditto_note(raw, rows.dittos),
                other_year_note(other_year_tables(raw, labels, check.year), check.year),
                *(group_fill_note(raw, c, rows.by_group.get(c, {})) for c in GROUPED_COLUMNS),
                sheet_type_note(sheet.sheet, named) if named and len(data) else None,
                position_type_note(sheet.sheet, "position" in data
                                   and any(map(type_in_position, data["position"])))
                if len(data) and type_from_position(sheet, data.index) else None,
                *(type_column_note(sheet.sheet, h) for h in type_column_headers(sheet)
                  if len(data)),
                *(overruled_type_note(sheet.sheet, h) for h in overruled_type_headers(sheet)
                  if len(data)),
                *(lost_header_note(sheet.sheet, *lost) for lost in lost_header_columns(sheet)
                  if len(data)),
                sheet_field_note(sheet.sheet, field) if (field := field_from_name(sheet))
                and len(data) else None,
                *(legend_note(sheet.sheet, BY_NAME[name].header, legend, shown)
                  for name, (legend, rows_) in legend_rows(sheet).items()
                  if (shown := [r for r in rows_ if r in data.index])),
                *(blank_from_name_note(sheet.sheet, name, value, [r for r in rows_
                                                                  if r in data.index])
                  for name, (value, rows_) in name_filled_rows(sheet).items()
                  if any(r in data.index for r in rows_)),
                kept_errors_note(error_cells(data, optional=True), list(valid.index), headers)
                if len(data) else None,
                long_free_cells_note(long_free_cells(data, file), list(valid.index), headers)
                if len(data) else None,
                *told, *interpreted_notes(interpreted))
    return SheetOutcome(sheet.sheet, len(raw), valid, rejections, raw, headers,
                        {r: int(ignored.get(r, 0)) for r in IGNORED_REASONS},
                        tuple(n for n in remarks if n), tuple(n for n in readings if n),
                        len(interpreted))
