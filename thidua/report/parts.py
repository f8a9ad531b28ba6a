"""The report rendered in parts, in parallel processes, and joined into one PDF (issue 10, P1).

WeasyPrint lays a document out in one process, on one core. The report is cut where it
breaks pages anyway: the body with Phụ lục I (which starts on a page of its own), then
Phụ lục II, the exemplary models, in parts of about :data:`CHUNK_ROWS` rows, each part starting
on a new page (a field continued from the part before goes on without a second heading, its
table header repeated, as on any page). The cut depends on the data only, never on the number
of processes, so the bytes never do. Each part is rendered without page numbers
(:func:`render_part`), at most ``workers`` at a time; :func:`thidua.report.join.join_parts` joins
them and prints the page numbers.
"""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from thidua.report.partcache import PartCache

#: Rows of Phụ lục II per part (about six landscape pages).
CHUNK_ROWS = 200


def exemplary_chunks(groups: list[tuple[str, list[dict]]]) -> list[dict]:
    """Phụ lục II in parts: ``groups`` is ``[(field name, [row dict, …]), …]`` in the report's
    order (row dicts: ``unit, type, model, registrant``); the rows are cut into
    ``ceil(n / CHUNK_ROWS)`` parts of equal size (±1). Returns ``[{"first": bool, "groups":
    [{"field", "number", "continued", "rows": [{…, "index"}]}]}]``: ``number`` is the field's
    place among the fields listed (``2.`` in "2. Lĩnh vực …"), ``index`` the row's number within
    its field, ``continued`` true for a field begun in the part before. Always at least one
    part (the appendix's heading), even without rows."""
    flat = [(g, field, i, row) for g, (field, rows) in enumerate(groups)
            for i, row in enumerate(rows, 1)]
    count = max(1, math.ceil(len(flat) / CHUNK_ROWS))
    bounds = [round(k * len(flat) / count) for k in range(count + 1)]
    chunks = []
    for k in range(count):
        out: list[dict] = []
        for g, field, i, row in flat[bounds[k]:bounds[k + 1]]:
            if not out or out[-1]["number"] != g + 1:
                out.append({"field": field, "number": g + 1, "continued": i > 1, "rows": []})
            out[-1]["rows"].append({**row, "index": i})
        chunks.append({"first": k == 0, "groups": out})
    return chunks


def report_parts(context: dict) -> list[dict]:
    """The parts the report is rendered in, for :func:`thidua.report.render.render_html`:
    ``{"front": True, "chunks": []}`` (the body and Phụ lục I; with Phụ lục II's heading when
    it lists no row), then ``{"front": False, "chunks": [chunk]}`` for each part of
    Phụ lục II (:func:`exemplary_chunks`)."""
    chunks = context["exemplary_chunks"]
    if not any(chunk["groups"] for chunk in chunks):
        return [{"front": True, "chunks": chunks}]
    return [{"front": True, "chunks": []}] + [{"front": False, "chunks": [c]} for c in chunks]


@dataclass(frozen=True)
class RenderedPart:
    """One part's PDF (:func:`render_part`): ``pdf`` bytes, each page's ``sizes`` (width,
    height in PDF points) and its ``bookmarks``: ``(page index in the part, level, label, x,
    y)`` of each heading, in PDF points from the page's bottom left, in document order."""

    pdf: bytes
    sizes: list[tuple[float, float]]
    bookmarks: list[tuple[int, int, str, float, float]]


def render_part(job: tuple) -> RenderedPart:
    """Render one part: ``job`` is ``(html, attachments, stamp)`` (attachments: file name →
    bytes, ``None`` for none; stamp: their date). Runs in a worker process (module-level,
    its arguments pickle)."""
    from thidua.report.archive import document_pdf, html_document

    html, attachments, stamp = job
    document = html_document(html)
    pdf = document_pdf(document, attachments, stamp)
    sizes = [(page.width * 0.75, page.height * 0.75) for page in document.pages]
    marks = [(index, level, label, x * 0.75, (page.height - y) * 0.75)
             for index, page in enumerate(document.pages)
             for level, label, (x, y), _state in page.bookmarks]
    return RenderedPart(pdf, sizes, marks)


def default_workers() -> int:
    """Processes rendering at once: the machine's cores (``THIDUA_RENDER_WORKERS`` overrides)."""
    return max(1, int(os.environ.get("THIDUA_RENDER_WORKERS") or os.cpu_count() or 1))


#: Resident size (bytes) of the run's process above which the render's processes start from
#: the forkserver instead of as its forks: a fork of a run holding a national year's rows
#: (1 GB) soon holds a copy of every page its Python objects' counts touch, in each process
#: (issue 10, P3: three such processes summed 3,9 GB resident).
FORK_LIMIT = 512 * 2**20


def _context():
    """``fork`` when this process runs no other thread and is small (:data:`FORK_LIMIT`: the
    workers start at once, with WeasyPrint already imported), else ``forkserver`` (forking a
    threaded process is unsafe; a large one's pages would be copied into each worker)."""
    import psutil

    small = psutil.Process().memory_info().rss < FORK_LIMIT
    return multiprocessing.get_context(
        "fork" if small and threading.active_count() == 1 else "forkserver")


def render_parts(jobs: list[tuple], workers: int | None = None,
                 cache: PartCache | None = None) -> list[RenderedPart]:
    """:func:`render_part` of each job, in order: in this process when ``workers`` is 1 or
    there is one job to render, else in up to ``workers`` processes, the longest HTML first.
    With ``cache`` (:class:`thidua.report.partcache.PartCache`), a job rendered before with
    the same key is taken from it, the others are rendered and kept, and only this render's
    parts stay in it."""
    keys = cache.keys(jobs) if cache else []
    done = {i: part for i, key in enumerate(keys)
            if isinstance(part := cache.get(key), RenderedPart)}  # else rendered again
    todo = [i for i in range(len(jobs)) if i not in done]
    workers = min(workers or default_workers(), len(todo))
    if workers <= 1:
        done.update({i: render_part(jobs[i]) for i in todo})
    else:
        from thidua.ingest.isolation import main_script_hidden

        order = sorted(todo, key=lambda i: -len(jobs[i][0]))
        with main_script_hidden(), ProcessPoolExecutor(workers, mp_context=_context()) as pool:
            futures = {i: pool.submit(render_part, jobs[i]) for i in order}
            done.update({i: futures[i].result() for i in todo})
    if cache:
        for i in todo:
            cache.put(keys[i], done[i])
        cache.keep(keys)
    return [done[i] for i in range(len(jobs))]


def render_joined(htmls: list[str], attachments: dict[str, bytes] | None,
                  stamp: dt.datetime, numbers_css: str, workers: int | None = None,
                  cache: PartCache | None = None) -> bytes:
    """Render ``htmls`` (parts of one document, each without page numbers) with
    :func:`render_parts` (through ``cache`` when given), the first part carrying
    ``attachments`` dated ``stamp``, and join them with page numbers
    (:func:`thidua.report.join.join_parts`; ``numbers_css``: the numbers' own CSS, after
    ``report.css``). Only the first part's metadata goes into the joined file, so the other
    parts are rendered undated: their bytes then depend on their HTML only."""
    from thidua.report.join import join_parts

    jobs = [(html, attachments, stamp) if i == 0 else (html, None, None)
            for i, html in enumerate(htmls)]
    return join_parts(render_parts(jobs, workers, cache), numbers_css)
