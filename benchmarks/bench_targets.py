"""Issue 10's targets, each a ratio of thidua to its floor timed in the same run.

    .venv/bin/python benchmarks/bench_targets.py [--files 2000] [--rows 500] [--data DIR]
        [--appendix-rows 100000] [--appendix-compare-rows N] [--only bundled|national|appendix]

- P1  cold ``thidua run`` of the bundled year (new output and cache folders, no Prefect
      server) against WeasyPrint alone rendering the same report HTML in one process; both are
      whole processes timed from outside (interpreter start and imports included on both
      sides). Target ≤ 1.0×.
- P2  a re-run after one unit's corrected file, against the same floor (target ≤ 1.1×), and a
      re-run with nothing changed (target ≤ 1 s wall).
- P3  a generated national-scale year (``benchmarks/national.py``, ``--files`` × ``--rows``):
      read + normalise + validate + aggregate (``plan_run``, every file through the content
      cache from cold, ``aggregate_results``) against a bare python-calamine read of the same
      files, each in its own process (target ≤ 1.5×; also by CPU seconds, summed over the
      process and its parsing workers with psutil); then the whole ``thidua run`` on that
      year, report included, with its peak memory summed over all its processes (PSS: a page
      shared by several of them counted once; the sum of each one's RSS is printed beside it)
      (sampled every 0.1 s with psutil; target < 2 GiB).
- P4  the appendix of exemplary models (``phu-luc-tieu-bieu.pdf``) of ``--appendix-rows``
      generated rows, rendered in parts in parallel processes and joined
      (:func:`thidua.report.appendix.appendix_pdf`), against the same appendix laid out as one
      WeasyPrint document in one process; each side in its own process, timed from inside
      (after imports), with the peak memory summed over the processes (target ≤ 0.6×).
      ``--appendix-compare-rows N``: when one document of ``--appendix-rows`` rows does not
      fit in memory, the ratio is taken at ``N`` rows and the parts side alone is timed at
      ``--appendix-rows`` (its time and peak memory printed on their own line).

Every wall time is the median of ``--repeat`` runs (default 1). The machine is shared: read
the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import national  # noqa: E402

PY = sys.executable
SAMPLE = ROOT / "data" / "raw" / "2024"
REGISTRY = ROOT / "data" / "reference" / "units.csv"
CORRECTED = "H-MD_dang-ky-dvk-2024.csv"


def environment(home: Path) -> dict:
    """The benchmark's environment: no Prefect server configured, Prefect's home aside."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(home / "prefect-home")
    return env


def timed(command: list[str], env: dict) -> tuple[float, int, str, int]:
    """Run ``command``; returns (wall seconds, peak RSS in bytes summed over the process and
    all its descendants, stdout, peak PSS in bytes summed the same way). RSS counts a page
    shared by several processes (a fork's pages, the libraries) once in each; PSS shares it
    out among them, so that its sum is the memory the processes hold together (Linux's
    ``smaps``, psutil's ``memory_full_info``). Raises when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    parent = psutil.Process(process.pid)
    peak = peak_pss = 0
    while process.poll() is None:
        total = shared_out = 0
        try:
            for p in [parent, *parent.children(recursive=True)]:
                try:
                    memory = p.memory_full_info()
                    total += memory.rss
                    shared_out += memory.pss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak, peak_pss = max(peak, total), max(peak_pss, shared_out)
        time.sleep(0.1)
    wall = time.perf_counter() - start
    out, err = process.communicate()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {err[-2000:]}")
    return wall, peak, out, peak_pss


def thidua_run(raw: Path, registry: Path, out: Path, cache: Path, env: dict) -> list[str]:
    return [PY, "-m", "thidua.cli", "run", "--year", "2024", "--raw", str(raw), "--registry",
            str(registry), "--out", str(out), "--cache", str(cache), "--quiet"]


RENDER_FLOOR = """
import sys, weasyprint
from thidua.settings import TEMPLATES_DIR
from thidua.report.render import LocalOnlyFetcher
html = open(sys.argv[1], encoding="utf-8").read()
weasyprint.HTML(string=html, base_url=str(TEMPLATES_DIR) + "/",
                url_fetcher=LocalOnlyFetcher()).write_pdf()
