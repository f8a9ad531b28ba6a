"""A coded cell written as ticked boxes, as in a form copied from Word (``☑ Tập thể ☐ Cá
nhân``, ``[x] Tập thể [ ] Cá nhân``, ``Tập thể ☐ Cá nhân ☒``): the ticked option is the value
when exactly one option of two or more is ticked and it reads as a value of the column (fresh
tester G's 1018: every row was rejected asking ``có phải là 'Tập thể' hay 'Cá nhân'?``). Read
so, the value is *interpreted* (told, ``đã hiểu là …``). No option ticked: nothing chosen,
an empty cell in an optional column (``☐ Hoàn thành ☐ Tiêu biểu`` was read as ``Tiêu biểu``:
fresh tester H's H36), asked in a required one. Two ticked, or a ticked option that reads as no value: the cell is read as before
(asked). Used by
:func:`thidua.ingest.values.read_value`, for every coded column."""

from __future__ import annotations

import re

#: A ticked box: ``☑ ☒ ✔ ✓ ✅ ✗ ✘ ■ ▣ ◼ ⬛``, or ``[x]``, ``[X]``, ``[v]``, ``[✓]``.
TICKED = "☑☒✔✓✅✗✘■▣◼⬛"
#: An empty box: ``☐ □ ◻ ⬜ ❏``, or ``[ ]``, ``[]``.
EMPTY = "☐□◻⬜❏"
_MARK = re.compile(rf"\[\s*[xXvV✓✔]?\s*\]|[{TICKED}{EMPTY}]\ufe0f?")
#: What may sit between an option and the next box (``☑ Tập thể / ☐ Cá nhân``).
_JOINERS = " \t,;/|-–"
#: Longest cell looked at (four fields with their boxes fit).
LONGEST_BALLOT = 240


def _ticked(mark: str) -> bool:
    return mark[0] in TICKED or (mark.startswith("[") and mark.strip("[] ") != "")


def ballot_choice(text: str) -> str | None:
    """The text of the one ticked option of a cell of two or more boxed options (``☑ Tập thể
    ☐ Cá nhân`` → ``Tập thể``), boxes before or after their options; ``""`` when no option is
    ticked (the cell says nothing: in an optional column it is empty, ``Chưa đánh giá`` for
    ``Kết quả``, :func:`thidua.ingest.normalise.normalise_rows`; in a required one it is
    asked); ``None`` when the cell is no such ballot or two options are ticked."""
    if len(text) > LONGEST_BALLOT or not _MARK.search(text):
        return None
    parts = _MARK.split(text)
    marks = _MARK.findall(text)
    if not parts[0].strip(_JOINERS):  # boxes before their options
        options = parts[1:]
    elif not parts[-1].strip(_JOINERS):  # boxes after them: ``Tập thể ☑ Cá nhân ☐``
        options = parts[:-1]
    else:
        return None
    options = [o.strip(_JOINERS) for o in options]
    if len(options) < 2 or not all(options):
        return None
    chosen = [o for o, m in zip(options, marks) if _ticked(m)]
    if not chosen:
        return ""  # every option left unticked: nothing chosen (fresh tester H's H36)
    return chosen[0] if len(chosen) == 1 else None
