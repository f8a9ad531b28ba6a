"""Publish: versions and what changed between them, atomic writing of a version's files, the
published versions as read back, and the units' feedback workbooks.

May import: :mod:`thidua.report`, :mod:`thidua.ingest` and what they may; never :mod:`thidua.deliver`.
"""
