"""The ingest cache key covers everything a file's reading depends on (issue 10, item 4 and
the content cache): the file, the year, the registry's codes, names and validity periods, and
the program; nothing else."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from thidua.ingest.discover import InputFile
from thidua.ingest.files import UnitContext
from thidua.pipeline import ingest_cache_key

SOURCE = InputFile(Path("/raw/Q-BD.xlsx"), "Q-BD.xlsx", "ab" * 32, 10,
                   dt.datetime(2024, 12, 5, tzinfo=dt.timezone.utc))
CONTEXT = UnitContext(year=2024, known_codes=frozenset({"Q-BD", "Q-HK"}),
                      accepted_codes=frozenset({"Q-BD", "Q-HK"}),
                      periods=(("Q-HK", "từ 01/01/2020"),),
                      names=(("Q-BD", "LĐLĐ quận Ba Đình"), ("Q-HK", "LĐLĐ quận Hoàn Kiếm")))


def test_each_input_of_a_reading_changes_the_key_and_nothing_else_does():
    key = ingest_cache_key(SOURCE, CONTEXT, "p1")
    assert key.startswith(f"ingest-{SOURCE.sha256}-")
    changed = [
        ingest_cache_key(dataclasses.replace(SOURCE, sha256="cd" * 32), CONTEXT, "p1"),
        ingest_cache_key(dataclasses.replace(SOURCE, file="x/Q-BD.xlsx"), CONTEXT, "p1"),
        ingest_cache_key(SOURCE, dataclasses.replace(CONTEXT, year=2025), "p1"),
        ingest_cache_key(SOURCE, dataclasses.replace(CONTEXT, known_codes=frozenset({"Q-BD"})),
                         "p1"),
        ingest_cache_key(SOURCE, dataclasses.replace(CONTEXT, accepted_codes=frozenset({"Q-BD"})),
                         "p1"),
        ingest_cache_key(SOURCE, dataclasses.replace(CONTEXT, names=(("Q-BD", "LĐLĐ Ba Đình"),
                                                                     CONTEXT.names[1])), "p1"),
        ingest_cache_key(SOURCE, dataclasses.replace(CONTEXT, periods=()), "p1"),
        ingest_cache_key(SOURCE, CONTEXT, "p2"),
    ]
    assert key not in changed and len(set(changed)) == len(changed)
    same = [ingest_cache_key(dataclasses.replace(SOURCE, size=99), CONTEXT, "p1"),
            ingest_cache_key(SOURCE, dataclasses.replace(CONTEXT, names=CONTEXT.names[::-1]),
                             "p1")]
    assert same == [key, key]
