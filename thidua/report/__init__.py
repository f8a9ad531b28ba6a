"""Report: the counts (aggregate, figures, ``summary.json``), their Vietnamese formatting, the
chart and the PDF (Jinja2 → HTML → WeasyPrint).

May import: :mod:`thidua.ingest` and what it may; never :mod:`thidua.publish` or later.
"""
