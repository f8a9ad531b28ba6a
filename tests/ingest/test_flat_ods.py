"""LibreOffice's flat XML spreadsheet (``.fods``) read as the ``.ods`` it holds (fresh tester
G's 307: refused "Định dạng tệp '.fods' không được nhận"; :mod:`thidua.ingest.flatods`)."""

from __future__ import annotations

import io
import zipfile

import pytest

from corpus_rows import regs, titled
from corpus_writers import write_ods
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.flatods import as_ods, is_flat_ods


def _flat(tmp_path, sheet, hidden_rows=()) -> bytes:
    """The flat document of an ``.ods`` written by the corpus writer: its ``content.xml``
    with the root renamed as LibreOffice's flat export names it."""
    path = tmp_path / "x.ods"
    sheet.hidden_rows = list(hidden_rows)
    write_ods(path, [sheet])
    with zipfile.ZipFile(path) as package:
        content = package.read("content.xml").decode()
    content = content.replace("office:document-content", "office:document", 2)
    return content.replace("<office:document ", '<office:document office:mimetype='
                           '"application/vnd.oasis.opendocument.spreadsheet" ', 1).encode()


@pytest.mark.parametrize("name", ["Q-HM_2024.fods", "Q-HM_2024.FODS", "Q-HM_2024.xml"])
def test_a_flat_spreadsheet_is_read_with_its_facts(tmp_path, context, name):
    path = tmp_path / name
    path.write_bytes(_flat(tmp_path, titled("Q-HM", regs(4)), hidden_rows=[8]))
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit) == ("used", "Q-HM")
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["hidden"] == 1  # the facts are read too: a hidden row


def test_what_is_a_flat_spreadsheet(tmp_path):
    flat = _flat(tmp_path, titled("Q-HM", regs(1)))
    assert is_flat_ods(flat) and is_flat_ods(b"\xef\xbb\xbf" + flat)
    text = flat.replace(b"opendocument.spreadsheet", b"opendocument.text")
    assert not is_flat_ods(text)  # a flat text document
    assert not is_flat_ods(b"<html><office:document office:mimetype=x>")
    assert not is_flat_ods(b"PK\x03\x04")
    with zipfile.ZipFile(io.BytesIO(as_ods(flat))) as package:
        assert package.namelist() == ["mimetype", "content.xml", "META-INF/manifest.xml"]
        assert package.read("content.xml") == flat
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert package.getinfo("content.xml").compress_type == zipfile.ZIP_DEFLATED


def test_a_flat_spreadsheet_with_a_dtd_is_refused(tmp_path, context):
    flat = _flat(tmp_path, titled("Q-HM", regs(1)))
    bomb = flat.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
    path = tmp_path / "Q-HM_2024.fods"
    path.write_bytes(bomb)
    result = ingest_file(input_file(path), context)
    assert result.status == "rejected"
    assert result.problem.startswith("Tệp có khai báo DTD hoặc thực thể XML (phần 'content.xml'")


def _root(before: bytes = b"", after: bytes = b"") -> bytes:
    """A flat document's root saying the spreadsheet's media type, ``before`` and ``after``
    it inside the tag."""
    return (b'<office:document ' + before + b'office:mimetype="application/vnd.oasis.'
            b'opendocument.spreadsheet"' + after + b"><office:body/></office:document>")


def test_the_root_alone_and_its_type_within_the_first_8192_bytes():
    assert is_flat_ods(_root())  # no XML declaration: the root is the first tag
    assert is_flat_ods(b" \t\r\n" + _root())
    assert not is_flat_ods(b"x" + _root()) and not is_flat_ods(b"X" + _root())
    # the root is the first tag so named: a comment naming it again further on changes nothing
    assert is_flat_ods(_root().replace(b"<office:body/>", b"<!-- <office:document a> -->"))
    # the media type's last byte the file's 8 192nd, then its 8 193rd
    pad = 8192 - len(_root().split(b'spreadsheet"')[0]) - len(b"spreadsheet") - len(b'a="" ')
    assert _root(b'a="' + b"x" * pad + b'" ').index(b'spreadsheet"') + 11 == 8192
    assert is_flat_ods(_root(b'a="' + b"x" * pad + b'" '))
    assert not is_flat_ods(_root(b'a="' + b"x" * (pad + 1) + b'" '))
    # a root tag longer than what is read: its type read up to the end of what is read
    assert is_flat_ods(_root(after=b' a="' + b"x" * 9000 + b'"'))
    # the type must be the root's: not an attribute of the next tag
    assert not is_flat_ods(b'<office:document a="1"><x t="application/vnd.oasis.opendocument.'
                           b'spreadsheet"/></office:document>')
    assert not is_flat_ods(b'<office:document-content office:mimetype="application/vnd.oasis.'
                           b'opendocument.spreadsheet">')  # an .ods's content.xml: no root
