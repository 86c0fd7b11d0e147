"""What the bot says, as data: text plus buttons. Pure; no Telegram imports.

The same `Match` becomes plain text for the console (`plain`) or an HTML
message with button rows for Telegram (`html`). Every piece of store or user
text that goes into HTML is escaped here, in one place.
"""

from __future__ import annotations

import functools
import html as _html
import re
from dataclasses import dataclass, replace

from bot.language.lexicon import rows
from bot.matching import Candidate, Form, Kind, Match
from bot.matching.languages import untranslated
from bot.store import Entry, Store
from bot.strings import ENGLISH, Strings, strings_for

MAX_INLINE_RESULTS = 5

# Telegram limits (Bot API): message text, button callback data, inline results.
MAX_MESSAGE = 4096
MAX_CALLBACK_DATA = 64
MAX_BUTTON_TEXT = 60
MAX_ANSWER_CHARS = 1000  # an answer longer than this is cut, so its quote still fits

# Callback data prefixes: a tap on an answer button or a topic button.
ANSWER_PREFIX = "a:"
TOPIC_PREFIX = "t:"
NONE_OF_THESE = "none"
# A topic number in callback data: ASCII digits only (str.isdigit also takes "²", which
# int() refuses), and few of them (int() of a long one is slow, and no store is that big).
_TOPIC_NUMBER = re.compile(r"[0-9]{1,6}")

# The English texts live in one table (bot/strings.py), which overlays translate.
NOT_TEXT = ENGLISH["not_text"]
EMPTY_QUESTION = ENGLISH["empty_question"]
ADMINS_ONLY = ENGLISH["admins_only"]
EXPIRED_BUTTON = ENGLISH["expired_button"]
SORRY = ENGLISH["sorry"]
ASK_USAGE = ENGLISH["ask_usage"]


def _seconds(count: int) -> str:
    return "a second" if count <= 1 else f"{count} seconds"


def rate_limited(wait: int) -> str:
    """The one notice to a person over the message limit: when to ask again."""
    return (
        "You are sending messages faster than I can answer them. "
        f"Please wait {_seconds(wait)}, then ask again."
    )


def flood_notice(wait: int, strings: Strings) -> str:
    """The flood notice in the language of `strings`: English says how long to wait; a
    translation says to wait a little."""
    return rate_limited(wait) if strings.language == "en" else strings["rate_limited"]


def taps_limited(wait: int) -> str:
    """The answer to a button tapped over the tap limit (a pop-up, at most 200 characters)."""
    return f"That is a lot of taps in a short time. Please wait {_seconds(wait)}, then tap again."


@dataclass(frozen=True)
class Button:
    text: str
    data: str


