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
from collections.abc import Callable
from dataclasses import dataclass, field, replace

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
        + ["sen", "rep"]
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
# Words before a role that make it another one: a deputy prime minister is not the prime minister, nor is a former
# president the president. "new", "current", "latest" and the like change nothing.
_OTHER_RANK = frozenset(
    ["deputy", "vice", "former", "ex", "assistant", "associate", "shadow", "late", "then", "acting"]
)
_MODIFIER = r"(?i:deputy|vice|former|ex|assistant|associate|shadow|late|then|acting|interim|new|current|latest|incoming|outgoing|longtime|newly\s+elected|elected|first|sitting)"
# A qualifier: capitalised words that are no role word ("Kazakhstan", "the United Kingdom", "Tesla", "U.S.").
_WORD = r"(?!" + _ROLE + r"|(?:The|A|An|His|Her|Its|Their|Our|This|That)\b)[A-Z][\w.&'’-]*"
_NAME = rf"{_WORD}(?:\s+(?:of\s+|and\s+|&\s+)?{_WORD}){{0,3}}"
_POSSESSIVE = r"['’]s?"

# "Who is/was ... ROLE (of Y)?" and its word orders.
_ASKED = re.compile(
    r"^\W*(?i:who(?:\s+(?:is|was|are|were|will\s+be|would\s+be|became|becomes|has\s+become)|['’]s)\s+(?:the\s+)?)"
    rf"(?:(?P<poss>{_NAME}){_POSSESSIVE}\s+|(?P<adj>{_NAME})\s+)?"
    rf"(?P<mods>(?:{_MODIFIER}[\s-]+){{0,2}})"
    rf"(?P<role>{_ROLE})"
    rf"(?:\s+(?i:of|at|for|in)\s+(?i:the\s+)?(?P<of>{_NAME}|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,2}}))?"
    r"(?:\s+(?i:now|today|currently|right\s+now|at\s+the\s+moment))?\s*\??\s*$"
)
# The title before a name: "Kazakhstan's President ", "British Prime Minister ", "the president of France, ".
_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:(?P<poss>{_NAME}){_POSSESSIVE}\s+|(?P<adj>{_NAME})\s+)?"
    rf"(?P<mods>(?:{_MODIFIER}[\s-]+){{0,2}})"
    rf"(?P<role>{_ROLE})"
    rf"(?:\s+(?:of|at|for)\s+(?:the\s+)?(?P<of>{_NAME}))?\s*,?\s+$"
)
# The title after a name: ", the French president", " is the United Kingdom's latest prime minister".
_AFTER = re.compile(
    r"(?:\s*,\s*(?:who\s+is\s+)?|\s+(?:is|was|has\s+been|became|remains)\s+)(?:the\s+|a\s+|an\s+)?"
    rf"(?:(?P<poss>{_NAME}){_POSSESSIVE}\s+|(?P<adj>{_NAME})\s+)?"
    rf"(?P<mods>(?:{_MODIFIER}[\s-]+){{0,2}})"
    rf"(?P<role>{_ROLE})"
    rf"(?:\s+(?:of|at|for)\s+(?:the\s+)?(?P<of>{_NAME}))?"
)
# "his Belarusian counterpart ": the role of an earlier title (_TITLE) in the sentence, held for another place.
_COUNTERPART = re.compile(rf"(?<![\w'’-])(?i:his|her|their|the)\s+(?P<adj>{_NAME})\s+(?i:counterpart)\s*,?\s+$")
_TITLE = re.compile(rf"(?<![\w-])(?P<mods>)(?P<role>{_ROLE})(?P<of>)(?P<poss>)(?P<adj>)")
# How far before a name its title may start (characters): a title is a few words.
_REACH = 80


@dataclass(frozen=True)
class Role:
    """A role as a question asks for it or a sentence gives it: its words ("prime minister", "ceo"), whom it is held
    for ("Kazakhstan", "the United Kingdom", "Tesla"; None when not said) and its rank words ("deputy", "former")."""

    words: str
    of: str | None = None
    rank: frozenset[str] = frozenset()
    # the role as the question words it, for a message ("the president of Kazakhstan", "Tesla's CEO")
    phrase: str = field(default="", compare=False)


