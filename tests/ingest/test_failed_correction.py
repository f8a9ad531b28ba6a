"""A newer file of a unit whose every row is rejected (a correction that failed): the newest
file still wins (``spec/submission-form.md``, "Corrections"), and the unit is told that its
newer file has no valid registration, never advised to merge "two batches" (the eighth
tester's F3; ``docs/contracts.md``, "Two batches in two files")."""

from __future__ import annotations

import dataclasses

from test_selection_mutants import result
from thidua.ingest.selection import batch_note

MODELS = [(f"Mô hình số {i}", f"CĐCS Công ty {i}") for i in range(6)]


def test_a_newer_file_with_only_rejected_rows_is_told_as_a_failed_correction():
    older = result("Q-HK_a.xlsx", models=MODELS)
    newer = dataclasses.replace(result("Q-HK_b.xlsx"),
                                rows={"read": 6, "valid": 0, "rejected": 6, "ignored": 0})
    assert batch_note(older, newer) == (
        "Tệp Q-HK_b.xlsx mới hơn không có mô hình hợp lệ nào (6 dòng bị từ chối) nên đơn vị "
        "chưa có mô hình nào được tính; tệp Q-HK_a.xlsx (6 mô hình) cũ hơn không được tính "
        "vì đã có tệp mới hơn. Đề nghị sửa các dòng bị từ chối của tệp Q-HK_b.xlsx rồi gửi lại.")


def test_a_newer_file_with_no_row_at_all_keeps_the_two_batches_advice():
    older = result("Q-HK_a.xlsx", models=MODELS)
    assert batch_note(older, result("Q-HK_b.xlsx")).startswith(
        "Tệp Q-HK_a.xlsx (6 mô hình) không được tính vì đơn vị đã gửi tệp Q-HK_b.xlsx sau; nếu "
        "là hai đợt")


def test_a_newer_file_with_some_valid_rows_is_told_as_before():
    older = result("Q-HK_a.xlsx", models=MODELS)
    newer = dataclasses.replace(result("Q-HK_b.xlsx", models=MODELS[:2]),
                                rows={"read": 6, "valid": 2, "rejected": 4, "ignored": 0})
    assert batch_note(older, newer).startswith(
        "4 trong 6 mô hình của tệp Q-HK_a.xlsx không có trong các mô hình hợp lệ của tệp "
        "Q-HK_b.xlsx mới hơn")
