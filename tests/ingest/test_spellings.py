"""Property-based: any way a unit may spell a field, type or level maps to its code, and NFC and
NFD input give identical registrations (``spec/submission-form.md``, "The header row", "Text")."""

import unicodedata

import pandas as pd
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from thidua.ingest.normalise import normalise_rows
from thidua.ingest.validate import validate_rows

FIELD_SPELLINGS = {
    "KT": ["KT", "Kinh tế"],
    "VHXH": ["VHXH", "Văn hóa - xã hội", "Văn hoá – Xã hội", "VH-XH"],
    "ANQP": ["ANQP", "An ninh - quốc phòng", "Quốc phòng - an ninh", "QP-AN", "AN-QP"],
    "XDHTCT": ["XDHTCT", "Xây dựng hệ thống chính trị", "XD HTCT"],
}
TYPE_SPELLINGS = {"collective": ["Tập thể", "TT"], "individual": ["Cá nhân", "CN"]}
LEVEL_SPELLINGS = {"thanh_pho": ["Thành phố"],
                   "cap_tren_co_so": ["Cấp trên trực tiếp cơ sở", "Cấp trên cơ sở"],
                   "co_so": ["Cơ sở"]}
DASHES = ["-", "–", "—", "‐", "−", " - ", " – "]


def _strip_accents(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@st.composite
def variant(draw, spelling: str) -> str:
    """``spelling`` with random case, accents dropped or not, NFD or NFC, extra spaces and any
    kind of dash."""
    text = spelling
    if draw(st.booleans()):
        text = _strip_accents(text)
    text = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in text)
    parts = text.replace(" - ", "-").replace(" – ", "-").split("-")
    text = draw(st.sampled_from(DASHES)).join(parts) if len(parts) > 1 else text
    words = text.split(" ")
    text = "".join(w + " " * draw(st.integers(1, 3)) for w in words).rstrip()
    text = draw(st.sampled_from(["", " ", "\u00a0", "\t"])) + text + \
        draw(st.sampled_from(["", " ", "\u00a0", "\n"]))
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


def _spelled(mapping: dict[str, list[str]]):
    return st.sampled_from([(code, s) for code, spellings in mapping.items() for s in spellings]) \
        .flatmap(lambda pair: st.tuples(st.just(pair[0]), variant(pair[1])))


def _frame(**columns) -> pd.DataFrame:
    frame = pd.DataFrame({k: [v] for k, v in columns.items()}).astype(object)
    frame.index = pd.RangeIndex(9, 10, name="row")
    return frame


@given(_spelled(FIELD_SPELLINGS))
def test_any_spelling_of_a_field_maps_to_its_code(case):
    code, text = case
    assert normalise_rows(_frame(field=text)).at[9, "field"] == code, repr(text)


@given(_spelled(TYPE_SPELLINGS))
def test_any_spelling_of_a_type_maps_to_its_code(case):
    code, text = case
    assert normalise_rows(_frame(type=text)).at[9, "type"] == code, repr(text)


@given(_spelled(LEVEL_SPELLINGS))
def test_any_spelling_of_a_level_maps_to_its_code(case):
    code, text = case
    assert normalise_rows(_frame(level=text)).at[9, "level"] == code, repr(text)


ROW = {"model": "Bữa cơm Công đoàn ấm áp", "field": "Văn hóa - xã hội", "type": "Cá nhân",
       "registrant": "Nguyễn Thị Hoa", "position": "Chủ tịch CĐCS", "level": "Cơ sở",
       "grassroots_union": "CĐCS Trường Mầm non Hoa Sen", "period": "01/2024 - 12/2024",
       "result": "Hoàn thành", "note": "Ghi chú tiếng Việt"}
_TEXT = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộ"
                         "ờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ ", min_size=5, max_size=60)


