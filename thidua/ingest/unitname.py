"""A title naming one unit of the registry by its name and another by its code
(``LĐLĐ QUẬN BA ĐÌNH`` above ``Mã đơn vị: Q-HK``): the code decides which unit the file
counts for (``spec/submission-form.md``, "Which unit and which year": the code is the unit's
key), but the unit is told, so that a file sent under another unit's code is caught by the
one who sent it (the fifth tester's ae_name_vs_code: counted for one unit, silently)."""

from __future__ import annotations

from thidua.ingest.identify import unit_by_name


def other_unit_named(lines: tuple[str, ...], unit: str, names: dict[str, str]) -> str | None:
    """The line telling the unit that its title names another unit of the registry than the
    one its code gives: ``Tiêu đề ghi tên đơn vị 'LĐLĐ quận Ba Đình' (Q-BD) nhưng mã đơn vị
    là 'Q-HK'; …``. ``lines``: the title's cells (:attr:`TitleBlock.lines`); ``unit``: the
    code the file counts for; ``names``: code → registry name of the accepted units. ``None``
    when the title names no unit, several (the Federation's heading), or ``unit`` itself."""
    named = unit_by_name(lines, names)
    if named is None or named == unit:
        return None
    mine = f" ({names[unit]})" if unit in names else ""
    return (f"Tiêu đề ghi tên đơn vị '{names[named]}' ({named}) nhưng mã đơn vị là '{unit}'; "
            f"tệp được tính cho '{unit}'{mine}. Nếu tệp là của {names[named]}, đề nghị sửa mã "
            f"đơn vị thành '{named}' và gửi lại; nếu không, sửa tên đơn vị ở tiêu đề.")
