"""The pandera schema of a registration: what a normalised data row must satisfy to be counted.

Source: ``shared/spec/submission-form.md`` (the header table, "Errors"). Each column's
``description`` is the form's own wording of what is expected; the validator quotes it in the
Vietnamese message a unit reads. Input rows come from :func:`thidua.ingest.normalise.normalise_rows`
(index: Excel row number).
"""

from __future__ import annotations

import functools

import pandas as pd
import pandera.pandas as pa

from schemas.form import BY_NAME, FIELDS, LEVELS, RESULTS, TYPES

MODEL_MIN, MODEL_MAX = 5, 500
#: The text columns' dtype: pandas' own ``str`` (what ``Series.astype("str")`` gives, missing
#: values NaN). Checked by dtype equality: pandera's generic ``"str"`` looks at every cell.
TEXT = pd.StringDtype(na_value=float("nan"))
#: Longest name of a registrant (issue 9.10): the longest real name of a collective, e.g.
#: ``CĐCS Công ty Cổ phần …`` with its full legal name, stays well under 200 characters.
REGISTRANT_MAX = 200


def _column(name: str, *checks: pa.Check, nullable: bool) -> pa.Column:
    return pa.Column(TEXT, list(checks), nullable=nullable, description=BY_NAME[name].expected,
                     title=BY_NAME[name].header)


def _position_given(frame: pd.DataFrame) -> pd.Series:
    return ~((frame["type"] == "individual") & frame["position"].isna())


def _period_readable(frame: pd.DataFrame) -> pd.Series:
    return frame["period"].isna() | (frame["period_start"].notna() & frame["period_end"].notna())


def _period_in_order(frame: pd.DataFrame) -> pd.Series:
    """A period in two columns must not end before it starts (issue 16.3)."""
    return frame["period_start"].isna() | frame["period_end"].isna() \
        | (frame["period_start"] <= frame["period_end"])


def _period_in_year(first: pd.Timestamp, last: pd.Timestamp):
    """The check that a period read in order (both ends, the end not before the start)
    shares at least one day with ``first``–``last``; a period not read, or reversed, is the
    concern of ``period_readable`` and ``period_order`` only (one problem, one message)."""
    def check(frame: pd.DataFrame) -> pd.Series:
        start, end = frame["period_start"], frame["period_end"]
        known = start.notna() & end.notna() & (start <= end)
        return ~known | ((start <= last) & (end >= first))
    return check


@functools.lru_cache(maxsize=8)
def registration_schema(year: int) -> pa.DataFrameSchema:
    """The schema of valid registrations for report year ``year``.

    Columns (pandas ``str`` dtype, :data:`TEXT`, unless noted): ``model`` 5–500 characters; ``field`` one of
    :data:`schemas.form.FIELDS`; ``type`` ``collective``/``individual``; ``registrant`` at most
    :data:`REGISTRANT_MAX` characters;
    ``position`` (required for ``individual``: dataframe check ``position_given``); ``level``,
    ``result`` codes; ``period`` text, ``period_start``/``period_end`` datetime64 (check
    ``period_readable``; check ``period_order``: the end not before the start; check
    ``period_in_year``: the period must overlap ``year``). Built once per year (a run
    validates every file against the same schema; issue 10): callers must not change it.
    """
    start, end = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    return pa.DataFrameSchema(
        {
            "model": _column("model", pa.Check.str_length(MODEL_MIN, MODEL_MAX), nullable=False),
            "field": _column("field", pa.Check.isin(list(FIELDS)), nullable=False),
            "type": _column("type", pa.Check.isin(list(TYPES)), nullable=False),
            "registrant": _column("registrant", pa.Check.str_length(1, REGISTRANT_MAX),
                                  nullable=False),
            "position": _column("position", nullable=True),
            "level": _column("level", pa.Check.isin(list(LEVELS)), nullable=False),
            "result": _column("result", pa.Check.isin(list(RESULTS)), nullable=False),
            "period": _column("period", nullable=True),
            "period_start": pa.Column("datetime64[us]", nullable=True, coerce=True),
            "period_end": pa.Column("datetime64[us]", nullable=True, coerce=True),
        },
        checks=[
            pa.Check(_position_given, name="position_given"),
            pa.Check(_period_readable, name="period_readable"),
            pa.Check(_period_in_order, name="period_order"),
            pa.Check(_period_in_year(start, end), name="period_in_year"),
        ],
        index=pa.Index("int64", name="row"),
        strict=False,
        name="registration",
    )
