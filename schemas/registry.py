"""The pandera schema of the unit registry (``shared/spec/unit-registry.md``)."""

from __future__ import annotations

import pandera.pandas as pa

LEVELS = ["thanh_pho", "cap_tren_co_so"]
KINDS = ["quan_huyen", "nganh", "khu_cong_nghiep", "vien_chuc", "co_quan", "xa_phuong", "other"]

REGISTRY_SCHEMA = pa.DataFrameSchema(
    {
        "code": pa.Column("str", pa.Check.str_matches(r"^[A-Z0-9-]+$"),
                          description="mã đơn vị: chữ in hoa không dấu, chữ số, '-'"),
        "name": pa.Column("str", pa.Check.str_length(1, None), description="tên chính thức"),
        "level": pa.Column("str", pa.Check.isin(LEVELS), description="thanh_pho hoặc cap_tren_co_so"),
        "kind": pa.Column("str", pa.Check.isin(KINDS), description="loại đơn vị"),
        "valid_from": pa.Column("datetime64[us]", coerce=True, description="ngày bắt đầu, YYYY-MM-DD"),
        "valid_to": pa.Column("datetime64[us]", coerce=True, nullable=True,
                              description="ngày kết thúc, YYYY-MM-DD, trống nếu còn hoạt động"),
        "successors": pa.Column("str", nullable=True, description="mã đơn vị kế thừa, cách nhau bởi ';'"),
        "members": pa.Column("int64", pa.Check.ge(0), coerce=True, description="số đoàn viên"),
        "grassroots_unions": pa.Column("int64", pa.Check.ge(0), coerce=True,
                                       description="số công đoàn cơ sở"),
    },
    checks=[pa.Check(lambda f: f["valid_to"].isna() | (f["valid_to"] >= f["valid_from"]),
                     name="valid_to_after_valid_from")],
    unique=["code", "valid_from"],  # one row per unit and validity period (spec/unit-registry.md)
    strict=False,
    name="unit_registry",
)
