"""Plain words for why a file could not be read or written, for one-line error messages.

An exception's class name (`IsADirectoryError`) tells a developer what went
wrong; `describe` tells the person at the command line: "it is a directory",
"permission denied", "it is not UTF-8 text: byte 0xe9 on line 2". The caller
adds the path and what it was doing: f"{path}: cannot read ({describe(exc)})".
"""

from __future__ import annotations

# Errors whose C-library wording ("Not a directory") would puzzle a reader.
_PLAIN = {
    FileNotFoundError: "it does not exist",
    IsADirectoryError: "it is a directory",
    NotADirectoryError: "a folder on its path is a file",
    PermissionError: "permission denied",
}


def describe(exc: OSError | UnicodeError) -> str:
    """What is wrong, in a few lowercase words, without the exception's name."""
    if isinstance(exc, UnicodeDecodeError):
        return _undecodable(exc)
    if isinstance(exc, UnicodeError):
        return "it holds a character UTF-8 cannot encode"
    for kind, words in _PLAIN.items():
        if isinstance(exc, kind):
            return words
    if exc.strerror:  # the C library's wording: "No space left on device"
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return str(exc) or "an operating-system error"


def _undecodable(exc: UnicodeDecodeError) -> str:
    """Which byte is not UTF-8 and where (the whole file was decoded at once)."""
    data = bytes(exc.object)
    bad = data[exc.start : exc.start + 1].hex()
    line = data.count(b"\n", 0, exc.start) + 1
    return f"it is not UTF-8 text: byte 0x{bad} on line {line}"
