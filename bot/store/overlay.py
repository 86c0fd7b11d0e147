"""Language overlays: the store's entries asked and answered in another language.

An overlay (``release.ru.yaml`` beside ``release.yaml``) never repeats the
English store. Per entry id it holds the phrasings people type in that
language and an answer that stands alone; besides, the release's names in
that language, synonyms, topic labels, small talk and every string the bot
shows. The verbatim English quote stays English.

`check_overlay` reads one file and reports, with the same line-numbered
`Problem` as the store: ids the store does not have, strings missing or with
their placeholders changed, a translated answer whose figures differ from
its English answer, and a capitalised name the names table does not list.
An entry with no translation is not a problem: it is reported in coverage,
and the bot answers it in English.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from bot.language import normalise
from bot.store.model import Overlay, Problem, Settings, Store, StoreError, Translation
from bot.store.yaml_lines import Lines, YamlError, read_yaml

LANGUAGES = ("ru", "kk", "ko")
"""Languages an overlay may be written in (English is the store itself)."""

# Every string the bot shows, with the placeholders its text must keep.
STRINGS: Mapping[str, frozenset[str]] = {
    "start": frozenset({"title", "date"}),
    "help": frozenset(),
    "topics_prompt": frozenset(),
    "topic_heading": frozenset({"topic"}),
    "not_found": frozenset({"topics"}),
    "perhaps": frozenset(),
    "did_you_mean": frozenset(),
    "none_of_these": frozenset(),
    "from_release": frozenset(),
    "release_says": frozenset(),
    "untranslated": frozenset(),
    "not_text": frozenset(),
    "rate_limited": frozenset(),
    "empty_question": frozenset(),
    "admins_only": frozenset(),
    "expired_button": frozenset(),
    "sorry": frozenset(),
    "ask_usage": frozenset(),
    "question_cut": frozenset({"limit"}),
    "answered_part": frozenset({"question"}),
    "yes": frozenset(),
    "no": frozenset(),
    "unstated": frozenset(),
    "difference": frozenset(),
    "sum": frozenset(),
    "feedback_thanks": frozenset(),
    "feedback_done": frozenset(),
    "feedback_already": frozenset(),
    "feedback_expired": frozenset(),
    "languages": frozenset(),
    "command_start": frozenset(),
    "command_help": frozenset(),
    "command_topics": frozenset(),
    "command_source": frozenset(),
    "command_ask": frozenset(),
}

_TOP_KEYS = frozenset(
    {
        "language",
        "base",
        "settings",
        "names",
        "synonyms",
        "topics",
        "strings",
        "smalltalk",
        "entries",
    }
)
_SETTINGS = frozenset({"answer_threshold", "clarify_threshold", "margin", "gloss_agreement"})
_ITEM_KEYS = frozenset({"id", "questions", "answer"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A capitalised word (Cyrillic or Latin) that does not open a sentence.
_NAME = re.compile(r"(?<=[\w,;:)»”\"] )[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]*")


def overlay_paths(store_path: Path) -> list[Path]:
    """The overlay files beside a store: ``NAME.LANG.yaml`` for ``NAME.yaml``."""
    return [
        store_path.with_name(f"{store_path.stem}.{language}{store_path.suffix}")
        for language in LANGUAGES
        if store_path.with_name(f"{store_path.stem}.{language}{store_path.suffix}").is_file()
    ]


def check_overlays(store: Store) -> tuple[dict[str, Overlay], list[Problem]]:
    """Every overlay beside the store, by language, and the problems found in them."""
    overlays: dict[str, Overlay] = {}
    problems: list[Problem] = []
    for path in overlay_paths(store.path):
        overlay, found = check_overlay(path, store)
        problems += found
        if overlay is not None:
            overlays[overlay.language] = overlay
    return overlays, problems


def load_overlays(store: Store) -> dict[str, Overlay]:
    """Every overlay beside the store, by language; `StoreError` lists what is wrong."""
    overlays, problems = check_overlays(store)
    if problems:
        raise StoreError(problems)
    return overlays


def check_overlay(path: Path, store: Store) -> tuple[Overlay | None, list[Problem]]:
    """Read and check one overlay against its store; the overlay only if it has no problem."""
    reader = _OverlayReader(path, store)
    overlay = reader.read()
    problems = sorted(reader.problems, key=lambda p: p.line)
    return (overlay if not problems else None), problems


class _OverlayReader:
    """Turns one overlay file into an `Overlay`, collecting problems instead of raising."""

    def __init__(self, path: Path, store: Store) -> None:
        self.path = path
        self.store = store
        self.problems: list[Problem] = []
        self.lines: Lines | None = None

    def problem(self, line: int, item_id: str | None, message: str) -> None:
        self.problems.append(Problem(str(self.path), line, item_id, message))

    def read(self) -> Overlay | None:
        try:
            data, node = read_yaml(self.path, "overlay")
        except YamlError as error:
            self.problem(error.line, None, error.message)
            return None
        if not isinstance(data, dict) or node is None:
            self.problem(1, None, "an overlay must be a mapping with language and entries")
            return None
        self.lines = Lines(node)
        for key in sorted(set(data) - _TOP_KEYS, key=str):
            self.problem(self.lines.key(key), None, f"unknown top-level key {key!r}")
        language = self._language(data.get("language"))
        names = self._lists(data.get("names"), "names")
        entries = self._items(data.get("entries"), "entries", {e.id for e in self.store.entries})
        smalltalk = self._items(
            data.get("smalltalk"), "smalltalk", {s.id for s in self.store.smalltalk}
        )
        self._answers(entries, names)
        return Overlay(
            language=language,
            path=self.path,
            names=names,
            synonyms=self._lists(data.get("synonyms"), "synonyms"),
            topics=self._topics(data.get("topics")),
            strings=self._strings(data.get("strings")),
            entries=entries,
            smalltalk=smalltalk,
            settings=self._settings(data.get("settings")),
        )

    def _line(self, key: str) -> int:
        return self.lines.key(key) if self.lines else 0

    def _language(self, value: Any) -> str:
        expected = self.path.suffixes[-2].lstrip(".") if len(self.path.suffixes) >= 2 else ""
        if value not in LANGUAGES:
            self.problem(self._line("language"), None, f"language must be one of {LANGUAGES}")
            return str(value)
        if value != expected:
            self.problem(
                self._line("language"), None, f"language {value!r} differs from the file name"
            )
        return str(value)

    def _mapping(self, value: Any, section: str) -> Mapping[Any, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(self._line(section), None, f"{section} must be a mapping")
            return {}
        return value

    def _lists(self, value: Any, section: str) -> dict[str, tuple[str, ...]]:
        result: dict[str, tuple[str, ...]] = {}
        for key, forms in self._mapping(value, section).items():
            if not isinstance(forms, list) or not forms or not all(_text(f) for f in forms):
                line = self.lines.nested(section, key) if self.lines else 0
                self.problem(line, None, f"{section} of {key!r} must be a non-empty list of text")
                continue
            result[str(key)] = tuple(f.strip() for f in forms)
        return result

    def _settings(self, value: Any) -> Settings | None:
        """This language's thresholds over the store's (`answer_threshold` etc.)."""
        given = self._mapping(value, "settings")
        if not given:
            return None
        good: dict[str, Any] = {}
        for key, number in given.items():
            line = self.lines.nested("settings", key) if self.lines else 0
            if key not in _SETTINGS:
                self.problem(line, None, f"unknown setting {key!r}")
            elif isinstance(number, bool) or not isinstance(number, int | float):
                self.problem(line, None, f"setting {key!r} must be a number")
            elif not 0 <= number <= 100:
                self.problem(line, None, f"setting {key!r} is out of range")
            else:
                good[key] = float(number)
        return dataclasses.replace(self.store.settings, **good)

    def _topics(self, value: Any) -> dict[str, str]:
        topics = {str(k): v.strip() for k, v in self._mapping(value, "topics").items() if _text(v)}
        for topic in sorted(set(topics) - set(self.store.topics)):
            line = self.lines.nested("topics", topic) if self.lines else 0
            self.problem(line, None, f"topic {topic!r} is not a topic of the store")
        return topics

    def _strings(self, value: Any) -> dict[str, str]:
        strings = self._mapping(value, "strings")
        result: dict[str, str] = {}
        missing = sorted(set(STRINGS) - set(strings))
        if missing:
            self.problem(self._line("strings"), None, "strings missing: " + ", ".join(missing))
        for key, text in strings.items():
            line = self.lines.nested("strings", key) if self.lines else 0
            if key not in STRINGS:
                self.problem(line, None, f"unknown string {key!r}")
            elif not _text(text):
                self.problem(line, None, f"string {key!r} must be text")
            elif set(_PLACEHOLDER.findall(text)) != STRINGS[key]:
                wanted = ", ".join(f"{{{p}}}" for p in sorted(STRINGS[key])) or "none"
                self.problem(line, None, f"string {key!r} must keep the placeholders: {wanted}")
            else:
                result[key] = text
        return result

    def _items(self, value: Any, section: str, known: set[str]) -> dict[str, Translation]:
        items: dict[str, Translation] = {}
        for line, item in self._each(value, section):
            item_id = item.get("id")
            if not isinstance(item_id, str) or item_id not in known:
                self.problem(line, None, f"id {item_id!r} is not in the store's {section}")
                continue
            if item_id in items:
                self.problem(line, item_id, "translated twice")
            for key in sorted(set(item) - _ITEM_KEYS, key=str):
                self.problem(line, item_id, f"unknown key {key!r}")
            questions = item.get("questions")
            if not isinstance(questions, list) or not all(_text(q) for q in questions):
                self.problem(line, item_id, "questions must be a list of text")
                questions = []
            answer = item.get("answer")
            if not isinstance(answer, str) or not answer.strip():
                self.problem(line, item_id, "answer is missing or empty")
                answer = ""
            items[item_id] = Translation(
                item_id, tuple(q.strip() for q in questions), answer.strip(), line
            )
        return items

    def _each(self, value: Any, section: str) -> Iterator[tuple[int, dict[Any, Any]]]:
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(self._line(section), None, f"{section} must be a list")
            return
        for index, item in enumerate(value):
            line = self.lines.item(section, index) if self.lines else 0
            if isinstance(item, dict):
                yield line, item
            else:
                self.problem(line, None, f"{section} item {index + 1} must be a mapping")

    def _answers(self, entries: Mapping[str, Translation], names: Mapping[str, Any]) -> None:
        known_names = {normalise(w) for forms in names.values() for f in forms for w in f.split()}
        for translation in entries.values():
            entry = self.store.entry(translation.id)
            if entry is None or not translation.answer:
                continue
            ours, theirs = _figures(translation.answer), _figures(entry.answer)
            if ours != theirs:
                self.problem(
                    translation.line,
                    translation.id,
                    f"answer states {_listed(ours)}; the English answer states {_listed(theirs)}",
                )
            for name in _NAME.findall(translation.answer):
                if normalise(name) not in known_names:
                    self.problem(
                        translation.line,
                        translation.id,
                        f"answer names {name!r}, which the names table does not list",
                    )


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _figures(text: str) -> list[str]:
    """The numbers a text states, sorted ("4th" and "4-е" both state 4).

    A date written 2024-08-16 states its year and day: a translation may
    spell the month out ("16 августа 2024").
    """
    text = _ISO_DATE.sub(lambda m: f"{m.group(1)} {int(m.group(3))}", text)
    return sorted(f.replace(",", ".").lstrip("0") or "0" for f in _FIGURE.findall(text))


def _listed(figures: list[str]) -> str:
    return ", ".join(figures) if figures else "no figures"