@dataclass(frozen=True)
class Reply:
    """A message to send: HTML text and rows of callback buttons."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


def _esc(text: str) -> str:
    return _html.escape(text, quote=False)


def _label(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_TEXT else text[: MAX_BUTTON_TEXT - 1] + "…"


def _strings(store: Store) -> Strings:
    return strings_for(store, store.language)


def _lang(store: Store) -> str:
    """The language part of a button's callback data: "" for English, "ru:" for Russian.

    A tap is answered in the language of the message its button is under, whatever
    the language of the person's Telegram client.
    """
    return "" if store.language == "en" else f"{store.language}:"


def button_language(data: str) -> tuple[str, str]:
    """The language of a button's callback data and the data without it.

    >>> button_language("a:ru:flights-total"), button_language("t:3")
    (('ru', 'a:flights-total'), ('en', 't:3'))
    """
    prefix, _, rest = data.partition(":")
    language, colon, tail = rest.partition(":")
    if colon and len(language) == 2 and language.isascii() and language.isalpha():
        return language, f"{prefix}:{tail}"
    if data.startswith(NONE_OF_THESE + ":") and len(rest) == 2:
        return rest, NONE_OF_THESE
    return "en", data


def answer_button(store: Store, entry_id: str) -> Button | None:
    entry = store.entry(entry_id)
    if entry is None:
        return None
    return Button(_label(entry.questions[0]), ANSWER_PREFIX + _lang(store) + entry.id)


def _not_found_text(store: Store) -> str:
    return _strings(store).format("not_found", topics=", ".join(store.topics))


@functools.cache
def _unsupported_sentences() -> dict[str, str]:
    return {row[0]: " ".join(row[1:]) for row in rows("unsupported")}


def unsupported(language: str, store: Store) -> Reply:
    """The reply to a question in a language the store has no overlay for.

    Said in that language where the bot knows the sentence (data/unsupported.txt),
    then in English, with the topics to try.
    """
    said = _unsupported_sentences().get(language)
    text = ENGLISH["languages"] + " " + _not_found_text(store)
    if said:
        text = f"{said}\n\n{text}"
    return Reply(_esc(text), tuple((b,) for b in topic_buttons(store)))


# --- Plain text (console) ---------------------------------------------------------


def cut_note(match: Match, store: Store) -> str:
    """What a reply says when only part of a long message was read (`Match.cut`)."""
    return _strings(store).format("answered_part", question=_shorten(match.question, 80))


# What a question kind puts before an answer (`Match.form`): a string key.
_FORM_PREFIX = {Form.YES: "yes", Form.NO: "no"}
_OPERATION_SIGN = {"difference": "-", "sum": "+"}


def _prefix(match: Match, store: Store) -> str:
    key = _FORM_PREFIX.get(match.form)
    return f"{_strings(store)[key]} " if key else ""


def computed_line(match: Match, store: Store) -> str:
    """ "Difference: 13 - 2 = 11 flights per week." for an arithmetic verdict ("1 GW =
    1,000 MW." for a conversion), else "".

    The unit of a sum or difference is words of the English answer, so another language
    shows the figures alone; a conversion keeps its units (GW, MW)."""
    if match.result is not None and len(match.figures) == 1:
        figure, result = match.figures[0], match.result
        return f"{figure.value:,} {figure.unit} = {result.value:,} {result.unit}."
    if match.result is None or len(match.figures) != 2:
        return ""
    first, second = match.figures
    big, small = (first, second) if first.value >= second.value else (second, first)
    if match.result.operation == "sum":
        big, small = first, second
    sign = _OPERATION_SIGN.get(match.result.operation, "?")
    result = match.result
    worked = f"{big.value} {sign} {small.value} = {result.value}"
    unit = f" {result.unit}" if store.language == "en" else ""
    return f"{_strings(store)[result.operation]}: {worked}{unit}."


def plain(match: Match, store: Store) -> str:
    """The reply as a person reads it in a terminal."""
    if match.cut:
        return f"{cut_note(match, store)}\n\n{plain(replace(match, cut=False), store)}"
    says = _strings(store)
    kinds = _kind_plain(match, store)
    if kinds is not None:
        return kinds
    if match.kind is Kind.ANSWER and match.entry is not None:
        head = _untranslated_note(store, match.entry) + _prefix(match, store)
        return f'{head}{match.entry.answer}\n\n{says["from_release"]} "{match.entry.source}"'
    if match.kind is Kind.ANSWER and match.passage is not None:
        return f'{says["release_says"]} "{match.passage}"'
    if match.kind is Kind.SMALLTALK and match.smalltalk is not None:
        return match.smalltalk.answer
    if match.kind is Kind.CLARIFY:
        lines = [_suggestion_line(store, c, i) for i, c in enumerate(match.suggestions, 1)]
        return says["did_you_mean"].rstrip("…?.") + ":\n" + "\n".join(lines)
    if match.language not in ("en", store.language):
        return unsupported(match.language, store).text
    text = _not_found_text(store)
    if match.suggestions:
        lines = [_suggestion_line(store, c, i) for i, c in enumerate(match.suggestions, 1)]
        text += f"\n{says['perhaps']}\n" + "\n".join(lines)
    return text


def _kind_plain(match: Match, store: Store) -> str | None:
    """The plain reply for two-part, arithmetic and unstated verdicts; None for the others."""
    if match.form is Form.PARTS and match.parts:
        return "\n\n".join(plain(part, store) for part in match.parts)
    if match.form is Form.ARITHMETIC and match.figures:
        said = _strings(store)["from_release"]
        entries = [store.entry(i) for i in dict.fromkeys(f.intent for f in match.figures)]
        quoted = [f'{e.answer} ({said} "{e.source}")' for e in entries if e]
        return f"{computed_line(match, store)}\n\n" + "\n".join(quoted)
    if match.form is Form.UNSTATED:
        return f"{_strings(store)['unstated']} {plain(replace(match, form=Form.PLAIN), store)}"
    return None


def _untranslated_note(store: Store, entry: Entry) -> str:
    """For an answer a translated store gives in English: a line that says so."""
    return f"{_strings(store)['untranslated']}\n" if untranslated(store, entry.id) else ""


def _suggestion_line(store: Store, candidate: Candidate, number: int) -> str:
    entry = store.entry(candidate.intent)
    question = entry.questions[0] if entry else candidate.question
    return f"  {number}. {question}"


# --- HTML (Telegram) ---------------------------------------------------------------


def _shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)].rsplit(" ", 1)[0]
    return cut + "…"


def entry_reply(store: Store, entry: Entry, prefix: str = "") -> Reply:
    """An answer with its supporting quote and follow-up buttons, within Telegram's limit."""
    lead = _untranslated_note(store, entry) + prefix
    answer = _esc(lead + _shorten(entry.answer, MAX_ANSWER_CHARS))
    head = f"{answer}\n\n<i>{_esc(_strings(store)['from_release'])}</i>\n<blockquote>"
    tail = "</blockquote>"
    source = _esc(entry.source)
    if len(head) + len(source) + len(tail) > MAX_MESSAGE:
        # Escaping can make text up to five times longer ("&" -> "&amp;"): cut the raw text.
        source = _esc(_shorten(entry.source, (MAX_MESSAGE - len(head) - len(tail)) // 5))
    text = head + source + tail
    rows = tuple(
        (button,)
        for button in (answer_button(store, f) for f in entry.follow_ups[:3])
        if button is not None
    )
    return Reply(text, rows)


def html(match: Match, store: Store) -> Reply:
    """The Telegram reply for a matcher verdict."""
    if match.cut:
        reply = html(replace(match, cut=False), store)
        noted = f"<i>{_esc(cut_note(match, store))}</i>\n\n{reply.text}"
        return Reply(noted, reply.buttons) if len(noted) <= MAX_MESSAGE else reply
    kinds = _kind_reply(match, store)
    if kinds is not None:
        return kinds
    if match.kind is Kind.ANSWER and match.entry is not None:
        return entry_reply(store, match.entry, _prefix(match, store))
    says = _strings(store)
    if match.kind is Kind.ANSWER and match.passage is not None:
        quote = f"<blockquote>{_esc(match.passage)}</blockquote>"
        return Reply(f"<i>{_esc(says['release_says'])}</i>\n{quote}")
    if match.kind is Kind.SMALLTALK and match.smalltalk is not None:
        return Reply(_esc(match.smalltalk.answer))
    if match.kind is Kind.CLARIFY:
        buttons = [(b,) for b in (answer_button(store, c.intent) for c in match.suggestions) if b]
        none = NONE_OF_THESE + (f":{store.language}" if store.language != "en" else "")
        buttons.append((Button(says["none_of_these"], none),))
        return Reply(_esc(says["did_you_mean"]), tuple(buttons))
    if match.language not in ("en", store.language):
        return unsupported(match.language, store)
    return not_found(store, match.suggestions)


def _kind_reply(match: Match, store: Store) -> Reply | None:
    """The reply for two-part, arithmetic and unstated verdicts; None for the others."""
    if match.form is Form.PARTS and match.parts:
        replies = [html(part, store) for part in match.parts]
        text = "\n\n".join(r.text for r in replies)
        return Reply(text) if len(text) <= MAX_MESSAGE else replies[0]
    if match.form is Form.ARITHMETIC and match.figures:
        ids = dict.fromkeys(f.intent for f in match.figures)  # two figures of one entry: once
        entries = [e for e in (store.entry(i) for i in ids) if e]
        quotes = "".join(
            f"\n\n{_esc(e.answer)}\n<blockquote>{_esc(_shorten(e.source, 1500))}</blockquote>"
            for e in entries
        )
        return Reply(f"<b>{_esc(computed_line(match, store))}</b>{quotes}")
    if match.form is Form.UNSTATED:
        reply = html(replace(match, form=Form.PLAIN), store)
        return Reply(f"{_esc(_strings(store)['unstated'])} {reply.text}", reply.buttons)
    return None


def not_found(store: Store, suggestions: tuple[Candidate, ...] = ()) -> Reply:
    """An honest "not in the release", with topics to try."""
    rows = [(b,) for b in (answer_button(store, c.intent) for c in suggestions) if b]
    rows += [(b,) for b in topic_buttons(store)]
    return Reply(_esc(_not_found_text(store)), tuple(rows))


def topic_buttons(store: Store) -> list[Button]:
    prefix = TOPIC_PREFIX + _lang(store)
    return [Button(_label(t), f"{prefix}{i}") for i, t in enumerate(store.topics)]


def topics_reply(store: Store) -> Reply:
    prompt = _esc(_strings(store)["topics_prompt"])
    return Reply(prompt, tuple((b,) for b in topic_buttons(store)))


def topic_reply(store: Store, index: int) -> Reply:
    """The questions of one topic, as buttons."""
    if not 0 <= index < len(store.topics):
        return topics_reply(store)
    topic = store.topics[index]
    rows = tuple((b,) for b in (answer_button(store, e.id) for e in store.entries_for(topic)) if b)
    heading = _esc(_strings(store)["topic_heading"]).format(topic=f"<b>{_esc(topic)}</b>")
    return Reply(heading, rows)


def start_reply(store: Store) -> Reply:
    date = f" ({_esc(store.published)})" if store.published else ""
    examples = [b for b in (answer_button(store, e.id) for e in store.entries[:3]) if b]
    template = _esc(_strings(store)["start"])
    text = template.format(title=f"<b>{_esc(store.title)}</b>", date=date)
    return Reply(text, tuple((b,) for b in examples))


def help_reply(store: Store) -> Reply:
    return Reply(_esc(_strings(store)["help"]))


def source_chunks(store: Store, limit: int = MAX_MESSAGE) -> list[str]:
    """The release text, escaped, split at paragraph or word boundaries to fit `limit`."""
    # Paragraphs are separated by blank lines; a hard-wrapped line is not a paragraph.
    blocks = re.split(r"\n\s*\n", store.document.body)
    paragraphs = [" ".join(p.split()) for p in blocks if p.strip()]
    chunks: list[str] = []
    current = ""
    for paragraph in paragraphs:
        for piece in _split_long(_esc(paragraph), limit):
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    return chunks


def _split_long(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        cut = cut if cut > 0 else limit
        # Never cut an HTML entity such as &amp; in half.
        amp = text.rfind("&", 0, cut)
        if amp > 0 and ";" not in text[amp:cut]:  # at 0, cutting there would loop forever
            cut = amp
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return pieces


# --- Buttons and inline mode -------------------------------------------------------------


def for_button(store: Store, data: str) -> tuple[Reply | None, bool]:
    """The reply to a tap on a button with callback `data`, and whether it is an answer.

    None for a stale or unknown button (the store changed, or forged data).
    """
    if data.startswith(ANSWER_PREFIX):
        entry = store.entry(data.removeprefix(ANSWER_PREFIX))
        return (entry_reply(store, entry), True) if entry else (None, False)
    if data.startswith(TOPIC_PREFIX):
        number = data.removeprefix(TOPIC_PREFIX)
        if not _TOPIC_NUMBER.fullmatch(number):
            return None, False
        # An out-of-range topic (the store changed) shows the current topics.
        return topic_reply(store, int(number)), False
    if data == NONE_OF_THESE:
        return not_found(store), False
    return None, False


@dataclass(frozen=True)
class Article:
    """An inline-mode result: what the list shows, and the HTML message it sends."""

    id: str
    title: str
    description: str
    text: str


def inline_articles(
    store: Store, query: str, candidates: list[Candidate] | tuple[Candidate, ...] = ()
) -> list[Article]:
    """The best answers for an inline query, or one article per topic for an empty one."""
    if not query.strip():
        return [_topic_article(store, i, topic) for i, topic in enumerate(store.topics)][:50]
    threshold = store.settings.clarify_threshold
    articles = []
    for candidate in candidates[:MAX_INLINE_RESULTS]:
        entry = store.entry(candidate.intent)
        if entry is not None and candidate.score >= threshold:
            text = entry_reply(store, entry).text
            articles.append(Article(entry.id, entry.questions[0], entry.answer[:100], text))
    return articles


def _topic_article(store: Store, number: int, topic: str) -> Article:
    entries = store.entries_for(topic)
    text = ""
    for entry in entries:  # whole answers only, so no HTML entity is ever cut
        piece = _esc(entry.answer)
        candidate = f"{text}\n\n{piece}" if text else piece
        if len(candidate) > MAX_MESSAGE:
            break
        text = candidate
    description = ", ".join(e.questions[0] for e in entries)[:100]
    return Article(f"t{number}", topic, description, text)
