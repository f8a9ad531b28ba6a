"""``thidua diff`` names units and fields as the report does, not only by code (issue 13.5),
and names exemplary models added or removed (issue 13.3); text from files stays inert."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from typer.testing import CliRunner

from helpers import SUMMARY
from thidua.cli import app

WIDE = {"COLUMNS": "200"}


def _version(out: Path, number: int, summary: dict, inputs: list[dict], names: dict | None) -> None:
    folder = out / "versions" / f"v{number}"
    folder.mkdir(parents=True)
    manifest = {"version": number, "report_date": f"2024-12-0{number + 4}", "inputs": inputs,
                "registry_sha256": "r", "program_sha256": "p"}
    if names is not None:
        manifest["unit_names"] = names
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")


def _two_versions(out: Path, names: dict | None) -> None:
    before, after = copy.deepcopy(SUMMARY), copy.deepcopy(SUMMARY)
    before["by_unit"] = {"H-MD": {"KT": {"collective": 3, "individual": 5}}}
    after["by_unit"] = {"H-MD": {"KT": {"collective": 2, "individual": 5}}}
    after["registrations"] = {"total": 8332, "collective": 1128, "individual": 7204}
    model = {"unit": "H-MD", "field": "KT", "type": "collective", "registrant": "CĐ xã An Mỹ",
             "model": "Chợ [red]văn minh[/red]"}
    before["exemplary_models"], after["exemplary_models"] = [model], []
    file_v1 = {"path": "H-MD.csv", "sha256": "a", "unit": "H-MD", "status": "used"}
    _version(out, 1, before, [file_v1], names)
    _version(out, 2, after, [dict(file_v1, sha256="b")], names)


def test_diff_names_units_and_fields_and_the_exemplary_model(tmp_path):
    _two_versions(tmp_path, {"H-MD": "Liên đoàn Lao động huyện Mỹ Đức"})
    result = CliRunner().invoke(app, ["diff", "--year", "2024", "--out", str(tmp_path)], env=WIDE)
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert lines[:5] == [
        "Năm 2024: những điểm thay đổi từ bản số 1 đến bản số 2",
        "Tệp H-MD.csv (Liên đoàn Lao động huyện Mỹ Đức): thay nội dung tệp.",
        "Liên đoàn Lao động huyện Mỹ Đức, lĩnh vực kinh tế, tập thể: không còn là mô hình tiêu "
        "biểu “Chợ [red]văn minh[/red]”.",
        "Không phải thay đổi số liệu:",  # the date of v2 apart from what the data changed
        "Ngày báo cáo: 05/12/2024 → 06/12/2024."]
    assert "│ LĐLĐ huyện Mỹ Đức (H-MD) │ Kinh tế │ Tập thể │ 3 │ 2 │ -1 │" in lines
    assert "│ Tổng cộng │ │ Tổng │ 8.333 │ 8.332 │ -1 │" in lines


def test_diff_of_versions_without_recorded_names_takes_them_from_the_registry(tmp_path):
    _two_versions(tmp_path, None)
    result = CliRunner().invoke(app, ["diff", "--year", "2024", "--out", str(tmp_path)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Tệp H-MD.csv (Liên đoàn Lao động huyện Mỹ Đức): thay nội dung tệp." in result.output


def test_the_diff_csv_names_fields_and_types_in_vietnamese_and_keeps_formulas_inert():
    import csv
    import io

    import pandas as pd

    from thidua.publish.versions import CHANGE_COLUMNS, diff_csv_bytes

    changes = pd.DataFrame([
        {"section": "số liệu", "unit": "H-MD", "field": "KT", "type": "collective",
         "before": 3, "after": 2},
        {"section": "số liệu", "unit": "H-MD", "field": "ANQP", "type": "total",
         "before": 5, "after": 4},
        {"section": "tệp", "unit": "H-MD", "file": '=HYPERLINK("http://x")', "detail": "mới"},
    ], columns=CHANGE_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(diff_csv_bytes(changes).decode("utf-8-sig"))))
    assert [(r["Lĩnh vực"], r["Hình thức"]) for r in rows] == [
        ("Kinh tế", "Tập thể"), ("An ninh - quốc phòng", "Tổng"), ("", "")]
    assert rows[2]["Tệp"] == "'=HYPERLINK(\"http://x\")"
