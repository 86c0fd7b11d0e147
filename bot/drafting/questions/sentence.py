"""The question phrasings of one fact: every question rule applied to one sentence."""

from __future__ import annotations

import re

from bot.drafting.aliases import with_names
from bot.drafting.clauses import Clause, split_clauses
from bot.drafting.dates import MONTH, WHEN, strip_dateline
from bot.drafting.phrases import NOT_TOPICS, TITLE_NAME, find_entities, said
from bot.drafting.questions.about import (
    EVERY_ASIDE,
    appointed_questions,
    made_by_questions,
    nominal_questions,
    people_questions,
    speech_questions,
)
from bot.drafting.questions.attributes import attribute_questions, mid_question, priced_subject
from bot.drafting.questions.clause import clause_questions, verbless_questions
from bot.drafting.questions.collect import MAX_QUESTIONS, Known, QuestionList
from bot.drafting.questions.details import detail_questions
from bot.drafting.questions.figures import figure_questions
from bot.drafting.questions.launch import (
    available_questions,
    lasting_questions,
    maker_questions,
    opened_questions,
    plans_questions,
    platform_questions,
    street_questions,
    took_questions,
)
from bot.drafting.questions.measures import (
    accuracy_questions,
    funding_questions,
    subscription_questions,
)
from bot.drafting.questions.roles import role_questions
from bot.drafting.questions.tested import who_tested_questions
from bot.drafting.questions.times import clock_questions
from bot.drafting.questions.yesno import (
    access_questions,
    can_do_questions,
    existence_questions,
    feature_questions,
    for_whom_questions,
)
from bot.drafting.verbs import clean_word, find_verb, is_participle
from bot.drafting.vocabulary import DANGLING, PREPOSITIONS, PRONOUNS, RELATIVE
from bot.language import (
    STOPWORDS,
    normalise,
)


def sentence_questions(text: str, known: Known, *, subject_hint: str = "") -> tuple[list[str], str]:
    """Question phrasings for one fact, and the subject of its first clause."""
    out = QuestionList()
    body = strip_dateline(text)
    speech_questions(body, out, known.lower_words)
    people_questions(body, out, known.lower_words)
    role_questions(body, out, known)
    nominal_questions(body, out)
    made_by_questions(body, out)
    appointed_questions(body, out)
    _reported_questions(body, out)
    for match in EVERY_ASIDE.finditer(body):
        thing = re.sub(r"^(?:[Aa]n?|[Tt]he)\s+", "", match.group("np"))
        out.add(f"How often is the {thing} {match.group('part')}")
    analysed, speaker = _quote_and_speaker(body)
    clauses, opener = split_clauses(analysed)
    clauses = clauses or _relative_clause(analysed)
    main_subject = _resolved_subject(clauses[0].subject, subject_hint, speaker) if clauses else ""
    main_subject = main_subject or priced_subject(analysed)
    attribute_questions(analysed, main_subject, out, known)
    detail_questions(analysed, mid_question(main_subject, known), out)
    subjects = [main_subject] if clauses else []
    subjects += [_resolved_subject(c.subject, subject_hint, speaker) for c in clauses[1:]]
    _clock_times(analysed, list(zip(clauses, subjects, strict=True)), known, out)
    existence_questions(analysed, out)
    maker_questions(analysed, out)
    opened_questions(analysed, out, known.lower_words)
    took_questions(analysed, mid_question(main_subject, known), out)
    street_questions(analysed, mid_question(main_subject, known), out)
    plans_questions(analysed, mid_question(main_subject, known), out)
    lasting_questions(analysed, mid_question(main_subject, known), out)
    platform_questions(analysed, mid_question(main_subject, known), out)
    available_questions(analysed, mid_question(main_subject, known), out)
    who_tested_questions(analysed, mid_question(main_subject, known), out)
    accuracy_questions(analysed, mid_question(main_subject, known), out)
    subscription_questions(analysed, out)
    funding_questions(analysed, out)
    for_whom_questions(analysed, main_subject, out)
    can_do_questions(analysed, out)
    access_questions(analysed, mid_question(main_subject, known), out)
    for clause in clauses:
        subject = _resolved_subject(clause.subject, subject_hint, speaker)
        _clause_rules(clause, subject, (clause is clauses[0]) and _dated_opener(opener), known, out)
    figure_questions(
        analysed, clauses[0] if clauses else None, mid_question(main_subject, known), out
    )
    if not clauses:
        feature_questions(analysed, out, known.main)
        verbless_questions(analysed, known, out)
    for named in with_names(out.items, known.aliases):
        out.add(named)
    _keyword_phrasings(body, known, out)
    return out.items[:MAX_QUESTIONS], main_subject


def _clock_times(
    analysed: str, clauses: list[tuple[Clause, str]], known: Known, out: QuestionList
) -> None:
    """Each clause its own times: "..., and the last bus back departs at 11:30 p.m."."""
    for index, (clause, subject) in enumerate(clauses):
        said = f"{clause.subject} {' '.join(clause.verb.words)} {clause.rest}"
        clock_questions(clause, mid_question(subject, known), said if index else analysed, out)


