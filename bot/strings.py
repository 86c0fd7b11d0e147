"""Every string the bot shows a person, by language. Plain text: the replies escape it.

English is written here; other languages come from the store's overlays
(``release.ru.yaml`` and friends, `bot.store.overlay`), which must hold the
same keys with the same ``{placeholders}``. A key an overlay lacks falls back
to English, so a half-translated overlay never shows a blank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.store import Store

ENGLISH: Mapping[str, str] = {
    "start": "Hello! I answer questions about the press release {title}{date}.\n\n"
    "Ask me in your own words, or try one of these:",
    "help": "Ask any question about the release and I will answer with a quote from it.\n\n"
    "/topics – browse the topics\n"
    "/source – read the whole release\n"
    "/ask QUESTION – ask in a group\n\n"
    "In groups, mention me or reply to my message. "
    "In any chat, type my username and a question to answer inline.\n\n"
    "I understand English, Russian, Kazakh and Korean.",
    "topics_prompt": "Pick a topic:",
    "topic_heading": "{topic}: what would you like to know?",
    "not_found": "Sorry, I could not find that in the release. "
    "I can answer questions about: {topics}.",
    "perhaps": "Perhaps one of these helps:",
    "did_you_mean": "Did you mean…?",
    "none_of_these": "None of these",
    "from_release": "From the release:",
    "release_says": "The release says:",
    "untranslated": "This answer has no translation yet; here it is in English:",
    "not_text": "I answer text questions about the release. Please type your question.",
    "rate_limited": "You are sending questions very fast. Please wait a little, then ask again.",
    "empty_question": "Ask me a question about the release, for example: "
    "How many flights are there?",
    "admins_only": "Only the bot's administrators can do that.",
    "expired_button": "That button has expired; please ask again.",
    "sorry": "Sorry, something went wrong on my side. Please try again in a moment.",
    "ask_usage": "Ask like this: /ask How many flights are there?",
    "question_cut": "Your message was long, so I read only its first {limit} characters.",
    "answered_part": '(Your message was long; I answered only: "{question}")',
    "yes": "Yes:",
    "no": "No:",
    "unstated": "The release does not say.",
    "difference": "Difference",
    "sum": "Sum",
    "feedback_thanks": "Thank you for the feedback!",
    "feedback_done": "✓ thanks",
    "feedback_already": "Thanks, this answer is already rated.",
    "feedback_expired": "Thanks! This answer is too old to rate now.",
    "languages": "I understand English, Russian, Kazakh and Korean.",
    "command_start": "What this bot is for",
    "command_help": "How to ask",
    "command_topics": "Browse the topics",
    "command_source": "Read the whole release",
    "command_ask": "Ask a question (in groups)",
}


@dataclass(frozen=True)
class Strings:
    """The strings of one language for one store, English where a key is missing."""

    language: str
    table: Mapping[str, str]
    topic_labels: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.table.get(key) or ENGLISH[key]

    def format(self, key: str, **values: str) -> str:
        """The string `key` with its placeholders filled in."""
        return self[key].format(**values)

    def topic(self, topic: str) -> str:
        """A topic label of the store in this language."""
        return self.topic_labels.get(topic, topic)


def strings_for(store: Store, language: str) -> Strings:
    """The strings to show someone who writes `language` ("en", "ru", ...)."""
    overlay = store.overlays.get(language)
    if overlay is None:
        return Strings("en", ENGLISH, {})
    return Strings(language, overlay.strings, overlay.topics)
