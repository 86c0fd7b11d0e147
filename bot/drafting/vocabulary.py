"""Word lists of the English heuristics: auxiliaries, prepositions, verb forms, units."""

from __future__ import annotations

AUX = frozenset(
    "is are was were be been being will would can could may might must should shall "
    "has have had does do did".split()
)


BE = frozenset("is are was were".split())


MODALS = frozenset("will would can could may might must should shall does do did".split())


HAVE = {"has": "does", "have": "do", "had": "did"}


ADVERBS = frozenset(
    """
    not also now already still further currently soon then just only jointly officially
    recently today yesterday highly first finally successfully expected
    """.split()
)


DETERMINERS = frozenset(
    """
    the a an its their his her our my your this that these those some several many all each
    every any no another other such both either neither
    """.split()
)


PREPOSITIONS = frozenset(
    """
    in at on from to for with by of into onto over under between among across through during
    after before since until within without near along around about against via per
    including compared like than towards toward upon beyond despite throughout
    """.split()
)


OPENERS = frozenset(
    """
    during in at on after before additionally currently meanwhile however also today
    yesterday since following under with according as by for from over throughout within
    last next this earlier later moreover furthermore besides overall separately finally
    first second third when while once
    """.split()
)


PRONOUNS = frozenset(["it", "its", "they", "their"])  # what "It" and "They" stand for is asked


# Past tense and participle -> base form, for the verbs a press release uses.
IRREGULAR = {
    "held": "hold",
    "met": "meet",
    "said": "say",
    "took": "take",
    "taken": "take",
    "made": "make",
    "gave": "give",
    "given": "give",
    "built": "build",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "led": "lead",
    "paid": "pay",
    "sold": "sell",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "grew": "grow",
    "grown": "grow",
    "brought": "bring",
    "bought": "buy",
    "went": "go",
    "gone": "go",
    "saw": "see",
    "seen": "see",
    "became": "become",
    "chose": "choose",
    "chosen": "choose",
    "drew": "draw",
    "drawn": "draw",
    "spent": "spend",
    "sent": "send",
    "told": "tell",
    "thought": "think",
    "kept": "keep",
    "left": "leave",
    "lost": "lose",
    "ran": "run",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "broke": "break",
    "broken": "break",
    "flew": "fly",
    "flown": "fly",
    "drove": "drive",
    "driven": "drive",
    "came": "come",
    "got": "get",
    "found": "find",
    "shown": "show",
    "known": "know",
    "knew": "know",
    "done": "do",
    "did": "do",
    "had": "have",
    "undertook": "undertake",
    "undertaken": "undertake",
    "oversaw": "oversee",
    "overseen": "oversee",
    "sought": "seek",
    "taught": "teach",
    "caught": "catch",
    "meant": "mean",
    "felt": "feel",
    "heard": "hear",
    "laid": "lay",
    "dealt": "deal",
    "struck": "strike",
    "stood": "stand",
    "understood": "understand",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
}


PAST_OF = {
    "taken": "took",
    "given": "gave",
    "shown": "showed",
    "written": "wrote",
    "begun": "began",
    "seen": "saw",
    "known": "knew",
    "grown": "grew",
    "done": "did",
    "driven": "drove",
    "chosen": "chose",
    "spoken": "spoke",
    "broken": "broke",
    "flown": "flew",
    "drawn": "drew",
    "gone": "went",
    "risen": "rose",
    "fallen": "fell",
    "undertaken": "undertook",
    "overseen": "oversaw",
    "withdrawn": "withdrew",
}


# Base forms of verbs common in press releases (present-tense verbs are found only here).
VERBS = frozenset(
    """
    accept achieve acquire add address affect agree aim allow analyse analyze announce apply
    appoint appreciate approve arrive ask assess assist attend attract award become begin
    believe benefit bring build buy call carry cause celebrate change choose close collect
    combine come commit compare complete conduct confirm congratulate connect consider
    contain continue contribute control cost cover create cut deal decide declare decline
    deliver demonstrate design detect develop discover discuss display divert donate double
    drive earn employ enable encourage end ensure enter establish estimate exceed exchange
    expand expect explain explore express extend face feature finance find finish fly focus
    follow form found fund gain get give go grow help hire hold host identify improve include
    increase install introduce invest invite join keep launch lead leave link list lose
    maintain make manage map mark measure meet monitor move name need note notice offer open
    operate order organise organize own participate partner pass pay plan play power prepare
    present process produce promote propose protect prove provide publish purchase raise
    reach receive recognise recognize record reduce reflect release remain remove replace
    report represent require research reveal retreat return rise run save say see seek sell
    send serve set share show sign spend spot stand start stay strengthen study submit supply
    support survey take target test thank track trade train travel treat turn unveil update
    upgrade use vanish visit vote want weigh welcome win work ship deliver export import
    approve elect assist cooperate reveal surprise disappear apply retreat estimate hold
    """.split()
)


