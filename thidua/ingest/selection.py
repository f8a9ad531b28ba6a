"""The choice among a unit's files (``spec/submission-form.md``, "Corrections"): the newest
file per unit and year wins, by the title's ``Ngày gửi:``, else the file's modification time,
else its name; the others are ``superseded``, a rejected newest file leaves the newest usable
one in use, and the rule that chose is said. Also the manifest's table of files.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import PurePosixPath

import pandas as pd
from natsort import natsort_keygen, ns
from rapidfuzz.distance import OSA

from thidua.ingest.files import REJECTED, SKIPPED, SUPERSEDED, USED, FileResult
from thidua.ingest.duplicates import duplicate_key
from thidua.ingest.firstseen import dated_by_content
from thidua.ingest.handover import handed_over
from thidua.ingest.limits import SHOWN_CELL_CHARS, number
from thidua.ingest.sheetchoice import is_old_sheet
from thidua.ingest.versionwords import marks_newer, marks_older, numbers_version
from thidua.text import clean_text, match_key, word_key


@lru_cache(maxsize=4096)
def is_old_file(file: str) -> bool:
    """Whether a file's name or one of its folders (``file``: its path relative to the raw
    folder) marks it as an old copy or a draft as a sheet's name would
    (:func:`thidua.ingest.sheetchoice.is_old_sheet`: ``cũ/Q-HK.xlsx``, ``Q-HK (cũ).xlsx``,
    ``Q-HK_nhap.xlsx`` read as words, ``Bản nháp``, ``backup``)."""
    return any(is_old_sheet(re.sub(r"[_\-.()\[\]]+", " ", w))
               or (_unaccented(w) and _NHAP.search(match_key(w))) for w in _name_parts(file)) \
        or is_uncorrected_file(file)


def is_uncorrected_file(file: str) -> bool:
    """Whether a file's name or one of its folders says it is the version before a correction
    (:func:`thidua.ingest.versionwords.marks_older`: ``Q-DD (chưa sửa).xlsx``, ``trước khi
    sửa/Q-DD.xlsx``, ``chua chinh sua``): old as :func:`is_old_file` reads it (fresh tester
    N's N100, N180: beside ``Q-DD_DVK 2024.xlsx`` of the same modification time, the
    uncorrected file won by its name)."""
    return any(marks_older(part) for part in _name_parts(file))


def _unaccented(text: str) -> bool:
    """Whether ``text`` was typed without Vietnamese diacritics (its match key is itself, in
    lower case, ``đ`` aside)."""
    return match_key(text) == re.sub(r"\s+", " ", clean_text(text)).lower()


def _name_parts(file: str) -> list[str]:
    """A file's folders and its name without its suffix (``a/b/Q-HK.xlsx`` → ``a``, ``b``,
    ``Q-HK``), read word by word by :func:`is_old_file` and :func:`is_newer_file`."""
    parts = PurePosixPath(file).parts
    return [*parts[:-1], PurePosixPath(parts[-1]).stem] if parts else []


#: ``nhap`` without its diacritics as a word of a file name (``Q-HK_nhap``): a draft. Read only
#: in a name typed without diacritics (with them, ``nháp`` is :func:`is_old_sheet`'s and
#: ``nhập`` is no draft), and never in ``sap nhap``, ``da nhap``, ``nhap lieu``, ``nhap them``,
#: ``nhap lai`` (merged, entered, data entry: fresh tester K's K161, K163, K164, K200).
_NHAP = re.compile(r"(?<![a-z])(?<!sap )(?<!da )(?<!duoc )(?:ban )?nhap(?![a-z])"
                   r"(?! (?:lieu|them|lai|du lieu|bo sung|tiep|dot|moi))")


#: A date written in a file's name, day first (``05-12-2024``, ``5.12.2024``, ``05_12_24``),
#: or as eight digits day first (``05122024``; ``20241205`` is already in order).
_NAME_DATE = re.compile(r"(?<!\d)(\d{1,2})[-._](\d{1,2})[-._](\d{4}|\d{2})(?!\d)"
                        r"|(?<!\d)(\d{2})(\d{2})((?:19|20)\d{2})(?!\d)")


def _date_in_order(found: re.Match) -> str:
    day, month, year = (found[1], found[2], found[3]) if found[1] else (found[4], found[5],
                                                                          found[6])
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return found[0]
    year = year if len(year) == 4 else f"20{year}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


#: A day and a month without a year (``20-11``, ``05.12``, ``5_12``; not after a letter or a dot
#: as in ``v1.2``, nor a number and a dash as in what :data:`_NAME_DATE` made, nor before
#: another number), and the same
#: in words (``ngay 5 thang 12``, ``ngày 05 tháng 12``): how the office names the mails it
#: saves in the year's last weeks (fresh tester K's K084, K132, K136, K137).
_DAY_MONTH = re.compile(r"(?<![0-9A-Za-z.])(?<!\d-)(\d{1,2})[-._](\d{1,2})(?![0-9A-Za-z]|[-._]\d)")
_DAY_MONTH_WORDS = re.compile(r"ng[aà]y[ _-]*(\d{1,2})[ _-]*th[aá]ng[ _-]*(\d{1,2})(?!\d)",
                              re.IGNORECASE)


def _month_day(found: re.Match) -> str:
    day, month = int(found[1]), int(found[2])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return found[0]
    return f"{month:02d}-{day:02d}"


def dated_name(name: str) -> str:
    """A file's name with each date written in it put in sorting order: ``dd-mm-yyyy`` (and
    ``dd.mm.yy``, ``ddmmyyyy``, :data:`_NAME_DATE`) as ``yyyy-mm-dd``, a day and a month
    without a year (``20-11``, ``ngày 5 tháng 12``) as ``mm-dd``; what is no possible date stays
    as written (``32-12``, ``v1.2``)."""
    name = _NAME_DATE.sub(_date_in_order, unicodedata.normalize("NFC", name))
    return _DAY_MONTH_WORDS.sub(_month_day, _DAY_MONTH.sub(_month_day, name))  # words last:
    # their ``mm-dd`` is never read again as a day and a month


_NATURAL = natsort_keygen(alg=ns.IGNORECASE)
#: What separates words in a file's name, never a word of its own (a date's dashes are read
#: first, :func:`dated_name`).
_PUNCTUATION = re.compile(r"[\s()\[\]{}_,;]+")


def name_order(file: str) -> tuple:
    """The sort key of a file's name (its path relative to the raw folder) when nothing else
    orders a unit's files: the name's natural order (``v2`` before ``v10``, ``lan 2`` before
    ``lan 10``; the natsort library) with a date written in it day first read as a date
    (:func:`dated_name`: ``05-12-2024`` after ``20-11-2024``, ``05.12`` after ``20.11``), as people number and date their versions (the
    fresh tester A's F3: a plain character order kept the older file). Extends "the name's
    sort order" of ``spec/submission-form.md``, "Corrections" (``docs/contracts.md``)."""
    path = PurePosixPath(file)  # ``Q-HK.xlsx`` before ``Q-HK (1).xlsx``: by stem, then suffix
    # brackets and dashes are spaces: ``(sửa lần 2)`` after ``(sửa)`` (a space sorts before
    # ``)``: fresh tester Q's R242)
    words = " ".join(_PUNCTUATION.sub(" ", dated_name(str(path.with_suffix("")))).split())
    return (is_newer_file(file), _NATURAL(words), path.suffix)


def is_newer_file(file: str) -> bool:
    """Whether a file's name or one of its folders marks it as a later version of its list
    (:data:`schemas.form.NEWER_FILE_WORDS` as words, not after a word denying them,
    :data:`schemas.form.NOT_NEWER_WORDS`: ``bo-sung 05-12/Q-HM.xlsx``, ``Q-HM (cập
    nhật).xlsx``, ``sửa/Q-HM.xlsx``, never ``Q-HM_chua_sua.xlsx``): such a file sorts after an unmarked one in
    :func:`name_order` (fresh tester D's 513: the top-level original won over the supplement
    beside it, by name)."""
    return any(marks_newer(part) for part in _name_parts(file))


def _recency(result: FileResult) -> tuple:
    """Sort key of ``spec/submission-form.md`` "Corrections": sent date, else mtime, else name
    (:func:`name_order`); a file marked old or draft by its name or folder
    (:func:`is_old_file`) before all of them comes after every file that is not (an extension,
    ``docs/contracts.md``). The modification time is the first time the file's rows were seen
    (:func:`_modified`), then its own (copies of one sending: the latest copy stands for it)."""
    return (not is_old_file(result.file), *_sent_at(result), _modified(result),
            result.input.modified, name_order(result.file))


def _modified(result: FileResult) -> dt.datetime:
    """The modification time that orders a file: the first time its rows were seen
    (:attr:`FileResult.first_seen`, :mod:`thidua.ingest.firstseen`), else its own."""
    return result.first_seen or result.input.modified


def _sent_at(result: FileResult) -> tuple[dt.date, dt.time]:
    """When a file was sent, as far as it says: its sent date and the time written with it
    (``Ngày gửi: 05/12/2024 16:40``); without a time, the modification time's when it is of
    that day (a file edited at 17:00 on its sent day was sent after one stamped 09:15), the
    day's end when it is later, its start when earlier (so that files without a time keep the
    order of their modification times); without a sent date, its modification time."""
    modified = _modified(result)
    sent = result.sent_date or modified.date()
    if result.sent_time is not None:
        return sent, result.sent_time
    if modified.date() == sent:
        return sent, modified.time().replace(tzinfo=None)
    return sent, dt.time.max if modified.date() > sent else dt.time.min


def _dated(result: FileResult) -> str:
    """How a file is dated in a choice sentence: its sent date, else its modification time."""
    if result.sent_date:
        at = f" lúc {result.sent_time:%H:%M}" if result.sent_time else ""
        return f"gửi ngày {result.sent_date:%d/%m/%Y}{at}"
    return f"sửa ngày {_modified(result):%d/%m/%Y} (không có dòng 'Ngày gửi:' đọc được)"


#: ``chosen_by`` → the rule of ``spec/submission-form.md`` "Corrections" that chose a file
#: over its unit's other usable files (issue 13.3: the manifest and the terminal say so).
CHOSEN_BY = {"not_old": "chọn tệp không ghi là bản cũ hay bản nháp",
             "sent_date": "chọn theo ngày gửi ghi trong tệp",
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
    if is_old_file(runner_up.file) and not is_old_file(chosen.file):
        what = ("bản chưa sửa (trước khi sửa)" if is_uncorrected_file(runner_up.file)
                else "bản cũ hay bản nháp")
        return (f"chọn tệp không ghi là bản cũ hay bản nháp, vì tên hoặc thư mục của tệp "
                f"{runner_up.file} cho biết là {what}")
    if chosen.sent_date and runner_up.sent_date and chosen.sent_date != runner_up.sent_date:
        return "chọn theo ngày gửi ghi trong tệp"
    if chosen.sent_date and chosen.sent_date == runner_up.sent_date and chosen.sent_time \
            and runner_up.sent_time and chosen.sent_time != runner_up.sent_time:
        return (f"chọn theo ngày gửi ghi trong tệp: cùng ngày {chosen.sent_date:%d/%m/%Y}, tệp "
                f"{chosen.file} gửi lúc {chosen.sent_time:%H:%M}, sau tệp {runner_up.file} gửi "
                f"lúc {runner_up.sent_time:%H:%M}")
    if chosen.sent_date and not runner_up.sent_date \
            and chosen.sent_date != _modified(runner_up).date():
        return (f"chọn theo ngày gửi ghi trong tệp {chosen.file} ({chosen.sent_date:%d/%m/%Y}), "
                f"sau ngày sửa tệp {runner_up.file} ({_modified(runner_up):%d/%m/%Y}), tệp "
                f"không có dòng 'Ngày gửi:' đọc được{_resaved(runner_up, chosen)}")
    if (_modified(chosen), chosen.input.modified) != (_modified(runner_up),
                                                       runner_up.input.modified):
        undated = [r.file for r in (chosen, runner_up) if not r.sent_date]
        because = (f"tệp {', '.join(undated)} không có dòng 'Ngày gửi:' đọc được" if undated
                   else "các tệp ghi cùng ngày gửi")
        return f"chọn theo thời gian sửa tệp, vì {because}{_resaved(runner_up, chosen)}"
    if is_newer_file(chosen.file) and not is_newer_file(runner_up.file):
        return (f"chọn theo thứ tự tên tệp: tên hoặc thư mục của tệp {chosen.file} ghi là bản "
                f"bổ sung, sửa hoặc cập nhật, và các tệp cùng ngày gửi và cùng thời gian sửa")
    return "chọn theo thứ tự tên tệp, vì các tệp cùng ngày gửi và cùng thời gian sửa"


def _resaved(result: FileResult, chosen: FileResult) -> str:
    """``; tệp X lưu lại ngày … nhưng vẫn là các dòng đã có từ ngày …, nên tính theo ngày
    đó`` for a file dated by when its rows were first seen (:mod:`thidua.ingest.firstseen`),
    else ``""`` (also for a copy of ``chosen``'s bytes: the sentence on copies says it)."""
    if result.first_seen is None or (result.sha256 and result.sha256 == chosen.sha256):
        return ""
    return (f"; tệp {result.file} lưu lại ngày {result.input.modified:%d/%m/%Y} nhưng vẫn là "
            f"các dòng đã có từ ngày {result.first_seen:%d/%m/%Y}, nên tính theo ngày đó")


def _choice(chosen: FileResult, others: list[FileResult]) -> str:
    """The sentence saying why ``chosen`` counts for its unit (``""`` when it is the unit's
    only file, or plainly the newest by sent date with nothing newer rejected), naming the
    unit's other usable files whose bytes are the same (``sha256``: a file sent twice, a
    ``… - Copy.xlsx``; fresh tester F's 204)."""
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
    same = [r.file for r in usable if chosen.sha256 and r.sha256 == chosen.sha256]
    copies = (f" Tệp {', '.join(same)} có nội dung giống hệt tệp {chosen.file} (cùng một tệp "
              f"gửi lại hoặc chép ra dưới tên khác) nên chỉ tính một lần." if same else "")
    return f"Đơn vị có {len(others) + 1} tệp; dùng tệp {chosen.file} ({why}).{copies}"


def _registrations(result: FileResult) -> dict[tuple[str, str], str]:
    """The valid registrations of a file, in file order, as ``{(model, registrant) key: model
    name as written}`` (keys by :func:`thidua.ingest.duplicates.duplicate_key`, as the
    duplicate rule reads them: case, accents, spacing and end punctuation aside)."""
    frame = result.registrations
    if frame.empty or "model" not in frame or "registrant" not in frame:
        return {}
    keys = zip(frame["model"].map(duplicate_key), frame["registrant"].map(duplicate_key))
    found: dict[tuple[str, str], str] = {}
    for key, model in zip(keys, frame["model"].map(clean_text)):
        found.setdefault(key, model)  # the first spelling
    return found


#: How many models of a superseded file a note names before "và N mô hình khác".
NAMED_MODELS = 3


def _named(models: list[str]) -> str:
    """``'A', 'B', 'C' và 4 mô hình khác``: the first :data:`NAMED_MODELS` models named
    (each cut to :data:`thidua.ingest.limits.SHOWN_CELL_CHARS` characters)."""
    shown = ", ".join(f"'{m[:SHOWN_CELL_CHARS]}{'…' if len(m) > SHOWN_CELL_CHARS else ''}'"
                      for m in models[:NAMED_MODELS])
    rest = len(models) - NAMED_MODELS
    return shown + (f" và {number(rest)} mô hình khác" if rest > 0 else "")


def batch_note(older: FileResult, newer: FileResult,
               later: tuple[FileResult, ...] = ()) -> str | None:
    """What a unit (and the operator) is told when its newer file ``newer`` supersedes
    ``older`` and valid registrations of ``older`` (model and registrant, read as the duplicate
    rule reads them) are not among the valid ones of ``newer``: the newest file still wins
    (``spec/submission-form.md``, "Corrections") and those registrations are counted nowhere,
    so the unit is told how many and which, and asked to merge the files if both halves are
    wanted (``docs/contracts.md``, "Two batches in two files").

    ``later``: the unit's other superseded files sent after ``older``; a registration one of
    them also holds is told there, once, not again here (three files of one unit). Two
    sentences: when ``older`` shares no registration with ``newer`` (two batches, ``Đợt 1`` |
    ``Đợt 2``): "Tệp X (N mô hình) không được tính vì đơn vị đã gửi tệp Y sau; nếu là hai đợt
    của một danh sách, hãy gộp …"; when it shares some: "M trong N mô hình của tệp X không có
    trong các mô hình hợp lệ của tệp Y mới hơn nên không được tính: 'A', 'B', 'C' và K mô hình
    khác; …"; when ``newer`` has rejected rows and no valid one (a correction whose every row
    failed): "Tệp Y mới hơn không có mô hình hợp lệ nào (R dòng bị từ chối) …", never the
    two-batches advice. ``None`` when every registration of ``older`` is in ``newer`` (the same file
    again, a strict superset) or told for a later file, or ``older`` has none. A registration
    whose model the newer files hold under another registrant (one each) was corrected there
    (a name's typo, a type), never told as left out, unless the newer files keep that model
    under one of ``older``'s own registrants too: then only a typo of the name is
    (:func:`_left_out`)."""
    mine, theirs = _registrations(older), _registrations(newer)
    told = set(theirs).union(*(_registrations(f) for f in later))
    left = _left_out(mine, told)  # once: per registration it made a list of 2.050 hang
    missing = [model for key, model in mine.items() if key in left]
    if not missing:
        return None
    if not theirs and newer.rows.get("rejected", 0):  # a correction whose every row failed
        return (f"Tệp {newer.file} mới hơn không có mô hình hợp lệ nào "
                f"({number(newer.rows['rejected'])} dòng bị từ chối) nên đơn vị chưa có mô hình "
                f"nào được tính; tệp {older.file} ({number(older.rows['valid'])} mô hình) cũ "
                f"hơn không được tính vì đã có tệp mới hơn. Đề nghị sửa các dòng bị từ chối "
                f"của tệp {newer.file} rồi gửi lại.")
    if not set(mine) & set(theirs):
        return (f"Tệp {older.file} ({number(older.rows['valid'])} mô hình) không được tính vì "
                f"đơn vị đã gửi tệp {newer.file} sau; nếu là hai đợt của một danh sách, hãy gộp "
                f"vào một tệp và gửi lại.")
    return (f"{number(len(missing))} trong {number(len(mine))} mô hình của tệp {older.file} "
            f"không có trong các mô hình hợp lệ của tệp {newer.file} mới hơn nên không được "
            f"tính: {_named(missing)}. Nếu vẫn đăng ký các mô hình này, hãy gộp hai tệp vào một "
            f"tệp và gửi lại.")


#: A registrant's name in a newer file this many edits from the older one at most (and a
#: fifth of its letters) is the older name corrected (``Lonng`` → ``Long``).
NAME_EDITS = 2


def _near(a: str, b: str) -> bool:
    """Whether registrant keys ``a`` and ``b`` differ by a typo (:data:`NAME_EDITS`)."""
    return OSA.distance(a, b) <= min(NAME_EDITS, max(len(a), len(b)) // 5)


def _left_out(mine: dict[tuple[str, str], str], told: set[tuple[str, str]]) -> set:
    """The keys of ``mine`` (an older file's registrations) the newer files ``told`` do not
    hold, a correction aside: a model the newer files hold under another registrant answers
    one registration of the older file's that lacks it (a name's typo fixed, a type
    corrected: fresh tester F's 205, 210); but where the newer files keep the model under one
    of the older file's own registrants, another registrant beside it is one more person
    (fresh tester G's 407: ``M`` by An and by B, then by B and by Cường: An is left out), a
    correction only when its name is a typo of the older one (:func:`_near`)."""
    olds: dict[str, list[str]] = {}
    news: dict[str, set[str]] = {}
    for model, registrant in mine:  # grouped by model once (fresh tester Q's R259, R260: a
        olds.setdefault(model, []).append(registrant)  # list of 2.050 compared with its
    for model, registrant in told:  # correction, each model against all, did not finish)
        news.setdefault(model, set()).add(registrant)
    left = set()
    for model, old in olds.items():
        new = news.get(model, set())
        spare = sorted(r for r in new if r not in old)
        kept = len(new) > len(spare)  # the model matched exactly under a registrant
        for registrant in old:
            if registrant in new:
                continue
            match = next((r for r in spare if not kept or _near(registrant, r)), None)
            if match is None:
                left.add((model, registrant))
            else:
                spare.remove(match)
    return left


def _later(result: FileResult, results: list[FileResult], chosen: FileResult) -> tuple:
    """The usable files of ``result``'s unit sent after it, other than ``chosen``."""
    return tuple(o for o in results if o is not result and o is not chosen
                 and o.unit == result.unit and o.status in (USED, SUPERSEDED)
                 and _recency(o) > _recency(result))


#: What a copy adds to a file's name (match keys of the stem): ``Copy of …``, ``Bản sao của
#: …`` before it; `` (1)``, `` - Copy``, `` - Bản sao (2)`` after it (a download, Explorer's
#: copy); never a version's own number (``lần 2``).
_COPY_MARKS = re.compile(r"^(?:copy of|copy|ban sao cua|ban sao)\s+|\s*\(\d{1,3}\)$"
                         r"|\s*-\s*(?:copy|ban sao)(?:\s*\(\d{1,3}\))?$")


def _copy_of(stem: str) -> str:
    """A file's stem without what a copy adds to it (:data:`_COPY_MARKS`), as words: the name
    of the file it is a copy of (``Q-DD lần 2 (1)`` → ``q dd lan 2``)."""
    key = match_key(stem)
    while (bare := _COPY_MARKS.sub("", key).strip()) != key:
        key = bare
    return word_key(key)


def _sent_again_on_purpose(results: list[FileResult]) -> set[str]:
    """The usable files whose name numbers or marks a later version
    (:func:`thidua.ingest.versionwords.numbers_version`: ``Q-DD lần 3``, ``bản chốt``, ``(sửa
    lần 2)``), is no copy's name of another file of their unit (``Q-DD lần 2 (1)``, ``Q-DD_v2 -
    Copy``: an office copy, :func:`_copy_of`) and comes last of their unit by name
    (:func:`name_order`), or is marked by a word (:func:`is_newer_file`: ``bản chốt``,
    ``final``, ``gửi lại``) and was saved last, a file saved again counting from when its rows
    were first seen (``first_seen``: ``(sửa)`` saved again after ``bản chốt``, fresh tester R's
    S66; a number alone, ``lần 1`` saved again beside ``lần 2``, is the office's copy). Such a file is a new sending even
    when its rows are the original's (the unit sends its first list again to undo a wrong
    correction: fresh tester Q's R222, R231; R's S53, S54, S63, S69: ``(sửa)`` then
    ``bản chốt``), so it is never dated back to another file's time; only to its own name's
    (``own_first_seen``: it was saved again since)."""
    usable = [r for r in results if r.status in (USED, SUPERSEDED) and r.unit]
    found = set()
    for r in usable:
        stem = PurePosixPath(r.file).stem
        others = [o for o in usable if o.unit == r.unit and o.file != r.file]
        copied = _copy_of(stem)  # a copy's name (its marks taken off) of another file's
        if not numbers_version(stem) or copied != word_key(stem) and any(
                copied == _copy_of(PurePosixPath(o.file).stem) for o in others):
            continue
        own = word_key(stem)  # its own copies (``bản chốt (1)``) are no later sending
        rivals = [o for o in others if _copy_of(PurePosixPath(o.file).stem) != own]
        if all(name_order(o.file) < name_order(r.file) for o in rivals) \
                or is_newer_file(r.file) and all((o.first_seen or o.input.modified)
                                                 < r.input.modified for o in rivals):
            found.add(r.file)  # last by name; or marked by a word and the last one saved
    return found


def select_submissions(results: list[FileResult],
                       lineage: dict[str, frozenset[str]] | None = None) -> list[FileResult]:
    """Mark all but the newest usable file of each unit as ``superseded``, and say in the
    chosen file's ``choice`` why it counts when that is not plain (issues 9.7, 16.2).

    A rejected file never supersedes a usable one: when a unit's newest file is rejected
    (empty, cut short, password-protected, not a spreadsheet, no header…), its newest usable
    file counts, and ``choice`` reads "Tệp mới nhất X bị từ chối (lý do); dùng tệp Y gửi ngày
    …". When the choice fell back on modification times or names, ``choice`` says so
    ("chọn theo thời gian sửa tệp"). A superseded file holding registrations the chosen one
    lacks (:func:`batch_note`: two batches of one list, or a newer file that dropped some)
    keeps its rows out, but the note is its ``problem`` (the manifest, ``thidua validate``'s
    problem column) and starts the chosen file's ``choice`` (the unit's feedback, the report),
    the unit's superseded files oldest first. A file holding the same rows as another of its
    unit (or as one of the version published before, when the caller dated ``results`` by
    :func:`thidua.ingest.firstseen.dated_by_content` with what it published) is dated by the
    first time those rows were seen: an original saved again or downloaded again never
    undoes a correction (:mod:`thidua.ingest.firstseen`), unless its name numbers a later
    version than all its unit's other files (:func:`_sent_again_on_purpose`). With
    ``lineage`` (:func:`thidua.ingest.handover.heirs` of the registry), a registration that a
    unit which ended during the year and one of its successors both send is counted once, in
    the successor's file (:func:`thidua.ingest.handover.handed_over`). Idempotent; returns the
    results in the input order.
    """
    results = dated_by_content(results)
    resent = _sent_again_on_purpose(results)  # never dated back
    results = [replace(r, first_seen=r.own_first_seen)  # dated by its own name's first time
               if r.file in resent and r.first_seen else r for r in results]
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
            batches = [n for o in sorted(others, key=_recency)
                       if o.status in (USED, SUPERSEDED)
                       if (n := batch_note(o, r, _later(o, results, r)))]
            choice = " ".join(t for t in (*batches, _choice(r, others)) if t)
            selected.append(replace(r, status=USED, choice=choice,
                                    chosen_by=_chosen_by(r, others)))
        elif r.status in (USED, SUPERSEDED):
            note = batch_note(r, newest[r.unit], _later(r, results, newest[r.unit]))
            selected.append(replace(r, status=SUPERSEDED, choice="", chosen_by="", problem=note))
        else:
            selected.append(r)
    return handed_over(selected, lineage) if lineage else selected


FILE_COLUMNS = ["file", "sha256", "size", "modified", "unit", "sent_date", "sent_time",
                "status", "sheet",
                "encoding", "problem", "read", "valid", "rejected", "ignored", "reason", "choice",
                "chosen_by", "transient", "ignored_by", "sheets", "rows_sha256", "first_seen"]


def file_table(results: list[FileResult]) -> pd.DataFrame:
    """One row per input file, in input order, with :data:`FILE_COLUMNS`.

    ``unit``, ``sent_date`` (ISO date str), ``sent_time`` (``HH:MM``), ``sheet``, ``problem`` may be <NA>; ``encoding``
    is :attr:`FileResult.encoding`; the row
    counts are int64 and are the file's own (also for superseded files). ``sha256`` is
    :attr:`FileResult.sha256` (the bytes parsed); ``reason`` why a ``skipped`` entry is not a
    submission, ``choice`` :attr:`FileResult.choice`, ``chosen_by``
    :attr:`FileResult.chosen_by` (all ``""`` when none); ``transient``
    (bool) :attr:`FileResult.transient`; ``ignored_by``: the ignored rows by reason
    (``{reason: n}``, reasons with rows only; ``spec/outputs.md``); ``sheets``:
    :attr:`FileResult.sheets` as a list (``[]`` for a file not read); ``rows_sha256``
    :attr:`FileResult.rows_sha256` (``""`` when not set), ``first_seen`` (ISO time or <NA>)
    :attr:`FileResult.first_seen`.
    """
    records = [{
        "file": r.file, "sha256": r.sha256, "size": r.input.size,
        "modified": r.input.modified.isoformat(), "unit": r.unit,
        "sent_date": r.sent_date.isoformat() if r.sent_date else None,
        "sent_time": f"{r.sent_time:%H:%M}" if r.sent_time else None, "status": r.status,
        "sheet": r.sheet, "encoding": r.encoding, "problem": r.problem, **r.rows,
        "reason": r.input.skipped, "choice": r.choice, "chosen_by": r.chosen_by,
        "transient": r.transient,
        "ignored_by": {k: v for k, v in r.ignored.items() if v},
        "sheets": [dict(s) for s in r.sheets],
        "rows_sha256": r.rows_sha256,
        "first_seen": r.first_seen.isoformat() if r.first_seen else None,
    } for r in results]
    frame = pd.DataFrame.from_records(records, columns=FILE_COLUMNS)
    return frame.astype({k: "int64" for k in ("size", "read", "valid", "rejected", "ignored")})
