"""Small builders of unit files for tests: a few lines of rows become a real workbook or CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from thidua.ingest.discover import InputFile, sha256_of

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
          "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả", "Ghi chú"]


def row(model="Bữa cơm Công đoàn ấm áp", field="Kinh tế", type_="Tập thể",
        registrant="CĐCS Công ty TNHH Ánh Dương", position=None, level="Cơ sở",
        grassroots="CĐCS Công ty TNHH Ánh Dương", period="01/2024 - 12/2024",
        result="Hoàn thành", note=None, stt=1) -> list:
    """One data row of form DVK-01 in :data:`HEADER` order."""
    return [stt, model, field, type_, registrant, position, level, grassroots, period, result, note]


def write_xlsx(path: Path, rows: list[list], title: list[str] = (), header=HEADER,
               sheet: str = "Danh sách") -> Path:
    """A workbook: title lines (one per row, column A), a blank row, the header, then rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for line in title:
        ws.append([line])
    if title:
        ws.append([])
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def input_file(path: Path, root: Path | None = None) -> InputFile:
    """An :class:`InputFile` for a file built by a test."""
    root = root or path.parent
    stat = path.stat()
    return InputFile(path, path.relative_to(root).as_posix(), sha256_of(path), stat.st_size,
                     dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.timezone.utc))


def read_form(tmp_path: Path, context, rows: list[list], unit: str = "Q-BD"):
    """One unit's form of ``rows`` (:func:`write_xlsx` under ``Mã đơn vị: <unit>``, ``Năm:
    2024``) read as the run reads a file (:func:`thidua.ingest.files.ingest_file`): its
    :class:`thidua.ingest.files.FileResult`."""
    from thidua.ingest.files import ingest_file

    path = write_xlsx(tmp_path / f"{unit}_2024.xlsx", rows,
                      title=[f"Mã đơn vị: {unit}", "Năm: 2024"])
    return ingest_file(input_file(path), context)


from scripts.sample.writers import encode_cp1258  # noqa: E402, F401  (re-exported: one writer of Windows-1258 text)


#: A summary.json of the bundled year, as the terminal and the artifacts show it.
SUMMARY = {"year": 2024, "registrations": {"total": 8333, "collective": 1129, "individual": 7204},
           "by_field": {"KT": {"collective": 230, "individual": 1238},
                        "VHXH": {"collective": 467, "individual": 3446},
                        "ANQP": {"collective": 218, "individual": 1470},
                        "XDHTCT": {"collective": 214, "individual": 1050}},
           "rows": {"read": 8533, "valid": 8333, "rejected": 12, "ignored": 188},
           "units": {"expected": 40, "submitted": 39, "missing": ["VC"]}}


def assert_figures_agree(summary: dict) -> None:
    """Every table of a ``summary.json`` agrees with every other (``spec/outputs.md``): by
    unit summed over units equals by field; by field, by level and by result summed equal
    the registrations of each type; valid rows equal registrations; exemplary models equal
    the ``tieu_bieu`` results; submitted plus missing units equal the expected ones."""
    reg = summary["registrations"]
    assert reg["total"] == reg["collective"] + reg["individual"] == summary["rows"]["valid"]
    for kind in ("collective", "individual"):
        for table in ("by_field", "by_level", "by_result"):
            assert sum(counts[kind] for counts in summary[table].values()) == reg[kind], (table, kind)
        for field, counts in summary["by_field"].items():
            assert sum(unit[field][kind] for unit in summary["by_unit"].values()) == counts[kind], field
    tieu_bieu = summary["by_result"]["tieu_bieu"]
    assert summary["exemplary"] == tieu_bieu["collective"] + tieu_bieu["individual"]
    assert len(summary.get("exemplary_models", [None] * summary["exemplary"])) == summary["exemplary"]
    units = summary["units"]
    assert units["submitted"] + len(units["missing"]) == units["expected"]
    rows = summary["rows"]
    assert rows["read"] == rows["valid"] + rows["rejected"] + rows["ignored"]
