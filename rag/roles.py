"""Who holds a role: "Who is the president of Kazakhstan?", "Who is Tesla's CEO?", "Who is the Russian prime minister?"

Such a question names no person, and the passages that answer it name several: "Russia's President Vladimir Putin
speaks with Kazakhstan's President Kassym-Jomart Tokayev". Closeness to the question's words cannot tell them apart;
the title each name carries can. A role question's short answer is a person whom a sentence gives the asked role
(the same role words, for the asked country or company when the question names one), in the words attached to the
name: a title before it ("Kazakhstan's President Kassym-Jomart Tokayev", "British Prime Minister Rishi Sunak",
"Tesla CEO Elon Musk", "the president of France, Emmanuel Macron"), an apposition after it ("Liz Truss, the British
prime minister"), a copula ("Rishi Sunak is the United Kingdom's latest prime minister") or a counterpart ("Russian
President Vladimir Putin and his Belarusian counterpart Alexander Lukashenko"). A title for another
country ("Russia's President Vladimir Putin") or of another rank ("Deputy Prime Minister Iryna Vereshchuk", "former
president Nursultan Nazarbayev") refuses the name. A title that does not say whom for ("Mayor Ottilie Brennan")
counts when no title does and the name's passage names the asked place or company. When no sentence gives anyone the
asked role, no short answer is made: the quotes are shown without a claim that someone holds it
(``ExtractiveAnswerer._rank_entities``).

The small recogniser labels some foreign names an organisation ("Kazakhstan's President Kassym-Jomart Tokayev":
ORG): a name that the asked role's title precedes is taken for a person (``titled_people``).

General grammar and general words, not fitted: none of the 1,540 rtqa-train and rtqa-dev questions has this form (8
of 780 on each split ask "who" and name a role, in other words: "Which GOP leader sparked a dayslong stalemate?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rag.names import same_name
from rag.nlp import Analysed, Entity
from rag.text import undotted

# Roles a question asks someone's name for, longest first (a regex alternation takes the first that matches).
_ROLE_WORDS = sorted(
    (
        ["president", "vice president", "prime minister", "deputy prime minister", "premier", "chancellor"]
        + ["minister", "foreign minister", "finance minister", "defence minister", "defense minister"]
        + ["health minister", "interior minister", "first minister", "secretary of state", "foreign secretary"]
        + ["home secretary", "secretary", "secretary-general", "secretary general", "attorney general", "ceo"]
        + ["chief executive", "chief executive officer", "chairman", "chairwoman", "chair", "founder", "owner"]
        + ["leader", "king", "queen", "monarch", "emperor", "pope", "governor", "mayor", "speaker", "coach"]
        + ["head coach", "manager", "general manager", "captain", "director", "commissioner", "ambassador"]
        + ["spokesperson", "spokesman", "spokeswoman", "editor", "head", "boss", "senator", "representative", "gov"]
        + ["sen", "rep", "majority leader", "minority leader", "president-elect"]
    ),
    key=len,
    reverse=True,
)
_ROLE = "(?i:" + "|".join(r.replace(" ", r"[\s-]+") for r in _ROLE_WORDS) + r")(?![\w-])\.?"
# The same role, written differently: "chief executive officer" is the CEO, a football club's manager its coach.
_SAME_ROLE = {
    "chief executive": "ceo",
    "chief executive officer": "ceo",
    "head coach": "coach",
    "manager": "coach",
    "secretary general": "secretary-general",
    "defense minister": "defence minister",
    "chairwoman": "chair",
    "chairman": "chair",
    "gov": "governor",  # "Florida Gov. Ron DeSantis"
    "sen": "senator",
    "rep": "representative",
}
# A boss asked is whoever heads the company or the club: "the Precision Air boss" is its CEO, "the Chelsea boss" its
# manager (a coach, ``_SAME_ROLE``)
_BOSS_OF = {"boss": frozenset({"ceo", "coach", "chair"})}
# Words before a role that make it another one: a deputy prime minister is not the prime minister, nor is a former
# president the president, nor the first president of a country its president now. "new", "current", "latest" and
# the like change nothing. A question asking "who was" takes a former holder too (_TEMPORAL).
_OTHER_RANK = frozenset(
    ["deputy", "vice", "former", "ex", "assistant", "associate", "shadow", "late", "then", "acting", "first"]
)
_TEMPORAL = frozenset(["former", "ex", "late", "then"])
_SAME_RANK = ["interim", "new", "current", "latest", "incoming", "outgoing", "longtime", r"newly\s+elected", "elected"]
_SAME_RANK += ["sitting", "future", "next"]
_MODIFIER_WORDS = "|".join([*sorted(_OTHER_RANK), *_SAME_RANK])
_MODIFIER = f"(?i:{_MODIFIER_WORDS})"
_MODS = rf"(?:{_MODIFIER}[\s-]+){{0,2}}"
# Before whose role it is ("the former British Prime Minister", "Then-Twitter CEO"): lower case, or a rank word that
# no name starts with ("New Zealand's Prime Minister" is New Zealand's).
_NO_NAME_STARTS = ["former", "ex", "late", "then", "deputy", "vice", "acting", "current", "incoming", "outgoing"]
_NO_NAME_STARTS += ["longtime", "interim", "sitting"]
_RANK_CAPITALISED = "(?:" + "|".join(w.capitalize() for w in _NO_NAME_STARTS) + ")"
_LEADING_MODS = rf"(?:(?:{_MODIFIER_WORDS}|{_RANK_CAPITALISED})[\s-]+){{0,2}}"
# Capitalised words that are not whose role it is: a sentence's or clause's opening word, a party, a weekday
# ("As President Biden", "Republican Gov. Brad Little", "On Tuesday President ...").
_NOT_HOLDER = (
    r"(?:The|A|An|His|Her|Its|Their|Our|This|That|These|Those|As|When|After|Before|But|And|Or|So|On|In|At|For|With|"
    r"While|If|Then|Since|Under|By|From|Meanwhile|Now|Democratic|Republican|Incumbent|Monday|Tuesday|Wednesday|"
    rf"Thursday|Friday|Saturday|Sunday|{_RANK_CAPITALISED})\b"
)
# Whose role it is: capitalised words that are no role word ("Kazakhstan", "the United Kingdom", "Tesla", "U.S.").
_WORD = r"(?!" + _ROLE + r"|" + _NOT_HOLDER + r")[A-Z][\w.&'’-]*"
_NAME = rf"{_WORD}(?:\s+(?:of\s+|&\s+)?{_WORD}){{0,3}}"
_POSSESSIVE = r"['’]s?"
_HOLDER = rf"(?P<lead>{_LEADING_MODS})(?:(?P<poss>{_NAME}){_POSSESSIVE}\s+|(?P<adj>{_NAME})\s+)?(?P<mods>{_MODS})"
# A role's end that is not another name's title: not "President Vladimir Putin's spokesman", "French President
# Emmanuel Macron" or "the president's official residence" after a name.
_ENDS = r"(?!['’]s\b)(?!\s+[A-Z])"

# "Who is/was ... ROLE (of Y)?" and its word orders.
_ASKED = re.compile(
    r"^\W*(?i:who(?:\s+(?P<verb>is|was|are|were|will\s+be|would\s+be|became|becomes|has\s+become)|['’]s)\s+"
    # "What is the name of the mayor ...?" asks as "Who is the mayor ...?"
    r"(?:the\s+)?|what(?:['’]s|\s+(?P<named>is|was))\s+the\s+name\s+of\s+the\s+)"
    rf"{_HOLDER}(?P<role>{_ROLE})"
    rf"(?:\s+(?i:of|at|for|in|to)\s+(?i:the\s+)?(?P<of>{_NAME}|[a-z][\w'’-]*))?"
    r"(?:\s+(?i:now|today|currently|right\s+now|at\s+the\s+moment))?"
    # and a clause that tells which one ("the mayor who was to celebrate her birthday"), of no place
    r"(?:\s+(?i:who|that)\s+[^?]+)?\s*\??\s*$"
)
# The title before a name: "Kazakhstan's President ", "British Prime Minister ", "the president of France, ".
_BEFORE = re.compile(
    rf"(?<![\w'’-]){_HOLDER}(?P<role>{_ROLE})"
    rf"(?:\s+(?:of|at|for|to)\s+(?:the\s+)?(?P<of>{_NAME}))?\s*,?\s+$"
)
# The title after a name: ", the French president", " is the United Kingdom's latest prime minister".
_AFTER = re.compile(
    r"(?:\s*,\s*(?:who\s+is\s+)?|\s+(?P<verb>is|was|has\s+been|became|remains)\s+)(?:the\s+|a\s+|an\s+)?"
    rf"{_HOLDER}(?P<role>{_ROLE}){_ENDS}"
    rf"(?:\s+(?:of|at|for|to)\s+(?:the\s+)?(?P<of>{_NAME}){_ENDS})?"
)
# "his Belarusian counterpart ": the role of an earlier title before a name (_TITLE), held for another place.
_COUNTERPART = re.compile(rf"(?<![\w'’-])(?i:his|her|their|the)\s+(?P<adj>{_NAME})\s+(?i:counterpart)\s*,?\s+$")
_TITLE = re.compile(rf"(?<![\w-])(?P<role>{_ROLE})(?=\s+[A-Z])")
# How far before a name its title may start (characters): a title is a few words.
_REACH = 80
# A question's lower-case "of ...", naming a kind rather than whose role it is: "the president of the club".
_GENERIC_HOLDERS = frozenset(
    ["country", "company", "club", "city", "party", "firm", "world", "team", "state", "organization", "group"]
    + ["organisation", "nation", "league", "union", "government", "county", "region", "university", "school", "bank"]
)


@dataclass(frozen=True)
class Role:
    """A role as a question asks for it or a sentence gives it: its words ("prime minister", "ceo"), whom it is held
    for ("Kazakhstan", "the United Kingdom", "Tesla"; None when not said) and its rank words ("deputy", "former")."""

    words: str
    of: str | None = None
    rank: frozenset[str] = frozenset()
    past: bool = False  # asked with "who was": a former holder answers too
    # the role as the question words it, for a message ("the president of Kazakhstan", "Tesla's CEO")
    phrase: str = field(default="", compare=False)


def _role_words(text: str) -> str:
    """A role's words as matched by _ROLE, in one form ("Chief Executive Officer" -> "ceo", "Gov." -> "governor")."""
    words = re.sub(r"[\s-]+", " ", text.lower().rstrip("."))
    return _SAME_ROLE.get(words, words)


