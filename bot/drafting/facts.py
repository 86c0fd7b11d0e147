"""The facts of a release in reading order, each with its answer, topic and questions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.drafting.aliases import main_name, release_aliases
from bot.drafting.answers import compound_parts, list_items, standalone_answer
from bot.drafting.cheapest import cheapest_questions
from bot.drafting.dates import dateline_place
from bot.drafting.model import Block, Release
from bot.drafting.phrases import BYLINE, TITLE_NAME, find_entities, said
from bot.drafting.progress import Progress
from bot.drafting.questions.about import topic_of, who_said
from bot.drafting.questions.attributes import relative_years, singular
from bot.drafting.questions.collect import Known, role_holders
from bot.drafting.questions.sentence import sentence_questions
from bot.drafting.topics import block_topics, placed_topics, subject_topic
from bot.drafting.verbs import clean_word
from bot.drafting.vocabulary import PRONOUNS
from bot.language import (
    split_sentences,
    stem,
    words,
)
from bot.language.lexicon import rows
from bot.store import (
    ungrounded_claims,
)


@dataclass(frozen=True)
class Fact:
    """One fact of the release: a sentence, a clause of one, or an item of a list."""

    source: str  # verbatim (whitespace-squashed) quote of the release
    answer: str
    topic: str
    position: int  # where the source starts in the release's flat text
    questions: list[str]
    parent: int | None = None  # the whole-sentence fact of a list item
    role: str = ""  # "title", "lead", "byline" or ""


def lower_case_words(flat: str) -> frozenset[str]:
    """Words the release writes in lower case, and their stems (web and mail addresses aside)."""
    prose = re.sub(r"\S*(?:[@/]|\w\.\w)\S*", " ", flat)
    words = set(re.findall(r"\b[a-z][\w’'-]*", prose))
    return frozenset(words | {stem(w) for w in words})


def mid_sentence_names(flat: str) -> frozenset[str]:
    """Words the release writes capitalised after a lower-case word or comma: names."""
    return frozenset(w.lower() for w in re.findall(r"(?<=[a-z,] )[A-Z][\w’'-]*", flat))


def release_facts(
    release: Release, flat: str, published: str | None, progress: Progress | None = None
) -> list[Fact]:
    """Every fact of the release, in reading order, with answer, topic and questions."""
    lower_words = lower_case_words(flat)
    known = Known(
        lower_words,
        role_holders(flat),
        mid_sentence_names(flat),
        release_aliases(flat, lower_words),
        main_name(flat, lower_words),
        tuple(find_entities(flat, lower_words)),
        next(filter(None, (dateline_place(b.text) for b in release.blocks[:4])), ""),
    )
    reader = _Reader(flat, published, known, block_topics(release.blocks, lower_words))
    placed = placed_topics(release.blocks)
    for index, block in enumerate(release.blocks):
        reader.own_topics = not placed[index]
        reader.read_block(block, reader.topics[index])
        if progress is not None:
            progress("drafting blocks", index + 1, len(release.blocks))
    for index, questions in cheapest_questions([f.source for f in reader.facts]).items():
        reader.facts[index].questions.extend(questions)
    return reader.facts


_BYLINE_QUESTIONS = ["Who published the release?", "Who issued the press release?"]


@dataclass
class _Reader:
    """Reads a release sentence by sentence, remembering what later sentences refer to."""

    flat: str
    published: str | None
    known: Known
    topics: list[str]
    facts: list[Fact] = field(default_factory=list)
    cursor: int = 0  # where the previous sentence ended in the flat text
    speaker: str = ""  # who the quote being read is by
    intro: str = ""  # the heading or "...:" sentence that introduces list items
    lead_done: bool = False
    subject: str = ""  # what "It" and "They" refer to: the previous sentence's subject
    plural: str = ""  # what "them" refers to: the previous sentence's last plural noun
    event: str = ""  # the event the previous sentence names: what "places" are booked for
    own_topics: bool = False  # each sentence is filed under its own subject
    previous: str = ""  # the last sentence's subject, across paragraphs
    # "The two-storey building" after "The terminal ...": the generic description and
    # the subject it stands for, so that its questions are asked of both.
    stands_for: tuple[str, str] = ("", "")

    def read_block(self, block: Block, topic: str) -> None:
        if block.kind == "heading":
            self.intro = block.text
            return
        if block.kind == "para":
            self.intro = ""
        self.subject = ""
        self.plural = ""
        self.event = ""
        for sentence in split_sentences(block.text):
            self.read_sentence(sentence, block, topic)

    def read_sentence(self, sentence: str, block: Block, topic: str) -> None:
        position = self._locate(sentence)
        if position < 0:
            return  # not a verbatim part of the release: never cite it
        continued = self._track_speaker(sentence)
        context = self.intro if block.kind == "item" else ""
        answer = standalone_answer(
            sentence, intro=context, speaker=self.speaker, subject=self.subject
        )
        if self._ungrounded(answer, sentence):
            answer = standalone_answer(sentence)
        role = self._role(sentence, block)
        parts = None if role in ("byline", "title") else compound_parts(sentence, self.subject)
        if parts:
            self._add_parts(parts, sentence, position, topic, role)
            return
        questions, found_subject = self._questions(sentence, role, continued=continued)
        questions = self._described(questions, found_subject)
        if self.own_topics and not continued:
            topic = subject_topic(found_subject, self.known.lower_words) or topic
        self.facts.append(Fact(sentence, answer, topic, position, questions, role=role))
        nouns = re.findall(r"\bthe\s+((?:[a-z]+\s+){0,2}[a-z]{3,}s)\b", sentence)
        self.plural = f"the {nouns[-1]}" if nouns else ""
        self.event = named_event(sentence) or self.event
        if not re.search(r"\b(?:its|their)\b", found_subject, re.IGNORECASE):
            # "Entry to its galleries is free. It welcomed ...": "It" is what "its" was.
            self.subject = _next_subject(found_subject)
        self.previous = _next_subject(found_subject) or self.previous
        if block.kind == "para" and sentence.rstrip().endswith(":"):
            self.intro = sentence.rstrip(": ")
        self._add_items(sentence, answer, position, topic)

    def _locate(self, sentence: str) -> int:
        position = self.flat.find(sentence, self.cursor)
        if position < 0:
            position = self.flat.find(sentence)
        if position >= 0:
            self.cursor = position + len(sentence)
        return position

    def _track_speaker(self, sentence: str) -> bool:
        """Remember who speaks; True for a quote that goes on from the previous sentence."""
        speech = said(sentence)
        continued = bool(re.match(r"^[\"“‘]", sentence)) and not speech
        if speech:
            self.speaker = speech.group("speaker").split(", ")[0].strip()
        elif not continued:
            self.speaker = ""
        return continued

    def _role(self, sentence: str, block: Block) -> str:
        """ "title", "byline", "lead" (the first real sentence, once) or ""."""
        if block.kind == "title":
            return "title"
        if BYLINE.match(sentence) and not self.lead_done:
            return "byline"
        if block.kind in ("para", "item") and not self.lead_done and len(sentence.split()) >= 6:
            self.lead_done = True
            return "lead"
        return ""

    def _ungrounded(self, answer: str, source: str) -> bool:
        return bool(ungrounded_claims(answer, source, self.flat, self.published))

    def _questions(self, sentence: str, role: str, *, continued: bool) -> tuple[list[str], str]:
        """The questions of a whole sentence, and the subject it found."""
        if role == "byline":
            return list(_BYLINE_QUESTIONS), ""
        asked = sentence
        if self.plural and re.search(r"\bthem\b", sentence):
            asked = re.sub(r"\bthem\b", self.plural, sentence)  # "Some of them could vanish"
        asked = completed_superlative(asked, self.subject)
        questions, found_subject = sentence_questions(asked, self.known, subject_hint=self.subject)
        questions = relative_years(questions, self.published)
        if self.event and _BOOKED.search(sentence) and self.event not in sentence:
            questions += [f"Do I need to book for the {self.event}?"]
        if continued and self.speaker:
            titled = TITLE_NAME.search(self.speaker)
            who = titled.group("name") if titled else self.speaker
            about = topic_of(sentence.strip('"“”‘’'))
            questions = [f"What else did {who} say?", *questions]
            if about:
                questions.insert(1, f"What did {who} say about {about}?")
            questions[2:2] = [f"{asked}?" for asked in who_said(sentence, self.known.lower_words)]
        return questions, found_subject

    def _described(self, questions: list[str], subject: str) -> list[str]:
        """Questions about "the two-storey building" also asked of "the terminal" it describes.

        A subject made of "the", a modifier or two and a generic noun (`_GENERIC`)
        describes the previous sentence's subject, even across a paragraph break.
        """
        described = _GENERIC.match(subject)
        before = self.previous
        # What it describes: "the terminal" or a name, one thing as the description is.
        named = bool(re.match(r"(?:[Tt]he\s|[A-Z])", before)) and not before.startswith("Some ")
        single = bool(before.split()) and not re.search(r"[^s]s$", before.split()[-1])
        fits = named and single and not _GENERIC.match(before)
        if described and fits and before.lower() != subject.lower():
            self.stands_for = (subject.lower(), re.sub(r"^The\b", "the", before))
        generic, meant = self.stands_for
        if not generic:
            return questions
        also = [
            q[: q.lower().find(generic)] + meant + q[q.lower().find(generic) + len(generic) :]
            for q in questions
            if generic in q.lower() and q.endswith("?")
        ]
        return [*questions, *also]

    def _add_parts(
        self, parts: list[tuple[str, str]], sentence: str, position: int, topic: str, role: str
    ) -> None:
        """A fact per clause of a sentence that states several things."""
        for number, (part, drafted) in enumerate(parts):
            answer = drafted
            if self._ungrounded(drafted, part):
                answer = standalone_answer(part)
            questions, found = sentence_questions(answer, self.known, subject_hint=self.subject)
            where = position + sentence.find(part)
            self.facts.append(
                Fact(part, answer, topic, where, questions, role=role if number == 0 else "")
            )
            if number == 0 and found and clean_word(found) not in PRONOUNS:
                self.subject = _next_subject(found)

    def _add_items(self, sentence: str, answer: str, position: int, topic: str) -> None:
        """A fact per item of a list-like sentence, each pointing at the whole sentence."""
        parent = len(self.facts) - 1
        items = list_items(sentence)
        if items is None:
            return
        mode, lead, listed = items
        for part in listed:
            offset = sentence.find(part)
            if offset < 0:
                continue
            joined = f"{lead}: {part}" if mode == "colon" else f"{lead}, including {part}"
            item_answer = standalone_answer(joined)
            if self._ungrounded(item_answer, part):
                item_answer = answer
            questions, _ = sentence_questions(part, self.known)
            self.facts.append(
                Fact(part, item_answer, topic, position + offset, questions, parent=parent)
            )


# Nouns a release uses to describe what it has named: "The two-storey building cost ...".
_GENERIC = re.compile(
    r"^(?:the|this)\s+(?:[\w-]+\s+){0,2}(?:building|facility|structure|site|project|scheme"
    r"|venue|vessel|ship|vehicle|system|development|complex|service)$",
    re.IGNORECASE,
)


_EVENTS = "|".join(sorted((" ".join(row) for row in rows("event_nouns")), key=len, reverse=True))
_EVENT = re.compile(rf"\b(?:an?|the)\s+(?:[a-z-]+\s+)?(?P<event>{_EVENTS})\b")
_BOOKED = re.compile(rf"\b(?:{'|'.join(words('booking_verbs'))}|book|booking)\b", re.IGNORECASE)


def named_event(sentence: str) -> str:
    """ "... at a community open house on Saturday": "open house", the last event named."""
    found = list(_EVENT.finditer(sentence))
    return found[-1]["event"] if found else ""


_SUPERLATIVE = re.compile(
    r"^(?P<the>The|Its|Their)\s+(?P<most>\w+est|first|last)\s+(?=is|was|are|were)"
)


def completed_superlative(sentence: str, previous: str) -> str:
    """ "More than 300 specimens are on show. The oldest is ...": the oldest specimen is."""
    found = _SUPERLATIVE.match(sentence)
    head = clean_word(previous.rsplit(maxsplit=1)[-1]) if previous.split() else ""
    if not found or not re.fullmatch(r"[a-z]+s", head) or head.endswith("ss"):
        return sentence
    return f"{found['the']} {found['most']} {singular(head)} {sentence[found.end() :]}"


def _next_subject(found: str) -> str:
    """What "It" in the next sentence stands for: a short subject that is no pronoun."""
    usable = found and clean_word(found) not in PRONOUNS
    # A name may be longer: "The Brackwater Museum of Natural History".
    named = all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in found.split())
    if usable and len(found.split()) <= (8 if named else 5) and found.lower() != "there":
        return found
    return ""
