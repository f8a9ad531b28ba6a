"""The report's “So sánh với năm trước” section and multi-year chart, as template data.

Everything is formatted here (:mod:`thidua.report.formatting`: ``1.129``, ``+3,9%``), from
``summary.json``'s ``previous_year`` block (:func:`thidua.report.comparison.compare_years`) and
the published years (:mod:`thidua.report.history`); the partial template
``report_templates/_so_sanh.html.j2`` only lays it out.
"""

from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from schemas.form import FIELDS, LEVELS, RESULTS  # noqa: E402
from thidua.report.chart import _SHORT_FIELD, _STYLE  # noqa: E402
from thidua.report.formatting import number, percent  # noqa: E402
from thidua.report.history import CHART_MIN_YEARS  # noqa: E402

#: What a change from nothing shows instead of a percentage (``spec/outputs.md``).
NEW = "mới"


def signed(value: int) -> str:
    """``+328``, ``-1.060``, ``0``: a difference with its sign, Vietnamese grouping."""
    return ("+" if value > 0 else "") + number(value)


def change_percent(change: dict) -> str:
    """``+3,9%``, ``-2,1%``, ``0,0%`` (:func:`thidua.report.formatting.percent` of the
    difference over the previous figure, rounded half up); :data:`NEW` when the previous
    figure is 0 and the current one is not (no percentage of nothing), ``–`` when both are 0."""
    if not change["previous"]:
        return NEW if change["current"] else "–"
    return ("+" if change["difference"] > 0 else "") + percent(change["difference"], change["previous"])


def _row(label: str, change: dict) -> dict:
    return {"label": label, "previous": number(change["previous"]),
            "current": number(change["current"]), "difference": signed(change["difference"]),
            "percent": change_percent(change)}


def comparison_context(previous_year: dict | None, year: int, names: dict[str, str]) -> dict:
    """The section's data: ``available`` (bool), ``sentence`` (one line when there is no
    previous year, or the totals in words), ``previous_year`` (int), ``rows`` (totals, by type,
    by field, by level, by result, units expected/submitted, exemplary: each ``label, previous,
    current, difference, percent`` as text), ``unit_rows`` and ``group_rows`` (same keys)."""
    if not previous_year:
        return {"available": False, "previous_year": year - 1,
                "sentence": f"Không có số liệu đã công bố của năm {year - 1} (summary.json) nên "
                            f"báo cáo này không so sánh với năm trước.",
                "rows": [], "unit_rows": [], "group_rows": []}
    p = previous_year
    reg = p["registrations"]
    rows = [_row("Tổng số mô hình", reg["total"]), _row("– Tập thể", reg["collective"]),
            _row("– Cá nhân", reg["individual"])]
    rows += [_row(f"Lĩnh vực {FIELDS[f].lower()}", p["by_field"][f]["total"]) for f in FIELDS]
    rows += [_row(f"Cấp công đoàn: {LEVELS[lv].lower()}", p["by_level"][lv]["total"]) for lv in LEVELS]
    rows += [_row(f"Kết quả: {RESULTS[r].lower()}", p["by_result"][r]["total"]) for r in RESULTS]
    rows += [_row("Mô hình tiêu biểu", p["exemplary"]),
             _row("Đơn vị phải báo cáo", p["units"]["expected"]),
             _row("Đơn vị đã gửi", p["units"]["submitted"])]
    field_rows = [{"label": FIELDS[f], **{k: _row("", p["by_field"][f][k]) for k in ("collective", "individual")}}
                  for f in FIELDS]
    total = reg["total"]
    sentence = (f"So với năm {p['year']} ({number(total['previous'])} mô hình), năm {year} "
                f"{'tăng' if total['difference'] > 0 else 'giảm' if total['difference'] < 0 else 'giữ nguyên'}"
                + (f" {number(abs(total['difference']))} mô hình ({change_percent(total)})"
                   if total["difference"] else "") + ".")
    grouped = {c for g in p["by_successor_group"] for c in g["previous_units"] + g["current_units"]}
    return {"available": True, "previous_year": p["year"], "sentence": sentence, "rows": rows,
            "field_rows": field_rows,
            "unit_rows": [_row(f"{names.get(code, code)} ({code})", c)
                          for code, c in p["by_unit"].items() if code not in grouped],
            "group_rows": [_row(_group_text(g, names), g["total"]) for g in p["by_successor_group"]]}


def _group_text(group: dict, names: dict[str, str]) -> str:
    """A successor group's label, and the units of the group that sent nothing this year:
    ``… (2025); chưa gửi: Công đoàn các xã Phúc Sơn, Hồng Sơn và Hương Sơn``."""
    missing = group.get("missing_units", [])
    if not missing:
        return group["label"]
    return f"{group['label']}; chưa gửi: {', '.join(names.get(c, c) for c in missing)}"


def history_figure(history: list[dict]) -> matplotlib.figure.Figure:
    """The multi-year line chart (6,3 × 2,8 inch): one line with round markers per field and
    the total in black with square markers, against the years of ``history``
    (:func:`thidua.report.history.year_row` rows, oldest first); the y axis in Vietnamese
    grouping, the legend without frame in three columns under the plot. The caller closes it
    (drawn inside :data:`thidua.report.chart._STYLE` by :func:`history_chart_src`)."""
    years = [row["year"] for row in history]
    fig, ax = plt.subplots(figsize=(6.3, 2.8))
    for f in FIELDS:
        ax.plot(years, [row["by_field"][f] for row in history], marker="o",
                label=_SHORT_FIELD[f].replace("\n", " "))
    ax.plot(years, [row["total"] for row in history], marker="s", color="black", label="Tổng số")
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylabel("Số mô hình đăng ký")
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: number(int(v))))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    fig.tight_layout()
    return fig


def history_chart_src(history: list | None) -> str | None:
    """A ``data:`` URL of :func:`history_figure` as SVG (no date in its metadata), when
    ``history`` (:func:`thidua.report.history.year_row` rows, oldest first) has at least
    :data:`CHART_MIN_YEARS` years; else ``None``."""
    if not history or len(history) < CHART_MIN_YEARS:
        return None
    with plt.rc_context(_STYLE):
        fig = history_figure(history)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