"""

REPORT_HTML = """
import sys
from pathlib import Path
from thidua import pipeline
from thidua.report.render import ReportMeta, build_context, render_html
from thidua.ingest.files import ingest_file
plan = pipeline.plan_run(2024, Path(sys.argv[1]), Path(sys.argv[2]))
figures = pipeline.aggregate_results(plan, [ingest_file(f, plan.context) for f in plan.files])
meta = ReportMeta(year=2024, report_date=pipeline.default_report_date(figures), version=1)
Path(sys.argv[3]).write_text(render_html(build_context(figures, meta)), encoding="utf-8")
"""

CALAMINE_FLOOR = """
import sys, time
from pathlib import Path
from python_calamine import CalamineWorkbook
files = sorted(Path(sys.argv[1]).glob("*.xlsx"))
start, cpu = time.perf_counter(), time.process_time()
cells = 0
for path in files:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    cells += sum(len(r) for r in rows)
print(time.perf_counter() - start, cells, time.process_time() - cpu)
"""

#: Processor seconds of this process and all its descendants, live or ended (psutil; the
#: parsing workers are alive until the end, each process counts its waited-for children).
CPU = """
import psutil
def cpu_seconds():
    me = psutil.Process()
    total = sum(me.cpu_times()[:4])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:4])
        except psutil.Error:
            pass
    return total
"""

INGEST = CPU + """
import sys, time
from pathlib import Path
start = time.perf_counter()
from thidua import pipeline
from thidua.executors import threads
from thidua.runner import ingest_all
imported, cpu = time.perf_counter(), cpu_seconds()
plan = pipeline.plan_run(2024, Path(sys.argv[1]), Path(sys.argv[2]))
results, read = ingest_all(plan, Path(sys.argv[3]), threads())
figures = pipeline.aggregate_results(plan, results)
print(time.perf_counter() - imported, figures.rows["read"], figures.rows["valid"], imported - start,
      cpu_seconds() - cpu)
"""


APPENDIX = """
import random, sys, time
import pandas as pd
from thidua.report import appendix
from thidua.report.render import html_to_pdf
n, mode = int(sys.argv[1]), sys.argv[2]
rng = random.Random(10)
words = ["Bữa cơm", "Công đoàn", "ấm áp", "Tủ sách", "công nhân", "Góc văn hóa", "nhà trọ",
         "An toàn", "lao động", "Phiên chợ", "nghĩa tình", "Mái ấm", "Số hóa", "đoàn viên"]
units = [f"DV-{i:04d}" for i in range(2000)]
registrations = pd.DataFrame({
    "unit": [rng.choice(units) for _ in range(n)], "file": ["dv.xlsx"] * n,
    "field": [rng.choice(["KT", "VHXH", "ANQP", "XDHTCT"]) for _ in range(n)],
    "type": [rng.choice(["collective", "individual"]) for _ in range(n)],
    "model": [" ".join(rng.sample(words, rng.randint(3, 9))) for _ in range(n)],
    "registrant": [rng.choice(["Nguyễn Văn An", "CĐCS Công ty Ánh Dương"]) for _ in range(n)],
    "result": ["tieu_bieu"] * n}, index=range(7, 7 + n))
rows = appendix.exemplary_rows(registrations, {u: f"Công đoàn cơ sở {u}" for u in units})
args = ("Báo cáo số ……/BC-LĐLĐ", "“Dân vận khéo” năm 2024", "2024-12-26")
start = time.perf_counter()
if mode == "parts":
    pdf = appendix.appendix_pdf(rows, *args)
