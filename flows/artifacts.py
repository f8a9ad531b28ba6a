"""The Prefect UI's view of a published version: its summary and rejections as artifacts.

The content is built by :mod:`thidua.deliver.artifacts`; this task hands it to Prefect.
"""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from thidua.deliver import artifacts


@task(name="publish-artifacts", cache_policy=NO_CACHE)
def publish_artifacts_task(out: Path, year: int, unit_names: dict[str, str]) -> dict[str, str]:
    """Show the version in force in the Prefect UI: a Markdown summary and a table of
    rejections per unit (:func:`thidua.deliver.artifacts.build_artifacts`), under the year's keys
    (:func:`thidua.deliver.artifacts.artifact_keys`: one pair per year and output folder), so
    that the UI keeps one history per key."""
    markdown, table = artifacts.build_artifacts(out, year, unit_names)
    keys = artifacts.artifact_keys(year, out)
    create_markdown_artifact(markdown, key=keys["summary"],
                             description=f"Tóm tắt báo cáo “Dân vận khéo” năm {year}")
    create_table_artifact(table, key=keys["rejections"],
                          description=f"Dòng và tệp bị từ chối theo đơn vị, năm {year}")
    return keys
