"""The sample's years: what differs between the bundled 2024 and 2025 samples.

2024 reproduces the Federation's published figures (domain brief) from the 40 units of 2024.
2025 is the first year after the reorganisation (``data/reference/units.csv``: the 40 units
ended on 30/06/2025; the commune/ward unions, the Hi-tech Park and Industrial Parks union and
the 7 units above grassroots level are expected on 31/12/2025). Its figures are MADE UP (no
public 2025 figures exist): a few per cent above 2024. Every layout variant and injected
fault of 2024 is shown again in 2025 by the unit that succeeded the 2024 unit showing it
(:data:`VARIANT_UNITS`), so the 2025 files are as messy as the 2024 ones.

:func:`use_year` sets the year on :mod:`sample.vocab` and :mod:`sample.layout`; the 2024
settings are those modules' own, so the 2024 sample stays byte-identical.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import layout as L
from . import vocab as V


@dataclass(frozen=True)
class YearProfile:
    """One sample year: ``targets`` (valid registrations by field × type), the units that do
    not send (``missing``, expected ones), units that send without being expected
    (``extra``: ended during the year; their file covers the months they existed), the unit
    whose registrations are the city's own organs (``city_unit``), the file formats expected
    (``formats``) and the injected faults (``rejections``, ``rejected_files`` bounds)."""

    year: int
    targets: dict
    formats: dict
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    city_unit: str = "CQ"
    variant_units: dict = field(default_factory=dict)


#: 2024 unit showing a variant → 2025 unit showing it (its first successor in the registry,
#: or another of its successors when that one is taken).
VARIANT_UNITS = {
    "H-PT": "CX-PHUCTHO", "N-NN": "TCT-NS", "H-MD": "X-MYDUC", "H-UH": "X-UNGHOA",
    "H-BV": "CX-QUANGOAI", "Q-HM": "P-HOANGMAI", "N-GD": "CQ-CQ", "Q-CG": "P-CAUGIAY",
    "N-YT": "P-YENHOA", "KCN": "KCNC", "H-DA": "CX-DONGANH", "Q-HK": "P-HOANKIEM", "VC": "CQ-DANG",
    "H-SS": "CX-SOCSON", "N-GTVT": "TCT-VT", "Q-LB": "P-LONGBIEN", "N-CT": "TCT-TM",
    "H-TTH": "CX-YENXUAN", "H-CM": "P-CHUONGMY", "Q-TH": "P-TAYHO", "H-QO": "X-QUOCOAI",
    "Q-BD": "P-BADINH", "Q-TX": "P-THANHXUAN", "H-GL": "X-GIALAM", "N-XD": "TCT-UDIC",
    "Q-NTL": "P-TULIEM", "N-DM": "TCT-DL", "Q-DD": "P-DONGDA",
}

PROFILES = {
    2024: YearProfile(2024, dict(V.TARGETS), {"xlsx": 35, "csv": 4, "xls": 1}),
    2025: YearProfile(
        2025,
        {("KT", "collective"): 241, ("KT", "individual"): 1297,
         ("VHXH", "collective"): 489, ("VHXH", "individual"): 3571,
         ("ANQP", "collective"): 226, ("ANQP", "individual"): 1528,
         ("XDHTCT", "collective"): 223, ("XDHTCT", "individual"): 1086},
        {"xlsx": 87, "csv": 4, "xls": 1},
        missing=("CX-HONGVAN", "CX-PHUCSON"), extra=("H-TO",), city_unit="CQ-DANG",
        variant_units=VARIANT_UNITS),
}


def use_year(year: int) -> YearProfile:
    """Set :mod:`sample.vocab` and :mod:`sample.layout` for ``year`` (2024 or 2025) and return
    its profile. Call once, before planning; 2024 changes nothing."""
    profile = PROFILES[year]
    if year == 2024:
        return profile
    V.YEAR, V.TARGETS, V.CITY_UNIT = year, dict(profile.targets), profile.city_unit
    # "09/2023 - 12/2024" → "09/2024 - 12/2025": the same spread of periods, one year on
    V.PERIODS = tuple((p.replace("2024", "2025").replace("2023", "2024"), w) for p, w in V.PERIODS)
    V.MODEL_SUFFIXES = tuple(s.replace("2024", "2025") for s in V.MODEL_SUFFIXES)
    V.MODELS = {f: tuple((t.replace("2024", "2025"), tuple(x.replace("2024", "2025") for x in fill))
                         for t, fill in templates) for f, templates in V.MODELS.items()}
    rename = profile.variant_units
    L.CSV_UNITS = {rename[code]: (enc, sep, tuple(t.replace(code, rename[code]).replace("2024", "2025")
                                                 for t in titles))
                   for code, (enc, sep, titles) in L.CSV_UNITS.items()}
    for name in ("XLS_UNITS", "HIDDEN_OLD_SHEET", "GUIDE_SHEET", "SUBHEADED", "DATE_CELLS",
                 "TWO_ROW_HEADER", "NFD_TEXT", "UNACCENTED_HEADERS"):
        setattr(L, name, {rename[code] for code in getattr(L, name)})
    for name in ("FORCED_HEADERS", "REORDERED", "EXTRA_COLUMNS", "DROPPED_COLUMNS", "REJECTIONS"):
        setattr(L, name, {rename[code]: v for code, v in getattr(L, name).items()})
    L.SHEET_NAMES = tuple(s.replace("2024", "2025") for s in L.SHEET_NAMES)
    L.GUIDE_LINES = tuple(s.replace("2024", "2025") for s in L.GUIDE_LINES)
    return profile