else:  # the whole list as one document, in this process
    html = appendix.appendix_htmls(rows, *args, part_rows=len(rows))[0]
    pdf = html_to_pdf(html)
print(time.perf_counter() - start, len(pdf))
"""


def appendix_year(work: Path, rows: int, compare_rows: int | None = None) -> dict:
    """P4: the exemplary appendix of ``rows`` rows, in parts and joined, against one
    document in one process. With ``compare_rows`` (smaller than ``rows``: one WeasyPrint
    document of ``rows`` rows needs more memory than the machine has), both sides are timed
    at ``compare_rows`` rows, and the parts side alone at ``rows`` (time and peak memory)."""
    env = environment(work)
    both = compare_rows or rows
    one_wall, one_peak, one, _ = timed([PY, "-c", APPENDIX, str(both), "single"], env)
    parts_wall, parts_peak, parts, _ = timed([PY, "-c", APPENDIX, str(both), "parts"], env)
    result = {"rows": both, "single": float(one.split()[0]), "parts": float(parts.split()[0]),
              "single_peak": one_peak, "parts_peak": parts_peak}
    say(f"P4 at {both} rows: in parts {result['parts']:.2f} s ({parts_peak / 2**20:,.0f} MiB), "
        f"one document {result['single']:.2f} s ({one_peak / 2**20:,.0f} MiB)")
    if compare_rows and compare_rows != rows:
        _, alone_peak, alone, _ = timed([PY, "-c", APPENDIX, str(rows), "parts"], env)
        result.update({"alone_rows": rows, "alone": float(alone.split()[0]),
                       "alone_peak": alone_peak})
    return result


def say(line: str) -> None:
    """One line of progress on standard error (a national year takes long: its parts are
    known as they end)."""
    print(line, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def bundled_year(work: Path, repeat: int) -> dict:
    """P1 and P2 on the bundled 2024 sample."""
    env = environment(work)
    html = work / "report.html"
    subprocess.run([PY, "-c", REPORT_HTML, str(SAMPLE), str(REGISTRY), str(html)], env=env,
                   check=True)
    floors, colds, corrected, unchanged = [], [], [], []
    for i in range(repeat):
        floors.append(timed([PY, "-c", RENDER_FLOOR, str(html)], env)[0])
        raw = work / f"p1-{i}" / "raw" / "2024"
        shutil.copytree(SAMPLE, raw)
        command = thidua_run(raw, REGISTRY, work / f"p1-{i}" / "out", work / f"p1-{i}" / "cache", env)
        colds.append(timed(command, env)[0])
        path = raw / CORRECTED
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines.pop(next(n for n, line in enumerate(lines) if line.upper().startswith("STT;")) + 1)
        path.write_text("".join(lines), encoding="utf-8")
        corrected.append(timed(command, env)[0])
        wall, _, out, _ = timed(command, env)
        assert "(không đổi)" in out, out
        unchanged.append(wall)
    floor = median(floors)
    return {"floor": floor, "cold": median(colds), "corrected": median(corrected),
            "unchanged": median(unchanged)}


def national_year(work: Path, data: Path, files: int, rows: int) -> dict:
    """P3 (and the memory of the whole run) on a generated national-scale year."""
    env = environment(work)
    raw, registry = national.generate(data, files, rows)
    bare = subprocess.run([PY, "-c", CALAMINE_FLOOR, str(raw)], env=env, check=True,
                          capture_output=True, text=True).stdout.split()
    floor, floor_cpu = float(bare[0]), float(bare[2])
    say(f"P3 floor (python-calamine alone): {floor:.2f} s, {floor_cpu:.2f} s CPU")
    out = subprocess.run([PY, "-c", INGEST, str(raw), str(registry), str(work / "p3-cache")],
                         env=env, check=True, capture_output=True, text=True).stdout.split()
    say(f"P3 read+normalise+validate+aggregate: {float(out[0]):.2f} s "
        f"({float(out[0]) / floor:.2f}x); now the whole run")
    wall, peak, _, peak_pss = timed(thidua_run(raw, registry, work / "p3-out", work / "p3-run-cache",
                                               env), env)
    return {"floor": floor, "ingest": float(out[0]), "rows_read": int(out[1]),
            "rows_valid": int(out[2]), "run": wall, "peak": peak, "peak_pss": peak_pss,
            "floor_cpu": floor_cpu,
            "ingest_cpu": float(out[4])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "thidua-bench",
                        help="where the generated year is kept (reused when it matches)")
    parser.add_argument("--appendix-rows", type=int, default=100_000,
                        help="exemplary models in P4's appendix")
    parser.add_argument("--appendix-compare-rows", type=int, default=None,
                        help="time both sides of P4 at this many rows and the parts side "
                             "alone at --appendix-rows (when one document of --appendix-rows "
                             "rows does not fit in memory)")
    parser.add_argument("--only", choices=("bundled", "national", "appendix"), action="append",
                        help="run only these targets (repeatable; default: all)")
    args = parser.parse_args()
    only = set(args.only or ("bundled", "national", "appendix"))
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
    b = n = a = None
    try:
        if "bundled" in only:
            b = bundled_year(work, args.repeat)
        if "national" in only:
            n = national_year(work, args.data / f"national-{args.files}x{args.rows}", args.files,
                              args.rows)
        if "appendix" in only:
            a = appendix_year(work, args.appendix_rows, args.appendix_compare_rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"cores: {os.cpu_count()}; load average at the end: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if b:
        print(f"P1 cold run, bundled year:        thidua {b['cold']:6.2f} s / WeasyPrint alone "
              f"{b['floor']:6.2f} s = {b['cold'] / b['floor']:.2f}x  (target <= 1.0x)")
        print(f"P2 one corrected file:            thidua {b['corrected']:6.2f} s / WeasyPrint alone "
              f"{b['floor']:6.2f} s = {b['corrected'] / b['floor']:.2f}x  (target <= 1.1x)")
        print(f"P2 nothing changed:               thidua {b['unchanged']:6.2f} s wall  (target <= 1 s)")
    if n:
        print(f"P3 {args.files} files x {args.rows} rows ({n['rows_read']} rows read, "
              f"{n['rows_valid']} valid):")
        print(f"   read+normalise+validate+aggregate {n['ingest']:6.2f} s / python-calamine alone "
              f"{n['floor']:6.2f} s = {n['ingest'] / n['floor']:.2f}x  (target <= 1.5x)")
        print(f"   the same by CPU (all processes)   {n['ingest_cpu']:6.2f} s / python-calamine alone "
              f"{n['floor_cpu']:6.2f} s = {n['ingest_cpu'] / n['floor_cpu']:.2f}x")
        print(f"   whole thidua run, report included: {n['run']:6.2f} s, peak memory over all its "
              f"processes {n['peak_pss'] / 2**20:,.0f} MiB PSS  (target < 2048 MiB; "
              f"{n['peak'] / 2**20:,.0f} MiB summing each one's RSS, shared pages counted again)")
    if a:
        print(f"P4 appendix, {a['rows']} exemplary rows: in parts {a['parts']:6.2f} s / one "
              f"document {a['single']:6.2f} s = {a['parts'] / a['single']:.2f}x  (target <= 0.6x); "
              f"peak memory {a['parts_peak'] / 2**20:,.0f} MiB in parts, "
              f"{a['single_peak'] / 2**20:,.0f} MiB in one")
        if "alone" in a:
            print(f"   in parts alone, {a['alone_rows']} exemplary rows: {a['alone']:6.2f} s, "
                  f"peak memory {a['alone_peak'] / 2**20:,.0f} MiB")
    print(json.dumps({"bundled": b, "national": n, "appendix": a}))


if __name__ == "__main__":
    main()
