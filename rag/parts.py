"""Questions that ask two things at once: "When and where did Putin and Lukashenko meet?", "Who is Denis Denisov
and what did he tell Izvestia?", "What did Mishustin say about universities and about oil prices?".

Each part is answered on its own (``ExtractiveAnswerer.draft``), so that an answer says which part the articles
don't cover instead of abstaining on the whole question, or quoting for one part only. Patterns over the words, not a
parse, and only where the split is unambiguous: a question with any other shape is one part.
"""

from __future__ import annotations

import re

_WH = r"(?:who|whom|whose|what|when|where|why|how|which)"
_AUX = r"(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|may|might)"
_ASKS = rf"(?:{_WH}|{_AUX})\b"  # how a question opens

# "When and where did ...", "Who, what and why ...": the question words share the rest of the question
_WH_LIST = re.compile(rf"^\s*(?P<words>{_WH}(?:\s*,\s*{_WH})*\s*,?\s+and\s+{_WH})\s+(?P<rest>\S.*)$", re.I)
# "Who is Denis Denisov and what did he tell Izvestia?", "Who won the cup? Who did they beat?", "Which team won and
# how many goals did it score?": a second question (a question word, then its verb) after the first
_CLAUSES = re.compile(
    rf"^\s*(?P<a>{_WH}\b[^?]*?)(?:\?\s*(?:and\s+)?|\s*,?\s+and\s+)(?P<b>{_WH}\b(?:\s+[\w'’-]+){{0,3}}?\s+{_AUX}\b[^?]*\?*)\s*$",
    re.I,
)
# "What did X say about A and (about) B?": two short topics after "about", at the question's end
_TOPIC = r"(?:[\w'’.-]+\s+){0,3}[\w'’.-]+"
_ABOUT = re.compile(
    rf"^\s*(?P<head>{_ASKS}[^?]*?\babout)\s+(?P<a>{_TOPIC})\s*,?\s+and\s+(?:about\s+)?(?P<b>{_TOPIC})\s*\?*\s*$", re.I
)
_OTHER_WH = re.compile(rf"\b{_WH}\b|\bthat\b", re.I)


def question_parts(question: str) -> list[str]:
    """The questions ``question`` asks, each as a question of its own; ``[question]`` when it asks one thing."""
    if m := _WH_LIST.match(question):
        words = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m["words"])
        rest = m["rest"].strip()
        return [_question(f"{w.capitalize()} {rest}") for w in dict.fromkeys(w.lower() for w in words)]
    if (m := _CLAUSES.match(question)) and not _OTHER_WH.search(m["a"], pos=len(m["a"].split()[0])):
        # not when the first part holds a relative clause ("the man who won and who ...": one question)
        return [_question(m["a"]), _question(m["b"])]
    if (
        (m := _ABOUT.match(question))
        and m["a"].lower() != m["b"].lower()
        and not _OTHER_WH.search(m["a"] + " " + m["b"])
    ):
        head = m["head"].strip()
        return [_question(f"{head} {m['a']}"), _question(f"{head} {m['b']}")]
    return [question]


def _question(text: str) -> str:
    text = text.strip().rstrip("?").strip()
    return f"{text[:1].upper()}{text[1:]}?"