@settings(max_examples=50, deadline=None)
@given(model=_TEXT, registrant=_TEXT)
def test_nfc_and_nfd_rows_give_identical_registrations(model, registrant):
    def registrations(form: str) -> pd.DataFrame:
        raw = _frame(**{k: unicodedata.normalize(form, v) for k, v in
                        {**ROW, "model": model, "registrant": registrant}.items()})
        valid, rejections = validate_rows(normalise_rows(raw), raw, year=2024, file="a.xlsx",
                                          sheet="Danh sách")
        return valid, rejections

    (nfc, nfc_rejected), (nfd, nfd_rejected) = registrations("NFC"), registrations("NFD")
    pd.testing.assert_frame_equal(nfc, nfd)
    pd.testing.assert_frame_equal(nfc_rejected, nfd_rejected)
    if len(nfc):
        assert nfc.at[9, "model"] == unicodedata.normalize("NFC", " ".join(model.split()))


# --- issue 9.1: values read by meaning, generated word by word ---------------------------------
from schemas.form import FIELDS, LEVELS, RESULTS, TYPES  # noqa: E402
from thidua.ingest.values import EXACT, read_value  # noqa: E402

_NAMES = {"field": {**FIELDS, "ANQP": "Quốc phòng an ninh"}, "type": TYPES, "level": LEVELS,
          "result": RESULTS}


def _shortened(draw, run: list[str]) -> str:
    """The words of ``run``, each in full or shortened with a dot (``Tập`` → ``T.``, ``Tậ.``),
    a shortened word followed by the next with or without a space (``T.thể``, ``T. thể``)."""
    out = ""
    for i, word in enumerate(run):
        if len(word) > 1 and draw(st.booleans()):
            word = word[:draw(st.integers(1, len(word) - 1))] + "."
            out += word + (draw(st.sampled_from(["", " "])) if i < len(run) - 1 else "")
        else:
            out += word + (" " if i < len(run) - 1 else "")
    return out


def _holds_another(column: str, code: str, words: list[str]) -> bool:
    """Whether a run of a value's words is another value of the column (``cơ sở`` in ``Cấp
    trên trực tiếp cơ sở``, ``hoàn thành`` in ``Không hoàn thành``)."""
    return any(read_value(column, " ".join(words[i:j])).code not in (None, code)
               for i in range(len(words)) for j in range(i + 1, len(words) + 1)
               if (i, j) != (0, len(words)))


@st.composite
def word_by_word(draw) -> tuple[str, str, str]:
    """``(column, code, text)``: a value's canonical words cut into runs of consecutive words,
    each run written in full, a word of it shortened with a dot (``T.Thể``, ``H. thành``,
    ``Chưa Đ.giá``) or (two words or more) as its initials, the runs in any order,
    joined by any separator, in any case, with or without diacritics, perhaps numbered."""
    column = draw(st.sampled_from(sorted(_NAMES)))
    code = draw(st.sampled_from(sorted(_NAMES[column])))
    words = _NAMES[column][code].replace(" - ", " ").split()
    cuts = sorted(draw(st.sets(st.integers(1, len(words) - 1))) if len(words) > 1 else set())
    runs = [words[a:b] for a, b in zip([0, *cuts], [*cuts, len(words)])]
    # runs that are two values of the column on their own (``Cấp trên trực tiếp`` | ``Cơ sở``)
    # name two values: asked, not read (test_values_mixed.py)
    assume(len({read_value(column, " ".join(r)).code for r in runs} - {None}) < 2)
    parts = [("".join(w[0] for w in run).upper() if len(run) > 1 and draw(st.booleans())
              else _shortened(draw, run)) for run in runs]
    assume(parts != ["TB"])  # ``TB`` is also ``Trung bình``: told (test_values_other_column.py)
    if not _holds_another(column, code, words):  # else out of order it is told (test_values_mixed)
        parts = draw(st.permutations(parts))
    text = "".join(p + draw(st.sampled_from([" ", " - ", ", ", "/", " – ", " và "]))
                   for p in parts[:-1]) + parts[-1]
    if draw(st.booleans()):
        text = _strip_accents(text)
    text = draw(st.sampled_from([str.lower, str.upper, str.title, str]))(text)
    text = draw(st.sampled_from(["", "1. ", "a) ", "II. "])) + text
    return column, code, unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


@settings(max_examples=300, deadline=None)
@given(word_by_word())
def test_any_word_by_word_variant_of_a_value_reads_as_its_code(case):
    column, code, text = case
    reading = read_value(column, text)
    assert (reading.how, reading.code) == (EXACT, code), repr(text)
