"""Rendering the report: figures → Vietnamese view model → HTML (Jinja2) → PDF (WeasyPrint).

The template lays out; this module decides every word and number (Vietnamese formats from
:mod:`thidua.report.formatting`). Text from spreadsheets is untrusted: autoescaping is on, and the PDF
renderer may fetch nothing but the files of ``report_templates/`` and ``data:`` URLs.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass, field

import jinja2
import markupsafe

from schemas.form import FIELDS, LEVELS, RESULTS, TYPES
from thidua.report.document_settings import NO_NUMBER, DocumentSettings
from thidua.report.figures import Figures
from thidua.report.glyphs import printable
from thidua.report.formatting import NOT_DATA_HEADING, decree_date, number, percent, roman, short_date, short_name
from thidua.report.appendix import INLINE_MAX, PDF as APPENDIX_PDF, WORKBOOK as APPENDIX_XLSX
from thidua.report.parts import exemplary_chunks, render_joined, report_parts
from thidua.report.partcache import PartCache
from thidua.settings import TEMPLATES_DIR

#: Names of :mod:`thidua.report.archive` this module gives (the render API), imported with
#: WeasyPrint when first asked for (:func:`__getattr__`).
_ARCHIVE = ("PDF_VARIANT", "LocalOnlyFetcher", "document_pdf", "html_document")


def __getattr__(name: str):
    if name in _ARCHIVE:
        from thidua.report import archive

        return getattr(archive, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def warm() -> None:
    """Import the report's heavy libraries (WeasyPrint, Matplotlib) now. Importing this
    module does not (a run where nothing changed never needs them); a run that reads files
    calls this on a thread of its own while the workers read (:func:`thidua.runner.run_year`,
    issue 10, P1: the run's process is idle then), so that the render finds them ready and
    its processes fork with WeasyPrint imported."""
    import thidua.report.archive  # noqa: F401
    import thidua.report.comparison_view  # noqa: F401

_FIELD_PHRASE = {"KT": "lĩnh vực kinh tế", "VHXH": "lĩnh vực văn hóa - xã hội",
                 "ANQP": "lĩnh vực an ninh - quốc phòng",
                 "XDHTCT": "lĩnh vực xây dựng hệ thống chính trị"}


@dataclass(frozen=True)
class ReportMeta:
    """What the report says about itself (the header block, signature, version).

    ``report_date`` is the date printed under the national motto and in the PDF metadata;
    ``number`` the document number ("……" until the clerk assigns one), ``code`` its symbol
    (``Số: 125/BC-LĐLĐ``); issuer, signer and recipients come from
    ``data/reference/report.toml`` (:func:`meta_from_settings`); ``version``,
    ``replaces`` and ``replaces_version`` the version line ("Bản số 2, thay thế bản ngày …")
    when there is one; ``changes`` the lines of "Những điểm thay đổi so với bản số N-1"
    (:func:`thidua.publish.versions.describe_changes`), ``date_change`` the report date's
    change said apart from them, under a heading saying it is not a change of the data
    (:func:`thidua.publish.versions.date_change`).
    """

    year: int
    report_date: dt.date
    number: str = NO_NUMBER
    code: str = "BC-LĐLĐ"
    issuer_parent: str = "TỔNG LĐLĐ VIỆT NAM"
    issuer: str = "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI"
    issuer_full_name: str = "Liên đoàn Lao động thành phố Hà Nội"
    signer_role: str = "KT. CHỦ TỊCH"
    signer_title: str = "PHÓ CHỦ TỊCH"
    signer_name: str = ""
    recipients: tuple[str, ...] = (
        "Ban Thường vụ LĐLĐ Thành phố (để b/c);",
        "Các Ban, Văn phòng LĐLĐ Thành phố;",
        "Các Công đoàn cấp trên trực tiếp cơ sở;",
        "Lưu: VT, TG.",
    )
    version: int | None = None
    replaces: dt.date | None = None
    replaces_version: int | None = None
    changes: list[str] = field(default_factory=list)
    date_change: str | None = None


def meta_from_settings(settings: DocumentSettings) -> dict:
    """The :class:`ReportMeta` fields that ``data/reference/report.toml`` decides (issuer,
    number, signer, recipients), as keyword arguments:
    ``ReportMeta(year=…, report_date=…, **meta_from_settings(s))``."""
    return {"number": settings.printed_number, "code": settings.code,
            "issuer_parent": settings.issuer_parent, "issuer": settings.issuer,
            "issuer_full_name": settings.issuer_full_name,
            "signer_role": settings.signer_authority, "signer_title": settings.signer_title,
            "signer_name": settings.signer_name, "recipients": settings.recipients}


#: The appendices, in order: their number is printed in Roman numerals (ND30: "Phụ lục I").
APPENDICES = ("units", "exemplary")


def _row(label: str, counts, total_all: int) -> dict:
    c, i = int(counts["collective"]), int(counts["individual"])
    return {"label": label, "collective": number(c), "individual": number(i),
            "total": number(c + i), "share": percent(c + i, total_all)}


def _types_phrase(collective: int, individual: int) -> str:
    return (f"{number(collective)} mô hình tập thể và {number(individual)} mô hình cá nhân")


def _hidden_rows(figures: Figures, names: dict[str, str]) -> dict | None:
    """``{"count": "7", "units": "LĐLĐ quận Ba Đình, …"}``: the hidden rows of the used files
    (ignored, never counted: issue 9.4), which the report names apart from the rows that are
    not data, so that a unit that left a filter on is seen; ``None`` when there are none."""
    used = figures.files[figures.files["status"] == "used"]
    counts = {}
    for unit, ignored in zip(used["unit"], used["ignored_by"]):
        n = int((ignored or {}).get("hidden", 0)) if isinstance(ignored, dict) else 0
        if n:
            counts[unit] = counts.get(unit, 0) + n
    if not counts:
        return None
    units = ", ".join(f"{short_name(names.get(u, u))} ({number(n)})" for u, n in counts.items())
    return {"count": number(sum(counts.values())), "units": units}


def build_context(figures: Figures, meta: ReportMeta) -> dict:
    """The template's view model: every string already formatted in Vietnamese.

    Keys: ``meta`` (header, dates), ``opening`` (paragraphs), ``field_rows``/``field_total``,
    ``field_sentences``, ``level_rows``, ``result_rows``, ``unit_rows``, ``missing``,
    ``quality_rows``, ``exemplary_chunks`` (Phụ lục II in parts of rows,
    :func:`thidua.report.parts.exemplary_chunks`), ``chart_src`` (a data: URL),
    ``pdf_created`` (ISO datetime for the PDF metadata).
    """
    bf = figures.by_field
    coll, indiv = int(bf["collective"].sum()), int(bf["individual"].sum())
    total = coll + indiv
    names = figures.unit_names
    rank = {code: i for i, code in enumerate(figures.expected["code"])}  # the registry's order
    cov = figures.coverage
    opening = [
        f"Năm {figures.year}, các cấp Công đoàn Thủ đô đã đăng ký xây dựng, thực hiện "
        f"{number(total)} mô hình “Dân vận khéo” theo 4 lĩnh vực, gồm: kinh tế, văn hóa - xã hội, "
        f"an ninh - quốc phòng, xây dựng hệ thống chính trị; trong đó có {number(coll)} tập thể "
        f"và {number(indiv)} cá nhân đăng ký mô hình “Dân vận khéo”.",
        f"Số liệu được tổng hợp từ danh sách đăng ký (biểu DVK-01) của {number(cov['submitted'])}/"
        f"{number(cov['expected'])} công đoàn cấp trên trực tiếp cơ sở"
        + (f"; còn {number(len(cov['missing']))} đơn vị chưa gửi hoặc gửi chưa dùng được"
           if cov["missing"] else "; tất cả các đơn vị đã gửi danh sách") + ".",
    ]
    field_sentences = [
        f"Ở {_FIELD_PHRASE[f]} có {_types_phrase(int(bf.at[f, 'collective']), int(bf.at[f, 'individual']))} "
        f"đã được đăng ký ({percent(int(bf.at[f, 'total']), total)} tổng số mô hình)."
        for f in FIELDS]
    by_unit = figures.by_unit
    used_units = set(figures.files.loc[figures.files["status"] == "used", "unit"].dropna())
    unit_rows = [{
        "index": i + 1, "code": code, "name": names.get(code, code),
        "short_name": short_name(names.get(code, code)),
        "missing": code not in used_units,
        "cells": [number(int(by_unit.at[code, f"{f}_{k}"])) for f in FIELDS for k in TYPES],
        "total": number(int(by_unit.at[code, "total"])),
    } for i, code in enumerate(by_unit.index)]
    quality_rows = [{
        "code": code or "—", "name": names.get(code, "Không xác định được đơn vị"),
        "files_used": number(int(q.files_used)), "files_rejected": number(int(q.files_rejected)),
        "files_superseded": number(int(q.files_superseded)), "read": number(int(q.read)),
        "rejected": number(int(q.rejected)), "ignored": number(int(q.ignored)),
    } for code, q in figures.quality.iterrows() if q.rejected or q.files_rejected]
    rejected_files = figures.files[figures.files["status"] == "rejected"]
    exemplary = [(FIELDS[f], [{"unit": short_name(names.get(r.unit, r.unit)), "type": TYPES[r.type],
                               "model": r.model, "registrant": r.registrant}
                              for r in group.itertuples()])
                 for f, group in figures.exemplary.assign(
        field_order=figures.exemplary["field"].map({f: i for i, f in enumerate(FIELDS)}),
        order=figures.exemplary["unit"].map(rank))
        .sort_values(["field_order", "order", "type", "model"], kind="stable")
        .groupby("field", sort=False)]
    elsewhere = len(figures.exemplary) > INLINE_MAX
    created = dt.datetime.combine(meta.report_date, dt.time(0, 0), tzinfo=dt.timezone.utc)
    from thidua.report.chart import field_chart_svg
    from thidua.report.comparison_view import comparison_context, history_chart_src

    chart = base64.b64encode(field_chart_svg(bf)).decode("ascii")
    return {
        "meta": {
            "year": meta.year, "number": meta.number, "code": meta.code,
            "issuer_parent": meta.issuer_parent, "issuer": meta.issuer,
            "issuer_full_name": meta.issuer_full_name,
            "place_date": decree_date(meta.report_date),
            "short_date": short_date(meta.report_date),
            "signer_role": meta.signer_role, "signer_title": meta.signer_title,
            "signer_name": meta.signer_name, "recipients": list(meta.recipients),
            "version": meta.version,
            "replaces": short_date(meta.replaces) if meta.replaces else None,
            "replaces_version": meta.replaces_version,
            "title": f"Báo cáo kết quả đăng ký mô hình “Dân vận khéo” năm {meta.year}",
        },
        "opening": opening,
        "field_rows": [_row(FIELDS[f], bf.loc[f], total) for f in FIELDS],
        "field_total": _row("Tổng cộng", bf[list(TYPES)].sum(), total),
        "field_sentences": field_sentences,
        "chart_src": f"data:image/svg+xml;base64,{chart}",
        "level_rows": [_row(LEVELS[lv], figures.by_level.loc[lv], total) for lv in LEVELS],
        "result_rows": [_row(RESULTS[r], figures.by_result.loc[r], total) for r in RESULTS],
        "exemplary_count": number(len(figures.exemplary)),
        "unit_rows": unit_rows,
        "unit_total": {"cells": [number(int(by_unit[f"{f}_{k}"].sum())) for f in FIELDS for k in TYPES],
                       "total": number(int(by_unit["total"].sum()))},
        "missing": [{"code": c, "name": names.get(c, c)} for c in cov["missing"]],
        "quality_rows": quality_rows,
        "rows": {k: number(v) for k, v in figures.rows.items()},
        "hidden": _hidden_rows(figures, names),
        "files": {"found": number(int((figures.files["status"] != "skipped").sum())),
                  "rejected": number(len(rejected_files)),
                  "superseded": number(int((figures.files["status"] == "superseded").sum()))},
        "rejected_files": [{"file": r.file, "reason": r.problem} for r in rejected_files.itertuples()],
        "skipped_files": [{"file": r.file, "reason": r.reason}
                          for r in figures.files.itertuples() if r.status == "skipped"],
        "choices": [{"unit": short_name(names.get(r.unit, r.unit)), "code": r.unit,
                     "text": r.choice} for r in figures.files.itertuples()
                    if r.status == "used" and r.choice],
        "exemplary_chunks": exemplary_chunks([] if elsewhere else exemplary),
        "exemplary_elsewhere": {"pdf": APPENDIX_PDF, "xlsx": APPENDIX_XLSX} if elsewhere else None,
        "fields": list(FIELDS.values()),
        "types": list(TYPES.values()),
        "changes": meta.changes,
        "date_change": meta.date_change,
        "not_data_heading": NOT_DATA_HEADING,
        "appendix": {name: roman(i + 1) for i, name in enumerate(APPENDICES)},
        "pdf_created": created.isoformat(),
        # "So sánh với năm trước" and the multi-year chart (issue 12; _so_sanh.html.j2)
        "comparison": comparison_context(figures.previous_year, figures.year, names),
        "history_chart_src": history_chart_src(figures.history),
    }


#: Phrases never broken across lines (the field's name, "an ninh - quốc phòng", read as one
#: term): every ``{{ … }}`` of the template wraps them in ``<span class="nowrap">``.
_UNBROKEN = re.compile(r"(?i)(an ninh - quốc phòng|quốc phòng - an ninh)")


def keep_together(value: object) -> object:
    """Jinja2 ``finalize``: a string's characters that no font draws are replaced
    (:func:`thidua.report.glyphs.printable`: PDF/A allows no ``.notdef`` glyph), then it is
    escaped (autoescape stays the rule for every value) and each phrase of :data:`_UNBROKEN`
    wrapped in ``<span class="nowrap">`` so that it never breaks across lines (issue 11); other
    values pass unchanged."""
    if not isinstance(value, str) or isinstance(value, markupsafe.Markup):
        return value
    return markupsafe.Markup(_UNBROKEN.sub(r'<span class="nowrap">\1</span>',
                                           str(markupsafe.escape(printable(value)))))


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, finalize=keep_together)


def render_html(context: dict, part: dict | None = None, numbers_elsewhere: bool = False) -> str:
    """The report as HTML from ``report_templates/report.html.j2`` (autoescaped): the whole
    report, or one ``part`` of it (:func:`thidua.report.parts.report_parts`) with
    ``numbers_elsewhere`` (no page numbers: :func:`thidua.report.join.join_parts` prints
    them on the joined pages)."""
    part = part or {"front": True, "chunks": context["exemplary_chunks"]}
    return _environment().get_template("report.html.j2").render(
        **context, part=part, numbers_elsewhere=numbers_elsewhere)


def html_to_pdf(html: str, attachments: dict[str, bytes] | None = None,
                stamp: dt.datetime | None = None) -> bytes:
    """PDF/A-3b bytes of ``html`` in one document, in this process
    (:func:`html_document`, :func:`document_pdf`)."""
    from thidua.report.archive import document_pdf, html_document

    return document_pdf(html_document(html), attachments, stamp)


def render_report(figures: Figures, meta: ReportMeta,
                  attachments: dict[str, bytes] | None = None, workers: int | None = None,
                  cache: PartCache | None = None) -> bytes:
    """Figures → PDF/A-3b bytes with ``attachments`` (file name → bytes: ``summary.json``,
    ``rejected.csv``, ``manifest.json``) dated the report's date (see :func:`build_context`,
    :func:`render_html`). The report is rendered in parts (:func:`thidua.report.parts.report_parts`:
    the body with Phụ lục I, then Phụ lục II in parts of rows), ``workers`` processes at a
    time (default: the machine's cores), and joined with continuous page numbers, one
    outline and the first part's metadata, attachments and signature field
    (:func:`thidua.report.parts.render_joined`), each part taken from ``cache`` when it was
    rendered before (:class:`thidua.report.partcache.PartCache`). The bytes never depend on
    ``workers`` nor on ``cache``."""
    stamp = dt.datetime.combine(meta.report_date, dt.time(0, 0), tzinfo=dt.timezone.utc)
    context = build_context(figures, meta)
    htmls = [render_html(context, part, numbers_elsewhere=True) for part in report_parts(context)]
    return render_joined(htmls, attachments, stamp, numbers_css="", workers=workers, cache=cache)
