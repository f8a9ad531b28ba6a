"""``thidua registry check``: every fault of a unit registry through time, with its CSV line.

Source: ``shared/spec/unit-registry.md`` ("Checking a registry"). The rules:

- the file has a header row and at least one unit (``empty``, ``no_header``);
- every cell follows :data:`schemas.registry.REGISTRY_SCHEMA` (code, level, kind, dates,
  counts; ``cell``);
- a period does not end before it starts (``reversed``);
- two periods of one code never share a day (``overlap``);
- every successor code is a code of the registry (``unknown_successor``);
- following successors never leads back to a unit (``cycle``);
- a unit that ends has successors, or a next period of its own from the next day (``gap``).

Each fault is one :class:`RegistryProblem`; :func:`describe` says it in one Vietnamese line
naming the file, the CSV line and the column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from schemas.registry import REGISTRY_SCHEMA
from thidua.ingest.registry import RegistryError, comment_lines, read_registry_table
from thidua.ingest.registrydates import DateFault, registry_dates
from thidua.ingest.registrytext import registry_text

#: The rules of :func:`check_registry`, in the order they are reported.
RULES = ("empty", "no_header", "cell", "reversed", "overlap", "unknown_successor", "cycle", "gap")
#: Schema checks that this module says in its own words (reversed periods, overlaps).
_OWN_CHECKS = {"valid_to_after_valid_from", "periods_apart", "field_uniqueness",
               "multiple_fields_uniqueness"}


@dataclass(frozen=True)
class RegistryProblem:
    """One fault: ``rule`` (one of :data:`RULES`), ``line`` (CSV line, 1-based, counting
    comment lines), ``column`` (the registry's column, ``""`` for the whole file) and
    ``message`` (Vietnamese: what is wrong and what is expected)."""

    rule: str
    line: int
    column: str
    message: str


def describe(path: Path, problem: RegistryProblem) -> str:
    """``problem`` as one Vietnamese line: ``<file>, dòng <n>, cột <c>: <message>``."""
    column = f", cột {problem.column}" if problem.column else ""
    return f"{path.name}, dòng {problem.line}{column}: {problem.message}"


def check_registry(path: Path) -> list[RegistryProblem]:
    """Every fault of the registry at ``path`` (:data:`RULES`), in CSV line order within each
    rule; ``[]`` for a sound registry. Raises :class:`thidua.ingest.registry.RegistryError`
    only when the file does not exist or cannot be read as UTF-8 text."""
    if not path.is_file():
        raise RegistryError(f"Không tìm thấy danh mục đơn vị: {path}")
    try:
        frame, header = read_registry_table(path)
    except RegistryError as exc:
        text = str(exc)
        if "rỗng" in text:
            return [RegistryProblem("empty", 1, "", "tệp rỗng; cần dòng tiêu đề "
                                    f"{','.join(REGISTRY_SCHEMA.columns)} và mỗi đơn vị một dòng")]
        if "không có dòng tiêu đề" in text:
            return [RegistryProblem("no_header", _first_line(path), "",
                                    "không có dòng tiêu đề; dòng đầu phải là "
                                    f"{','.join(REGISTRY_SCHEMA.columns)}")]
        raise
    if frame.empty:
        return [RegistryProblem("empty", header, "", "chỉ có dòng tiêu đề, không có đơn vị nào; "
                                "cần mỗi đơn vị một dòng cho mỗi thời kỳ hoạt động")]
    line = {i: i + header + 1 for i in frame.index}
    frame, faults = registry_dates(frame, header)
    problems = _cell_problems(frame, line, faults)
    if any(p.column == "" for p in problems):  # a missing column: nothing else can be checked
        return problems
    # dates read are ``YYYY-MM-DD``; a date left as written (a fault) never is: its row has no period
    start = pd.to_datetime(frame["valid_from"], format="%Y-%m-%d", errors="coerce")
    end = pd.to_datetime(frame["valid_to"], format="%Y-%m-%d", errors="coerce")
    dated = frame.assign(start=start, end=end)[start.notna() & (frame["valid_to"].isna() | end.notna())]
    problems += _reversed(dated, line) + _overlaps(dated, line)
    problems += _unknown_successors(frame, line) + _cycles(frame, line) + _gaps(dated, line)
    return problems


def _first_line(path: Path) -> int:
    """The CSV line of the first line that is not a comment."""
    return comment_lines(registry_text(path)) + 1


def _cell_problems(frame: pd.DataFrame, line: dict[int, int],
                   faults: list[DateFault]) -> list[RegistryProblem]:
    """The schema's per-cell faults (code, name, level, kind, dates, counts) and missing
    columns; a date cell the registry cannot use (``faults``,
    :func:`thidua.ingest.registrydates.registry_dates`) is said with its own reason."""
    said: dict[tuple[int, str], RegistryProblem] = {}
    unread = frame.copy()
    for fault in faults:  # said below; never handed to pandas' own guess at a date
        unread.at[fault.index, fault.column] = None
    try:
        REGISTRY_SCHEMA.validate(unread, lazy=True)
        cases = pd.DataFrame(columns=["column", "check", "failure_case", "index"])
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    for column, check, value, index in cases[["column", "check", "failure_case", "index"]].itertuples(index=False):
        if check == "column_in_dataframe":
            said[(0, str(value))] = RegistryProblem("cell", min(line.values()) - 1, "",
                                                    f"thiếu cột '{value}'")
        elif pd.isna(index) or check in _OWN_CHECKS:
            continue
        elif check == "not_nullable":
            said[(int(index), column)] = RegistryProblem(
                "cell", line[int(index)], column, f"ô trống; cần {REGISTRY_SCHEMA.columns[column].description}")
        else:
            said[(int(index), column)] = RegistryProblem(
                "cell", line[int(index)], column,
                f"'{value}' không hợp lệ; cần {REGISTRY_SCHEMA.columns[column].description}")
    for fault in faults:  # over the schema's word for the same cell, if it had one
        said[(fault.index, fault.column)] = RegistryProblem(
            "cell", line[fault.index], fault.column,
            f"'{fault.value}' không hợp lệ: {fault.reason}; cần "
            f"{REGISTRY_SCHEMA.columns[fault.column].description}")
    return sorted(said.values(), key=lambda p: (p.line, p.column))


def _day(value: pd.Timestamp) -> str:
    return f"{value:%d/%m/%Y}"


def _reversed(dated: pd.DataFrame, line: dict[int, int]) -> list[RegistryProblem]:
    bad = dated[dated["end"].notna() & (dated["end"] < dated["start"])]
    return [RegistryProblem("reversed", line[i], "valid_to",
                            f"mã '{r.code}' kết thúc ngày {_day(r.end)}, trước ngày bắt đầu "
                            f"{_day(r.start)}; cần valid_to không trước valid_from")
            for i, r in bad.iterrows()]


def _overlaps(dated: pd.DataFrame, line: dict[int, int]) -> list[RegistryProblem]:
    """Two periods of one code sharing a day; said once, on the later line."""
    problems = []
    last = dt.date.max
    ends = {i: (e.date() if pd.notna(e) else last) for i, e in dated["end"].items()}
    starts = {i: s.date() for i, s in dated["start"].items()}
    for code, group in dated.groupby("code", sort=False):
        rows = list(group.index)
        for k, i in enumerate(rows):
            for j in rows[:k]:
                if starts[i] <= ends[j] and starts[j] <= ends[i]:
                    problems.append(RegistryProblem(
                        "overlap", line[i], "valid_from",
                        f"thời kỳ của mã '{code}' ({_period(dated, i)}) chồng lên thời kỳ ở dòng "
                        f"{line[j]} ({_period(dated, j)}); cần các thời kỳ của một mã không "
                        f"trùng ngày nào"))
    return sorted(problems, key=lambda p: p.line)


def _period(dated: pd.DataFrame, i: int) -> str:
    end = dated.at[i, "end"]
    return f"từ {_day(dated.at[i, 'start'])}" + (f" đến {_day(end)}" if pd.notna(end) else "")


def successor_codes(value: object) -> list[str]:
    """The codes of a ``successors`` cell (``;``-separated, spaces ignored); ``[]`` when empty."""
    if not isinstance(value, str):
        return []
    return [code.strip() for code in value.split(";") if code.strip()]


def successor_edges(registry: pd.DataFrame) -> dict[str, set[str]]:
    """Unit code → the codes its ``successors`` cells name (:func:`successor_codes`; several
    periods of a code joined); codes without successors are left out. ``registry``:
    :func:`thidua.ingest.registry.load_registry` (``code``, ``successors``)."""
    edges: dict[str, set[str]] = {}
    for code, successors in registry[["code", "successors"]].itertuples(index=False):
        if found := successor_codes(successors):
            edges.setdefault(code, set()).update(found)
    return edges


def _unknown_successors(frame: pd.DataFrame, line: dict[int, int]) -> list[RegistryProblem]:
    codes = set(frame["code"].dropna())
    problems = []
    for i, code, successors in frame[["code", "successors"]].itertuples():
        for successor in successor_codes(successors):
            if successor not in codes:
                problems.append(RegistryProblem(
                    "unknown_successor", line[i], "successors",
                    f"mã kế thừa '{successor}' của '{code}' không có trong danh mục; cần mã của "
                    f"một đơn vị trong tệp, các mã cách nhau bởi ';'"))
            elif successor == code:
                problems.append(RegistryProblem(
                    "cycle", line[i], "successors",
                    f"'{code}' ghi chính mình là đơn vị kế thừa; cần mã của đơn vị khác"))
    return problems


def _cycles(frame: pd.DataFrame, line: dict[int, int]) -> list[RegistryProblem]:
    """Successor chains that come back to where they started (A → B → A), said once per cycle
    on the line of its first unit in the file; a unit naming itself is said by
    :func:`_unknown_successors`."""
    edges: dict[str, list[str]] = {}
    first_line: dict[str, int] = {}
    for i, code, successors in frame[["code", "successors"]].itertuples():
        first_line.setdefault(code, line[i])
        edges.setdefault(code, []).extend(s for s in successor_codes(successors) if s != code)
    seen_cycles: set[frozenset[str]] = set()
    problems = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in edges.get(node, []):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):]
                if frozenset(cycle) not in seen_cycles:
                    seen_cycles.add(frozenset(cycle))
                    start = min(cycle, key=lambda c: first_line[c])
                    k = cycle.index(start)
                    ordered = cycle[k:] + cycle[:k] + [start]
                    problems.append(RegistryProblem(
                        "cycle", first_line[start], "successors",
                        f"chuỗi kế thừa quay vòng: {' → '.join(ordered)}; cần kế thừa chỉ đi từ "
                        f"đơn vị cũ sang đơn vị mới"))
            elif nxt in edges and state.get(nxt) is None:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for code in edges:
        if state.get(code) is None:
            visit(code, [])
    return sorted(problems, key=lambda p: p.line)


def _gaps(dated: pd.DataFrame, line: dict[int, int]) -> list[RegistryProblem]:
    """A period that ends with no successor and no next period of its own code from the next
    day: its grassroots unions would belong to nobody."""
    problems = []
    for i, r in dated[dated["end"].notna()].iterrows():
        if successor_codes(r.successors):
            continue
        resumes = dated[(dated["code"] == r.code) & (dated["start"] == r.end + dt.timedelta(days=1))]
        if resumes.empty:
            problems.append(RegistryProblem(
                "gap", line[i], "successors",
                f"mã '{r.code}' kết thúc ngày {_day(r.end)} mà không có đơn vị kế thừa; cần ghi "
                f"mã các đơn vị tiếp nhận công đoàn cơ sở của đơn vị này, hoặc một thời kỳ tiếp "
                f"theo của chính mã này từ ngày {_day(r.end + dt.timedelta(days=1))}"))
    return problems
