"""Who said it: "What did Lukashenko say about universities?" is answered by Lukashenko's words, not by the sentence
in which an expert "told Izvestia that the negotiations between Putin and Lukashenko help avoid discord".

A question that asks what a named person said (``asked_speaker``: "what did/does/has X say / tell / think / claim /
announce / warn ...") is answered only by sentences whose words are that person's or may be. ``speaker`` reads who
a sentence says is speaking: the name before a verb of saying ("Russian Prime Minister Mikhail Mishustin said",
"Denis Denisov, told Izvestia", "Mishustin also expressed regret"), after it ("..., said John Kirby") or after
"according to"; a pronoun or a bare title ("he explained", "the Russian Prime Minister added", "The Chairman of the
Government ... summed up") names no one, and neither does a sentence that reports no speech. ``attributed`` gives
such a sentence the speaker of the nearest sentence before it in its article that names one ("First of all, according
to Mishustin, ..." makes the next paragraph's "For example, ..." his). Only a sentence attributed to the one asked
about answers: one whose words are someone else's, or no one's that can be told ("a telephone conversation took
place between Putin and Lukashenko" says nothing either of them said), does not.

Patterns over the text, not a parse: the small spaCy pipeline runs without its parser (``rag/nlp.py``), and a
sentence's speaker is read by the same few forms in every news article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.names import TITLES, bare, mentions, place_forms, same_name

# the verbs of a question that asks for someone's words
_ASKED_VERBS = (
    r"say|said|saying|tell|told|telling|think|thinks|thought|claim|claimed|argue|argued|announce|announced|write|"
    r"wrote|warn|warned|add|added|suggest|suggested|propose|proposed|promise|promised|reveal|revealed|admit|admitted|"
    r"explain|explained|stress|stressed|tweet|tweeted|post|posted|predict|predicted"
)
_ASKED = re.compile(
    rf"\bwhat\s+(?:did|does|do|has|have|had|will|would|is|was|were)\s+(?P<who>[^?]+?)\s+(?:{_ASKED_VERBS})\b", re.I
)
# the verbs with which news reports speech, in the forms a sentence uses them
_SAYING = (
    r"said|says|told|tells|added|adds|noted|explained|explains|stated|argued|argues|warned|warns|claimed|insisted|"
    r"insists|wrote|writes|announced|announces|declared|declares|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    r"suggested|suggests|reported|recalled|acknowledged|admitted|urged|urges|tweeted|posted|expressed|cited|"
    r"concluded|summed\s+up|predicted|predicts|believes|asserted|replied|confirmed|confirms|vowed|vows|pledged|"
    r"promised|denied|denies|revealed"
)  # not "states", "notes", "claims", "reports": nouns as often as verbs
_SAYING_VERB = re.compile(rf"\b(?:{_SAYING})\b")
# the verbs news puts before their speaker ("“...,” said John Kirby"; "Denis Denisov, told Izvestia" is not one)
_INVERTED = re.compile(r"said|says|added|adds|wrote|writes|explained|noted|continued|stressed|warned|asked")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
# adverbs between a subject and its verb ("Mishustin also expressed regret")
_ADVERB = r"(?:also|then|later|previously|further|again|recently|repeatedly|once|had|has|have|was|is|would|will)"
_PRONOUN = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_NAME_WORD = r"[A-Z][\w'’.-]*"
_CONNECTOR = r"(?:of|the|de|da|bin|van|von|al|del|la|le|and|&)"
# a run of capitalised words (with the small words inside names: "Bank of England", "Luiz Inacio Lula da Silva")
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_NAME_WORD})*")
_RUN_AT_END = re.compile(rf"(?:{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_NAME_WORD})*)$")
# ", an expert at the Financial University," between a name and its verb
_APPOSITION_AT_END = re.compile(r",[^,;:\"“”]{1,80},\s*$")

UNKNOWN = ""  # a sentence whose speaker cannot be told (a pronoun, a title, no speech at all)


def asked_speaker(question: str, names: Sequence[str]) -> str | None:
    """The name whose words the question asks for ("What did Mishustin say about universities?" -> "Mishustin");
    None for any other question, or when the one asked about is not named ("What did he say?")."""
    m = _ASKED.search(question)
    if m is None:
        return None
    who = m.group("who")
    inside = [n for n in names if n in who]
    return max(inside, key=len) if inside else None


def _title_only(run: str) -> bool:
    """Whether a run of capitalised words is a title or a nationality, not a name ("Russian Prime Minister")."""
    words = [w.strip(".,'’").lower() for w in run.split() if w.lower() not in ("of", "the", "and", "&")]
    return all(w in TITLES or w in _ROLE_WORDS or (w and place_forms(w.capitalize())) for w in words)


# Words of a person's title (besides ``TITLES``): "the Russian Prime Minister added" names no one but the one it
# titles, whom the sentences before name; "the ministry said", "officials warned", "his spokesman said" name
# someone else.
_ROLE_WORDS = frozenset(
    ["minister", "president", "chairman", "chairwoman", "head", "deputy", "foreign", "defence", "defense", "vice"]
    + ["federal", "state", "house", "white", "press", "secretary", "mr", "mrs", "ms", "dr"]
)


def _name_in(run: str) -> str:
    """The name a run of capitalised words gives, its leading titles and nationality dropped ("Russian Prime Minister
    Mikhail Mishustin" -> "Mikhail Mishustin"); "" when it is only a title, or a title of something ("The Chairman of
    the Government of the Russian Federation"; "Secretary of State Antony Blinken" keeps the name at its end)."""
    words = run.split()
    titled = False
    while words and (words[0].lower() in ("the", "of") or _title_only(words[0])):
        titled = titled or words[0].lower() not in ("the", "of")
        if words[0].lower() == "of" and titled:
            rest = words[1:]
            while rest and (rest[0].lower() == "the" or _title_only(rest[0])):
                rest = rest[1:]
            # "Secretary of State Antony Blinken" names him; "Chairman of the Government (of ...)" names no one
            return " ".join(rest) if len(rest) >= 2 and not any(w.lower() in ("of", "the") for w in rest) else ""
        words = words[1:]
    return " ".join(words)


def _after(text: str) -> str:
    """The speaker named after a verb of saying or "according to" (up to the next punctuation): the first name
    there that is not only a title ("said White House spokesman John Kirby"); ``UNKNOWN`` for a pronoun or a title
    alone."""
    segment = re.split(r"[,.;:!?”\"(]", text, maxsplit=1)[0][:80]
    if re.match(r"\s*(?:he|she|they|we|i)\b", segment, re.I):
        return UNKNOWN
    names = [_name_in(run.group(0)) for run in _NAME_RUN.finditer(segment)]
    names = [n for n in names if n]
    if names:
        return names[0]  # the first name after the verb: "said harbour master Jonas Lind on Monday"
    last = re.findall(r"[a-z]+", segment)
    return last[-1] if last and last[-1] not in TITLES and last[-1] not in _ROLE_WORDS else UNKNOWN


def _before(head: str) -> str:
    """The speaker named before a verb of saying: "Russian Prime Minister Mikhail Mishustin said", "Denis Denisov,
    told", "Mishustin also expressed"; ``UNKNOWN`` for a pronoun or a title ("he explained", "the Russian Prime
    Minister added", "The Chairman of the Government of the Russian Federation summed up")."""
    head = re.sub(rf"(?:\s+(?:{_ADVERB}|\w+ly))+$", "", head.rstrip())  # "The department initially said"
    if head.endswith(","):
        if m := _APPOSITION_AT_END.search(head):
            inner = m.group(0).strip(" ,")
            if _NAME_RUN.fullmatch(inner) and _name_in(inner):
                return _name_in(inner)  # "An expert at the Financial University, Denis Denisov, told"
            head = head[: m.start()]  # "Denis Denisov, an expert at the Financial University, told"
        head = head.rstrip(" ,")
    last = re.search(r"[\w'’.-]+$", head)
    if last is None:
        return UNKNOWN
    word = last.group(0).lower()
    if word in _PRONOUN or word in TITLES or word in _ROLE_WORDS:
        return UNKNOWN
    run = _RUN_AT_END.search(head)
    if run is None:
        return word  # "officials said", "experts warned": someone, not the one asked about
    prefix = head[: run.start()].rstrip().lower()
    if prefix.endswith(" of") or prefix == "of" or re.search(r"\bof\s+the$", prefix):
        return UNKNOWN  # a title's "of ...": "The Chairman of the Government ... summed up"
    return _name_in(run.group(0))


def speaker(sentence: str) -> str:
    """Who the sentence says is speaking: a name (or the word for whoever it is: "officials"); ``UNKNOWN`` ("")
    for a pronoun, a bare title, or a sentence that reports no speech."""
    if m := _ACCORDING.search(sentence):
        rest = re.sub(r"^the\s+", "", sentence[m.end() :], flags=re.I)
        if said := _after(" " + rest):
            return said
    for verb in _SAYING_VERB.finditer(sentence):
        before = sentence[: verb.start()].rstrip()
        said = UNKNOWN
        if not before or (re.search(r"[,”\"’]$", before) and _INVERTED.fullmatch(verb.group(0))):
            after = sentence[verb.end() :]
            said = _after(after)  # "“...,” said John Kirby", "..., said the ministry"
            if said.islower() and not re.match(r"\s*the\s", after, re.I):
                said = UNKNOWN  # "Putin, the Russian president, said nothing": not the speaker after the verb
        if not said and before:
            said = _before(before)
        if said:
            return said
    return UNKNOWN


def same_speaker(asked: str, said: str) -> bool:
    """Whether the speaker a sentence names is the one asked about ("Mikhail Mishustin" for "Mishustin")."""
    if not said:
        return False
    a, s = bare(asked), bare(said)
    return same_name(a, s) or mentions(s.lower(), a, person=True) or mentions(a.lower(), s, person=True)


def attributed(sentences_before: Sequence[str], sentence: str) -> str:
    """The speaker of ``sentence`` in its article: its own, else that of the nearest sentence before it that names
    one ("he noted", "the Russian Prime Minister added" and a paragraph that reports no speech continue the last
    named speaker's words); ``UNKNOWN`` when none of them does."""
    if own := speaker(sentence):
        return own
    for before in reversed(sentences_before):
        if said := speaker(before):
            return said
    return UNKNOWN
