"""A workbook damaged only in what decorates it, read all the same (damaged workbooks never lose
their registrations when the data itself is intact).

An ``.xlsx``/``.ods`` is a zip of XML parts. When a part that only decorates the workbook (its
styles, theme, document properties, calculation chain, printer settings, comments, drawings)
is not well-formed XML, spreadsheet readers refuse the whole file although every cell is
intact. :func:`without_broken_parts` drops such parts so that the cells can be read; the unit
is told which parts were dropped and that formats (e.g. dates shown as dates) may be lost.
Parts that hold the data (``xl/workbook.xml``, worksheets, shared strings, ``content.xml``)
are never dropped: a file broken there stays rejected.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from defusedxml import ElementTree

#: Parts that only decorate a workbook (OOXML and ODF); the data never lives in them.
OPTIONAL_PARTS = re.compile(
    r"^(xl/styles\.xml|xl/theme/[^/]+\.xml|docProps/[^/]+\.xml|xl/calcChain\.xml|"
    r"xl/comments\d*\.xml|xl/threadedComments/[^/]+\.xml|xl/persons/[^/]+\.xml|"
    r"xl/drawings/[^/]+\.xml|customXml/[^/]+\.xml|styles\.xml|meta\.xml|settings\.xml)$")


def _well_formed(body: bytes) -> bool:
    try:
        ElementTree.fromstring(body, forbid_dtd=True)
    except Exception:  # any parse failure or forbidden construct: not usable
        return False
    return True


#: An OpenDocument spreadsheet's media type, and the manifest written in place of a missing
#: or broken one (ODF 1.2, part 3: the package's ``mimetype`` and ``META-INF/manifest.xml``
#: only describe the package; LibreOffice repairs a file without them).
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
MANIFEST = "META-INF/manifest.xml"
MANIFEST_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
    'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
    f'manifest:full-path="/" manifest:media-type="{ODS_TYPE}"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


#: What reading a zip part whose bytes were damaged raises (a CRC or deflate error, a part
#: cut short, a compression the reader lacks): :func:`_inflated`, and
#: :mod:`thidua.ingest.prescan`'s check of every part.
INFLATE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)


def _inflated(source: zipfile.ZipFile, name: str) -> bytes:
    """The part ``name`` of ``source``, or ``b""`` when it cannot be inflated (a CRC or
    deflate error: damaged bytes, so not well-formed either)."""
    try:
        return source.read(name)
    except INFLATE_ERRORS:
        return b""


def without_broken_parts(data: bytes) -> tuple[bytes, tuple[str, ...]] | None:
    """``(zip bytes, what was wrong)``: the workbook ``data`` without its optional parts
    (:data:`OPTIONAL_PARTS`) that are not well-formed XML or cannot be inflated (damaged
    bytes: a CRC error), and, for an ``.ods`` (a
    ``content.xml``, no ``xl/`` part), with a ``mimetype`` and a manifest written in place of
    missing or broken ones. What was wrong, one phrase per part (``xl/styles.xml không đọc
    được``, ``thiếu mimetype``). ``None`` when ``data`` is not a readable zip or nothing is
    wrong there (nothing to salvage). Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            infos = source.infolist()
            names = {i.filename for i in infos}
            broken = {i.filename for i in infos if OPTIONAL_PARTS.match(i.filename)
                      and not _well_formed(_inflated(source, i.filename))}
            ods = "content.xml" in names and not any(n.startswith("xl/") for n in names)
            if ods and MANIFEST in names and not _well_formed(source.read(MANIFEST)):
                broken.add(MANIFEST)
            missing = [n for n in ("mimetype", MANIFEST) if ods and n not in names]
            if not broken and not missing:
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                if "mimetype" in missing:
                    target.writestr("mimetype", ODS_TYPE, zipfile.ZIP_STORED)
                for info in infos:
                    if info.filename not in broken:
                        target.writestr(info, source.read(info.filename))
                if ods and (MANIFEST in missing or MANIFEST in broken):
                    target.writestr(MANIFEST, MANIFEST_XML)
    except Exception:  # a zip that cannot even be listed: nothing to salvage
        return None
    said = [f"{i.filename} không đọc được" for i in infos if i.filename in broken]
    return out.getvalue(), (*said, *(f"thiếu {n}" for n in missing))


