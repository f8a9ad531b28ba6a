"""Issue 10 (P2): a re-run renders only the parts of the report whose HTML changed; the others
come from the parts kept by the run before (:mod:`thidua.report.partcache`). The joined file
must have the bytes a rendering from nothing gives, whatever was taken from the cache."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import REGISTRY
from helpers import row, write_xlsx
from test_joined_parts import ATTACHED, small_parts, texts  # noqa: F401 - a fixture
from test_layout_pages import sample_figures, with_exemplary
from thidua.report import parts
from thidua.report.partcache import FOLDER, SUFFIX, PartCache, part_key, renderer_versions
from thidua.report.render import ReportMeta, render_report
from thidua.runner import run_year


@pytest.fixture(scope="module")
def sample(registry, context, small_parts):  # noqa: F811 - the imported fixture
    figures = sample_figures(registry, context)
    meta = ReportMeta(year=2024, report_date=dt.date(2024, 12, 20), version=1)
    return figures, meta


@pytest.fixture(scope="module")
def fresh(sample):
    """The report rendered from nothing, without a cache."""
    figures, meta = sample
    return render_report(figures, meta, ATTACHED, workers=1)


@pytest.fixture
def rendered(monkeypatch):
    """The HTML of each part :func:`parts.render_part` renders (not taken from a cache)."""
    done: list[str] = []
    real = parts.render_part

    def counting(job):
        done.append(job[0])
        return real(job)

    monkeypatch.setattr(parts, "render_part", counting)
    return done


def _entries(cache: PartCache) -> set[str]:
    return {p.name for p in cache.folder.iterdir()}


def test_the_first_render_keeps_each_part_and_gives_the_bytes_of_a_render_without_cache(
        sample, fresh, tmp_path, rendered):
    figures, meta = sample
    cache = PartCache.of_year(tmp_path, 2024, "p")
    assert cache.folder == tmp_path / FOLDER / "2024"
    assert render_report(figures, meta, ATTACHED, workers=1, cache=cache) == fresh
    assert len(rendered) >= 4  # the body and at least three parts of Phụ lục II
    assert len(_entries(cache)) == len(rendered)


def test_the_same_report_again_is_joined_from_the_kept_parts_alone(sample, fresh, tmp_path,
                                                                   monkeypatch):
    figures, meta = sample
    cache = PartCache.of_year(tmp_path, 2024, "p")
    render_report(figures, meta, ATTACHED, workers=1, cache=cache)

    def refused(job):
        raise AssertionError("a kept part was rendered again")

    monkeypatch.setattr(parts, "render_part", refused)
    assert render_report(figures, meta, ATTACHED, workers=2, cache=cache) == fresh


def test_a_later_version_renders_the_body_and_the_part_naming_its_date_only(sample, tmp_path,
                                                                            rendered):
    figures, meta = sample
    cache = PartCache.of_year(tmp_path, 2024, "p")
    render_report(figures, meta, ATTACHED, workers=1, cache=cache)
    count = len(rendered)
    later = dataclasses.replace(meta, report_date=dt.date(2025, 1, 6), version=2, replaces_version=1,
                                replaces=meta.report_date)
    rendered.clear()
    got = render_report(figures, later, ATTACHED, workers=1, cache=cache)
    # the body, and Phụ lục II's first part ("Kèm theo Báo cáo … ngày 06/01/2025"); the other
    # parts are undated and were kept
    assert len(rendered) == 2 and "06/01/2025" in rendered[0] and "06/01/2025" in rendered[1]
    assert got == render_report(figures, later, ATTACHED, workers=1)
    assert len(_entries(cache)) == count  # the first version's two parts were removed
    assert "ngày 06 tháng 01 năm 2025" in texts(got)[0]


def test_a_changed_row_renders_only_the_part_holding_it(sample, tmp_path, rendered):
    figures, meta = sample
    cache = PartCache.of_year(tmp_path, 2024, "p")
    render_report(figures, meta, ATTACHED, workers=1, cache=cache)
    last = len(figures.exemplary) - 1
    changed = figures.exemplary.copy()
    changed.loc[last, "model"] = "Mô hình đã sửa tên"
    figures2 = dataclasses.replace(figures, exemplary=changed)
    rendered.clear()
    got = render_report(figures2, meta, ATTACHED, workers=1, cache=cache)
    # the last part alone (the body's figures and attachments are the same here)
    assert len(rendered) == 1 and "Mô hình đã sửa tên" in rendered[0]
    assert got == render_report(figures2, meta, ATTACHED, workers=1)
    assert "Mô hình đã sửa tên" in " ".join(texts(got)[-3:])


def test_a_row_more_moves_the_cuts_and_every_moved_part_is_rendered_again(sample, tmp_path,
                                                                         rendered):
    figures, meta = sample
    cache = PartCache.of_year(tmp_path, 2024, "p")
    render_report(figures, meta, ATTACHED, workers=1, cache=cache)
    more = with_exemplary(figures, position=2, model="Mô hình thêm")
    rendered.clear()
    got = render_report(more, meta, ATTACHED, workers=1, cache=cache)
    assert got == render_report(more, meta, ATTACHED, workers=1)
    assert any("Mô hình thêm" in html for html in rendered)


def test_a_damaged_or_foreign_entry_is_rendered_again(sample, fresh, tmp_path, rendered):
    figures, meta = sample
    cache = PartCache.of_year(tmp_path, 2024, "p")
    render_report(figures, meta, ATTACHED, workers=1, cache=cache)
    names = sorted(_entries(cache))
    (cache.folder / names[0]).write_bytes(b"\x80\x05 cut short")
    (cache.folder / names[1]).write_bytes(__import__("pickle").dumps({"not": "a part"}))
    rendered.clear()
    assert render_report(figures, meta, ATTACHED, workers=1, cache=cache) == fresh
    assert len(rendered) == 2


def test_only_the_parts_of_the_last_render_and_no_temporary_file_stay(tmp_path):
    cache = PartCache.of_year(tmp_path, 2024, "p")
    cache.folder.mkdir(parents=True)
    for name in ("a" + SUFFIX, "b" + SUFFIX, ".tmp-123", "notes.txt"):
        (cache.folder / name).write_bytes(b"x")
    assert cache.keep(["b"]) == 2
    assert _entries(cache) == {"b" + SUFFIX, "notes.txt"}  # nothing but its own entries removed
    assert PartCache.of_year(tmp_path, 2025, "p").keep([]) == 0  # no folder yet


def test_the_key_holds_everything_a_part_s_bytes_rest_on():
    versions = renderer_versions()
    assert "weasyprint=" in versions and "pydyf=" in versions and "pikepdf=" in versions
    day = dt.datetime(2024, 12, 20, tzinfo=dt.timezone.utc)
    job = ("<p>a</p>", {"summary.json": b"{}"}, day)
    key = part_key(job, "p", versions)
    assert len(key) == 64 and key == part_key(job, "p", versions)
    others = [part_key(("<p>b</p>", job[1], day), "p", versions),
              part_key(job, "q", versions),
              part_key(job, "p", versions + " fonttools=1"),
              part_key(("<p>a</p>", {"summary.json": b"{ }"}, day), "p", versions),
              part_key(("<p>a</p>", {"manifest.json": b"{}"}, day), "p", versions),
              part_key(("<p>a</p>", job[1], day + dt.timedelta(days=1)), "p", versions),
              part_key(("<p>a</p>", None, day), "p", versions)]
    assert len({key, *others}) == 8
    # without attachments the stamp dates nothing: the same key
    assert part_key(("<p>a</p>", None, day), "p", versions) == part_key(("<p>a</p>", None, None),
                                                                        "p", versions)


def test_a_run_keeps_its_parts_under_the_cache_folder_and_a_rerun_reuses_them(tmp_path,
                                                                           rendered, monkeypatch):
    monkeypatch.setenv("THIDUA_RENDER_WORKERS", "1")  # renders in this process: counted
    raw, out, cache = tmp_path / "raw" / "2024", tmp_path / "out", tmp_path / "cache"
    many = [row(model=f"Mô hình tiêu biểu {i}", stt=i, result="Tiêu biểu") for i in range(1, 31)]
    write_xlsx(raw / "Q-DD_dk.xlsx", many, title=["Năm: 2024"])
    write_xlsx(raw / "Q-CG_dk.xlsx", [row(model="Góc sách", stt=1)], title=["Năm: 2024"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "CHUNK_ROWS", 10)
        run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
        first = len(rendered)
        assert first == 4 and len(list((cache / FOLDER / "2024").glob("*" + SUFFIX))) == 4
        write_xlsx(raw / "Q-CG_dk.xlsx", [row(model="Góc sách mới", stt=1)], title=["Năm: 2024"])
        rendered.clear()
        second = run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert second["version"] == 2
    assert len(rendered) == 2  # the body and the first part of Phụ lục II (the new date)
    assert second["summary"]["registrations"]["total"] == 31
