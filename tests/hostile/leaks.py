"""Whether a message meant for a clerk leaks a Python exception's class name or English system text."""

from __future__ import annotations

import builtins

# Every exception class name a message could leak: Python's own, and those of the libraries the
# readers use.
CLASS_NAMES = sorted(
    {name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException)}
    | {"BadZipFile", "LargeZipFile", "InvalidOperation", "DecimalException", "Overflow", "DivisionByZero",
       "ParseError", "ExpatError", "JSONDecodeError", "DefusedXmlException", "EntitiesForbidden",
       "DTDForbidden", "ExternalReferenceForbidden", "NotSupportedError", "ValidationError"},
    key=len, reverse=True)


def leaks(message: str) -> list[str]:
    """Class names and English system texts found in ``message``."""
    found = [name for name in CLASS_NAMES if name in message]
    found += [text for text in ("Permission denied", "No such file", "File name too long", "No space left",
                                "Errno", "Traceback", "zip file version", "compression") if text in message]
    return found
