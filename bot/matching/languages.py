"""Questions in other languages: the store seen through an overlay, the same pipeline.

`language_view` turns the store and one overlay (``release.ru.yaml``) into a
`Store` in that language: each entry keeps its id, source (the verbatim
English quote) and follow-ups, and takes the overlay's phrasings, answer and
topic label. Its synonyms are the overlay's, plus the names table (every form
of a name, and the English name, rewritten to its first form) and the
language's question words and a few function words rewritten to the English
ones the checks look for ("когда" -> "when", "в" -> "in", "до" -> "before"), so
every stage of the English pipeline reads the translated store as it reads
the English one: the same checks for names, figures and question kinds.

`Matchers` holds one `Matcher` per language and sends each question to the
matcher of the language it is written in (`bot.language.detect`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from bot.language import rows
from bot.language.analysis import declined_russian
from bot.language.detect import language_of
from bot.language.gloss import build_glossary
from bot.language.normalise import normalise
from bot.language.translit import to_cyrillic
from bot.matching.params import Params
from bot.matching.pipeline import Matcher
from bot.matching.verdict import Candidate, Kind, Match
from bot.store import Entry, SmallTalk, Store
from bot.store.model import Overlay


def language_view(store: Store, overlay: Overlay) -> Store:
    """The store in the overlay's language (an entry it does not translate stays English)."""
    entries = tuple(_entry(entry, overlay) for entry in store.entries)
    smalltalk = tuple(_smalltalk(talk, overlay) for talk in store.smalltalk)
    return dataclasses.replace(
        store,
        entries=entries,
        smalltalk=smalltalk,
        synonyms=view_synonyms(overlay),
        settings=overlay.settings or store.settings,
        language=overlay.language,
        overlays={overlay.language: overlay},
        _by_id={e.id: e for e in entries},
    )


def view_synonyms(overlay: Overlay) -> dict[str, tuple[str, ...]]:
    """The overlay's synonyms, its names table and its question words, as one table."""
    table: dict[str, tuple[str, ...]] = dict(overlay.synonyms)
    for english, forms in overlay.names.items():
        table[forms[0]] = (*forms[1:], english, *_declined(forms, overlay.language))
    for english, *words in rows(f"to_english_{overlay.language}"):
        table[english] = tuple(w.replace("_", " ") for w in words)
    return table


def _declined(forms: tuple[str, ...], language: str) -> tuple[str, ...]:
    """The case forms of a name's Russian forms that its table does not list ("Ву Вон
    Шика" of "Ву Вон Шик"): a name is typed in every case, however few the table gives."""
    if language != "ru":
        return ()
    listed = [normalise(f) for f in forms]
    found = (
        d
        for form, folded in zip(forms, listed, strict=True)
        # A name of two words or more (one word is read by its stem) that the table
        # lists in no other case, and that is no case of a shorter one ("У Вон Сиком"):
        # each extra form costs every question a little.
        if " " in folded
        and not any(o != folded and o.startswith(folded[:-1]) for o in listed)
        and not any(o != folded and folded.startswith(o) for o in listed)
        for d in declined_russian(form)
    )
    return tuple(dict.fromkeys(d for d in found if normalise(d) not in listed))


def _entry(entry: Entry, overlay: Overlay) -> Entry:
    translation = overlay.entries.get(entry.id)
    if translation is None:
        return entry
    return dataclasses.replace(
        entry,
        topic=overlay.topics.get(entry.topic, entry.topic),
        questions=translation.questions,
        answer=translation.answer,
    )


def _smalltalk(talk: SmallTalk, overlay: Overlay) -> SmallTalk:
    translation = overlay.smalltalk.get(talk.id)
    if translation is None:
        return talk
    return dataclasses.replace(talk, questions=translation.questions, answer=translation.answer)


def untranslated(store: Store, entry_id: str) -> bool:
    """Whether a store in another language answers `entry_id` in English."""
    overlay = store.overlays.get(store.language)
    return overlay is not None and entry_id not in overlay.entries


