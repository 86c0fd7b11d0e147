"""A question in Russian, Kazakh or Korean read word by word as English.

The English store has the most phrasings and every question-kind stage
(yes/no checks, two-part questions, arithmetic, unstated attributes), so a
question in another language is also read as an English gloss of it and
matched against the English store (`bot.matching.languages` weighs that
reading against the translated store's own).

A gloss is not a translation: each word is replaced by its English reading
from the language's glossary (``data/gloss_ru.txt``: the English reading
first, then the native forms that mean it), names by the overlay's names
table, and a word the glossary does not know is kept as it is, so the
English matcher counts it as a word the store never saw. Word order stays
the asker's; the matcher mostly does not care.

A word is found by its longest listed form that starts it and leaves at most
a short ending (Russian "рейсов" by "рейс", Kazakh "аптасына" by "апта",
Korean "만났어" by "만났"), or by its stem (`analysis.analyser`). Words and forms
are folded alike, so a Korean word has lost its endings before it is looked up;
a Korean figure is read with its counter ("5위" -> "5th", `data/counters_ko.txt`).

A language with a list of its inflectional endings (``data/endings_ru.txt``)
reads a longer word by a listed form only when what is left is one of them
(the same word), or else when the form is long enough to be a stem and its
reading a content word: a derived word ("опубликована" by "опублик") may
carry the meaning, never the kind of question. "возрастание" (a rise) is no
"age" that the release does not state, "должность" (a post) no "must", and
"чтобы" no "what".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.language.analysis import Analyser, analyser
from bot.language.korean import (
    ASKING_END,
    HEARSAY_END,
    REQUEST_END,
    TRAILING,
    VERBAL,
    counted,
    joined_korean,
    ordinal,
)
from bot.language.lexicon import QUESTION_WORDS, STOPWORDS, rows, words
from bot.language.normalise import normalise

# The longest ending a listed form may leave of a word it starts, and the
# shortest form that may stand for a longer word, per language.
_MAX_ENDING = {"ru": 7, "kk": 8, "ko": 4}
_MIN_FORM = {"ru": 3, "kk": 3, "ko": 2}
# Languages whose stemmer is sure enough to look a word up by (Snowball Russian); a
# Korean "stem" is the first two syllables and would join unrelated words.
_BY_STEM = frozenset({"ru"})
# Languages read closely (`Glossary.close`): Kazakh. On the Russian and Korean eval sets
# reading an unknown word as a known one of the same reading answered more but declined
# less, so it is left off for them.
_CLOSE = frozenset({"kk"})
# Languages with a list of inflectional endings (data/endings_<language>.txt), and the
# shortest form that may stand for a word derived from it (a longer rest than an ending).
_INFLECTED = frozenset({"ru"})
_MIN_DERIVED = 4
# Readings that say what kind of question is asked (a question word, an attribute the
# release may not state, arithmetic, filler): never taken from a derived word.
_KIND_READINGS = (
    STOPWORDS
    | QUESTION_WORDS
    | words("unstated_attributes")
    | words("arithmetic_words")
    | words("modal_verbs")
    | {"is", "yes", "no", "not", "must"}
)
_YES_NO = "is"
# Readings of a word that says what kind of place the unread word before it names.
_PLACES = frozenset({"region", "city", "district", "province"})
# Readings of a word that, put last, makes a statement a check ("..., right?").
_TAGS = frozenset({"yes", "true", "correct", "right"})
# Particles glued to a word that add a meaning English puts in a word of its own.
_SAYING_PARTICLES = {"ko": {"도": "also", "만": "only"}}
# Question words of English that make a gloss a wh-question, not a yes/no check.
_ASKING = QUESTION_WORDS | {"what", "whats", "whos"}
_QUESTION_END = re.compile(r"[?？]\s*$")
# A Korean word that ends in a topic particle: "시기는", "항공사는", "대학은".
_TOPIC_END = re.compile(r"[\uac00-\ud7a3](?:은|는)$")
_SENTENCE = re.compile(r"(?<=[.!?？])\s+")


# A word the glossary cannot read -> the word it is a typo of (itself if none).
Mend = Callable[[str], str]


def _as_is(word: str) -> str:
    return word


@dataclass(frozen=True)
class Glossary:
    """The English readings of one language's words and phrases."""

    language: str
    analyser: Analyser
    words: Mapping[str, str]  # a folded native form -> its English reading
    # Folded native phrases of two words or more with their readings, longest first,
    # by the heads of their first two words (`_head`).
    phrases: Mapping[tuple[str, str], tuple[tuple[tuple[str, ...], str], ...]]
    stems: Mapping[str, str] = field(default_factory=dict)  # stem of a form -> reading
    particles: frozenset[str] = frozenset()  # endings a form too short for a stem may take
    # Read closely: a word the store does not use may be read as a word of the same
    # reading that it does use (`forms`).
    close: bool = False
    endings: frozenset[str] = frozenset()  # inflectional endings (empty: any short rest)
    names: frozenset[str] = frozenset()  # the readings of the release's names (overlay)
    # The language's question words, folded (data/question_words_<language>.txt): an
    # unknown word a letter from one of them is that question word mistyped.
    asking: tuple[str, ...] = ()

    @functools.cached_property
    def forms(self) -> Mapping[str, tuple[str, ...]]:
        """Each one-word reading with the folded native words that read as it (none
        unless `close`)."""
        if not self.close:
            return {}
        found: dict[str, list[str]] = {}
        for form, reading in self.words.items():
            found.setdefault(reading, []).append(form)
        return {reading: tuple(forms) for reading, forms in found.items()}

    def unread(self, text: str, mend: Mend = _as_is) -> list[str]:
        """The words of `text` the glossary cannot read (names and figures aside: a word
        written with a capital inside a sentence is a name, "Карагандинской", "КазНУ").
        In Kazakh a word right before the kind of a named place or body ("Назарбаев
        университеті", "Жетісу облысы") is that one's name, read as written."""
        named = self._capitalised(text)
        found = self._readings(text, mend, frozenset(named))
        # A word before "region" or "city" names it, capital or none ("в мангистауской
        # области"): the English checks may put it as another place.
        placed = {word for (word, _), (_, after) in pairwise(found) if after in _PLACES}
        return [
            word
            for at, (word, reading) in enumerate(found)
            if _unread(reading, word)
            and word not in named
            and word not in placed
            and not (self.close and _names_a_kind(found[at + 1 :]))
        ]

    def _capitalised(self, text: str) -> set[str]:
        """The folded words of `text` written with a capital letter, the first word of
        each sentence aside (a hyphenated word with one: each of its parts)."""
        found: set[str] = set()
        for sentence in _SENTENCE.split(text):
            for written in sentence.split()[1:]:
                if any(char.isupper() for char in written):
                    found.update(self.analyser.terms(written).split())
        return found

    def read(self, text: str, mend: Mend = _as_is) -> str:
        """`text` as an English gloss: "Сколько рейсов?" -> "how many flights".

        A question with no question word that ends in "?" or carries a yes/no
        particle is put as a check ("is ..."), as English asks one. A name written
        with a capital keeps it ("в Японии": "in Japan"), for the English checks
        that tell a name by it. `mend` turns a word the glossary cannot read into the
        word it is a typo of ("рэйсов" -> "рейсов"), read if the glossary knows it.
        """
        named = self._capitalised(text)
        glossed = [
            english.capitalize() if self._named(phrase, named) and english != _IN else english
            for phrase, reading in self._readings(text, mend, frozenset(named))
            if reading is not None
            for english in reading.split("_")
        ]
        return " ".join(self._as_question(glossed, text))

    def _named(self, phrase: str, named: set[str]) -> bool:
        """Whether `phrase` (a word or a listed phrase) was written as a name: any of its
        words with a capital ("У Вон Сик", "Алма-Аты")."""
        return bool(set(phrase.split()) & named)

    def _readings(
        self, text: str, mend: Mend = _as_is, capitals: frozenset[str] = frozenset()
    ) -> list[tuple[str, str | None]]:
        """Each word or listed phrase of `text` with its reading (None: filler); `mend`
        mends a word it cannot read; `capitals`: its words written with a capital, names
        (`_capitalised`)."""
        if self.language == "ko":
            text = joined_korean(text)
        tokens = self.analyser.fold(text).split()
        found: list[tuple[str, str | None]] = []
        at = 0
        while at < len(tokens):
            width, reading = self._ordinal(tokens, at)
            if reading is None:
                width, reading = self._phrase(tokens, at)
            if reading is None:
                reading = self.word(tokens[at])
                mended = mend(tokens[at]) if _unread(reading, tokens[at]) else tokens[at]
                if mended != tokens[at] and not _unread(other := self.word(mended), mended):
                    reading = other
            reading = self._located(tokens[at + width - 1], reading, capitals)
            found.append((" ".join(tokens[at : at + width]), reading))
            at += width
        return found

    def _ordinal(self, tokens: list[str], at: int) -> tuple[int, str | None]:
        """A Kazakh figure with its ordinal ending, hyphened or not ("3-ші", "5інші",
        "10 шы"): (its width, "3rd"), or (1, None)."""
        if self.language != "kk":
            return 1, None
        token = tokens[at]
        glued = _KAZAKH_ORDINAL.fullmatch(token)
        if glued is not None and glued.group(2):
            return 1, ordinal(int(glued.group(1)))
        ending = tokens[at + 1] if at + 1 < len(tokens) else ""
        apart = _KAZAKH_ORDINAL.fullmatch("0" + ending) if ending else None
        if token.isdigit() and apart is not None and apart.group(2):
            return 2, ordinal(int(token))
        return 1, None

    def _located(
        self, token: str, reading: str | None, capitals: frozenset[str] = frozenset()
    ) -> str | None:
        """A Kazakh name in the locative, read with "in" as English puts it ("астанада" ->
        "in astana", "Шымкентте" -> "in shymkent"): a name of the release's, or a word
        written with a capital; the word without the ending reads alike, so a name that
        merely ends alike ("қызылорда") is no locative."""
        named = reading is not None and (reading in self.names or token in capitals)
        if self.language != "kk" or reading is None or not named:
            return reading
        for ending in KAZAKH_LOCATIVE:
            if token.endswith(ending) and self.words.get(token[: -len(ending)]) == reading:
                return f"{_IN}_{reading}"
        return reading

    def _as_question(self, glossed: list[str], text: str) -> list[str]:
        """A yes/no check opens with "is" ("is there" when it asks whether something
        exists: "есть ли", "бар ма", "있나요"), as English puts one."""
        words = [w for w in glossed if w != _YES_NO]
        checking = len(words) < len(glossed) or bool(_QUESTION_END.search(text))
        checking = checking or (self.language == "ko" and self._asks_korean(text))
        # "... 15 рейсов в неделю да", "... строит Samsung, правда": a tag put last.
        checking = checking or (bool(words) and words[-1] in _TAGS)
        if not checking or set(words) & _ASKING or self._asks_about(text):
            return glossed
        at = glossed.index("there") if "there" in glossed else 0
        if at and glossed[at - 1] == _YES_NO:
            return [_YES_NO, "there", *(w for w in words if w != "there")]
        return [_YES_NO, *words]

    def _asks_korean(self, text: str) -> bool:
        """Whether a Korean message ends as a question does, though no "?" was typed: its
        last word is a verb or copula (the fold cuts an ending off it, or the glossary
        reads it as one: "맞죠", "했어") with an asking ending; "회담 상대" is a noun."""
        last = TRAILING.sub("", text.strip()).split()[-1:]
        if not last or REQUEST_END.search(last[0]) or not ASKING_END.search(last[0]):
            return False
        if HEARSAY_END.search(last[0]):
            return True
        return self.analyser.fold(last[0]) != last[0] or self.word(last[0]) in VERBAL

    def _asks_about(self, text: str) -> bool:
        """Whether a Korean question ends on a noun and its topic particle ("완공 시기는?",
        "운항 항공사는?"): it asks what that is, as "what about ...?" does, no yes/no."""
        last = _QUESTION_END.sub("", text).split()[-1:]
        return self.language == "ko" and bool(last) and _TOPIC_END.search(last[0]) is not None

    def _phrase(self, tokens: list[str], at: int) -> tuple[int, str | None]:
        """The longest listed phrase starting at `at`: (its width, its reading)."""
        if at + 1 >= len(tokens):
            return 1, None
        heads = (_head(tokens[at], self.language), _head(tokens[at + 1], self.language))
        for phrase, reading in self.phrases.get(heads, ()):
            words = tokens[at : at + len(phrase)]
            if len(words) == len(phrase) and all(
                self._fits_in_phrase(word, form, reading)
                for word, form in zip(words, phrase, strict=True)
            ):
                return len(phrase), reading
        return 1, None

    def _fits_in_phrase(self, token: str, form: str, reading: str) -> bool:
        """`_fits`, but a Korean word of a phrase is the form itself or the form and a
        particle: "대한민국 국회" is not "대한민국 국회의장" (a compound, the Speaker)."""
        if self.language == "ko":
            ending = token[len(form) :]
            return token == form or (token.startswith(form) and ending in self.particles)
        return self._fits(token, form, reading)

    def _fits(self, token: str, form: str, reading: str) -> bool:
        """Whether listed `form`, read as `reading`, stands for `token`: the word itself,
        or the word's start with an ending short enough to be inflection. A form too
        short to be a stem (a Korean syllable) takes only a particle ("나" is "나는",
        never "나이"). With a list of endings, a rest that is none of them makes a
        derived word: read only by a form of `_MIN_DERIVED` letters or more, and only
        as a content word (`_KIND_READINGS`)."""
        if token == form:
            return True
        ending = token[len(form) :]
        if not token.startswith(form) or len(ending) > _MAX_ENDING[self.language]:
            return False
        if len(form) < _MIN_FORM[self.language]:
            return ending in self.particles
        if not self.endings or ending in self.endings:
            return True
        return len(form) >= _MIN_DERIVED and _content(reading)

    def word(self, token: str) -> str | None:
        """The reading of one word, the word itself if unknown, None if filler."""
        if token in self.words:
            return self.words[token]
        if self.language == "ko" and (figure := counted(token)) is not None:
            return figure
        for particle, meaning in _SAYING_PARTICLES.get(self.language, {}).items():
            # "우즈베키스탄도" is "Uzbekistan too": a particle that says something,
            # after a word of two syllables or more ("천만" is no "thousand only").
            rest = token[: -len(particle)]
            if token.endswith(particle) and len(rest) >= 2 and rest in self.words:
                return f"{self.words[rest]}_{meaning}"
        stem = self.analyser.stem(token)
        if stem in self.stems:
            return self.stems[stem]
        if token in self.analyser.stopwords:
            # Filler as written, before a listed form it starts with stands for it
            # ("короче" is no form of "көр", see; "бересің бе" asks, it gives nothing).
            return None
        for end in range(len(token) - 1, 0, -1):
            form = token[:end]
            if form in self.words and self._fits(token, form, self.words[form]):
                return self.words[form]
        return self._question_word(token) or token

    def _question_word(self, token: str) -> str | None:
        """The reading of the question word `token` is one letter edit from ("каие" of
        "какие", "скольо" of "сколько"), when all such words read alike; None if none.
        Words of four letters or more: "хто" is one letter from both "кто" and "что"."""
        if len(token) < _MIN_ASKING_TYPO or not self.asking:
            return None
        near = process.extract(
            token, self.asking, scorer=OSA.distance, processor=None, score_cutoff=1, limit=4
        )
        readings = {self.words.get(str(found[0])) for found in near}
        if len(readings) != 1:
            return None
        return readings.pop()


