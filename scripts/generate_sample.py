"""Generate a year's sample submissions (form DVK-01), reproducibly.

    python scripts/generate_sample.py [--year 2024|2025] [--root PATH] [--no-verify]

Writes, under the project root:
- ``data/raw/<year>/<CODE>_dang-ky-dvk-<year>.<xlsx|xls|csv>``: one file per unit that sends
  (``sample.years``; old files in that folder are deleted first);
- ``tests/fixtures/sample_<year>_expected_rejections.csv``: ``file,sheet,row,column`` of every
  injected invalid row (row as Excel/LibreOffice shows it; sheet "" for CSV).

2024 (the default): the 40 units of 2024; the valid rows reproduce, by field x type, the 2024
figures of the domain brief (``vocab.TARGETS``: 1.129 collective / 7.204 individual
registrations). 2025: the units expected on 31/12/2025 in the example registry, less two that
do not send, plus one unit that ended on 30/06/2025 and still sends; made-up figures
(``sample.years``). Everything is drawn from ``random.Random(<year>)`` in registry order, so
two runs give byte-identical files. After writing, the files are re-read with pandas
(``sample.verify``) and every count is checked again.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import vocab as V  # noqa: E402
from sample.layout import FilePlan, build_plan  # noqa: E402
from sample.rows import load_units, make_context, make_registrations, plan_counts  # noqa: E402
from sample.verify import recount  # noqa: E402
from sample.writers import write_plan  # noqa: E402
from sample.years import PROFILES, YearProfile, use_year  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def rejections_fixture(year: int) -> Path:
    """Where the expected rejections of ``year``'s sample are listed."""
    return Path(f"tests/fixtures/sample_{year}_expected_rejections.csv")


#: Units that send a file, per year (2024: the 40 units; 2025: 93 expected − 2 + 1 ended).
SENDERS = {2024: 40, 2025: 92}


def plan_files(registry: Path, profile: YearProfile = PROFILES[2024]) -> tuple[list[FilePlan], dict]:
    """Plans of all units' files, and the planned valid rows per unit and (field, type)."""
    rng = random.Random(profile.year)
    units = load_units(registry, profile.missing, profile.extra)
    assert len(units) == SENDERS[profile.year], len(units)
    counts = plan_counts(units)
    places = [u.place for u in units if u.place]
    plans = []
    for unit in units:
        ctx = make_context(rng, unit, sum(counts[unit.code].values()), places)
        regs = make_registrations(rng, ctx, counts[unit.code])
        plans.append(build_plan(rng, ctx, regs))
    return plans, counts


def check_plans(plans: list[FilePlan], counts: dict, profile: YearProfile = PROFILES[2024]) -> None:
    """Assert the plans hold exactly the target valid rows and 12 injected invalid rows."""
    totals = Counter()
    for unit_counts in counts.values():
        totals.update(unit_counts)
    assert dict(totals) == V.TARGETS == profile.targets, totals
    valid = sum(p.row_kinds().get("data", 0) for p in plans)
    assert valid == sum(V.TARGETS.values()), valid
    assert profile.year != 2024 or valid == 8333, valid
    rejections = [r for p in plans for r in p.rejections()]
    assert len(rejections) == 12 and 6 <= len({r[0] for r in rejections}) <= 8, rejections
    formats = Counter(p.fmt for p in plans)
    assert formats == profile.formats, formats


def write_all(plans: list[FilePlan], root: Path) -> Path:
    """Replace ``data/raw/2024/`` with the planned files and write the rejections fixture."""
    folder = root / "data" / "raw" / str(V.YEAR)
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.iterdir()):
        if old.is_file():
            old.unlink()
    for plan in plans:
        write_plan(plan, folder)
    fixture = root / rejections_fixture(V.YEAR)
    fixture.parent.mkdir(parents=True, exist_ok=True)
    with fixture.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "sheet", "row", "column"])
        writer.writerows(sorted(r for p in plans for r in p.rejections()))
    return folder


def verify(plans: list[FilePlan], folder: Path) -> dict:
    """Re-read the files and compare every count with the plans; return the recount."""
    found = recount(folder)
    assert dict(found["cells"]) == V.TARGETS, found["cells"]
    expected = sorted(r for p in plans for r in p.rejections())
    assert sorted(found["rejections"]) == expected, (found["rejections"], expected)
    for plan in plans:
        kinds = plan.row_kinds()
        got = found["files"][plan.filename]
        for kind in ("data", "rejected", "blank", "totals", "subheading", "signature"):
            assert got.get(kind, 0) == kinds.get(kind, 0), (plan.filename, kind, got, kinds)
    return found


def summarise(plans: list[FilePlan], found: dict | None) -> None:
    """Print one line per file and the overall recount."""
    print(f"{'file':34} {'fmt':4} {'valid':>5} {'rej':>3} {'blank':>5} {'tot':>3} {'sub':>3} {'sig':>3}  variants")
    for p in plans:
        k = p.row_kinds()
        print(f"{p.filename:34} {p.fmt:4} {k.get('data', 0):5} {k.get('rejected', 0):3} "
              f"{k.get('blank', 0):5} {k.get('totals', 0):3} {k.get('subheading', 0):3} "
              f"{k.get('signature', 0):3}  {' '.join(p.features)}")
    if found:
        print("valid by field x type:", dict(sorted(found["cells"].items())))
        print("levels:", dict(found["levels"]), "results:", dict(found["results"]))
        print("rejections:", len(found["rejections"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, choices=sorted(PROFILES), default=2024,
                        help="sample year (default 2024)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this project)")
    parser.add_argument("--no-verify", action="store_true", help="skip re-reading the written files")
    args = parser.parse_args()
    profile = use_year(args.year)
    plans, counts = plan_files(args.root / "data" / "reference" / "units.csv", profile)
    check_plans(plans, counts, profile)
    folder = write_all(plans, args.root)
    summarise(plans, None if args.no_verify else verify(plans, folder))


if __name__ == "__main__":
    main()