# Kazakh is often typed with Russian letters only, so a question read as Russian that
# the Russian store does not answer is tried on the Kazakh one (not the other way:
# a question with Kazakh letters is Kazakh).
_SIBLINGS = {"ru": "kk"}


class Matchers:
    """One matcher per language of the store; a question goes to its language's matcher.

    Build once per store, like `Matcher`. English is the store itself; every
    overlay beside it adds a language. A question in a language with no
    overlay gets a fallback `Match` whose `language` says which it was.
    """

    def __init__(self, store: Store, params: Params | None = None, *, lazy: bool = False) -> None:
        """`lazy`: build a language's matcher when its first question comes (a one-off
        command pays only for the language it is asked in); else all at once (the bot)."""
        self.store = store
        self.english = Matcher(store, params)
        self._built: dict[str, Matcher] = {"en": self.english}
        if not lazy:
            for language in store.overlays:
                self.matcher_for(language)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages questions are answered in, English first."""
        return ("en", *self.store.overlays)

    @property
    def matchers(self) -> Mapping[str, Matcher]:
        """Every language's matcher, English first (built now if lazy)."""
        return {language: m for language in self.languages if (m := self.matcher_for(language))}

    def matcher_for(self, language: str) -> Matcher | None:
        """The matcher of `language`, or None if the store has no overlay for it."""
        if language in self._built:
            return self._built[language]
        overlay = self.store.overlays.get(language)
        if overlay is None:
            return None
        glossary = build_glossary(language, overlay.names)
        matcher = Matcher(language_view(self.store, overlay), base=self.english, glossary=glossary)
        self._built[language] = matcher
        sibling = self.matcher_for(_SIBLINGS.get(language, ""))
        if sibling is not None:
            matcher.sibling = sibling
        return matcher

    def store_for(self, language: str) -> Store:
        """The store as a person writing `language` sees it (English if not translated)."""
        matcher = self.matcher_for(language)
        return matcher.store if matcher is not None else self.store

    def language_of(self, question: str, hint: str | None = None) -> str:
        """The language of `question`; `hint` (a Telegram language_code) breaks ties."""
        return language_of(question, hint)

    def match(self, question: str, hint: str | None = None) -> Match:
        """Classify `question` in its own language. Never raises, whatever the input."""
        if not isinstance(question, str):
            question = ""
        language = self.language_of(question, hint)
        matcher = self.matcher_for(language)
        if matcher is None:
            return Match(question, Kind.FALLBACK, 0.0, language=language)
        match = matcher.match(question)
        if language == "en" and match.kind in (Kind.FALLBACK, Kind.CLARIFY):
            return self._transliterated(question) or match
        return match

    def _transliterated(self, question: str) -> Match | None:
        """A Latin-letter question that is Russian or Kazakh ("skolko reisov almaty
        seul"), answered in Russian or Kazakh, or None. Tried only when at least half
        its words are no words of the English store; those are spelt in Cyrillic
        (`translit.to_cyrillic`), names the store knows stay as they are."""
        if "ru" not in self.store.overlays:
            return None
        english = self.english.index
        words = normalise(question).split()
        foreign = {w for w in words if w not in english.known_raw and not w.isdigit()}
        if not words or len(foreign) * 2 < len(words):
            return None
        cyrillic = " ".join(to_cyrillic(w) if w in foreign else w for w in words)
        matcher = self.matcher_for(self.language_of(cyrillic))
        if matcher is None or matcher.store.language == "en":
            return None
        match = matcher.match(cyrillic)
        return match if match.answered else None

    def candidates(self, question: str, hint: str | None = None) -> list[Candidate]:
        """Every candidate of `question` in its language, best first (inline mode)."""
        matcher = self.matcher_for(self.language_of(question, hint))
        return matcher.candidates(question) if matcher is not None else []