def _role(m: re.Match[str], past: bool = False) -> Role:
    """The role a match of _ASKED, _BEFORE or _AFTER reads; "X was the president" is a former one."""
    of = m["of"] or m["poss"] or m["adj"]
    if of is not None:
        of = re.sub(r"^the\s+", "", of.strip(), flags=re.I)
        of = re.sub(r"(?<=[a-z]{2})\.$", "", of)  # a sentence's full stop, not an acronym's ("U.S.")
    mods = f"{m['lead'] or ''} {m['mods'] or ''}".lower()
    rank = {w for w in re.split(r"[\s-]+", mods) if w in _OTHER_RANK}
    verb = (m.groupdict().get("verb") or "").lower()
    if verb == "was" and not past:
        rank.add("former")  # "Nazarbayev was president of Kazakhstan until 2019"
    return Role(_role_words(m["role"]), of or None, frozenset(rank), past)


def asked_role(question: str) -> Role | None:
    """The role a question asks the holder of ("Who is the president of Kazakhstan?" -> president of Kazakhstan),
    or None."""
    m = _ASKED.match(undotted(question.strip()))
    if m is None:
        return None
    start = next(m.start(g) for g in ("lead", "poss", "adj", "mods", "role") if m[g])
    phrase = m.string[start : m.end("of") if m["of"] else m.end("role")]
    past = (m["verb"] or m["named"] or "").lower() in ("was", "were")
    role = replace(_role(m, past), phrase=phrase if m["poss"] else f"the {phrase}")
    if role.of is not None and role.of.lower() in _GENERIC_HOLDERS:
        return replace(role, of=None)
    return role


