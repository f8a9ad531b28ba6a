"""The published years (``spec/outputs.md``, history): which folders count, which summaries a
report reads (its fingerprint), each unreadable year's exact Vietnamese line, and the
multi-year chart's lines, axes and legend. Written for the survivors of
``bash scripts/mutation.sh history`` and ``comparison`` (README)."""

from __future__ import annotations

import base64
import errno
import json
import re
from pathlib import Path

import matplotlib.colors
import matplotlib.pyplot as plt
import pytest

from thidua.report.comparison_view import history_chart_src, history_figure
from thidua.report.history import read_history, summaries_read, summary_files, year_row


def _summary(year: int, kt: int = 3, total: int = 3) -> dict:
    return {"year": year, "registrations": {"collective": 1, "individual": kt - 1, "total": total},
            "by_field": {"KT": {"collective": 1, "individual": kt - 1}}}


def _publish(root: Path, folder: str, content) -> Path:
    (root / folder).mkdir(parents=True, exist_ok=True)
    path = root / folder / "summary.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_only_year_folders_holding_a_summary_count(tmp_path):
    assert summary_files(tmp_path / "chua-co") == []
    _publish(tmp_path, "2023", _summary(2023))
    _publish(tmp_path, "ban-nhap", _summary(2024))  # not a year
    _publish(tmp_path, "1899", _summary(1899))  # not a year of this movement
    (tmp_path / "2024").mkdir()  # no summary.json
    (tmp_path / "2026").write_text("", encoding="utf-8")  # a file, not a folder
    _publish(tmp_path, "2025", _summary(2025))
    assert summary_files(tmp_path) == [(2023, tmp_path / "2023" / "summary.json"),
                                       (2025, tmp_path / "2025" / "summary.json")]


@pytest.mark.parametrize("summary, row", [
    ({"year": 2024, "registrations": {"individual": 3}, "by_field": {"VHXH": {"individual": 3}}},
     {"year": 2024, "by_field": {"KT": 0, "VHXH": 3, "ANQP": 0, "XDHTCT": 0},
      "collective": 0, "individual": 3, "total": 0}),
    ({"year": "2023", "registrations": {"collective": 2, "total": 2}, "by_field": {"KT": {"collective": 2}}},
     {"year": 2023, "by_field": {"KT": 2, "VHXH": 0, "ANQP": 0, "XDHTCT": 0},
      "collective": 2, "individual": 0, "total": 2}),
])
def test_a_year_row_counts_what_a_summary_leaves_out_as_zero(summary, row):
    assert year_row(summary) == row


def test_the_summaries_a_report_reads_are_the_earlier_years_and_the_previous_one(tmp_path):
    def sha256(path):
        return "sha:" + path.parent.name

    root = tmp_path / "out"
    for year in (2022, 2023, 2024):
        _publish(root, str(year), _summary(year))
    inside = root / "2023" / "summary.json"
    elsewhere = _publish(tmp_path, "cu", _summary(2023))
    earlier = ((str(root / "2022" / "summary.json"), "sha:2022"), (str(inside), "sha:2023"))
    assert summaries_read(root, 2024, inside, sha256) == earlier
    assert summaries_read(root, 2024, None, sha256) == earlier
    assert summaries_read(root, 2024, elsewhere, sha256) == ((str(elsewhere), "sha:cu"), *earlier)  # by path
    assert summaries_read(root, 2024, tmp_path / "khong-co.json", sha256) == earlier
    assert summaries_read(None, 2024, elsewhere, sha256) == ((str(elsewhere), "sha:cu"),)
    assert summaries_read(None, 2024, None, sha256) == ()


