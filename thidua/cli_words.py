"""Typer's own words (usage, help, errors) in Vietnamese.

Two sources, one per way Typer speaks:

- the words it looks up through :mod:`gettext` (help titles, "Usage:", "No such command"):
  a gettext catalogue, ``thidua/locale/click-vi.po``, read with Babel; :func:`install`
  points those look-ups at it;
- the errors of the Click that Typer carries inside it (``typer._click``) and of its value
  checks (pydantic), which are English f-strings: :func:`describe` says them from the
  exception's own fields and :data:`MESSAGES`.

A word neither knows stays as the library wrote it.
"""

from __future__ import annotations

import functools
import importlib
import re
from pathlib import Path

from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parent / "locale" / "click-vi.po"
#: Modules that import ``gettext``/``ngettext`` under their own names.
_MODULES = ("typer.core", "typer.main", "typer.rich_utils", "typer._click.parser")
#: Typer's help words computed once at import (:mod:`typer.rich_utils`): name → English msgid.
_RICH_CONSTANTS = {"ARGUMENTS_PANEL_TITLE": "Arguments", "OPTIONS_PANEL_TITLE": "Options",
                   "COMMANDS_PANEL_TITLE": "Commands", "ERRORS_PANEL_TITLE": "Error",
                   "ABORTED_TEXT": "Aborted.", "DEFAULT_STRING": "[default: {}]",
                   "REQUIRED_LONG_STRING": "[required]", "ENVVAR_STRING": "[env var: {}]",
                   "DEPRECATED_STRING": "(deprecated) ",
                   "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help."}


@functools.cache
def words() -> dict[str, str]:
    """English msgid → Vietnamese, from :data:`CATALOGUE` (entries with a translation only)."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    return {m.id: m.string for m in catalogue if m.id and m.string and isinstance(m.id, str)}


def gettext(message: str) -> str:
    """``message`` in Vietnamese when the catalogue has it, else unchanged."""
    return words().get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form (Vietnamese has one form), in Vietnamese when known."""
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Make Click and Typer speak Vietnamese in this process (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    rich_utils = importlib.import_module("typer.rich_utils")
    for constant, message in _RICH_CONSTANTS.items():
        setattr(rich_utils, constant, gettext(message))
    _help_option_words()
    _usage_prefix()


#: What a usage line calls the options and a sub-command (Click: ``[OPTIONS]``,
#: ``COMMAND [ARGS]...``).
OPTIONS_METAVAR = "[TÙY_CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM_SỐ]..."


def name_usage_parts(command) -> None:
    """Set ``command``'s and every sub-command's usage words in Vietnamese
    (:data:`OPTIONS_METAVAR`, :data:`SUBCOMMAND_METAVAR`), in place."""
    command.options_metavar = OPTIONS_METAVAR
    if hasattr(command, "commands"):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
        for sub in command.commands.values():
            name_usage_parts(sub)


def _usage_prefix() -> None:
    """The "Usage: " before a command's synopsis, which Typer's Click writes in English."""
    from typer._click.formatting import HelpFormatter

    original = HelpFormatter.write_usage
    if getattr(original, "_thidua", False):
        return

    def write_usage(self, prog, args="", prefix=None):
        return original(self, prog, args, gettext("Usage:") + " " if prefix is None else prefix)

    write_usage._thidua = True
    HelpFormatter.write_usage = write_usage


def _help_option_words() -> None:
    """The ``--help`` option's own help line, which Typer writes in English, and no value type
    beside it (it takes no value; typer would show ``<bool>``)."""
    from typer import core

    original = core.TyperCommand.get_help_option if hasattr(core, "TyperCommand") else None
    if original is None or getattr(original, "_thidua", False):
        return

    def get_help_option(self, ctx):
        option = original(self, ctx)
        if option is not None:
            option.help = gettext("Show this message and exit.")
            option.metavar = ""
        return option

    get_help_option._thidua = True
    for cls in (core.TyperCommand, core.TyperGroup):
        cls.get_help_option = get_help_option


#: English message (a full match, after the option's own words are taken out) → Vietnamese.
MESSAGES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.IGNORECASE | re.DOTALL), v) for p, v in [
    (r"Input should be less than or equal to (\S+?)\.?", r"cần một số không lớn hơn \1"),
    (r"Input should be greater than or equal to (\S+?)\.?", r"cần một số không nhỏ hơn \1"),
    (r"Input should be less than (\S+?)\.?", r"cần một số nhỏ hơn \1"),
    (r"Input should be greater than (\S+?)\.?", r"cần một số lớn hơn \1"),
    (r"Input should be a valid integer.*", "cần một số nguyên"),
    (r"Input should be a valid number.*", "cần một số"),
    (r"Input should be a valid boolean.*", "cần có/không (true/false)"),
    (r"Input should be a valid (date|datetime).*", "cần một ngày"),
    (r"Input should be a valid path.*", "cần một đường dẫn"),
    (r"'?(.*?)'? is not a valid (integer|int)\.?", r"'\1' không phải số nguyên"),
    (r"(.*) is not in the range (.*?)\.?", r"\1 nằm ngoài khoảng \2"),
    (r"(?:Path|File|Directory) '?(.*?)'? does not exist\.?", r"'\1' không tồn tại"),
    (r"(?:Path|File|Directory) '?(.*?)'? is a directory\.?", r"'\1' là thư mục, cần một tệp"),
    (r"(?:Path|File|Directory) '?(.*?)'? is a file\.?", r"'\1' là tệp, cần một thư mục"),
]]