_MIN_ASKING_TYPO = 4  # letters a word needs to be read as a question word mistyped


# A figure and its Kazakh ordinal ending, folded: "3ши", "5инши", "6ншы", "9ыншы".
_KAZAKH_ORDINAL = re.compile(r"(\d+)((?:ы|и)?н?(?:шы|ши))?")
# The Kazakh locative endings, folded: "-да", "-де", "-та", "-те", "-нда", "-нде", and
# the word English puts for them.
_IN = "in"
KAZAKH_LOCATIVE = ("нда", "нде", "да", "де", "та", "те")


# The kinds of place a name may stand before, besides the kinds of organisation.
_PLACE_KINDS = frozenset({"city", "region", "province", "district", "village", "airport", "street"})


@functools.cache
def _named_kinds() -> frozenset[str]:
    """Readings that a name stands before: "university", "company", "city", ..."""
    return _PLACE_KINDS | {word for row in rows("organisation_kinds") for word in row}


# Words between a name and its kind: "Сәтбаев атындағы университет" (named after).
_BETWEEN_NAME_AND_KIND = frozenset({"to", "named"})


def _names_a_kind(following: list[tuple[str, str | None]]) -> bool:
    """Whether the words `following` a word open with the kind of a place or body it
    would name (past "named after")."""
    for _, reading in following:
        if reading not in _BETWEEN_NAME_AND_KIND:
            return reading is not None and reading.split("_")[0] in _named_kinds()
    return False


