"""What the commands of the ``thidua`` command line share: the options every command takes
the same way, the one-line refusal, and the checks of folders and dates.

Every refusal is one Vietnamese line on stderr, ``thidua: <lý do>``, exit status 2
(``spec/outputs.md``, "Exit status of the command line").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

#: The years a report can be for: the registry's first day (1990) to well ahead.
YEARS = (1990, 2100)
YearOption = Annotated[int, typer.Option("--year", "-y", min=YEARS[0], max=YEARS[1], metavar="NĂM",
                                         help=f"Năm báo cáo, ví dụ 2024 ({YEARS[0]}–{YEARS[1]}).")]
RawOption = Annotated[Optional[Path], typer.Option(
    "--raw", metavar="THƯ_MỤC", help="Thư mục tệp của các đơn vị (mặc định data/raw/<năm>).")]
RegistryOption = Annotated[Optional[Path], typer.Option(
    "--registry", metavar="TỆP", help="Danh mục đơn vị (mặc định data/reference/units.csv).")]
OutOption = Annotated[Optional[Path], typer.Option(
    "--out", metavar="THƯ_MỤC", help="Thư mục kết quả (mặc định data/out/<năm>).")]
CacheOption = Annotated[Optional[Path], typer.Option(
    "--cache", metavar="THƯ_MỤC",
    help="Thư mục bộ nhớ đệm của việc đọc tệp (mặc định data/out/.cache).")]
AsOfOption = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="NGÀY", help="Ngày xét đơn vị phải báo cáo, YYYY-MM-DD hoặc dd/mm/yyyy "
                                    "(mặc định 31/12 của năm báo cáo).")]


def flag(*names: str, help: str) -> typer.models.OptionInfo:
    """A yes/no option (``Annotated[bool, flag("--quiet", "-q", help=…)]``): no value, so the
    help shows no type column for it (typer would print ``<bool>``, which is English and
    suggests a value is expected)."""
    return typer.Option(*names, metavar="", help=help)


def fail(message: str, code: int = 2) -> None:
    """Refuse: ``thidua: <message on one line>`` on stderr, exit ``code`` (2: usage)."""
    typer.echo(f"thidua: {one_line(message)}", err=True)
    raise typer.Exit(code)


def one_line(message: str) -> str:
    """``message`` on one line: its line breaks become ``; ``."""
    return "; ".join(part.strip() for part in str(message).splitlines() if part.strip())


def check_folders(raw: Path, out: Path) -> None:
    """Refuse folders that would make a run read the whole disk or its own outputs: a raw
    folder that is the file system's root, and an output folder inside the raw folder."""
    raw, out = raw.resolve(), out.resolve()
    if raw == Path(raw.anchor):
        fail(f"--raw {raw} là thư mục gốc của ổ đĩa; hãy chỉ thư mục chứa tệp của các đơn vị "
              f"cho một năm (ví dụ data/raw/2024).")
    if out == raw or out.is_relative_to(raw):
        fail(f"--out {out} nằm trong --raw {raw}: báo cáo sẽ bị đọc lại như tệp của đơn vị; "
              f"hãy chọn thư mục kết quả ở ngoài thư mục tệp đơn vị.")


def check_out_year(out: Path, year: int) -> None:
    """Refuse an output folder whose published versions are of another year than ``year``
    (``manifest.json``'s ``year``, ``spec/outputs.md``): ``thidua diff --year 2023 --out
    <2024's folder>`` printed 2024's changes as 2023's, and a run would number its version
    after another year's (fresh tester U). A folder with no version passes."""
    from thidua.publish.latest import latest_version

    try:
        published = latest_version(out)
    except (OSError, ValueError):
        return  # an unreadable version is the command's own error to tell
    found = published.manifest.get("year") if published else None
    if isinstance(found, int) and found != year:
        fail(f"--out {out} là thư mục kết quả năm {found}, không phải năm {year}; hãy chọn "
             f"--year {found}, hoặc thư mục kết quả của năm {year}.")


def parse_date(text: str, option: str = "--date") -> dt.date:
    """A date option (``--date``, ``--as-of``) as ``YYYY-MM-DD`` or ``dd/mm/yyyy``; refuses
    anything else (one line)."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    from thidua.ingest.periodcheck import period_problem  # the CLI starts without the ingest

    if problem := period_problem(text.strip()):  # ``31/02/2024``: the shape, not the day
        fail(f"{option} '{text}': {problem}.")
    fail(f"{option} '{text}' không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy.")


def as_of_date(text: str | None, year: int) -> dt.date | None:
    """``--as-of``: the day on which the registry says which units must report for ``year``
    (``spec/unit-registry.md``); it must lie in that year, since a unit counted on a day of
    another year may not have existed in the reported one. ``None`` when not given."""
    if not text:
        return None
    day = parse_date(text, "--as-of")
    if day.year != year:
        fail(f"--as-of {day:%d/%m/%Y} không thuộc năm báo cáo {year}: hãy chọn một ngày từ "
              f"01/01/{year} đến 31/12/{year} (mặc định 31/12/{year}).")
    return day


def report_distribution(result: dict | None, quiet: bool) -> None:
    """Print what ``--distribute`` did; exit 1 when some recipient did not get the report."""
    if result is None:
        return
    from thidua.deliver.distribution import outcome_lines

    if "error" in result:
        typer.echo(f"thidua: không gửi được e-mail: {result['error']}", err=True)
        raise typer.Exit(1)
    lines = outcome_lines(result)
    for line in lines[:1] if quiet else lines:
        typer.echo(line)
    if result["failed"]:
        raise typer.Exit(1)
