"""The facts of a release in reading order, each with its answer, topic and questions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.drafting.answers import compound_parts, list_items, standalone_answer
from bot.drafting.model import Release
from bot.drafting.phrases import BYLINE, SAID_AFTER, SAID_BEFORE, TITLE_NAME
from bot.drafting.questions.about import topic_of
from bot.drafting.questions.collect import Known, role_holders
from bot.drafting.questions.sentence import sentence_questions
from bot.drafting.topics import block_topics
from bot.drafting.verbs import clean_word
from bot.drafting.vocabulary import PRONOUNS
from bot.language import (
    split_sentences,
    stem,
)
from bot.store import (
    ungrounded_claims,
)


@dataclass
class _Fact:
    source: str  # verbatim (whitespace-squashed) quote of the release
    answer: str
    topic: str
    position: int  # where the source starts in the release's flat text
    questions: list[str]
    parent: int | None = None  # the whole-sentence fact of a list item
    role: str = ""  # "title", "lead" or ""
    id: str = ""


def _lower_words(flat: str) -> frozenset[str]:
    """Words the release writes in lower case, and their stems (web and mail addresses aside)."""
    prose = re.sub(r"\S*(?:[@/]|\w\.\w)\S*", " ", flat)
    words = set(re.findall(r"\b[a-z][\w’'-]*", prose))
    return frozenset(words | {stem(w) for w in words})


def release_facts(release: Release, flat: str, published: str | None) -> list[_Fact]:
    """Every fact of the release, in reading order, with answer, topic and questions."""
    lower_words = _lower_words(flat)
    known = Known(lower_words, role_holders(flat))
    topics = block_topics(release.blocks, lower_words)
    facts: list[_Fact] = []
    cursor = 0
    speaker = ""
    intro = ""
    lead_done = False
    for index, block in enumerate(release.blocks):
        if block.kind == "heading":
            intro = block.text
            continue
        if block.kind == "para":
            intro = ""
        subject = ""  # what "It" and "They" refer to: the previous sentence's subject
        plural = ""  # what "them" refers to: the previous sentence's last plural noun
        for sentence in split_sentences(block.text):
            position = flat.find(sentence, cursor)
            if position < 0:
                position = flat.find(sentence)
            if position < 0:
                continue  # not a verbatim part of the release: never cite it
            cursor = position + len(sentence)
            said = SAID_AFTER.match(sentence) or SAID_BEFORE.match(sentence)
            continued = bool(re.match(r"^[\"“‘]", sentence)) and not said
            if said:
                speaker = said.group("speaker").split(", ")[0].strip()
            elif not continued:
                speaker = ""
            context = intro if block.kind == "item" else ""
            answer = standalone_answer(sentence, intro=context, speaker=speaker, subject=subject)
            if ungrounded_claims(answer, sentence, flat, published):
                answer = standalone_answer(sentence)
            role = ""
            if block.kind == "title":
                role = "title"
            elif BYLINE.match(sentence) and not lead_done:
                role = "byline"
            elif block.kind in ("para", "item") and not lead_done and len(sentence.split()) >= 6:
                role, lead_done = "lead", True
            parts = None if role in ("byline", "title") else compound_parts(sentence, subject)
            if parts:
                first = True
                for part, drafted in parts:
                    part_answer = drafted
                    if ungrounded_claims(drafted, part, flat, published):
                        part_answer = standalone_answer(part)
                    part_questions, found = sentence_questions(
                        part_answer, known, subject_hint=subject
                    )
                    facts.append(
                        _Fact(
                            part,
                            part_answer,
                            topics[index],
                            position + sentence.find(part),
                            part_questions,
                            role=role if first else "",
                        )
                    )
                    if first and found and clean_word(found) not in PRONOUNS:
                        subject = found if len(found.split()) <= 5 else ""
                    first = False
                continue
            if role == "byline":
                questions = ["Who published the release?", "Who issued the press release?"]
                found_subject = ""
            else:
                asked = sentence
                if plural and re.search(r"\bthem\b", sentence):
                    asked = re.sub(r"\bthem\b", plural, sentence)  # "Some of them could vanish"
                questions, found_subject = sentence_questions(asked, known, subject_hint=subject)
            if continued and speaker:
                titled = TITLE_NAME.search(speaker)
                who = titled.group("name") if titled else speaker
                about = topic_of(sentence.strip('"“”‘’'))
                questions = [f"What else did {who} say?", *questions]
                if about:
                    questions.insert(1, f"What did {who} say about {about}?")
            fact = _Fact(sentence, answer, topics[index], position, questions, role=role)
            facts.append(fact)
            nouns = re.findall(r"\bthe\s+((?:[a-z]+\s+){0,2}[a-z]{3,}s)\b", sentence)
            plural = f"the {nouns[-1]}" if nouns else ""
            parent = len(facts) - 1
            subject = ""
            usable = found_subject and clean_word(found_subject) not in PRONOUNS
            if usable and len(found_subject.split()) <= 5 and found_subject.lower() != "there":
                subject = found_subject
            if block.kind == "para" and sentence.rstrip().endswith(":"):
                intro = sentence.rstrip(": ")
            items = list_items(sentence)
            if items is None:
                continue
            mode, lead, listed = items
            for part in listed:
                offset = sentence.find(part)
                if offset < 0:
                    continue
                if mode == "colon":
                    item_answer = standalone_answer(f"{lead}: {part}")
                else:
                    item_answer = standalone_answer(f"{lead}, including {part}")
                if ungrounded_claims(item_answer, part, flat, published):
                    item_answer = answer
                item_questions, _ = sentence_questions(part, known)
                facts.append(
                    _Fact(
                        part,
                        item_answer,
                        topics[index],
                        position + offset,
                        item_questions,
                        parent=parent,
                    )
                )
    return facts
