"""The report's bar chart of registrations by field, as SVG bytes (matplotlib).

Text is drawn as paths (``svg.fonttype = "path"``) in Liberation Serif, so the PDF needs no
extra font and looks the same everywhere; ids are salted with a fixed string so that the
same figures give the same bytes.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (backend first)
import pandas as pd  # noqa: E402

from schemas.form import FIELDS, TYPES  # noqa: E402
from thidua.report.formatting import number  # noqa: E402

_SHORT_FIELD = {"KT": "Kinh tế", "VHXH": "Văn hóa - xã hội", "ANQP": "An ninh - quốc phòng",
                "XDHTCT": "Xây dựng hệ thống\nchính trị"}
_STYLE = {"font.family": "serif", "font.serif": ["Liberation Serif", "DejaVu Serif"],
          "font.size": 10, "svg.fonttype": "path", "svg.hashsalt": "thidua"}


def field_chart_svg(by_field: pd.DataFrame) -> bytes:
    """A grouped bar chart of registrations by field and type.

    ``by_field``: :func:`thidua.report.aggregate.count_by_field` (index field codes; int columns
    ``collective``, ``individual``). Returns SVG bytes with no date in its metadata.
    """
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(6.3, 3.0))
        x = range(len(FIELDS))
        width = 0.38
        colours = {"collective": "#1f4e79", "individual": "#9dc3e6"}
        for offset, kind in ((-width / 2, "collective"), (width / 2, "individual")):
            values = [int(by_field.at[f, kind]) for f in FIELDS]
            bars = ax.bar([i + offset for i in x], values, width, label=TYPES[kind],
                          color=colours[kind], edgecolor="black", linewidth=0.4)
            ax.bar_label(bars, labels=[number(v) for v in values], padding=2, fontsize=8.5)
        ax.set_xticks(list(x), [_SHORT_FIELD[f] for f in FIELDS])
        ax.set_ylabel("Số mô hình đăng ký")
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: number(int(v))))
        ax.spines[["top", "right"]].set_visible(False)
        ax.margins(y=0.15)
        ax.legend(frameon=False, loc="upper left")
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return buffer.getvalue()