def translate(message: str) -> str:
    """An English message of Typer's value checks in Vietnamese (:data:`MESSAGES`), else
    ``message`` as it is."""
    text = message.strip()
    for pattern, vietnamese in MESSAGES:
        if match := pattern.fullmatch(text):
            return match.expand(vietnamese)
    return words().get(text, text)


def _opts(param) -> str:
    if getattr(param, "param_type_name", "") == "argument" and getattr(param, "metavar", None):
        return param.metavar  # the Vietnamese name shown in the help (e.g. TỆP)
    names = [o for o in getattr(param, "opts", []) if o.startswith("--")] or getattr(param, "opts", [])
    return "/".join(names) or getattr(param, "name", "") or "?"


def describe(exc: Exception) -> str:
    """One Vietnamese line for an error of Typer's command line (``typer._click``'s
    ``UsageError`` family); other exceptions as ``str(exc)``."""
    from typer._click import exceptions as errors

    if isinstance(exc, errors.NoSuchOption):
        near = f"; có phải ý bạn là {', '.join(sorted(exc.possibilities))}?" if exc.possibilities else ""
        return f"Không có tùy chọn {exc.option_name}{near}"
    if isinstance(exc, errors.MissingParameter):
        kind = "tham số" if getattr(exc.param, "param_type_name", "") == "argument" else "tùy chọn"
        return f"Thiếu {kind} {_opts(exc.param)}" if exc.param else "Thiếu tham số"
    if isinstance(exc, errors.BadParameter):
        where = f" cho {_opts(exc.param)}" if exc.param else ""
        return f"Giá trị không hợp lệ{where}: {translate(exc.message)}"
    if isinstance(exc, errors.BadOptionUsage):
        text = exc.message
        if match := re.fullmatch(r"Option '?(.*?)'? requires (?:an argument|\d+ arguments)\.?", text):
            return f"Tùy chọn {match.group(1)} cần một giá trị"
        if match := re.fullmatch(r"Option '?(.*?)'? does not take a value\.?", text):
            return f"Tùy chọn {match.group(1)} không nhận giá trị"
        return translate(text)
    if isinstance(exc, errors.UsageError):
        text = exc.message
        if match := re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", text, re.DOTALL):
            return f"Thừa tham số: {match.group(1)}"
        return translate(text)
    message = getattr(exc, "format_message", lambda: str(exc))()
    return translate(message)


def repeated_option(group, argv: list[str]) -> str | None:
    """The refusal, in Vietnamese, of an option given twice in ``argv`` (``--year 2024 --year
    2025``), or ``None``. Click keeps the last value of an option that is not ``multiple`` and
    says nothing; a report for the wrong year is worse than a refusal. Allowed: options that
    may be repeated (``multiple=True``), and an option given twice with the same value; a
    flag and its opposite (``--sign --no-sign``) are two different values: refused."""
    command = group  # a Click group (Typer's own copy of Click: matched by shape, not class)
    rest = list(argv)
    while rest and rest[0] in getattr(command, "commands", {}):
        command = command.commands[rest.pop(0)]
    options = {}
    for param in command.params:
        if param.param_type_name == "option" and not param.multiple and not param.count:
            for name in (*param.opts, *param.secondary_opts):
                options[name] = param
    seen: dict[str, list[str]] = {}
    tokens = iter(rest)
    for token in tokens:
        if token == "--":
            break
        name, has_value, value = token.partition("=") if token.startswith("--") else (
            (token[:2], bool(token[2:]), token[2:]) if token.startswith("-") else (token, "", ""))
        param = options.get(name)
        if param is None:
            continue
        if not param.is_flag and not has_value:
            value = next(tokens, "")
        given = seen.setdefault(param.name, [])
        given.append(value if not param.is_flag else name)
        if len(set(given)) > 1:
            shown = ", ".join(given)
            return (f"tùy chọn {param.opts[0]} được nhập {len(given)} lần với giá trị khác nhau "
                    f"({shown}); mỗi tùy chọn chỉ được nhập một lần.")
    return None
