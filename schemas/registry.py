"""The pandera schema of the unit registry (``shared/spec/unit-registry.md``)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

LEVELS = ["thanh_pho", "cap_tren_co_so"]
KINDS = ["quan_huyen", "nganh", "khu_cong_nghiep", "vien_chuc", "co_quan", "xa_phuong",
         "tong_cong_ty", "other"]



def periods_in_order(frame: pd.DataFrame) -> pd.Series:
    """Per row: the period does not end before it starts (``valid_to`` empty or on/after
    ``valid_from``)."""
    return frame["valid_to"].isna() | (frame["valid_to"] >= frame["valid_from"])


def periods_apart(frame: pd.DataFrame) -> pd.Series:
    """Per row: no other row of the same code has a period overlapping this one (a unit
    has at most one validity period on any day, ``spec/unit-registry.md``). Rows with the same
    start are left to the uniqueness rule, which names them once."""
    ends = frame["valid_to"].fillna(pd.Timestamp.max)
    ok = pd.Series(True, index=frame.index)
    for _, group in frame.groupby("code", sort=False):
        for i in group.index:
            others = group.index[(group.index != i)
                                 & (group["valid_from"] != frame.at[i, "valid_from"])]
            overlap = (frame.loc[others, "valid_from"] <= ends[i]) & (ends[others] >= frame.at[i, "valid_from"])
            ok[i] = not overlap.any()
    return ok


REGISTRY_SCHEMA = pa.DataFrameSchema(
    {
        "code": pa.Column("str", pa.Check.str_matches(r"^[A-Z0-9-]+$"),
                          description="mã đơn vị: chữ in hoa không dấu, chữ số, '-'"),
        "name": pa.Column("str", pa.Check.str_length(1, None), description="tên chính thức"),
        "level": pa.Column("str", pa.Check.isin(LEVELS), description="thanh_pho hoặc cap_tren_co_so"),
        "kind": pa.Column("str", pa.Check.isin(KINDS), description="loại đơn vị, một trong: " + ", ".join(KINDS)),
        "valid_from": pa.Column("datetime64[us]", coerce=True, description="ngày bắt đầu, YYYY-MM-DD"),
        "valid_to": pa.Column("datetime64[us]", coerce=True, nullable=True,
                              description="ngày kết thúc, YYYY-MM-DD, trống nếu còn hoạt động"),
        "successors": pa.Column("str", nullable=True, description="mã đơn vị kế thừa, cách nhau bởi ';'"),
        "members": pa.Column("int64", pa.Check.ge(0), coerce=True, description="số đoàn viên"),
        "grassroots_unions": pa.Column("int64", pa.Check.ge(0), coerce=True,
                                       description="số công đoàn cơ sở"),
    },
    checks=[pa.Check(periods_in_order, name="valid_to_after_valid_from"),
            pa.Check(periods_apart, name="periods_apart")],
    unique=["code", "valid_from"],  # one row per unit and validity period (spec/unit-registry.md)
    strict=False,
    name="unit_registry",
)