def _content(reading: str) -> bool:
    """Whether `reading` names a thing or an action, not the kind of question."""
    return not _KIND_READINGS.intersection(reading.split("_"))


def _unread(reading: str | None, word: str) -> bool:
    return reading == word and not word.isascii()


def _head(word: str, language: str) -> str:
    """What a word and every listed form that may stand for it begin with."""
    return word[: 1 if language == "ko" else _MIN_FORM[language]]


def _question_forms(language: str, single: Mapping[str, str]) -> tuple[str, ...]:
    """The glossary's forms of the language's question words (Russian only), for
    `Glossary._question_word`."""
    if language != "ru":
        return ()
    return tuple(sorted({w for row in rows("question_words_ru") for w in row} & set(single)))


def build_glossary(language: str, names: Mapping[str, tuple[str, ...]] = {}) -> Glossary:
    """The glossary of `language` (``data/gloss_<language>.txt``) with the release's
    names in it (an overlay's names table: English name -> its forms)."""
    fold = analyser(language)
    single: dict[str, str] = {}
    phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
    # The release's names first, so that the glossary's plain reading of a word wins
    # ("президент" is "president", not the one president the names table lists).
    table = [(english.replace(" ", "_"), list(forms)) for english, forms in (names or {}).items()]
    table += [(english, forms) for english, *forms in rows(f"gloss_{language}")]
    for english, forms in table:
        for form in forms:
            written = form.replace("_", " ")
            folded = tuple(fold.terms(written).split())
            if len(folded) == 1:
                # A form the fold cut an ending off ("누구의", "whose") never takes the
                # place of a word as written ("누구", "who").
                if folded[0] in single and len(folded[0]) < len(normalise(written)):
                    continue
                single[folded[0]] = english.casefold()
            elif folded:
                heads = (_head(folded[0], language), _head(folded[1], language))
                phrases.setdefault(heads, []).append((folded, english.casefold()))
    named = len(names or {})
    stems = _stems(fold, table[named:] + table[:named]) if language in _BY_STEM else {}
    longest_first = {h: tuple(sorted(p, key=lambda x: -len(x[0]))) for h, p in phrases.items()}
    particles = (
        frozenset(row[0] for row in rows("particles_ko")) if language == "ko" else frozenset()
    )
    endings = words(f"endings_{language}") if language in _INFLECTED else frozenset()
    readings_of_names = frozenset(english for english, _ in table[:named])
    asking = _question_forms(language, single)
    return Glossary(
        language,
        fold,
        single,
        longest_first,
        stems,
        particles,
        close=language in _CLOSE,
        endings=endings,
        names=frozenset(n.casefold() for n in readings_of_names),
        asking=asking,
    )


def _stems(fold: Analyser, table: list[tuple[str, list[str]]]) -> dict[str, str]:
    """The stem of each one-word form of `table` -> its reading. Two forms of one stem
    ("оцени" appreciate, "оценен" worth): the earlier row, the more everyday word, reads
    it (`table` lists the release's names last: a name only a stem no row has)."""
    stems: dict[str, str] = {}
    for english, forms in table:
        for form in forms:
            one = fold.fold(form.replace("_", " ")).split()
            if len(one) == 1 and len(one[0]) > 3:
                stems.setdefault(fold.stem(one[0]), english.casefold())
    return stems
