"""Questions that ask two things at once: "When and where did Putin and Lukashenko meet?", "Who is Denis Denisov
and what did he tell Izvestia?", "What did Mishustin say about universities and about oil prices?".

Each part is answered on its own (``ExtractiveAnswerer.draft``), so that an answer says which part the articles
don't cover instead of abstaining on the whole question, or quoting for one part only. Patterns over the words, not a
parse, and only where the split is unambiguous: a question with any other shape is one part.
"""

from __future__ import annotations

import re

from rag.text import AUXILIARY

_WH = r"(?:who|whom|whose|what|when|where|why|how|which)"
_AUX = AUXILIARY
_ASKS = rf"(?:{_WH}|{_AUX})\b"  # how a question opens

# "When and where did ...", "Who, what and why ...": the question words share the rest of the question, which goes on
# with its verb ("What and how much did he say" is no list: "how much" asks on its own)
_WH_LIST = re.compile(rf"^\s*(?P<words>{_WH}(?:\s*,\s*{_WH})*\s*,?\s+and\s+{_WH})\s+(?P<rest>{_AUX}\s+\S.*)$", re.I)
# "Who is Denis Denisov and what did he tell Izvestia?", "Who won the cup? Who did they beat?", "Which team won and
# how many goals did it score?": a second question (a question word, then its verb) after the first; not a clause
# with its own subject ("what he will do about it")
_PRONOUN = r"(?:he|she|they|it|we|you|i|him|her|them)"
_CLAUSES = re.compile(
    rf"^\s*(?P<a>{_WH}\b[^?]*?)(?:\?\s*(?:and\s+)?|\s*,?\s+and\s+)"
    rf"(?P<b>{_WH}\b(?:\s+(?!{_PRONOUN}\b)[\w'’-]+){{0,3}}?\s+{_AUX}\b[^?]*\?*)\s*$",
    re.I,
)
# "What did X say about A and (about) B?": two short topics after "about", at the question's end
_TOPIC = r"(?:[\w'’.-]+\s+){0,3}[\w'’.-]+"
_ABOUT = re.compile(
    rf"^\s*(?P<head>{_ASKS}[^?]*?\babout)\s+(?P<a>{_TOPIC})\s*,?\s+and\s+(?P<again>about\s+)?(?P<b>{_TOPIC})\s*\?*\s*$",
    re.I,
)
_OTHER_WH = re.compile(rf"\b{_WH}\b|\bthat\b", re.I)
_JOINED = re.compile(r"\b(?:between|and|about|both)\b", re.I)  # "the war between Israel and Hamas" is one topic
# The second part's subject, a pronoun for someone the first part names: "Who is Denis Denisov and what did he
# tell Izvestia?" asks what Denis Denisov told Izvestia.
_SUBJECT_PRONOUN = re.compile(rf"^(?P<ask>{_WH}\s+{_AUX})\s+(?:he|she|they)\b", re.I)
# (not a name after "the": "Who won the Tromsvik election and what did she promise?" names no one "she" is)
_NAME = re.compile(r"(?<!^)(?<![.?!]\s)(?<!\bthe\s)(?<!\bThe\s)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


def question_parts(question: str) -> list[str]:
    """The questions ``question`` asks, each as a question of its own; ``[question]`` when it asks one thing."""
    if m := _WH_LIST.match(question):
        words = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m["words"])
        rest = m["rest"].strip()
        return [_question(f"{w.capitalize()} {rest}") for w in dict.fromkeys(w.lower() for w in words)]
    if (
        (m := _CLAUSES.match(question))
        and len(m["a"].split()) > 1
        and not _OTHER_WH.search(m["a"], pos=len(m["a"].split()[0]))
    ):
        # not when the first part holds a relative clause ("the man who won and who ...": one question), nor when
        # it is a bare question word ("What and how much did he say?")
        second = m["b"]
        names = _NAME.findall(m["a"])
        if len(names) == 1 and (said := _SUBJECT_PRONOUN.match(second)):
            second = f"{said['ask']} {names[0]}{second[said.end() :]}"
        return [_question(m["a"]), _question(second)]
    if (m := _ABOUT.match(question)) and _separate_topics(m["a"], m["b"], bool(m["again"]), m["head"]):
        head = m["head"].strip()
        return [_question(f"{head} {m['a']}"), _question(f"{head} {m['b']}")]
    return [question]


def _separate_topics(a: str, b: str, again: bool, head: str) -> bool:
    """Whether "about A and B" asks about two things: always with "about" again ("about A and about B"); otherwise
    not a pair of single words ("supply and demand", "Barnes and Noble"), nor one word before a longer topic that
    shares its head ("oil and gas prices"), nor a relation ("the war between Israel and Hamas")."""
    if a.lower() == b.lower() or _OTHER_WH.search(f"{a} {b}") or _JOINED.search(f"{a} {b}"):
        return False
    if len(re.findall(r"\babout\b", head, re.I)) > 1:
        return False  # three topics or more: left whole
    if again:
        return True
    return len(a.split()) > 1 and not re.search(r"\bbetween\s*$", head, re.I)


def _question(text: str) -> str:
    text = text.strip().rstrip("?").strip()
    return f"{text[:1].upper()}{text[1:]}?"
