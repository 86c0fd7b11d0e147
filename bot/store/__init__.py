"""The question-and-answer store: YAML in, frozen objects out, validated on the way.

`model` holds the objects, `reader` turns a YAML file into them (or into a list
of line-numbered problems), `grounding` checks that answers state only what
the release states, and `document` reads the release text itself.
"""

from bot.store.document import Document, parse_document
from bot.store.grounding import uncited_sentences, ungrounded_claims
from bot.store.model import CheckReport, Entry, Problem, Settings, SmallTalk, Store, StoreError
from bot.store.reader import DEFAULT_STORE, check_store, load_store

__all__ = [
    "DEFAULT_STORE",
    "CheckReport",
    "Document",
    "Entry",
    "Problem",
    "Settings",
    "SmallTalk",
    "Store",
    "StoreError",
    "check_store",
    "load_store",
    "parse_document",
    "uncited_sentences",
    "ungrounded_claims",
]
