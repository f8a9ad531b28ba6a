"""What a file's reading through the content cache rests on (issues 9.9, 10): the cache key of
a reading (:func:`ingest_cache_key`), and which results may be stored under it
(:func:`checked`: the bytes read are those the key was made from, and the verdict does not
depend on the machine).
"""

from __future__ import annotations

import hashlib

from thidua.ingest.discover import InputFile
from thidua.ingest.files import FileResult, UnitContext, ingest_file, ingest_files


class ContentChanged(Exception):
    """The bytes read from a file are not those its cache key was made from; ``sha256`` is
    the hash of the bytes read. Raised so that the result is never stored under that key."""

    def __init__(self, file: str, sha256: str):
        super().__init__(f"{file}: nội dung đã thay đổi sau khi liệt kê tệp")
        self.file, self.sha256 = file, sha256


class NotCached(Exception):
    """A result that must not be stored under a cache key (``result``: the file's
    :class:`FileResult`): the reader crashed or ran out of time or memory
    (:attr:`FileResult.transient`), which depends on the machine, not only on the file."""

    def __init__(self, result: FileResult):
        super().__init__(f"{result.file}: {result.problem}")
        self.result = result


def ingest_checked(source: InputFile, context: UnitContext) -> FileResult:
    """:func:`thidua.pipeline.ingest`, refusing a result whose bytes are not the ones ``source.sha256`` (the
    cache key's hash) says: raises :class:`ContentChanged` (issue 9.9). A cache keyed on the
    discovered hash can then never hold, nor serve, figures of other content. Raises
    :class:`NotCached` for a rejection that depends on the machine (issue 9.6)."""
    return checked(source, ingest_file(source, context))


def ingest_many(sources: list[InputFile], context: UnitContext) -> list[FileResult]:
    """:func:`thidua.pipeline.ingest` of each file, their rows checked together
    (:func:`thidua.ingest.files.ingest_files`, issue 10); in order, each result the one
    :func:`thidua.pipeline.ingest` gives its file alone."""
    return ingest_files(sources, context)


def checked(source: InputFile, result: FileResult) -> FileResult:
    """``result`` of reading ``source``, as :func:`ingest_checked` lets it through: raises
    :class:`ContentChanged` when its bytes are not those of ``source.sha256``,
    :class:`NotCached` when it depends on the machine."""
    if result.sha256 != source.sha256:
        raise ContentChanged(source.file, result.sha256)
    if result.transient:
        raise NotCached(result)
    return result


def ingest_cache_key(source: InputFile, context: UnitContext, program: str) -> str:
    """The cache key of one file's reading: its content (SHA-256) and name as shown in
    messages, what it is checked against (the year and the whole unit context: the registry's
    codes, the accepted units' names, which find a unit named in a title or a later sheet, and
    their validity periods, named in messages) and the program. A changed file, registry or
    program never reuses an old result; an unchanged one always can."""
    codes = ",".join(sorted(context.known_codes)) + "|" + ",".join(sorted(context.accepted_codes))
    units = repr((sorted(context.names), sorted(context.periods)))
    scope = hashlib.sha256(f"{source.file}|{context.year}|{codes}|{units}|{program}".encode()
                           ).hexdigest()
    return f"ingest-{source.sha256}-{scope[:32]}"

