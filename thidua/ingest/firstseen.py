"""When a unit's list was first seen: the same rows under new bytes or a new name are no new
sending (an extension of ``spec/submission-form.md``, "Corrections", ``docs/contracts.md``).

"Corrections" orders a unit's files by the ``Ngày gửi:`` line, else the modification time.
The modification time changes when the office opens the original to compare it and presses
Save, or downloads the first e-mail's attachment again as ``… (2).xlsx``; by the modification
time alone such a file then beats the unit's correction, and a re-run undoes the correction
(fresh tester K's K158, K159, K190, K201). What the unit sent is its rows: a file whose rows
(:func:`rows_sha256`) are those of a file of its unit in the version published before, or
whose bytes are those of another file of its unit in this run, is dated by the earliest
modification time of those rows (:attr:`thidua.ingest.files.FileResult.first_seen`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace

import pandas as pd

from thidua.ingest.files import SUPERSEDED, USED, FileResult

#: Columns naming the file a row came from: not part of what the file says.
_WHERE = ["file"]


def _frame_digest(frame: pd.DataFrame) -> bytes:
    """The bytes of a frame's cells, index and column names, in order (pandas' own hashing,
    text of the cells where a value cannot be hashed)."""
    frame = frame.drop(columns=_WHERE, errors="ignore")
    names = repr([str(c) for c in frame.columns]).encode()
    try:
        cells = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    except TypeError:  # a cell holding a list or a dict
        cells = frame.astype(str).to_csv().encode()
    return names + cells


def rows_sha256(result: FileResult) -> str:
    """Hex SHA-256 of what a file says, whatever its bytes and name: its unit, sent date and
    time, row counts, valid registrations (``FileResult.registrations``, index and every
    column but ``file``) and rejected rows (``FileResult.rejections`` but ``file``). Two
    files with the same rows as read have the same value; one edited cell changes it. Read by
    the same program version only (a change of the reading may change it)."""
    digest = hashlib.sha256(repr((result.unit, result.sent_date, result.sent_time,
                                  sorted(result.rows.items()))).encode())
    for frame in (result.registrations, result.rejections):
        digest.update(_frame_digest(frame))
    return digest.hexdigest()


def seen_before(inputs: Iterable[Mapping], by: str = "unit") -> dict[tuple[str, str], dt.datetime]:
    """``{(unit, rows_sha256): earliest time}`` from a published manifest's ``inputs``
    (``spec/outputs.md``; the keys ``unit``, ``path``, ``rows_sha256``, ``modified`` and
    ``first_seen``, ISO times) for the files counted or superseded; entries without them are
    left out. ``by="path"``: ``{(path, rows_sha256): earliest time}``, when the same rows were
    first seen under each name (:attr:`FileResult.own_first_seen`)."""
    seen: dict[tuple[str, str], dt.datetime] = {}
    for entry in inputs:
        owner, rows = entry.get(by), entry.get("rows_sha256")
        if not owner or not rows or entry.get("status") not in (USED, SUPERSEDED):
            continue
        times = [dt.datetime.fromisoformat(t) for t in (entry.get("modified"),
                                                         entry.get("first_seen")) if t]
        if times:
            key = (owner, rows)
            seen[key] = min([*times, *([seen[key]] if key in seen else [])])
    return seen


def dated_by_content(results: list[FileResult],
                     seen: Mapping[tuple[str, str], dt.datetime] | None = None,
                     named: Mapping[tuple[str, str], dt.datetime] | None = None
                     ) -> list[FileResult]:
    """``results`` (in order) with every usable file's ``rows_sha256`` and, when its unit's
    same rows were seen earlier than its own modification time, ``first_seen``: that earliest
    time. Seen: in ``seen`` (the version published before, :func:`seen_before`), or, in this
    run, in another file of its unit with the same bytes (``sha256``: the first e-mail's
    attachment downloaded again). Two files of one run with the same rows but other bytes
    keep their own times: nothing says which came first (and
    :func:`thidua.ingest.selection.select_submissions` undoes the date of a file whose name
    numbers a later version than all its unit's others). ``named``: :func:`seen_before` by
    path; a file whose own name held its rows earlier gets that time as ``own_first_seen``
    too (saved again: what such an undoing keeps). Other results are returned unchanged.
    Idempotent: a ``first_seen`` already set is kept when earlier."""
    hashed = [replace(r, rows_sha256=r.rows_sha256 or rows_sha256(r))
              if r.status in (USED, SUPERSEDED) and r.unit else r for r in results]
    copies: dict[tuple[str, str], dt.datetime] = {}
    for r in hashed:
        if r.rows_sha256 and r.sha256:
            key = (r.unit, r.sha256)
            copies[key] = min(r.input.modified, copies.get(key, r.input.modified))
    dated = []
    for r in hashed:
        if r.rows_sha256:
            times = [r.input.modified, copies.get((r.unit, r.sha256), r.input.modified),
                     *([r.first_seen] if r.first_seen else []),
                     *([seen[k]] if seen and (k := (r.unit, r.rows_sha256)) in seen else [])]
            first = min(times)
            if first < r.input.modified and first != r.first_seen:
                r = replace(r, first_seen=first)
            own = named.get((r.file, r.rows_sha256)) if named else None
            if own and own < r.input.modified and (r.own_first_seen is None
                                                   or own < r.own_first_seen):
                r = replace(r, own_first_seen=own)
        dated.append(r)
    return dated