def test_history_skips_each_unreadable_year_with_its_reason_and_reads_the_next(tmp_path, monkeypatch):
    _publish(tmp_path, "2018", _summary(2018, kt=1, total=1))
    locked = _publish(tmp_path, "2019", _summary(2019))
    _publish(tmp_path, "2020", _summary(2020, kt=2, total=2))
    latin = _publish(tmp_path, "2021", b'{"year": 2021, "registrations": "\xe9"}')
    _publish(tmp_path, "2022", _summary(2022, kt=4, total=4))
    broken = _publish(tmp_path, "2023", '{"year": 2023,')
    _publish(tmp_path, "2024", _summary(2024, kt=5, total=5))
    moved = _publish(tmp_path, "2025", _summary(2026))
    _publish(tmp_path, "2026", _summary(2026, kt=6, total=6))
    _publish(tmp_path, "2027", _summary(2027, kt=7, total=7))
    read_text = Path.read_text

    def locked_out(self, *args, **kwargs):  # root reads any file: the refusal is made here
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", locked_out)
    rows, problems = read_history(tmp_path, before=2027)
    assert [(r["year"], r["by_field"]["KT"], r["total"]) for r in rows] == [
        (2018, 1, 1), (2020, 2, 2), (2022, 4, 4), (2024, 5, 5), (2026, 6, 6)]
    assert problems == [
        f"{locked}: không đọc được (không có quyền truy cập); bỏ qua năm 2019.",
        f"{latin}: không phải summary.json của một năm (thiếu hoặc sai số liệu); bỏ qua năm 2021.",
        f"{broken}: không đúng dạng JSON ở dòng 1, cột 15; bỏ qua năm 2023.",
        f"{moved}: ghi năm 2026 nhưng nằm trong thư mục năm 2025; bỏ qua."]
    assert [r["year"] for r in read_history(tmp_path, before=2019)[0]] == [2018]


HISTORY = [{"year": y, "by_field": {"KT": kt, "VHXH": 200, "ANQP": 50, "XDHTCT": 10},
            "collective": 100, "individual": kt + 160, "total": kt + 260}
           for y, kt in ((2023, 1000), (2024, 1100), (2025, 1250))]


@pytest.fixture
def figure():
    fig = history_figure(HISTORY)
    fig.canvas.draw()
    yield fig
    plt.close(fig)


def test_the_history_chart_has_a_line_per_field_and_the_total_in_black(figure):
    ax = figure.axes[0]
    assert list(figure.get_size_inches()) == [6.3, 2.8]
    assert [(line.get_label(), list(line.get_xdata()), list(line.get_ydata()), line.get_marker())
            for line in ax.get_lines()] == [
        ("Kinh tế", [2023, 2024, 2025], [1000, 1100, 1250], "o"),
        ("Văn hóa - xã hội", [2023, 2024, 2025], [200, 200, 200], "o"),
        ("An ninh - quốc phòng", [2023, 2024, 2025], [50, 50, 50], "o"),
        ("Xây dựng hệ thống chính trị", [2023, 2024, 2025], [10, 10, 10], "o"),
        ("Tổng số", [2023, 2024, 2025], [1260, 1360, 1510], "s")]
    colours = [matplotlib.colors.to_hex(line.get_color()) for line in ax.get_lines()]
    assert colours[-1] == "#000000" and "#000000" not in colours[:-1]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023", "2024", "2025"]
    assert ax.get_ylabel() == "Số mô hình đăng ký"
    assert ax.yaxis.get_major_formatter()(1250.0, 0) == "1.250"
    assert [ax.spines[s].get_visible() for s in ("top", "right", "bottom", "left")] == [
        False, False, True, True]


def test_the_history_legend_sits_under_the_plot_in_three_columns_without_frame(figure):
    ax = figure.axes[0]
    legend = ax.get_legend()
    assert legend.get_frame_on() is False
    assert [(t.get_text(), t.get_fontsize()) for t in legend.get_texts()] == [
        ("Kinh tế", 8), ("Văn hóa - xã hội", 8), ("An ninh - quốc phòng", 8),
        ("Xây dựng hệ thống chính trị", 8), ("Tổng số", 8)]
    box = legend.get_window_extent().transformed(ax.transAxes.inverted())
    assert round((box.x0 + box.x1) / 2, 2) == 0.5  # centred under the plot
    assert -0.2 < box.y1 < -0.12  # its top just under the axis (0,12 of the plot's height)
    rows = {round(t.get_window_extent().y0) for t in legend.get_texts()}
    columns = {round(t.get_window_extent().x0) for t in legend.get_texts()}
    assert (len(rows), len(columns)) == (2, 3)


def test_the_history_chart_is_an_svg_without_date_in_the_report_fonts():
    src = history_chart_src(HISTORY)
    assert src.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(src.removeprefix("data:image/svg+xml;base64,")).decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert re.search(r'<svg [^>]*width="453\.6pt" height="201\.6pt"', svg)
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert re.search(r'id="(LiberationSerif|DejaVuSerif)-', svg) and 'id="DejaVuSans-' not in svg
    assert history_chart_src(HISTORY[:2]) is None and history_chart_src(None) is None
