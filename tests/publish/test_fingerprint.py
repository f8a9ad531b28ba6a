"""The version fingerprint (issue 14.2): every component it is built from changes it, and
nothing else does (``thidua.publish.versions.fingerprint``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thidua.publish.latest import plan_fingerprint
from thidua.publish.versions import fingerprint

BASE = dict(files=[("Q-BD.xlsx", "a" * 64), ("Q-CG.xlsx", "b" * 64)], registry_sha256="r" * 64,
            program="p" * 64, report_date=None)


@pytest.mark.parametrize("change", [
    {"files": [("Q-BD.xlsx", "c" * 64), ("Q-CG.xlsx", "b" * 64)]},   # a file's content
    {"files": [("Q-BD-moi.xlsx", "a" * 64), ("Q-CG.xlsx", "b" * 64)]},  # a file's name
    {"files": [("Q-BD.xlsx", "a" * 64)]},                             # a file removed
    {"files": BASE["files"] + [("Q-DD.xlsx", "d" * 64)]},              # a file added
    {"registry_sha256": "s" * 64},                                     # the registry only
    {"program": "q" * 64},                                             # the program only
    {"report_date": "2024-12-05"},                                     # --date only
])
def test_each_component_changes_the_fingerprint(change):
    assert fingerprint(**{**BASE, **change}) != fingerprint(**BASE)


def test_the_order_files_are_found_in_does_not_change_it():
    assert fingerprint(**{**BASE, "files": list(reversed(BASE["files"]))}) == fingerprint(**BASE)


def test_the_settings_count_when_given_and_only_then():
    with_settings = fingerprint(**BASE, settings="t" * 64)
    assert with_settings != fingerprint(**BASE)
    assert fingerprint(**BASE, settings="u" * 64) != with_settings
    assert fingerprint(**BASE, settings="t" * 64) == with_settings


def test_the_fingerprint_is_the_sha256_of_its_components_as_sorted_json():
    """An independent expectation: the documented content, hashed here (a second run of the
    same program compares equal only if this stays stable across releases)."""
    import hashlib
    import json

    content = {"files": [["Q-BD.xlsx", "a" * 64], ["Q-CG.xlsx", "b" * 64]],
               "program": "p" * 64, "registry": "r" * 64, "report_date": None}
    expected = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
    assert fingerprint(**BASE) == expected


# --- what a plan puts in: files, summaries read, --as-of, registry, program, date, settings ---

PLAN = dict(inputs=BASE["files"], registry_sha256="r" * 64, program="p" * 64,
            report_date=None, settings_sha256=None, summaries=(), as_of=None)


@pytest.mark.parametrize("change", [
    {"inputs": [("Q-BD.xlsx", "c" * 64), ("Q-CG.xlsx", "b" * 64)]},
    {"registry_sha256": "s" * 64},
    {"program": "q" * 64},
    {"report_date": dt.date(2024, 12, 5)},
    {"settings_sha256": "t" * 64},
    {"summaries": (("../2023/summary.json", "e" * 64),)},
    {"as_of": dt.date(2024, 6, 30)},
])
def test_each_component_of_a_plan_changes_its_fingerprint(change):
    assert plan_fingerprint(**{**PLAN, **change}) != plan_fingerprint(**PLAN)


def test_a_plan_fingerprint_is_the_fingerprint_of_its_entries():
    summaries = (("../2023/summary.json", "e" * 64),)
    got = plan_fingerprint(**{**PLAN, "summaries": summaries, "as_of": dt.date(2024, 6, 30),
                              "report_date": dt.date(2024, 12, 5), "settings_sha256": "t" * 64})
    assert got == fingerprint([*BASE["files"], *summaries, ("--as-of", "2024-06-30")],
                              "r" * 64, "p" * 64, "2024-12-05", "t" * 64)
    # a summary read changes it otherwise than --as-of or a unit file would
    assert plan_fingerprint(**{**PLAN, "summaries": summaries}) != plan_fingerprint(
        **{**PLAN, "inputs": [*BASE["files"], ("--as-of", "2024-06-30")]})


def test_a_run_plan_fingerprints_its_registry_and_every_other_component(context):
    """:meth:`thidua.pipeline.Plan.fingerprint` passes each of its components on: a change of
    the registry alone, of the program, settings, summaries read or ``--as-of`` makes a new
    version; a skipped entry (a lock file) does not."""
    from thidua.ingest.discover import InputFile
    from thidua.pipeline import Plan

    when = dt.datetime(2024, 12, 10, tzinfo=dt.timezone.utc)
    files = [InputFile(Path("Q-BD.xlsx"), "Q-BD.xlsx", "a" * 64, 10, when),
             InputFile(Path("~$Q-BD.xlsx"), "~$Q-BD.xlsx", "", 10, when, "tệp khóa của Excel")]

    def plan(**change):
        base = dict(year=2024, files=files, expected=None, context=context,
                    registry_sha256="r" * 64, program="p" * 64)
        return Plan(**{**base, **change})

    base = plan().fingerprint(None)
    assert base == fingerprint([("Q-BD.xlsx", "a" * 64)], "r" * 64, "p" * 64, None)
    assert plan(files=files[:1]).fingerprint(None) == base
    changed = [plan(registry_sha256="s" * 64).fingerprint(None),
               plan(program="q" * 64).fingerprint(None),
               plan(summaries_read=(("../2023/summary.json", "e" * 64),)).fingerprint(None),
               plan(as_of=dt.date(2024, 6, 30)).fingerprint(None),
               plan().fingerprint(dt.date(2024, 12, 5)),
               plan().fingerprint(None, [("Q-BD.xlsx", "c" * 64)])]
    assert base not in changed and len(set(changed)) == len(changed)


def test_the_program_fingerprint_covers_every_part_and_the_version(tmp_path, monkeypatch):
    """Every file of ``flows/``, ``thidua/``, ``schemas/`` and ``report_templates/`` (its
    bytes and its path) and thidua's version change :func:`program_sha256`; compiled
    ``__pycache__`` files do not."""
    from thidua.publish import latest

    for part in ("flows", "thidua", "schemas", "report_templates"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "a.py").write_text(part, encoding="utf-8")
    monkeypatch.setattr(latest, "REPO_ROOT", tmp_path)
    base = latest.program_sha256()
    seen = {base}
    for part in ("flows", "thidua", "schemas", "report_templates"):
        path = tmp_path / part / "a.py"
        path.write_text(part + "!", encoding="utf-8")
        assert latest.program_sha256() not in seen, part
        seen.add(latest.program_sha256())
        path.write_text(part, encoding="utf-8")
        assert latest.program_sha256() == base
    (tmp_path / "thidua" / "a.py").rename(tmp_path / "thidua" / "b.py")  # same bytes, renamed
    assert latest.program_sha256() != base
    (tmp_path / "thidua" / "b.py").rename(tmp_path / "thidua" / "a.py")
    (tmp_path / "thidua" / "__pycache__").mkdir()
    (tmp_path / "thidua" / "__pycache__" / "a.pyc").write_bytes(b"\0")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.md").write_text("x", encoding="utf-8")
    assert latest.program_sha256() == base
    monkeypatch.setattr(latest, "__version__", "0.0.0-khac")
    assert latest.program_sha256() != base