def given_role(sentence: str, ent: Entity) -> Role | None:
    """The role a sentence gives the entity in the words attached to it (a title before it, an apposition or a
    copula after it), or None."""
    window = max(0, ent.start - _REACH)
    before = _BEFORE.search(sentence[window : ent.start])
    if before is not None:
        role = _role(before)
        if ent.text.lower().startswith("emeritus"):  # "Pope Emeritus Benedict": a former pope
            role = replace(role, rank=role.rank | {"former"})
        return role
    counterpart = _COUNTERPART.search(sentence[window : ent.start])
    if counterpart is not None:
        # "Russian President Vladimir Putin and his Belarusian counterpart Alexander Lukashenko": the role of the
        # title before it, for the place the counterpart's words name
        titles = list(_TITLE.finditer(sentence[: window + counterpart.start()]))
        if titles and counterpart["adj"]:
            return Role(_role_words(titles[-1]["role"]), counterpart["adj"])
    after = _AFTER.match(sentence, ent.end)
    return _role(after) if after is not None else None


# How well a title fits the asked role (``role_fit``), best first.
SAME_ROLE = 2  # the asked role, for the asked holder when both say whom for
HOLDER_UNSAID = 1  # the asked role, its holder not said ("Mayor Ottilie Brennan" for "the mayor of Larkspur Bay")
NO_ROLE = 0  # another role, or none given
OTHER_HOLDER = -1  # the asked role words for another holder ("Russia's President" for "the president of Kazakhstan")
OTHER_RANK = -2  # the asked role words of another rank ("Deputy Prime Minister" for "the prime minister")
FORMER = -3  # the asked role, held before ("former CEO Parag Agrawal"): against a name unless newer news says more
# A country's head of state or government: a bare "President Joe Biden" in a story about Poland is no sign that he
# is Poland's (news names another country's leader with the country: "Polish President Andrzej Duda").
_NATIONAL = frozenset(["president", "prime minister", "premier", "chancellor", "king", "queen", "monarch", "emperor"])