RELATIVE = frozenset(["that", "which", "who"])


PLURAL_PRONOUNS = frozenset(["they", "we", "you", "i"])


OBJECT = {"we": "us", "i": "me", "they": "them", "he": "him", "she": "her"}


REPORTING = frozenset(
    "show find say reveal suggest indicate report announce note confirm estimate add "
    "explain".split()
)


DANGLING = PREPOSITIONS | frozenset("the a an and or its their his her our this that".split())


CURRENCY = {
    "€": "euros",
    "$": "dollars",
    "£": "pounds",
    "¥": "yen",
    "₸": "tenge",
    "CHF": "francs",
    "EUR": "euros",
    "USD": "dollars",
    "GBP": "pounds",
    "KZT": "tenge",
    "JPY": "yen",
    "CNY": "yuan",
    "RUB": "roubles",
    "INR": "rupees",
}


UNITS = {
    "km": "length",
    "kilometres": "length",
    "kilometers": "length",
    "m": "length",
    "metres": "length",
    "meters": "length",
    "cm": "length",
    "mm": "length",
    "miles": "length",
    "kg": "weight",
    "kilograms": "weight",
    "g": "weight",
    "t": "weight",
    "tonnes": "weight",
    "tons": "weight",
    "gw": "power",
    "mw": "power",
    "kw": "power",
    "gwh": "power",
    "mwh": "power",
    "kwh": "power",
    "ha": "area",
    "hectares": "area",
    "acres": "area",
    "km2": "area",
    "m2": "area",
    "seconds": "duration",
    "minutes": "duration",
    "min": "duration",
    "hours": "duration",
    "days": "duration",
    "weeks": "duration",
    "months": "duration",
    "years": "duration",
    "euros": "money",
    "euro": "money",
    "dollars": "money",
    "francs": "money",
    "pounds": "money",
    "tenge": "money",
    "yuan": "money",
}


UNIT_NAMES = {
    "km": "kilometres",
    "m": "metres",
    "cm": "centimetres",
    "mm": "millimetres",
    "kg": "kilograms",
    "t": "tonnes",
    "ha": "hectares",
    "gw": "gigawatts",
    "mw": "megawatts",
    "kw": "kilowatts",
    "min": "minutes",
}


NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred"
).split()


ID_BEFORE = frozenset(
    "route line no number version gate platform phase stage chapter article section room "
    "terminal bus tram flight model series edition".split()
)


ORG_KINDS = {
    "university": "university",
    "institute": "institute",
    "college": "college",
    "school": "school",
    "council": "council",
    "ministry": "ministry",
    "government": "government",
    "agency": "agency",
    "administration": "agency",
    "foundation": "foundation",
    "fund": "fund",
    "bank": "bank",
    "corp": "company",
    "inc": "company",
    "ltd": "company",
    "gmbh": "company",
    "ag": "company",
    "llc": "company",
    "plc": "company",
    "company": "company",
    "group": "company",
    "robotics": "company",
    "airlines": "airline",
    "motors": "company",
    "service": "service",
}


CONNECTORS = frozenset("of and for the de la du von van der &".split())


PEOPLE = frozenset(
    """
    team researchers scientists council company government ministry authorities residents
    farmers officials sides parties engineers students city university institute group board
    committee speaker ambassador minister president mayor legislator diplomat founders
    partners firm startup organisers organizers staff members experts delegation side
    """.split()
)


# Sentences about what the public can do are asked in the first person: "Where can I ...?"
PUBLIC = frozenset(
    """
    residents visitors customers users people citizens passengers travellers travelers
    readers farmers members applicants patients students parents fans guests buyers
    """.split()
)


COMPARATIVE = frozenset("earlier later faster sooner longer more less higher lower".split())


# "the construction of X by Doosan": who is building X? (verb, -ing form, 3rd person)
NOMINAL = {
    "participation": ("participate", "participating", "participates"),
    "construction": ("build", "building", "builds"),
    "building": ("build", "building", "builds"),
    "opening": ("open", "opening", "opens"),
    "development": ("develop", "developing", "develops"),
    "launch": ("launch", "launching", "launches"),
    "investment": ("invest", "investing", "invests"),
    "acquisition": ("acquire", "acquiring", "acquires"),
    "expansion": ("expand", "expanding", "expands"),
    "installation": ("install", "installing", "installs"),
    "production": ("produce", "producing", "produces"),
    "creation": ("create", "creating", "creates"),
    "renovation": ("renovate", "renovating", "renovates"),
    "supply": ("supply", "supplying", "supplies"),
    "delivery": ("deliver", "delivering", "delivers"),
    "assistance": ("assist", "assisting", "assists"),
    "management": ("manage", "managing", "manages"),
    "operation": ("operate", "operating", "operates"),
    "approval": ("approve", "approving", "approves"),
    "permission": ("permit", "permitting", "permits"),
    "decision": ("decide", "deciding", "decides"),
}
