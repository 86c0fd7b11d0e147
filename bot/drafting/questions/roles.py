"""Who holds a role written in lower case before a name: "said board chair Ann Lee".

"Mayor Anna Keller" is read by `phrases.TITLE_NAME`; a role in lower case, often
after the body it belongs to ("Plant superintendent Rafael Dunstan-Iwu", "board
chair Desmond Achterberg"), is asked the ways people ask it: the plant
superintendent, the superintendent of the plant, who chairs the board.
"""

from __future__ import annotations

import re

from bot.drafting.phrases import NAME, TITLE_NAME
from bot.drafting.questions.collect import Known, QuestionList
from bot.drafting.verbs import clean_word
from bot.drafting.vocabulary import DETERMINERS, PREPOSITIONS, REPORTING
from bot.language import STOPWORDS
from bot.language.lexicon import rows

_ROLES = sorted({" ".join(row).lower() for row in rows("role_titles")}, key=len, reverse=True)
_LOWER_ROLE = re.compile(
    rf"(?:\b(?P<body>[A-Za-z][a-z-]+)\s+)?\b(?P<role>{'|'.join(_ROLES)})\s+(?P<name>{NAME})"
)
# Roles that are verbs too: "the chair of the board" chairs it.
_ROLE_VERBS = {"chair": "chairs", "head": "heads", "director": "directs", "manager": "manages"}


# Offices of the town a release is datelined in: "Mayor Anna Keller" is its mayor.
_CIVIC = frozenset({"mayor", "deputy mayor", "town clerk", "city manager"})


def role_questions(body: str, out: QuestionList, known: Known) -> None:
    """Who holds a role written in lower case, or a civic role of the dateline's town."""
    for found in TITLE_NAME.finditer(body):
        if found.group("role").lower() in _CIVIC and known.place:
            out.add(f"Who is the {found.group('role').lower()} of {known.place}")
    lower_role_questions(body, out, known.entities)


def lower_role_questions(body: str, out: QuestionList, names: tuple[str, ...] = ()) -> None:
    """ "Plant superintendent Rafael Dunstan-Iwu": who is the (plant) superintendent.

    `names`: the release's names; the one `owner` ends in ("board": "Vardenholm
    Regional Development Board") is asked by name too.
    """
    for found in _LOWER_ROLE.finditer(body):
        role, name = found.group("role"), found.group("name")
        if not role.islower():
            continue  # "Mayor Anna Keller": `people_questions` asks it
        out.add(f"Who is the {role}")
        out.add(f"Who is {name}")
        owner = (found.group("body") or "").lower()
        plain = owner not in STOPWORDS | DETERMINERS | PREPOSITIONS | REPORTING
        if not owner or not plain or clean_word(owner) in _ROLES:
            continue
        out.add(f"Who is the {owner} {role}")
        full = [n for n in names if n.split()[-1].lower() == owner and len(n.split()) > 1]
        for whole in [f"the {owner}", *(full[:1] if len(set(full)) == 1 else [])]:
            out.add(f"Who is the {role} of {whole}")
            if role in _ROLE_VERBS:
                out.add(f"Who {_ROLE_VERBS[role]} {whole}")