def _role(m: re.Match[str]) -> Role:
    words = re.sub(r"[\s-]+", " ", m["role"].lower().rstrip("."))
    words = "secretary-general" if words == "secretary general" else words
    of = m["of"] or m["poss"] or m["adj"]
    if of is not None:
        of = re.sub(r"^the\s+", "", of.strip(), flags=re.I)
    rank = frozenset(w for w in re.split(r"[\s-]+", (m["mods"] or "").lower()) if w in _OTHER_RANK)
    return Role(_SAME_ROLE.get(words, words), of or None, rank)


def asked_role(question: str) -> Role | None:
    """The role a question asks the holder of ("Who is the president of Kazakhstan?" -> president of Kazakhstan),
    or None."""
    m = _ASKED.match(undotted(question.strip()))
    if m is None:
        return None
    start = next(m.start(g) for g in ("poss", "adj", "mods", "role") if m[g])
    phrase = m.string[start : m.end("of") if m["of"] else m.end("role")]
    role = replace(_role(m), phrase=phrase if m["poss"] else f"the {phrase}")
    if role.of is not None and not re.search(r"[A-Z]", role.of):
        return replace(role, of=None) if role.of.lower() in ("country", "company", "world", "team") else role
    return role


def given_role(sentence: str, ent: Entity) -> Role | None:
    """The role a sentence gives the entity in the words attached to it (a title before it, an apposition or a
    copula after it), or None."""
    window = max(0, ent.start - _REACH)
    before = _BEFORE.search(sentence[window : ent.start])
    if before is not None:
        return _role(before)
    counterpart = _COUNTERPART.search(sentence[window : ent.start])
    if counterpart is not None:
        # "Russian President Vladimir Putin and his Belarusian counterpart Alexander Lukashenko": the role of the
        # title before it, for the place the counterpart's words name
        titles = list(_TITLE.finditer(sentence[: window + counterpart.start()]))
        if titles and counterpart["adj"]:
            return Role(_role(titles[-1]).words, counterpart["adj"])
    after = _AFTER.match(sentence, ent.end)
    return _role(after) if after is not None else None


# How well a title fits the asked role (``role_fit``), best first.
SAME_ROLE = 2  # the asked role, for the asked holder when both say whom for
HOLDER_UNSAID = 1  # the asked role, its holder not said ("Mayor Ottilie Brennan" for "the mayor of Larkspur Bay")
NO_ROLE = 0  # another role, or none given
OTHER_ROLE = -1  # the asked role words for another holder or of another rank


def role_fit(asked: Role, given: Role | None, same: Callable[[str, str], bool]) -> int:
    """How well the given role fits the asked one: ``SAME_ROLE`` (the same words and rank, held for the asked place
    or company when both say whom for), ``HOLDER_UNSAID`` (the same words and rank; the question says whom for, the
    title does not: "President Obama" for "the president of France" as much as "Mayor Ottilie Brennan" in a story
    about her town), ``OTHER_ROLE`` (the same words for another holder or of another rank: "Russia's President" for
    "the president of Kazakhstan", "Deputy Prime Minister" for "the prime minister"), else ``NO_ROLE``. ``same``
    tells whether two names name one thing ("UK" and "British")."""
    if given is None or given.words != asked.words:
        return NO_ROLE
    if given.rank - asked.rank:
        return OTHER_ROLE
    if asked.of is not None and given.of is not None and not same(asked.of, given.of):
        return OTHER_ROLE
    if asked.of is not None and given.of is None:
        return HOLDER_UNSAID
    return SAME_ROLE


_MISLABELLED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"})
_PERSON_LIKE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")


def titled_people(asked: Role, sentence: str, analysed: Analysed, same: Callable[[str, str], bool]) -> Analysed:
    """The sentence's entities with a name of two to four capitalised words that the asked role's title precedes
    relabelled PERSON ("Kazakhstan's President Kassym-Jomart Tokayev" is ORG to the small model)."""
    ents = tuple(
        replace(e, label="PERSON")
        if e.label in _MISLABELLED
        and _PERSON_LIKE.fullmatch(e.text)
        and role_fit(asked, given_role(sentence, e), same) > NO_ROLE
        else e
        for e in analysed.entities
    )
    return analysed if ents == analysed.entities else replace(analysed, entities=ents)
