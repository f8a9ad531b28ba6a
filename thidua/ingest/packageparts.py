"""The parts an ``.xlsx`` (or an ``.ods``) cannot be opened without, checked by name.

An ``.xlsx`` is a zip of parts: ``_rels/.rels`` names the workbook part (``xl/workbook.xml``),
which lists the sheets, and the workbook's relationships (``xl/_rels/workbook.xml.rels``) say
where each sheet is. When one of the three is missing or is not well-formed XML, the reader
either fails with a message that names nothing ("not a workbook") or finds no sheet at all,
which was told as an empty file with a hint about formulas (fresh damage cases of 01/12: the
unit was sent looking for formulas in a damaged file). :func:`broken_package` names the part
and says the file is damaged. Decorating parts (styles, theme…) broken are read around
(:mod:`thidua.ingest.salvage`); a broken worksheet is told by the reader.
"""

from __future__ import annotations

import posixpath
import zipfile

from defusedxml import ElementTree

#: What each required part is, for the message.
_ROLES = {"package": "mục lục của tệp", "workbook": "danh sách trang tính",
          "relationships": "vị trí các trang tính"}
_MISSING = ("Tệp bị hỏng: thiếu phần '{part}' ({role}) bên trong tệp, nên không mở được như một "
            "bảng tính; đề nghị mở thử tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.")
_BROKEN = ("Tệp bị hỏng: phần '{part}' ({role}) bên trong tệp không đúng định dạng XML, nên "
           "không mở được như một bảng tính; đề nghị mở thử tệp bằng Excel, lưu lại dạng "
           ".xlsx rồi gửi lại.")
_OFFICE_DOCUMENT = "/officeDocument"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _key(name: str) -> str:
    """A part's name as compared: lower case, ``/`` between folders, no leading ``/``."""
    return name.replace("\\", "/").lstrip("/").lower()


def _root(archive: zipfile.ZipFile, part: str):
    """The parsed root element of ``part``, or ``None`` when it is not well-formed XML."""
    try:
        return ElementTree.fromstring(archive.read(part), forbid_dtd=True)
    except Exception:  # any parse failure, or a forbidden construct: not usable
        return None


_TWICE = ("Tệp bị hỏng: phần '{part}' có {n} bản khác nhau bên trong tệp (tệp nén ghi trùng tên "
          "một phần), nên không biết bản nào là dữ liệu đúng; đề nghị mở tệp bằng Excel (hoặc "
          "LibreOffice), lưu lại rồi gửi lại.")
#: Parts whose copies may differ without changing what the file says: properties, thumbnail,
#: custom XML, pictures.
_WHATEVER = ("docprops/", "customxml/", "xl/media/", "thumbnails/", "pictures/", "meta.xml")


def twice_stored(archive: zipfile.ZipFile) -> str | None:
    """The reason (Vietnamese) a package holds one of its parts twice with different content,
    else ``None``: two zip entries of one name (a zip tool appending a part instead of
    replacing it; or names differing only in case or ``\\``, one part to Open Packaging
    Conventions, ECMA-376 part 2, §9.1.1.1: part names compare without case). Which copy a
    reader takes is its own choice (Python's ``zipfile`` and calamine take the last), so the
    file could count an older copy silently (fresh tester T's T073, T220, T223, T225: 5 of 8,
    a correction's new row lost). Copies with the same bytes (CRC and size) and parts that
    change no figure (:data:`_WHATEVER`) are let through. Never raises."""
    copies: dict[str, list[zipfile.ZipInfo]] = {}
    for info in archive.infolist():
        if not info.is_dir():
            copies.setdefault(_key(info.filename), []).append(info)
    for part, infos in copies.items():
        if not part.startswith(_WHATEVER) and len({(i.CRC, i.file_size) for i in infos}) > 1:
            return _TWICE.format(part=infos[-1].filename, n=len(infos))
    return None


def broken_package(archive: zipfile.ZipFile) -> str | None:
    """The reason (Vietnamese) an ``.xlsx`` package cannot be opened for a required part
    missing or not well-formed (``_rels/.rels``, the workbook part it names, the workbook's
    relationships, a sheet part the workbook lists; an ``.ods``'s ``content.xml``), or stored
    twice with different content (:func:`twice_stored`), else
    ``None`` (a zip that is no workbook is left to the reader). Names compare without
    case and with ``\\`` as ``/`` (a part a lenient reader would still find is never called
    missing). Never raises. Source: ECMA-376 part 2 (Open Packaging Conventions): the package
    relationships name the main part."""
    if reason := twice_stored(archive):
        return reason
    actual = {_key(n): n for n in archive.namelist()}
    names = set(actual)
    if not any(n.startswith("xl/") for n in names):  # an .ods, or no workbook at all
        odf = "mimetype" in names or "meta-inf/manifest.xml" in names
        return _MISSING.format(part="content.xml", role="nội dung bảng tính") if (
            odf and "content.xml" not in names) else None
    package = "_rels/.rels"
    if package not in names:
        return _MISSING.format(part=package, role=_ROLES["package"])
    if (root := _root(archive, actual[package])) is None:
        return _BROKEN.format(part=package, role=_ROLES["package"])
    # the workbook part: the main relationship's target (one without a target names none)
    targets = [t for r in root if r.get("Type", "").endswith(_OFFICE_DOCUMENT)
               and (t := r.get("Target", ""))]
    workbook = _key(targets[0]) if targets else "xl/workbook.xml"
    folder = posixpath.dirname(workbook)
    roots = {}
    for part, role in ((workbook, "workbook"), (posixpath.join(
            folder, "_rels", posixpath.basename(workbook) + ".rels"), "relationships")):
        if part not in names:
            return _MISSING.format(part=part, role=_ROLES[role])
        if not part.endswith((".xml", ".rels")):
            return None  # an .xlsb's binary workbook part: left to the reader
        roots[role] = _root(archive, actual[part])
        if roots[role] is None:
            return _BROKEN.format(part=part, role=_ROLES[role])
    where = {r.get("Id"): r.get("Target", "") for r in roots["relationships"]}
    for sheet in roots["workbook"].iter(_MAIN + "sheet"):
        target = where.get(sheet.get(_RELATIONSHIP_ID), "")
        part = _key(target) if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, _key(target)))
        if target and part not in names:
            return _MISSING.format(part=part, role=f"trang tính '{sheet.get('name', '')}'")
    return None
