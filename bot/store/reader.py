"""YAML in, a validated `Store` out.

`load_store` is the only way in. It either returns a `Store` that passed every
check in `check_store`, or raises `StoreError` listing each problem as
``file:line: [entry-id] what is wrong``. Nothing downstream sees raw YAML.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from bot.errors import describe
from bot.language import normalise, squash_whitespace
from bot.store.document import Document, parse_document
from bot.store.grounding import uncited_sentences, ungrounded_claims
from bot.store.model import CheckReport, Entry, Problem, Settings, SmallTalk, Store, StoreError
from bot.store.overlay import check_overlays
from bot.store.yaml_lines import Lines, YamlError, is_date, mappings, read_yaml


def _default_store() -> Path:
    """The shipped store: beside the package in a checkout, else ./knowledge (an install)."""
    beside = Path(__file__).resolve().parents[2] / "knowledge" / "release.yaml"
    return beside if beside.exists() else Path("knowledge") / "release.yaml"


DEFAULT_STORE = _default_store()

_TOP_KEYS = {"document", "title", "published", "settings", "synonyms", "entries", "smalltalk"}
_TOP_REQUIRED = {"document", "title", "entries"}
_ENTRY_KEYS = {"id", "topic", "questions", "answer", "source", "follow_ups", "draft"}
_ENTRY_REQUIRED = {"id", "topic", "questions", "answer", "source"}
_SMALLTALK_KEYS = {"id", "questions", "answer"}
# Ids go into button callback data ("a:" + id), which Telegram caps at 64 bytes.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")

# Longer texts cannot be shown whole: a reply cuts an answer at this length, and the
# matcher reads a question no further than a phrasing of this length could go.
MAX_ANSWER_CHARS = 1000
MAX_QUESTION_CHARS = 300

_SETTING_TYPES: dict[str, type] = {
    "answer_threshold": float,
    "clarify_threshold": float,
    "margin": float,
    "max_query_chars": int,
    "gloss_agreement": float,
}


def load_store(path: str | Path | None = None) -> Store:
    """Load and validate a store; raise `StoreError` if anything is wrong."""
    report = check_store(path)
    if report.problems or report.store is None:
        raise StoreError(report.problems)
    return report.store


def check_store(path: str | Path | None = None) -> CheckReport:
    """Validate a store file without raising: every problem is collected."""
    store_path = Path(path) if path is not None else DEFAULT_STORE
    builder = _Builder(store_path)
    store = builder.build()
    if store is None or builder.problems:
        return CheckReport(builder.problems, [], None)
    overlays, problems = check_overlays(store)
    if problems:
        return CheckReport(problems, [], None)
    store = dataclasses.replace(store, overlays=overlays)
    return CheckReport([], uncited_sentences(store), store)


# --- Building ----------------------------------------------------------------


class _Builder:
    """Turns one YAML file into a `Store`, collecting problems instead of raising."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.problems: list[Problem] = []

    def problem(self, line: int, entry_id: str | None, message: str) -> None:
        self.problems.append(Problem(self.name, line, entry_id, message))

    def build(self) -> Store | None:
        try:
            data, node = read_yaml(self.path, "store")
        except YamlError as problem:
            self.problem(problem.line, None, problem.message)
            return None
        if not isinstance(data, dict) or node is None:
            self.problem(1, None, "the store must be a mapping with document, title and entries")
            return None
        self._duplicate_keys(node)
        return self._store(data, Lines(node))

    def _duplicate_keys(self, node: yaml.Node) -> None:
        for mapping in mappings(node):
            seen: set[str] = set()
            for key, _ in mapping.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        self.problem(key.start_mark.line + 1, None, f"duplicate key {key.value!r}")
                    seen.add(key.value)

    def _store(self, data: dict[Any, Any], lines: Lines) -> Store | None:
        for key in sorted(set(data) - _TOP_KEYS, key=str):
            self.problem(lines.key(key), None, f"unknown top-level key {key!r}")
        for key in sorted(_TOP_REQUIRED - set(data)):
            self.problem(1, None, f"missing top-level key {key!r}")
        for key in sorted(k for k in _TOP_REQUIRED if k in data and data[k] is None):
            self.problem(lines.key(key), None, f"{key} is empty")

        title = self._text(data.get("title"), lines.key("title"), None, "title")
        document = self._document(data.get("document"), lines.key("document"))
        published = self._published(data.get("published"), lines.key("published"), document)
        settings = self._settings(data.get("settings"), lines)
        synonyms = self._synonyms(data.get("synonyms"), lines)
        entries = self._entries(data.get("entries"), lines)
        smalltalk = self._smalltalk(data.get("smalltalk"), lines, {e.id for e in entries})
        self._cross_checks(entries, smalltalk)
        if document is not None:
            for entry in entries:
                self._grounding(entry, document[1], published)

        if self.problems or document is None or title is None:
            return None
        return Store(
            path=self.path,
            title=title,
            published=published,
            document_path=document[0],
            document=document[1],
            settings=settings,
            synonyms=synonyms,
            entries=tuple(entries),
            smalltalk=tuple(smalltalk),
            _by_id={e.id: e for e in entries},
        )

    # Scalars ---------------------------------------------------------------

    def _text(self, value: Any, line: int, entry_id: str | None, what: str) -> str | None:
        if value is None:
            return None  # reported as missing elsewhere
        if not isinstance(value, str):
            self.problem(line, entry_id, f"{what} must be text, not {type(value).__name__}")
            return None
        if not value.strip():
            self.problem(line, entry_id, f"{what} is empty")
            return None
        return value.strip()

    def _document(self, value: Any, line: int) -> tuple[Path, Document] | None:
        name = self._text(value, line, None, "document")
        if name is None:
            return None
        doc_path = (self.path.parent / name).resolve()
        try:
            raw = doc_path.read_text(encoding="utf-8-sig")  # a byte-order mark is not text
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(line, None, f"cannot read document {name!r}: {describe(exc)}")
            return None
        document = parse_document(raw)
        if not document.body:
            self.problem(line, None, f"document {name!r} is empty")
            return None
        return doc_path, document

    def _published(
        self, value: Any, line: int, document: tuple[Path, Document] | None
    ) -> str | None:
        if value is None:
            return document[1].published if document else None
        if isinstance(value, dt.date):
            text = value.isoformat()
        elif isinstance(value, str) and is_date(value.strip()):
            text = value.strip()
        else:
            self.problem(line, None, "published must be a date like 2024-08-16")
            return None
        if document and document[1].published and document[1].published != text:
            self.problem(line, None, f"published {text} differs from the document's date")
        return text

    def _settings(self, value: Any, lines: Lines) -> Settings:
        if value is None:
            return Settings()
        if not isinstance(value, dict):
            self.problem(lines.key("settings"), None, "settings must be a mapping")
            return Settings()
        good: dict[str, Any] = {}
        for key, raw in value.items():
            line = lines.nested("settings", key)
            kind = _SETTING_TYPES.get(str(key))
            if kind is None:
                self.problem(line, None, f"unknown setting {key!r}")
            elif isinstance(raw, bool) or not isinstance(raw, int | float):
                self.problem(line, None, f"setting {key!r} must be a number")
            elif not 0 <= raw <= (100 if kind is float else 100_000):
                self.problem(line, None, f"setting {key!r} is out of range")
            else:
                good[str(key)] = kind(raw)
        settings = Settings(**good)
        if settings.clarify_threshold > settings.answer_threshold:
            self.problem(lines.key("settings"), None, "clarify_threshold exceeds answer_threshold")
        return settings

    def _synonyms(self, value: Any, lines: Lines) -> dict[str, tuple[str, ...]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(
                lines.key("synonyms"), None, "synonyms must map a term to a list of variants"
            )
            return {}
        result: dict[str, tuple[str, ...]] = {}
        for term, variants in value.items():
            if not isinstance(variants, list) or not all(
                isinstance(v, str) and v.strip() for v in variants
            ):
                self.problem(
                    lines.nested("synonyms", term),
                    None,
                    f"synonyms of {term!r} must be a list of text",
                )
                continue
            result[str(term)] = tuple(variants)
        return result

    # Entries ---------------------------------------------------------------

    def _items(
        self, value: Any, lines: Lines, section: str
    ) -> Iterator[tuple[int, dict[Any, Any]]]:
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(lines.key(section), None, f"{section} must be a list")
            return
        for index, item in enumerate(value):
            line = lines.item(section, index)
            if not isinstance(item, dict):
                self.problem(line, None, f"{section} item {index + 1} must be a mapping")
                continue
            yield line, item

    def _questions(self, value: Any, line: int, entry_id: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.problem(line, entry_id, "questions must be a non-empty list")
            return ()
        questions: list[str] = []
        seen: set[str] = set()
        for question in value:
            if not isinstance(question, str) or not normalise(question):
                self.problem(line, entry_id, f"empty or non-text question {question!r}")
                continue
            key = normalise(question)
            if len(question) > MAX_QUESTION_CHARS:
                self.problem(
                    line,
                    entry_id,
                    f"question {question[:40]!r}... is {len(question)} characters;"
                    f" at most {MAX_QUESTION_CHARS}",
                )
                continue
            if key in seen:
                self.problem(line, entry_id, f"question {question!r} is listed twice")
                continue
            seen.add(key)
            questions.append(question.strip())
        return tuple(questions)

    def _entry_id(self, item: dict[Any, Any], line: int, seen: set[str]) -> str:
        entry_id = item.get("id")
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            self.problem(
                line, None, f"id {entry_id!r} must be 1-48 lower-case letters, digits, dashes"
            )
            return f"#line{line}"
        if entry_id in seen:
            self.problem(line, entry_id, "duplicate id")
        seen.add(entry_id)
        return entry_id

    def _entries(self, value: Any, lines: Lines) -> list[Entry]:
        entries: list[Entry] = []
        seen: set[str] = set()
        for line, item in self._items(value, lines, "entries"):
            entry_id = self._entry_id(item, line, seen)
            for key in sorted(set(item) - _ENTRY_KEYS, key=str):
                self.problem(line, entry_id, f"unknown key {key!r}")
            for key in sorted(_ENTRY_REQUIRED - set(item)):
                self.problem(line, entry_id, f"missing key {key!r}")
            for key in ("topic", "answer", "source"):
                if key in item and item[key] is None:
                    self.problem(line, entry_id, f"{key} is empty")
            topic = self._text(item.get("topic"), line, entry_id, "topic")
            answer = self._text(item.get("answer"), line, entry_id, "answer")
            if answer and len(answer) > MAX_ANSWER_CHARS:
                self.problem(
                    line,
                    entry_id,
                    f"answer is {len(answer)} characters; a reply shows at most {MAX_ANSWER_CHARS}",
                )
            source = self._text(item.get("source"), line, entry_id, "source")
            questions = self._questions(item.get("questions"), line, entry_id)
            follow_ups = item.get("follow_ups") or []
            if not isinstance(follow_ups, list) or not all(isinstance(f, str) for f in follow_ups):
                self.problem(line, entry_id, "follow_ups must be a list of entry ids")
                follow_ups = []
            draft = item.get("draft", False)
            if not isinstance(draft, bool):
                self.problem(line, entry_id, "draft must be true or false")
            entries.append(
                Entry(
                    id=entry_id,
                    topic=topic or "",
                    questions=questions,
                    answer=answer or "",
                    source=source or "",
                    follow_ups=tuple(follow_ups),
                    draft=draft is True,
                    line=line,
                )
            )
        if value is not None and not entries and not self.problems:
            self.problem(lines.key("entries"), None, "entries is empty")
        return entries

    def _smalltalk(self, value: Any, lines: Lines, entry_ids: set[str]) -> list[SmallTalk]:
        items: list[SmallTalk] = []
        seen = set(entry_ids)  # one id space: the matcher looks entries and small talk up alike
        for line, item in self._items(value, lines, "smalltalk"):
            item_id = self._entry_id(item, line, seen)
            for key in sorted(set(item) - _SMALLTALK_KEYS, key=str):
                self.problem(line, item_id, f"unknown key {key!r}")
            answer = self._text(item.get("answer"), line, item_id, "answer")
            if "answer" not in item:
                self.problem(line, item_id, "missing key 'answer'")
            elif item["answer"] is None:
                self.problem(line, item_id, "answer is empty")
            questions = self._questions(item.get("questions"), line, item_id)
            items.append(SmallTalk(item_id, questions, answer or "", line))
        return items

    def _cross_checks(self, entries: list[Entry], smalltalk: list[SmallTalk]) -> None:
        ids = {e.id for e in entries}
        owner: dict[str, str] = {}
        items: list[Entry | SmallTalk] = [*entries, *smalltalk]
        for item in items:
            for question in item.questions:
                key = normalise(question)
                if key in owner and owner[key] != item.id:
                    self.problem(
                        item.line, item.id, f"question {question!r} is also under {owner[key]!r}"
                    )
                owner.setdefault(key, item.id)
        for entry in entries:
            for target in entry.follow_ups:
                if target not in ids:
                    self.problem(entry.line, entry.id, f"follow-up {target!r} is not an entry id")
                elif target == entry.id:
                    self.problem(entry.line, entry.id, "an entry cannot follow up itself")

    def _grounding(self, entry: Entry, document: Document, published: str | None) -> None:
        if not entry.source:
            return
        flat = document.flat
        source = squash_whitespace(entry.source)
        if source not in flat:
            self.problem(entry.line, entry.id, "source is not a verbatim quote of the document")
            return
        for claim in ungrounded_claims(entry.answer, source, flat, published):
            self.problem(
                entry.line,
                entry.id,
                f"answer states {claim!r}, found in neither source nor document",
            )
