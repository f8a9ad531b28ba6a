"""Rows hidden in a unit's sheet (a filter left on) are named in the report, apart from the rows
that are not data, with the unit."""

from __future__ import annotations

from conftest import CORPUS_REGISTRY
from corpus_rows import regs, titled
from corpus_writers import write_xlsx
from thidua import pipeline
from thidua.report.render import ReportMeta, build_context, render_html


def test_hidden_rows_are_named_with_their_unit(tmp_path):
    raw = tmp_path / "raw" / "2024"
    raw.mkdir(parents=True)
    sheet = titled("S-01", regs(8))
    first = sheet.rows.index(regs(8)[0]) + 1
    sheet.hidden_rows = [first + 1, first + 2, first + 3]
    write_xlsx(raw / "S-01_loc.xlsx", [sheet])
    plan = pipeline.plan_run(2024, raw, CORPUS_REGISTRY)
    results = [pipeline.ingest(f, plan.context) for f in plan.files]
    figures = pipeline.aggregate_results(plan, results)
    assert figures.rows == {"read": 8, "valid": 5, "rejected": 0, "ignored": 3}
    meta = ReportMeta(year=2024, report_date=pipeline.default_report_date(figures))
    context = build_context(figures, meta)
    name = plan.unit_names["S-01"]
    assert context["hidden"]["count"] == "3" and context["hidden"]["units"].endswith("(3)")
    html = render_html(context)
    assert "Trong đó 3 dòng bị ẩn trong bảng tính (có thể do để chế độ lọc) không được tính" in html
    assert name.split()[-1] in html


def test_no_hidden_rows_no_sentence(tmp_path):
    raw = tmp_path / "raw" / "2024"
    raw.mkdir(parents=True)
    write_xlsx(raw / "S-01_du.xlsx", [titled("S-01", regs(3))])
    plan = pipeline.plan_run(2024, raw, CORPUS_REGISTRY)
    figures = pipeline.aggregate_results(plan, [pipeline.ingest(f, plan.context) for f in plan.files])
    context = build_context(figures, ReportMeta(year=2024, report_date=pipeline.default_report_date(figures)))
    assert context["hidden"] is None
    assert "dòng bị ẩn" not in render_html(context)


def test_a_superseded_file_is_said_replaced_by_a_newer_file_never_sent_later(tmp_path):
    """Two files of one unit without a sent date, ordered by their modification times: the
    report says the older is replaced by the unit's newer file, never "bản gửi sau" (sent
    later), which nothing says (``docs/contracts.md``, "mới hơn"; fresh tester Q)."""
    import os

    raw = tmp_path / "raw" / "2024"
    raw.mkdir(parents=True)
    write_xlsx(raw / "S-01_a.xlsx", [titled("S-01", regs(3))])
    write_xlsx(raw / "S-01_b.xlsx", [titled("S-01", regs(4))])
    os.utime(raw / "S-01_a.xlsx", (1_700_000_000, 1_700_000_000))
    plan = pipeline.plan_run(2024, raw, CORPUS_REGISTRY)
    figures = pipeline.aggregate_results(plan, [pipeline.ingest(f, plan.context)
                                                for f in plan.files])
    html = render_html(build_context(figures, ReportMeta(
        year=2024, report_date=pipeline.default_report_date(figures))))
    assert "Đã đọc 2 tệp (0 tệp bị từ chối, 1 tệp được thay bằng tệp mới hơn của đơn vị)" in html
    assert "gửi sau" not in html