#: The error values python-calamine reads in an ``.xlsx`` (Excel's classic seven); any other
#: stored as an error cell (``#SPILL!``, ``#GETTING_DATA``, ``#CALC!``, written by other
#: programs and by cube functions) makes it refuse the whole sheet.
READ_ERRORS = frozenset({b"#DIV/0!", b"#N/A", b"#NAME?", b"#NULL!", b"#NUM!", b"#REF!",
                         b"#VALUE!"})
#: An error cell of a worksheet part: its attributes before and after the type, and its value.
_ERROR_CELL = re.compile(rb'(<(?:\w+:)?c\b[^>]*?)\bt="e"([^>]*>(?:(?!</(?:\w+:)?c>).)*?'
                         rb'<(?:\w+:)?v>)([^<]*)(</(?:\w+:)?v>)', re.DOTALL)


def rezipped(source: zipfile.ZipFile, bodies: dict[str, bytes]) -> bytes:
    """The zip ``source`` written again, each part named in ``bodies`` with that body instead
    of its own (compressed, names and order kept). Raises what reading a damaged part raises."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, bodies[info.filename] if info.filename in bodies
                            else source.read(info.filename))
    return out.getvalue()


def with_read_errors(data: bytes) -> bytes | None:
    """The ``.xlsx`` ``data`` with each error cell whose value python-calamine cannot read
    (not in :data:`READ_ERRORS`) written as a text cell of that value: the row then holds the
    error's text, rejected or read as empty as any error is
    (:mod:`thidua.ingest.errorcells`). Fresh tester M's M036: ``#GETTING_DATA`` in a column
    not of the form rejected the whole file as damaged. ``None`` when there is none, or
    ``data`` is no zip. Never raises."""
    def text_cell(m: re.Match) -> bytes:
        if m.group(3).strip() in READ_ERRORS:
            return m.group(0)
        return m.group(1) + b't="str"' + m.group(2) + m.group(3) + m.group(4)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            bodies = {name: _ERROR_CELL.sub(text_cell, body) for name in source.namelist()
                      if name.startswith("xl/worksheets/") and b't="e"' in (body := source.read(name))}
            changed = {name: body for name, body in bodies.items() if body != source.read(name)}
            return rezipped(source, changed) if changed else None
    except Exception:  # no zip, or a damaged one: nothing to rewrite
        return None


#: What a cell whose shared string is missing holds once read (:func:`with_lost_strings`):
#: this mark, then the cell's reference (``J15``) when the file gives it. No unit types it;
#: :func:`thidua.ingest.errorcells.lost_string_cells` finds it and rejects its row.
LOST_STRING = "#LOST-STRING!"
#: A cell of a worksheet part typed as a shared string (``t="s"``): its attributes before and
#: after the type, and its value (the string's index).
_SHARED_CELL = re.compile(rb'(<(?:\w+:)?c\b[^>]*?)\bt="s"([^>]*>(?:(?!</(?:\w+:)?c>).)*?'
                          rb'<(?:\w+:)?v>)([^<]*)(</(?:\w+:)?v>)', re.DOTALL)
#: A string of the shared strings part (``<si>``, any prefix).
_SHARED_ITEM = re.compile(rb"<(?:\w+:)?si\b")
_REF = re.compile(rb'\br="([A-Za-z]{1,3}[0-9]{1,7})"')
#: The most rows with cells whose shared string is missing a file is read around: a few rows
#: (a hand-made file's slip, however many of a row's cells) are their own problem; more, or
#: more than one in ten of its shared-string cells lost, is a shared strings table cut short
#: or damaged, the whole file's problem (the unit's own copy is likely whole: it sends it
#: again). Rows, not cells: one row of six lost cells rejected the whole file (fresh tester
#: AB's ABB0).
MAX_LOST_STRINGS = 5


#: A shared-string cell whose index is no number at all (``-1``, ``abc``, empty): python-calamine
#: reads such a cell as the file's first string, silently (fresh tester AA's AA49 neighbours).
_ODD_INDEX = re.compile(rb't="s"[^>]*>\s*<(?:\w+:)?v>(?!\s*[0-9])')


def odd_string_index(data: bytes) -> bool:
    """Whether an ``.xlsx``'s worksheet holds a shared-string cell whose index is no number
    (:data:`_ODD_INDEX`), which python-calamine would read as another cell's text instead of
    refusing: such a file is read through :func:`with_lost_strings` first. ``False`` for no
    zip or a damaged one. Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            return any(_ODD_INDEX.search(source.read(name)) for name in source.namelist()
                       if name.startswith("xl/worksheets/") and name.endswith(".xml"))
    except Exception:  # no zip, or a damaged one: calamine's own error says it
        return False