def _dated_opener(opener: str) -> bool:
    """ "On Tuesday, ..." dates the main clause; "Founded in 1911, ..." dates its participle."""
    participle = bool(opener) and is_participle(clean_word(opener.split(maxsplit=1)[0]))
    return bool(WHEN.search(opener)) and not participle


def _clause_rules(
    clause: Clause, subject: str, opener_dated: bool, known: Known, out: QuestionList
) -> None:
    """The clause rules, asked of the subject, and of the person a role subject names."""
    clause_questions(clause, subject, known, out, dated=clause.dated or opener_dated)
    head = (
        clean_word(subject.split(" of ", maxsplit=1)[0].rsplit(maxsplit=1)[-1])
        if subject.split()
        else ""
    )
    name = dict(known.people).get(head)
    if name and name not in subject:
        clause_questions(clause, name, known, out, dated=False)


def _reported_questions(body: str, out: QuestionList) -> None:
    """ "..., press service of the Kazakh MFA reports.": who reported this."""
    reported = re.search(
        r",\s+(?P<source>[^,]{3,80}?)\s+(?:reports|reported|said|announced)\.?$", body
    )
    if reported or re.search(r"\baccording to (?:the\s+)?(?:press|news|ministry|agency)", body):
        out.add("Who reported this")
        out.add("What is the source of the news")
        out.add("Where does this news come from")


def _quote_and_speaker(body: str) -> tuple[str, str]:
    """What a sentence says (the quote, when it quotes someone), and who said it."""
    speech = said(body)
    analysed = speech.group("quote") if speech else body
    speaker = ""
    if speech:
        speaker = speech.group("speaker").split(", ")[0].strip()
        titled = TITLE_NAME.search(speaker)
        speaker = titled.group("name") if titled else speaker
    return analysed.strip().strip('"“”‘’'), speaker


def _relative_clause(analysed: str) -> list[Clause]:
    """ "A map that shows ...": the relative clause as the clause of a verbless phrase."""
    relative = re.match(r"^(?P<np>.+?)\s+(?:that|which|who)\s+(?P<vp>.+)$", analysed)
    if not relative:
        return []
    verb = find_verb(relative.group("vp").split(), vp=True)
    if verb is None or verb.index != 0:
        return []
    words = relative.group("vp").split()
    return [Clause(relative.group("np"), verb, " ".join(words[len(verb.words) :]))]


def _resolved_subject(subject: str, hint: str, speaker: str) -> str:
    """ "It", "Its wings", "We" resolved to the previous subject or the speaker."""
    first, _, others = subject.partition(" ")
    if clean_word(subject) in PRONOUNS and hint:
        return hint
    if first.lower() in ("its", "their") and others and hint:
        mark = "’" if hint.endswith("s") and not hint.endswith("ss") else "’s"
        return f"{hint}{mark} {others}"  # "Its wings": the drone’s wings
    if clean_word(subject) in ("we", "i") and speaker:
        return speaker  # "We were surprised", said Dr. Smith
    return subject


def _keyword_phrasings(body: str, known: Known, out: QuestionList) -> None:
    """The names of a sentence, and the phrases of a long one, as keyword phrasings."""
    for entity in find_entities(body, known.lower_words)[:6]:
        if NOT_TOPICS.match(entity) or re.fullmatch(MONTH + r"(?:\s+\d+)?", entity):
            continue  # "Tuesday", "March": a time, not a name to ask about
        if len(entity.split()) <= 5 and normalise(entity) != normalise(body):
            out.add(entity, question=False)
    if len(body.split()) >= _CHUNKED_SENTENCE and not re.search(r"[\"“”]", body):
        for chunk in _chunks(body)[:_MAX_CHUNKS]:
            out.add(chunk, question=False)


# A long sentence states several things; each of its phrases becomes a keyword
# phrasing ("multiple visits to Astana, Almaty, and Kyzylorda"), so a question about
# one of them finds the sentence.
_CHUNKED_SENTENCE = 14


_MAX_CHUNKS = 6


_CHUNK_WORDS = 8


_CHUNK_SPLIT = re.compile(
    r",\s+(?![A-Z][\w’'-]*(?:,|\s+and\b))|;\s+|:\s+|\s+\(|\)|\s+including\s+|\s+as well as\s+"
    r"|\s+which\s+|(?<![A-Z][\w’'-])\s+and\s+(?![A-Z])"
)


def _chunks(text: str) -> list[str]:
    """The phrases of a long sentence, each of 2 to 8 words with two content words."""
    chunks: list[str] = []
    for piece in _CHUNK_SPLIT.split(text.strip().rstrip(".!?")):
        words = piece.split()
        while words and clean_word(words[0]) in DANGLING | RELATIVE | {"and", "or", "but"}:
            words = words[1:]
        while len(words) > _CHUNK_WORDS:
            cut = max(
                (i for i in range(2, _CHUNK_WORDS + 1) if clean_word(words[i]) in PREPOSITIONS),
                default=_CHUNK_WORDS,
            )
            chunks.append(" ".join(words[:cut]))
            words = words[cut:]
        chunks.append(" ".join(words))
    good = []
    for raw in chunks:
        chunk = raw.strip(' ,;:()"“”')
        content = [w for w in normalise(chunk).split() if w not in STOPWORDS]
        if len(content) >= 2 and len(chunk.split()) >= 2:
            good.append(chunk)
    return good
