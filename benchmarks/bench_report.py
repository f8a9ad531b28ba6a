"""Time each step of the annual report on a year's files, without Prefect, and print figures.

    .venv/bin/python benchmarks/bench_report.py [--year 2024] [--raw DIR] [--pdf OUT.pdf]

Prints wall time per step, the read time per file (mean, max, by format), the PDF's page count
and the peak memory (ru_maxrss). Speed targets are checked here, never in unit tests.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import defaultdict
from pathlib import Path

from thidua import pipeline
from thidua.ingest.files import ingest_file
from thidua.settings import default_raw_dir, default_registry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--raw", type=Path)
    parser.add_argument("--pdf", type=Path, help="also write the PDF here")
    args = parser.parse_args()
    raw = args.raw or default_raw_dir(args.year)

    t0 = time.perf_counter()
    plan = pipeline.plan_run(args.year, raw, default_registry())
    t1 = time.perf_counter()
    per_file, by_suffix = [], defaultdict(list)
    results = []
    for source in plan.files:
        start = time.perf_counter()
        results.append(ingest_file(source, plan.context))
        elapsed = time.perf_counter() - start
        per_file.append(elapsed)
        by_suffix[source.path.suffix.lower()].append(elapsed)
    t2 = time.perf_counter()
    figures = pipeline.aggregate_results(plan, results)
    t3 = time.perf_counter()
    pdf = pipeline.render(figures)
    t4 = time.perf_counter()
    if args.pdf:
        args.pdf.write_bytes(pdf)
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"files: {len(plan.files)}; rows read: {figures.rows['read']}; valid: {figures.rows['valid']}")
    print(f"plan (registry, discover, SHA-256): {t1 - t0:6.2f} s")
    print(f"ingest, sequential:                 {t2 - t1:6.2f} s  "
          f"(per file mean {statistics.mean(per_file) * 1000:.0f} ms, max {max(per_file) * 1000:.0f} ms)")
    for suffix, times in sorted(by_suffix.items()):
        print(f"  {suffix:6} x{len(times):<3} mean {statistics.mean(times) * 1000:6.0f} ms")
    print(f"aggregate:                          {t3 - t2:6.2f} s")
    print(f"render ({pages} pages, {len(pdf) // 1024} KiB):         {t4 - t3:6.2f} s")
    print(f"total:                              {t4 - t0:6.2f} s")
    print(f"peak memory (ru_maxrss):            {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
