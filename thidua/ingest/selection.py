"""The choice among a unit's files (``spec/submission-form.md``, "Corrections"): the newest
file per unit and year wins, by the title's ``Ngày gửi:``, else the file's modification time,
else its name; the others are ``superseded``, a rejected newest file leaves the newest usable
one in use, and the rule that chose is said. Also the manifest's table of files.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from thidua.ingest.files import REJECTED, SKIPPED, SUPERSEDED, USED, FileResult
from thidua.ingest.limits import number
from thidua.ingest.duplicates import duplicate_key

def _recency(result: FileResult) -> tuple:
    """Sort key of ``spec/submission-form.md`` "Corrections": sent date, else mtime, else name."""
    sent = result.sent_date or result.input.modified.date()
    return (sent, result.input.modified, result.file)


def _dated(result: FileResult) -> str:
    """How a file is dated in a choice sentence: its sent date, else its modification time."""
    if result.sent_date:
        return f"gửi ngày {result.sent_date:%d/%m/%Y}"
    return f"sửa ngày {result.input.modified:%d/%m/%Y} (không có dòng 'Ngày gửi:' đọc được)"


#: ``chosen_by`` → the rule of ``spec/submission-form.md`` "Corrections" that chose a file
#: over its unit's other usable files (issue 13.3: the manifest and the terminal say so).
CHOSEN_BY = {"sent_date": "chọn theo ngày gửi ghi trong tệp",
             "mtime": "chọn theo thời gian sửa tệp",
             "name": "chọn theo thứ tự tên tệp"}


def _chosen_by(chosen: FileResult, others: list[FileResult]) -> str:
    """The key of :data:`CHOSEN_BY` for the rule that put ``chosen`` before the newest of its
    unit's other usable files; ``""`` when there is none."""
    usable = sorted((r for r in others if r.status in (USED, SUPERSEDED)), key=_recency)
    if not usable:
        return ""
    return next(key for key, text in CHOSEN_BY.items() if _why(chosen, usable[-1]).startswith(text))


def _why(chosen: FileResult, runner_up: FileResult) -> str:
    """Which rule of "Corrections" put ``chosen`` before ``runner_up``."""
    if chosen.sent_date and runner_up.sent_date and chosen.sent_date != runner_up.sent_date:
        return "chọn theo ngày gửi ghi trong tệp"
    if chosen.input.modified != runner_up.input.modified:
        undated = [r.file for r in (chosen, runner_up) if not r.sent_date]
        because = (f"tệp {', '.join(undated)} không có dòng 'Ngày gửi:' đọc được" if undated
                   else "các tệp ghi cùng ngày gửi")
        return f"chọn theo thời gian sửa tệp, vì {because}"
    return "chọn theo thứ tự tên tệp, vì các tệp cùng ngày gửi và cùng thời gian sửa"


def _choice(chosen: FileResult, others: list[FileResult]) -> str:
    """The sentence saying why ``chosen`` counts for its unit (``""`` when it is the unit's
    only file, or plainly the newest by sent date with nothing newer rejected)."""
    newer = sorted((r for r in others if r.status == REJECTED and _recency(r) > _recency(chosen)),
                   key=_recency)
    if newer:
        latest = newer[-1]
        reason = (latest.problem or "").rstrip(". ")
        return f"Tệp mới nhất {latest.file} bị từ chối ({reason}); dùng tệp {chosen.file} {_dated(chosen)}."
    usable = sorted((r for r in others if r.status in (USED, SUPERSEDED)), key=_recency)
    if not usable:
        return ""
    why = _why(chosen, usable[-1])
    if why == "chọn theo ngày gửi ghi trong tệp":
        return ""
    return f"Đơn vị có {len(others) + 1} tệp; dùng tệp {chosen.file} ({why})."


def _registrations(result: FileResult) -> set[tuple[str, str]]:
    """The valid registrations of a file as ``(model, registrant)`` keys
    (:func:`thidua.ingest.duplicates.duplicate_key`: case, accents, spacing aside)."""
    frame = result.registrations
    if frame.empty or "model" not in frame or "registrant" not in frame:
        return set()
    return set(zip(frame["model"].map(duplicate_key), frame["registrant"].map(duplicate_key)))


