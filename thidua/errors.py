"""The refusal every command shares, importable without pandas (``thidua run`` answers
"nothing changed" before loading the pipeline)."""

from __future__ import annotations


class NothingToReport(Exception):
    """No report can be produced; ``str(exc)`` is the one-line Vietnamese reason
    (``spec/outputs.md``, exit status)."""