def with_lost_strings(data: bytes) -> bytes | None:
    """The ``.xlsx`` ``data`` with each cell whose shared string does not exist (its index past
    the end of ``xl/sharedStrings.xml``, negative, or not a number: a hand-made or damaged file)
    written as a text cell holding :data:`LOST_STRING` and its reference (``#LOST-STRING!J15``),
    so that python-calamine reads the rest of the sheet (it refuses the whole sheet, "Cell
    string index not found in shared strings table") and the row holding it is rejected naming
    the cell (:func:`thidua.ingest.errorcells.lost_string_cells`), never read as empty. Fresh
    tester AA's AA49: one ``Kết quả`` cell pointing at string 999 of about 60 rejected the
    whole file. ``None`` when there is no such cell, no shared strings part at all, or more
    such cells than :data:`MAX_LOST_STRINGS` or one in ten of the shared-string cells (a table
    cut short: the whole file's problem, it stays rejected), or ``data`` is no zip. Never
    raises. An extension of
    ``spec/submission-form.md``, "Errors" (``docs/contracts.md``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            names = source.namelist()
            shared = next((n for n in names if n.lower() == "xl/sharedstrings.xml"), None)
            if shared is None:
                return None
            count = len(_SHARED_ITEM.findall(source.read(shared)))
            cells = lost = 0
            rows: set[bytes] = set()  # the rows (sheet part, row number) holding a lost cell

            def lost_cell(m: re.Match) -> bytes:
                nonlocal cells, lost
                cells += 1
                index = m.group(3).strip()
                if index.isdigit() and int(index) < count:
                    return m.group(0)
                lost += 1
                ref = _REF.search(m.group(1) + m.group(2))
                row = re.sub(rb"^[A-Za-z]+", b"", ref.group(1)) if ref else str(lost).encode()
                rows.add(part.encode() + b"!" + row)  # ``J15`` → row 15 of this part
                mark = LOST_STRING.encode() + (ref.group(1).upper() if ref else b"")
                return m.group(1) + b't="str"' + m.group(2) + mark + m.group(4)

            bodies, part = {}, ""
            for part in names:
                if part.startswith("xl/worksheets/") and b't="s"' in (body := source.read(part)):
                    bodies[part] = _SHARED_CELL.sub(lost_cell, body)
            if len(rows) > MAX_LOST_STRINGS or lost * 10 > cells:
                return None  # a table cut short: the whole file's problem
            changed = {name: body for name, body in bodies.items() if body != source.read(name)}
            return rezipped(source, changed) if changed else None
    except Exception:  # no zip, or a damaged one: nothing to rewrite
        return None


def salvage_note(wrong: tuple[str, ...]) -> str:
    """The line telling a unit its file was read around its damaged parts (``wrong``: what
    :func:`without_broken_parts` found)."""
    return (f"Tệp bị hỏng một phần ({'; '.join(wrong)}): đã đọc dữ liệu nhưng bỏ qua phần hỏng, "
            f"định dạng ô (ví dụ ngày tháng) có thể bị mất; đề nghị mở tệp bằng Excel, lưu lại "
            f"rồi gửi lại.")
