"""Drafting a store from a press release: ``python -m bot build RELEASE -o STORE.yaml``.

Only the first and the last step touch files:

1. `read_release` (`read`, `markdown`, `webpage`) reads a plain-text, Markdown or
   saved HTML release into `Block`s and the text the store will cite.
2. `draft` (`facts`, `questions`, `answers`, `topics`, `synonyms`) turns each fact
   of the release into a draft entry: a sentence, each clause of a sentence that
   states several things, each item of a list-like sentence. Its questions come
   from the sentence's names, numbers, dates and verbs; its answer is the sentence,
   cleaned into a standalone one; its source quotes the release verbatim.
3. `render` writes the draft as YAML; `merge_text` adds drafts to a curated store.
4. `build` writes the files and never leaves a store that `check_store` rejects,
   a curated store overwritten, or someone else's text replaced.

The questions come from English-language heuristics, not a parser: every entry is
marked ``draft: true`` for a person to read and correct.
"""

from bot.drafting.build import BuildResult, build
from bot.drafting.dates import find_dates
from bot.drafting.draft import draft
from bot.drafting.model import Block, BuildError, Draft, Release
from bot.drafting.read import read_release
from bot.drafting.render import merge_text, render

__all__ = [
    "Block",
    "BuildError",
    "BuildResult",
    "Draft",
    "Release",
    "build",
    "draft",
    "find_dates",
    "merge_text",
    "read_release",
    "render",
]