def role_fit(asked: Role, given: Role | None) -> int:
    """How well the given role fits the asked one: ``SAME_ROLE`` (the same words and rank, held for the asked place
    or company when both say whom for), ``HOLDER_UNSAID`` (the same words and rank; the question says whom for, the
    title does not, "Mayor Ottilie Brennan" in a story about her town; never for a country's leader),
    ``OTHER_HOLDER`` (the same words for another holder), ``FORMER`` (a former holder, for a question that asks who
    holds it: "former president"), ``OTHER_RANK`` (another rank: "Deputy Prime Minister" for "the prime minister"),
    else ``NO_ROLE``. A "who was" question takes a former holder as the same; the holders
    compare as names do ("UK" and "British" are one, ``rag/names.py``)."""
    if given is None or (given.words != asked.words and given.words not in _BOSS_OF.get(asked.words, ())):
        return NO_ROLE
    if asked.of is not None and given.of is not None and not same_name(asked.of, given.of):
        return OTHER_HOLDER
    differ = (given.rank ^ asked.rank) - (_TEMPORAL if asked.past else frozenset())
    if differ:
        return FORMER if differ <= _TEMPORAL and not asked.rank & _TEMPORAL else OTHER_RANK
    if asked.of is not None and given.of is None:
        return NO_ROLE if asked.words in _NATIONAL else HOLDER_UNSAID
    return SAME_ROLE


_MISLABELLED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"})
_PERSON_LIKE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")


