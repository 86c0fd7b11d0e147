"""bot/errors.py: why a file could not be read, in words, never an exception's class name."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import describe


def _reading(path: Path) -> OSError | UnicodeError:
    with pytest.raises((OSError, UnicodeError)) as info:
        path.read_text(encoding="utf-8")
    return info.value


def test_a_directory_is_called_a_directory(tmp_path: Path) -> None:
    assert describe(_reading(tmp_path)) == "it is a directory"


def test_a_missing_file_is_called_missing(tmp_path: Path) -> None:
    assert describe(_reading(tmp_path / "nope.yaml")) == "it does not exist"


def test_a_path_through_a_file_names_the_problem(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert describe(_reading(tmp_path / "file" / "inner.yaml")) == "a folder on its path is a file"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"caf\xe9\n", "it is not UTF-8 text: byte 0xe9 on line 1"),
        (b"one\ntwo\nthr\xffee\n", "it is not UTF-8 text: byte 0xff on line 3"),
    ],
)
def test_text_that_is_not_utf8_names_the_byte_and_line(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(data)
    assert describe(_reading(path)) == reason


def test_an_error_without_a_system_message_keeps_its_own_words() -> None:
    assert describe(OSError("the disk went away")) == "the disk went away"
    assert describe(OSError()) == "an operating-system error"


def test_a_text_that_cannot_be_encoded_is_called_so() -> None:
    with pytest.raises(UnicodeEncodeError) as info:
        "\udcff".encode("utf-8")
    assert describe(info.value) == "it holds a character UTF-8 cannot encode"