def batch_note(older: FileResult, newer: FileResult) -> str | None:
    """What a unit is told when its newer file ``newer`` supersedes ``older`` although the two
    share no registration (model and registrant): the older is likely the first batch of a
    list sent in two (``Đợt 1`` | ``Đợt 2``), not a version corrected by the newer; the
    newest file still wins (``spec/submission-form.md``, "Corrections"), and the unit is asked
    to merge them. ``None`` when they share one, or the older has no valid registration."""
    if not older.rows["valid"] or _registrations(older) & _registrations(newer):
        return None
    return (f"Tệp {older.file} ({number(older.rows['valid'])} mô hình) không được tính vì đơn "
            f"vị đã gửi tệp {newer.file} sau; nếu là hai đợt của một danh sách, hãy gộp vào một "
            f"tệp và gửi lại.")


def select_submissions(results: list[FileResult]) -> list[FileResult]:
    """Mark all but the newest usable file of each unit as ``superseded``, and say in the
    chosen file's ``choice`` why it counts when that is not plain (issues 9.7, 16.2).

    A rejected file never supersedes a usable one: when a unit's newest file is rejected
    (empty, cut short, password-protected, not a spreadsheet, no header…), its newest usable
    file counts, and ``choice`` reads "Tệp mới nhất X bị từ chối (lý do); dùng tệp Y gửi ngày
    …". When the choice fell back on modification times or names, ``choice`` says so
    ("chọn theo thời gian sửa tệp"). A superseded file sharing no registration with the
    chosen one (:func:`batch_note`: two batches of one list) keeps its rows out, but the note
    is its ``problem`` (the manifest, ``thidua validate``'s problem column) and starts the
    chosen file's ``choice`` (the unit's feedback, the report). Idempotent; returns the results
    in the input order.
    """
    newest: dict[str, FileResult] = {}
    for result in results:
        if result.status in (USED, SUPERSEDED):
            best = newest.get(result.unit)
            if best is None or _recency(result) > _recency(best):
                newest[result.unit] = result
    chosen = {id(r) for r in newest.values()}
    selected = []
    for r in results:
        if id(r) in chosen:
            others = [o for o in results
                      if o is not r and o.unit == r.unit and o.status != SKIPPED]
            batches = [n for o in others if o.status in (USED, SUPERSEDED)
                       if (n := batch_note(o, r))]
            choice = " ".join(t for t in (*batches, _choice(r, others)) if t)
            selected.append(replace(r, status=USED, choice=choice,
                                    chosen_by=_chosen_by(r, others)))
        elif r.status in (USED, SUPERSEDED):
            note = batch_note(r, newest[r.unit])
            selected.append(replace(r, status=SUPERSEDED, choice="", chosen_by="", problem=note))
        else:
            selected.append(r)
    return selected


FILE_COLUMNS = ["file", "sha256", "size", "modified", "unit", "sent_date", "status", "sheet",
                "encoding", "problem", "read", "valid", "rejected", "ignored", "reason", "choice",
                "chosen_by", "transient", "ignored_by", "sheets"]


def file_table(results: list[FileResult]) -> pd.DataFrame:
    """One row per input file, in input order, with :data:`FILE_COLUMNS`.

    ``unit``, ``sent_date`` (ISO date str), ``sheet``, ``problem`` may be <NA>; ``encoding``
    is :attr:`FileResult.encoding`; the row
    counts are int64 and are the file's own (also for superseded files). ``sha256`` is
    :attr:`FileResult.sha256` (the bytes parsed); ``reason`` why a ``skipped`` entry is not a
    submission, ``choice`` :attr:`FileResult.choice`, ``chosen_by``
    :attr:`FileResult.chosen_by` (all ``""`` when none); ``transient``
    (bool) :attr:`FileResult.transient`; ``ignored_by``: the ignored rows by reason
    (``{reason: n}``, reasons with rows only; ``spec/outputs.md``); ``sheets``:
    :attr:`FileResult.sheets` as a list (``[]`` for a file not read).
    """
    records = [{
        "file": r.file, "sha256": r.sha256, "size": r.input.size,
        "modified": r.input.modified.isoformat(), "unit": r.unit,
        "sent_date": r.sent_date.isoformat() if r.sent_date else None, "status": r.status,
        "sheet": r.sheet, "encoding": r.encoding, "problem": r.problem, **r.rows,
        "reason": r.input.skipped, "choice": r.choice, "chosen_by": r.chosen_by,
        "transient": r.transient,
        "ignored_by": {k: v for k, v in r.ignored.items() if v},
        "sheets": [dict(s) for s in r.sheets],
    } for r in results]
    frame = pd.DataFrame.from_records(records, columns=FILE_COLUMNS)
    return frame.astype({k: "int64" for k in ("size", "read", "valid", "rejected", "ignored")})
