"""The version fingerprint (issue 14.2): every component it is built from changes it, and
nothing else does (``thidua.publish.versions.fingerprint``)."""

from __future__ import annotations

import pytest

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
