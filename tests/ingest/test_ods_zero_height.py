"""An ``.ods`` row shut to zero height (``style:row-height="0cm"``, ``0in``, ``0pt``…, no
``table:visibility``) or column shut to zero width is hidden, as an ``.xlsx``/``.xls`` row of
``ht="0"`` is (tester I's I111: counted silently before): its row ignored and told with the
hidden rows' words. A thin row that still shows, a zero height LibreOffice recomputes
(``use-optimal-row-height="true"``) and a row of another style stay counted."""

from __future__ import annotations

import io
import zipfile

import pytest

from helpers import HEADER, input_file, row
from thidua.ingest.files import ingest_file
from thidua.ingest.odsfacts import ods_facts

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def _row_style(name: str, height: str, optimal: str = "false") -> str:
    return (f'<style:style style:name="{name}" style:family="table-row">'
            f'<style:table-row-properties style:row-height="{height}" '
            f'style:use-optimal-row-height="{optimal}"/></style:style>')


def _column_style(name: str, width: str) -> str:
    return (f'<style:style style:name="{name}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{width}"/></style:style>')


def _content(styles: str, rows: list[tuple[list, str | None]], columns: str = "") -> bytes:
    body = []
    for values, style in rows:
        cells = "".join(
            f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p>'
            f'</table:table-cell>' if isinstance(v, int) else
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
            if v not in (None, "") else "<table:table-cell/>" for v in values)
        said = f' table:style-name="{style}"' if style else ""
        body.append(f"<table:table-row{said}>{cells}</table:table-row>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} '
            f'office:version="1.2"><office:automatic-styles>{styles}</office:automatic-styles>'
            f'<office:body><office:spreadsheet><table:table table:name="DS">{columns}'
            f'{"".join(body)}</table:table></office:spreadsheet></office:body>'
            f'</office:document-content>').encode()


def _ods(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>'))
        z.writestr("content.xml", content)
    return out.getvalue()


def _sheet(styles: str, shut: dict[int, str]) -> bytes:
    """Title, header and 4 data rows (sheet rows 5-8); ``shut``: sheet row → style name."""
    lines = [["Mã đơn vị: Q-BD"], ["Năm: 2024"], [""], HEADER,
             *[row(model=f"Mô hình số {i} của đơn vị", stt=i) for i in (1, 2, 3, 4)]]
    return _content(styles, [(values, shut.get(r)) for r, values in enumerate(lines, start=1)])


@pytest.mark.parametrize("height", ["0cm", "0in", "0pt", "0.000mm", "0"])
def test_rows_of_zero_height_are_ignored_and_told_like_hidden_rows(tmp_path, context, height):
    styles = _row_style("ro0", height) + _row_style("ro1", "0.452cm")
    path = tmp_path / "Q-BD_dvk-2024.ods"
    path.write_bytes(_ods(_sheet(styles, {6: "ro0", 8: "ro0", 7: "ro1"})))
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 0, "ignored": 2}
    assert result.registrations.index.tolist() == [5, 7]
    assert any(n.startswith("2 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 6, 8.")
               for n in result.notes)


@pytest.mark.parametrize("styles", [
    _row_style("ro0", "0.05cm"),  # very thin but shown
    _row_style("ro0", "0cm", optimal="true"),  # LibreOffice recomputes the height
    _row_style("ro0", "10pt"),
    _column_style("ro0", "0cm"),  # a column style named on a row: not a row's height
])
def test_look_alikes_stay_counted(tmp_path, context, styles):
    path = tmp_path / "Q-BD_dvk-2024.ods"
    path.write_bytes(_ods(_sheet(styles, {6: "ro0"})))
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}


def test_a_column_of_zero_width_is_a_hidden_column():
    styles = _column_style("co0", "0in") + _column_style("co1", "2.258cm")
    columns = ('<table:table-column table:style-name="co1" table:number-columns-repeated="3"/>'
               '<table:table-column table:style-name="co0"/>'
               '<table:table-column table:style-name="co1" table:number-columns-repeated="7"/>')
    content = _content(styles, [(["a", "b", "c", "d"], None)], columns)
    with zipfile.ZipFile(io.BytesIO(_ods(content))) as archive:
        facts = ods_facts(archive, "DS")
    assert facts.hidden_columns == (3,) and facts.hidden == ()