def titled_people(asked: Role, sentence: str, analysed: Analysed) -> Analysed:
    """The sentence's entities with a name of two to four capitalised words that the asked role's title precedes
    relabelled PERSON ("Kazakhstan's President Kassym-Jomart Tokayev" is ORG to the small model)."""
    ents = tuple(
        replace(e, label="PERSON")
        if e.label in _MISLABELLED
        and _PERSON_LIKE.fullmatch(e.text)
        and role_fit(asked, given_role(sentence, e)) > NO_ROLE
        else e
        for e in analysed.entities
    )
    return analysed if ents == analysed.entities else replace(analysed, entities=ents)


def another_role(noun: str, given: Role | None, question: str = "") -> bool:
    """Whether a sentence's title for a name (``given_role``) is an office that the person noun a question asks for
    is not: "Which judge ordered ...?" is not answered by "Australia's immigration minister Alex Hawke", nor "Which
    senators voted against ...?" by "President Joe Biden" (a senator may be the majority leader, so only offices
    that no holder of the asked one holds too: ``_OTHER_OFFICES``). A culprit of a violent crime asked ("Who is the
    suspect in the killing?", ``question``) is not an office holder named with their title ("Okinawa Gov. Takeshi
    Onaga"), unless a former one. A name without a title, or with one this module does not know, is never
    refused."""
    refused = refused_offices(noun, question)
    if given is None or refused is None:
        return False
    offices, former_pass = refused
    return given.words in offices and not (former_pass and given.rank & _TEMPORAL)


def refused_offices(noun: str, question: str = "") -> tuple[frozenset[str], bool] | None:
    """The offices whose holders ``another_role`` refuses for the asked person noun, and whether a former holder
    passes; None where it refuses none (a caller asks this once per question, ``given_role`` per name only then)."""
    asked = noun.strip().lower()
    asked = asked[:-1] if asked.endswith("s") and not asked.endswith("ss") else asked  # "senators" -> "senator"
    if asked in _VIOLENT_CULPRITS or (asked in _CULPRITS and _VIOLENT_CRIME.search(question)):
        return _OFFICES, True
    others = _OTHER_OFFICES.get(asked)
    return (others, False) if others is not None else None


# political offices and their spokespeople: named with their title, they speak of a crime, as a rule
_OFFICES = frozenset(
    ["president", "vice president", "prime minister", "premier", "chancellor", "minister", "foreign minister"]
    + ["finance minister", "defence minister", "health minister", "interior minister", "first minister"]
    + ["secretary of state", "foreign secretary", "home secretary", "secretary", "secretary-general"]
    + ["attorney general", "governor", "mayor", "senator", "representative", "speaker", "ambassador"]
    + ["spokesperson", "spokesman", "spokeswoman", "commissioner", "king", "queen", "pope", "majority leader"]
    + ["minority leader"]
)
# for an asked office, the offices that are others ("which senator": not the president; the majority leader is one)
_OTHER_OFFICES: dict[str, frozenset[str]] = {
    "judge": _OFFICES,
    "justice": _OFFICES,
    "senator": _OFFICES - {"senator", "majority leader", "minority leader"},
    "governor": _OFFICES - {"governor"},
    "mayor": _OFFICES - {"mayor"},
}
# who did a crime: of a violent one by their name, or by a crime the question names ("the suspect in the killing";
# not "the suspect in the bribery case": an office holder may be it)
_VIOLENT_CULPRITS = frozenset(["gunman", "shooter", "killer", "attacker", "assailant", "hijacker", "kidnapper"])
_VIOLENT_CULPRITS |= {"murderer", "bomber", "stabber"}
_CULPRITS = frozenset(["suspect", "culprit", "perpetrator", "ringleader"])
_VIOLENT_CRIME = re.compile(
    r"\b(?:kill(?:ing|ed)?|murder(?:ed|s)?|shooting|shot|stabbing|stabbed|attack(?:ed|s)?|assault(?:ed)?|bombing|"
    r"kidnapping|kidnapped|massacre|slaying|slain)\b",
    re.I,
)
