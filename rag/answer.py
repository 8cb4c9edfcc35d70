"""Answerers: the ``Answerer`` seam and the extractive answerer, which needs no LLM.

The extractive answerer quotes the sentences of the retrieved passages that best answer the question, each
followed by the ``[n]`` of its article, and abstains when no passage is relevant enough.
"""

from __future__ import annotations

import functools
import re
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlsplit

import numpy as np

from rag.answerability import (
    DEATH_CAUSE_ASKED,
    ILLNESS_ASKED,
    AnswerabilityModel,
    Assessment,
    Frame,
    UnknownNames,
    actor_of,
    asked_noun,
    asked_years,
    asks_why_or_how,
    day_meant,
    denied_premise,
    denies_asked_act,
    event_of_another_year,
    first_time_told,
    frame_question,
    join_words,
    named_day,
    names_day,
    names_the,
    numbers_in,
    offered,
    opposite_act,
    other_counted,
    other_day,
    other_doer,
    other_priced,
    other_winner,
    question_entities,
    reason_clause_terms,
    recency,
    reversed_change,
    reversed_comparison,
    reversed_range,
    reversed_ruling,
    reversed_verdict,
    set_aside,
    share,
    shift_day,
    stale,
    states_death_cause,
    states_reason,
    states_relation,
    subject_denies,
    swapped_result,
    tells_of,
    topic_words,
    unknown_of_asked,
    unknown_told,
    within,
    years_unsaid,
)
from rag.lexical import STOPWORDS_EN
from rag.names import TITLES, mentions, name_forms, names_person, same_name, spells_out
from rag.nlp import Analysed, Entity, EntityRecognizer, people_by_surname
from rag.parts import question_parts
from rag.query import month_before, period_of
from rag.roles import FORMER, HOLDER_UNSAID, NO_ROLE, given_role, role_fit, titled_people
from rag.sentence_rank import SentenceRanker, focus_text, surface_features
from rag.short_answer import (
    NO_ANCHOR_DISTANCE,
    EntityGroup,
    Mention,
    ShortAnswerModel,
    context_shares,
    group_features,
    group_mentions,
)
from rag.speakers import SAYING, attributed, described_speaker, same_speaker, whole_name
from rag.support import SupportChecker
from rag.text import (
    AUXILIARY,
    CURRENCY_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    RELATIVE_DAYS,
    STOPWORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    answer_type_match,
    as_events,
    calendar_days,
    derive_title,
    entity_terms,
    event_terms,
    fold_accents,
    key_terms,
    rarity,
    section_of,
    sentence_spans,
)
from rag.types import Answer, AnswerSentence, Chunk, Citation, Hit, Query, ShortAnswer, Source, Span

ABSTAIN_TEXT = "The articles don't say: no stored passage answers this question."


class Answerer(ABC):
    """One method to implement: an answer to ``query`` from ``hits``, citing only those hits."""

    mode: str

    @abstractmethod
    def answer(self, query: Query, hits: list[Hit]) -> Answer: ...

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load models ahead of the first question."""


_TITLE_CREDIT = re.compile(r"\s+[|–—-]\s+((?:[^\s|–—]+\s*){1,4})$")


def split_credit(title: str) -> tuple[str, str]:
    """A title's headline and the outlet credited after its last " - " or " | " ("Ford recalls SUVs | CNN Business"
    -> ("Ford recalls SUVs", "CNN Business")); the title and "" when it credits none."""
    m = _TITLE_CREDIT.search(title)
    return (title[: m.start()], m.group(1).strip()) if m else (title, "")


def credits_outlet(sentence: str, ent: Entity, hit: Hit) -> bool:
    """Whether ``ent`` is the publisher's credit in a dateline, the "(CNN Business)" of "New York (CNN Business) --":
    the outlet (the article URL's host, or the outlet its title credits, "... - CNN") named in parentheses is who
    reports, not what a question asks for. The outlet named in a sentence's own words still counts."""
    if sentence[ent.start - 1 : ent.start] != "(" or sentence[ent.end : ent.end + 1] != ")":
        return False
    names = set()
    if "://" in hit.source:
        host = (urlsplit(hit.source).hostname or "").removeprefix("www.")
        names.add(host.split(".")[0])
    if outlet := split_credit(hit.title)[1]:
        names.add("".join(re.findall(r"[a-z0-9]+", outlet.lower())))
    words = re.findall(r"[a-z0-9]+", ent.text.lower())
    return bool(words) and bool(names & {words[0], "".join(words)})


# The source a sentence credits its claim to: "According to the AAA, the state reporting the highest gas prices was
# California", "A new report from Bank of America claims that the company has cut air conditioning", "according to
# Downdetector data". Who reports a fact is not the fact a question asks for ("Which state has the highest gas
# price?"), unless the question asks who reported, found or said it.
_CITED_BEFORE = re.compile(
    r"(?:\baccording\s+to|\b(?:report|study|survey|poll|analysis|data|figures|estimates?|tally|count|index|ranking|"
    r"research)s?\s+(?:from|by))\s+(?:(?:the|a|an|its|their)\s+)?(?:(?!(?:of|for|in|on|with|about)\s)[\w'’&.-]+\s+){0,2}$",
    re.I,
)
_SOURCE_ASKED = re.compile(
    r"\baccording\s+to\s+(?:which|what|whom)\b|\b(?:who|which|what)\b[^?]*?\b(?:(?:report|find|release|publish|compile|"
    r"estimate|survey|poll|track|rank|rate|count|measure|monitor|record|conduct|say|warn|announce|claim|issue|"
    r"forecast|predict|project|calculate|analy[sz]e|confirm|data|figure|tally|index|ranking|research|document|"
    r"reveal|show|expect|cite|log|note|suggest|indicate|put)"
    r"(?:s|es|ed|d|ing|ged|n)?|stud(?:y|ies|ied|ying)|identif(?:y|ies|ied)|found|said|says)\b",
    re.I,
)
_OPENING_SOURCE = re.compile(r"\W*according\s+to\s+(?:(?:the|a|an)\s+)?", re.I)


def cited_source(sentence: str, ent: Entity) -> bool:
    """Whether ``ent`` is the source a sentence credits its claim to ("according to the AAA", "a report from Bank of
    America", "survey by Gallup"), the nearest capitalised words before it allowed ("according to Bloomberg's Lisa
    Abramowicz" is no source of that kind: a possessive ends the lead-in)."""
    before = sentence[max(0, ent.start - 60) : ent.start]
    return _CITED_BEFORE.search(before) is not None and not re.search(r"['’]s?\s+\S*\s*$", before)


def source_called(sentence: str, ent: Entity, noun: str, person: bool) -> bool:
    """Whether a sentence calls the source it credits by the noun a question asks for ("..., according to Melodye
    Serino, the deputy county administrative officer." answers "Who is the deputy county administrative officer?");
    not an opening "According to the AAA, the state reporting ... was California", whose comma ends the lead-in."""
    if not noun:
        return False
    if _OPENING_SOURCE.fullmatch(sentence, 0, ent.start):
        # an opening source is called so only by an apposition that a comma closes ("According to Kathy Chase,
        # director of contracts at Senior Resources, the ..."), not by the clause that follows ("According to the
        # AAA, the state reporting the highest gas prices was California")
        closed = re.match(
            rf",\s+(?:(?:a|an|the)\s+)?(?:[\w'’.-]+,?\s+){{0,6}}?{re.escape(noun)}s?\b[^,.;:!?]*,",
            sentence[ent.end :],
            re.I,
        )  # "According to The Agency, the Beverly Hills, Calif.-based luxury real estate firm marketing it, ..."
        return closed is not None
    return names_the(noun, sentence, ent, inside=False, person=person)


def asks_source(question: str) -> bool:
    """Whether a question asks who reported, found or said something ("According to which group ...", "Which
    agency reported ..."), so that the source a sentence credits may answer it."""
    return _SOURCE_ASKED.search(question) is not None


@dataclass(frozen=True)
class _Candidate:
    hit: Hit
    rank: int
    start: int  # absolute offsets into the article text
    end: int
    text: str
    coverage: float  # weighted share of the question's key terms found in the sentence
    score: float  # the sentence ranker's logit (``rag/sentence_rank.py``): cheap stage, then full for the best few
    similarity: float | None = (
        None  # cosine of the sentence to the question (None: not computed, 0 without an embedder)
    )
    features: Mapping[str, float] = field(default_factory=dict)  # the ranker's cheap-stage features
    near: frozenset[str] = frozenset()  # stems of question words the sentence says in other words ("telephone")
    # it states the relation a question asks about by naming the day ("On Monday, ..." for "the day before" an
    # event its article places on a Tuesday), which the sentence alone does not show
    stated: bool = False


# a question that asks for someone's words as they said them, not their gist
_WORDING_ASKED = re.compile(
    r"\b(?:put|word|phrase)(?:d)?\s+it\b|\b(?:in\s+(?:his|her|their)\s+(?:own\s+)?words|exact\s+words|what\s+words)\b",
    re.I,
)
_QUOTATION_MARK = re.compile(r"[“”\"]")


def _a_persons_name(name: str, hits: Sequence[Hit]) -> bool:
    """Whether the passages call ``name`` by its last word alone, as news calls a person after naming them ("Nicola
    Sturgeon ... Sturgeon said"), where a company keeps its whole name ("Goldman Sachs": no "Sachs said")."""
    words = name.split()
    last = re.escape(words[-1])
    # the last word alone as the subject of a verb of saying, or after one ("Sturgeon said", "said Sturgeon"; not
    # "investor Stanley Druckenmiller" for Morgan Stanley)
    alone = re.compile(
        rf"(?<!{re.escape(words[-2])}\s)(?<![\w'’-]){last}(?:\s+(?:also|then|later|has|had|have))?\s+(?:{SAYING})\b"
        rf"|\b(?:said|says|added|adds|wrote|writes)\s+{last}\b"
    )
    return any(alone.search(h.chunk.text) for h in hits)


def abstain(mode: str = "extractive", note: str = "") -> Answer:
    """The answer that says the articles don't answer; ``note`` says why, for the reader."""
    return Answer(text=ABSTAIN_TEXT, citations=[], sources=[], abstained=True, mode=mode, note=note)


# a question put to someone: "Antetokounmpo was asked afterward if ...", "She was again asked whether ..."
# (its subject alone before it, the person by name or "he"/"she"; a question, not a request: "was asked to take a
# pay cut" is no question)
_PUT_TO = re.compile(
    r"^\W*(?P<subject>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}|[Hh]e|[Ss]he)\s+(?:was|got)\s+(?:[a-z]+\s+){0,2}?asked\s+"
    r"(?:[a-z]+\s+){0,2}?(?:about|if|whether|what|how|why|who|when|for\s+(?:a|an|his|her)\s+(?:response|reaction|take))\b"
)
_OPENS_QUOTE = re.compile(r"^\W{0,3}[“\"]")  # a sentence that opens with a quotation
# a sentence that opens by telling what came of the one before it
_AS_A_RESULT = re.compile(
    r"^\W*(?:as\s+a\s+(?:result|consequence)(?!\s+of\b)|consequently|that['’]s\s+why|that\s+is\s+why|"
    r"for\s+(?:that|this)\s+reason|because\s+of\s+(?:this|that)|hence|therefore)\b",
    re.I,
)
_OPENING_MARK = re.compile(r'“|(?:^|(?<=[\s(\[—–-]))"(?=\S)')  # a straight mark opens after a space, before a word
_CLOSING_MARK = re.compile(r'”|(?<=[^\s(\[—–-])"')


_TERSE = 8  # words: a sentence too short to tell more than that something happened ("It didn’t stick.")


def _put_to(sentence: str, asked: str, before: Sequence[str]) -> bool:
    """Whether ``sentence`` tells of a question put to ``asked`` (``_PUT_TO``): by name, or by "he"/"she" right after
    the sentence that names them."""
    put = _PUT_TO.match(sentence)
    if put is None:
        return False
    if put["subject"].lower() in ("he", "she"):
        return bool(before) and names_person(before[-1], asked)
    return names_person(put["subject"], asked)


def _named_put_to(sentence: str, asked: str) -> str:
    """``sentence`` with the person its question is put to named, where it says "he"/"she" ("She was asked afterward
    if ..." read as put to ``asked``), so that a description of the speaker next ("the reigning MVP said") finds them."""
    put = _PUT_TO.match(sentence)
    return f"{asked}: {sentence}" if put is not None and put["subject"].lower() in ("he", "she") else sentence


def _paragraph_alone(text: str, span: Span) -> bool:
    """Whether the sentence ``span`` of ``text`` is a paragraph of its own."""
    before, after = text[: span.start], text[span.end :]
    return (not before.strip() or before.rstrip(" \t").endswith("\n")) and (
        not after.strip() or after.lstrip(" \t").startswith("\n")
    )


def _quotation_balance(text: str) -> int:
    """The quotation marks ``text`` opens less those it closes: > 0 when it leaves a quotation open, < 0 when it
    closes one opened before it (``"It's that simple," Rahm said.``)."""
    return len(_OPENING_MARK.findall(text)) - len(_CLOSING_MARK.findall(text))


_NONE_MENTION = "The quoted articles don't mention"  # no quote's article names it (``_missing_note``)
_MARKER = re.compile(r"\[(\d+)\]$")  # an extractive sentence's marker, at its end
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_QUESTION_END = re.compile(r"\?[\s)\]]*$")  # a sentence that asks rather than states (not one quoting a question)
# A note about the page, not the news: "Editor's note: This page recaps the news from Ukraine on Sunday, May 15.",
# "A version of this story appeared in ...", "Sign up for ..." (not one about the writer, "Editor's Note: Mark Wolfe is
# an energy economist and serves as the executive director of ...", nor news: "Editor's note: On Thursday, the ...")
_EDITORS_NOTE = re.compile(
    r"^\W*editor['’]s\s+note\W*(?:this|these|an?\s+(?:\w+\s+)?version|sign\s+up|subscribe|read|watch|want|if\s+you|"
    r"before|here\s+(?:are|is)|affected|the\s+(?:views|opinions)|corrections?|updated?|click|follow|listen|get|find|caught|"
    r"having|editor|don['’]?t|is\s+your|you|as\s+the|the\s+reporting|for\s+(?:more|the\s+latest)|"
    r"to\s+(?:get|receive|read|learn))\b",
    re.I,
)
# a photo gallery's caption ("... Hide Caption 3 of 16 Photos: ..."): what a photo shows, on the day it was taken,
# not what the article says
_CAPTION = re.compile(r"\bHide Caption \d+ of \d+\b|^\W*Photos?:\s", re.I)
_UNIT_WORD = re.compile(
    r"(?:feet|inches|yards|miles|meters|metres|kilometers|kilometres|centimeters|centimetres|millimeters|pounds|"
    r"ounces|kilograms|kilos|grams|tons|tonnes|gallons|liters|litres|acres|hectares|degrees|calories|kilowatts|"
    r"megawatts|gigawatts|watts|volts|knots|mph|seconds|minutes|hours|days|weeks|months|years|decades|centuries)",
    re.I,
)
_UNIT = re.compile(
    rf"(?<=\d)(?:m|bn|b|k|tn)\b|\s+(?:{CURRENCY_WORDS}|per\s?cent|percent)\b", re.I
)  # what "41 million" needs to be a sum or a share; "$2.7" of "$2.7m" is not the sum


@dataclass(frozen=True)
class _Short:
    text: str
    hit: Hit
    start: int  # absolute offsets into the article text
    end: int
    sentence: str = ""  # the sentence it stands in, which starts at ``sentence_start`` in the article
    sentence_start: int = 0
    day: date | None = None  # the day it stands for, when a date is asked (``day_meant``)


@dataclass(frozen=True)
class Draft:
    """An answer with the decision behind it (what the eval suite and the fit of the model read)."""

    answer: Answer  # what is shown: the quotes, or an abstention
    composed: Answer | None  # the quotes before the answerability decision (None: nothing to quote)
    assessment: Assessment | None
    frame: Frame | None = None  # what the question names and asks for
    by_rule: bool = True  # decided by a rule (a name no article mentions, a relation...), not the model's score
    short_found: str | None = None  # the short answer the quotes offer, led with or not (``min_short_answer``)
    entity_groups: tuple[EntityGroup, ...] = ()  # the short-answer candidates, best first (``rag/short_answer.py``)


Embed = Callable[[list[str]], np.ndarray]


# Words of one kind that word vectors put close but a question tells apart: "what happened on Monday" is not
# answered by Tuesday's news, nor "the west wing" by the east wing. They match only as written.
_CONTRASTED = frozenset(
    [
        *WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *MONTHS, *MONTH_ABBREVIATIONS, *RELATIVE_DAYS,
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
        "southeast", "southwest", "left", "right", "up", "down", "upper", "lower", "high", "higher", "low",
        "before", "after", "earlier", "later", "first", "second", "third", "fourth", "fifth", "last", "next",
        "previous", "final", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "hundred", "thousand", "million", "billion", "trillion", "dozen", "half",
        "men", "women", "man", "woman", "male", "female", "boy", "boys", "girl", "girls", "brother", "brothers",
        "sister", "sisters", "son", "sons", "daughter", "daughters", "mother", "father", "husband", "wife", "king",
        "queen", "democrat", "democrats", "democratic", "republican", "republicans", "liberal", "conservative",
        "increase", "increased", "decrease", "decreased", "rise", "rose", "risen", "fall", "fell", "fallen", "more",
        "less", "most", "least", "gain", "gained", "loss", "lost", "win", "won", "lose", "winner", "loser", "best",
        "worst", "old", "new", "young", "older", "younger", "big", "small", "large", "largest", "smallest",
        "open", "opened", "close", "closed", "start", "started", "end", "ended", "begin", "began",
    ]
)  # fmt: skip


def _stem_of(word: str) -> str:
    terms = key_terms(word)
    return terms[0] if terms else ""


# Words of saying, which a quote says in its own words ("vowed" for "promise", "told reporters" for "tell"): no
# telling word of a part's topic (``ExtractiveAnswerer._part_said``).
_SAYING = frozenset(
    ["add", "announc", "ask", "claim", "explain", "pledg", "promis", "repli", "respond", "state", "think", "thought"]
    + ["vow", "warn", "write", "wrote"]  # stems ("say", "tell", "report" are stop words already)
)


def _unhyphened(stem: str) -> str:
    """A stem without its hyphens: "cease-fir" and "ceasefir" are one word."""
    return stem.replace("-", "")


def _part_note(part: str, note: str) -> str:
    """What the articles don't answer of a question's part: its own note when that names what is missing."""
    if note.startswith("The articles"):
        return note
    return f"No quoted sentence answers this part: {part}"


def merge_answers(answers: Sequence[Answer]) -> Answer:
    """Extractive answers to a question's parts as one (each sentence with its one marker, the short answer's first):
    the parts' short answers first, each once, the first of them leading the answer (``short_answer``); then the
    parts' quotes in turn, each once; the articles numbered anew in order of first citation. Its answerability is
    the least of theirs."""
    if not answers:
        raise ValueError("merge_answers needs at least one answer")
    markers: dict[str, int] = {}
    sources: list[Source] = []

    def renumber(answer: Answer, marker: int) -> int:
        source = next(s for s in answer.sources if s.marker == marker)
        if source.article_id not in markers:
            markers[source.article_id] = len(markers) + 1
            sources.append(replace(source, marker=markers[source.article_id]))
        return markers[source.article_id]

    def remarked(answer: Answer, sentence: AnswerSentence) -> AnswerSentence:
        marker = renumber(answer, sentence.markers[0])
        return replace(sentence, text=_MARKER.sub(f"[{marker}]", sentence.text), markers=(marker,))

    sentences: list[AnswerSentence] = []
    short_answer = None
    said: set[str] = set()
    for answer in answers:
        short = answer.short_answer
        if short is not None and short.text.lower() not in said:
            said.add(short.text.lower())
            sentences.append(remarked(answer, answer.sentences[0]))
            if short_answer is None:
                short_answer = replace(short, marker=renumber(answer, short.marker))
    citations: list[Citation] = []
    shown: set[tuple[str, int, int]] = set()
    for answer in answers:
        quoted = answer.sentences[1:] if answer.short_answer is not None else answer.sentences
        for sentence, cit in zip(quoted, answer.citations, strict=True):
            if (cit.article_id, cit.start, cit.end) not in shown:
                shown.add((cit.article_id, cit.start, cit.end))
                sentences.append(remarked(answer, sentence))
                citations.append(replace(cit, marker=sentences[-1].markers[0]))
    scores = [a.answerability for a in answers if a.answerability is not None]
    return replace(
        answers[0],
        text=" ".join(s.text for s in sentences),
        citations=citations,
        sources=sources,
        sentences=sentences,
        short_answer=short_answer,
        answerability=min(scores) if scores else None,
    )


class _VectorCache:
    """Sentence vectors by text, the most recently used kept: the same passages come back question after question
    (a follow-up, the other questions about the week's news). Used for a short answer's kind (several offered
    entities against the question's "which X") and when a fitted model weighs a sentence's cosine (the shipped ones
    do not: six sentences were most of an answer's time on a 2-core CPU)."""

    def __init__(self, embed: Embed, size: int = 4096) -> None:
        self.embed = embed
        self.size = size  # 4,096 vectors of 384 floats: 6 MB
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            found = {t: self._vectors[t] for t in texts if t in self._vectors}
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            found.update(zip(todo, self.embed(todo), strict=True))
        with self._lock:
            for text in texts:
                self._vectors[text] = found[text]
                self._vectors.move_to_end(text)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        return np.stack([found[t] for t in texts])


_NOTHING_FOUND = Analysed((), ())  # a sentence the recogniser was not run on


def _anchors(sentence: str, q_terms: set[str]) -> list[int]:
    """Where the sentence's words that share a key term with the question start."""
    return [m.start() for m in _WORD.finditer(sentence) if set(key_terms(m.group(0))) & q_terms]


# A word a question types in small letters, and the share of its occurrences in the stored articles written with
# a capital from which it is read as a name (names are written so ~always: "mishustin" 1.0; "new" 0.86, "apple" 0.83)
_TYPED_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w-])")
NAME_CASE_SHARE = 0.95


def caseless(question: str) -> bool:
    """Whether the question shows no capital of its own: none, or only sentences' first letters."""
    return not any(c.isupper() for c in _SENTENCE_INITIAL.sub("", question))


_SENTENCE_INITIAL = re.compile(r"(?:^|[.!?][\"”’)]*\s+)[\"“‘(]*[A-Z]")
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")  # the word before another ("president" of "president trump")
_PHRASE_WORDS = (3, 2)  # the lengths of the phrases looked up in a question typed without capitals


# a day's possessive typed without its apostrophe, which headlines write with a capital ("Tonight's NBA Draft")
_DAYS_TYPED = frozenset([*RELATIVE_DAYS, *(f"{d}s" for d in RELATIVE_DAYS)])


def _typed_phrases(question: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each run of two or three words typed in small letters, one space apart, that opens and
    closes with a content word ("new york giants", "bank of america"; not "of the"), longest first."""
    words = list(_TYPED_WORD.finditer(question))
    out = []
    for n in _PHRASE_WORDS:
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if any(question[a.end() : b.start()] != " " for a, b in zip(run, run[1:], strict=False)):
                continue
            if any(w[0] in STOPWORDS_EN or len(w[0]) < 3 for w in (run[0], run[-1])) or run[0][0] in _DAYS_TYPED:
                continue  # (nor "tonights nba draft": the night's, no name's first word)
            out.append((run[0].start(), run[-1].end(), question[run[0].start() : run[-1].end()]))
    return out


def _joined_phrase(question: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """Two overlapping phrases of ``question`` read as names, as one: the first's words, then the second's past the
    overlap; None when one holds the other or their shared words are written otherwise."""
    (first, second) = sorted((a, b))
    if second[1] <= first[1]:
        return None
    words, more = first[2].split(), second[2].split()
    shared = len(words) - len(question[first[0] : second[0]].split())  # counted as typed: forms may differ in length
    if shared <= 0 or words[-shared:] != more[:shared]:
        return None
    return first[0], second[1], " ".join(words + more[shared:])


def recase_names(
    question: str,
    capitalised: Callable[[Sequence[str]], Mapping[str, tuple[float, str] | None]],
    rare_word: Callable[[str], bool],
) -> str:
    """A question typed without capitals, with its names capitalised: the recogniser, the reranker's name feature
    and the answerability rules find no name in "what did tokayev say ...". A word is written as a name when the
    stored articles write it with a capital (``capitalised``: in at least ``NAME_CASE_SHARE`` of its occurrences
    away from a sentence's start; in their most frequent form: "OpenAI"); or, in a question with no capital at all,
    when they cannot tell (no article holds it, or too few) and it is rare in English (``rare_word``: "tokayev", not
    "spoke"). A question that opens with a capital, as phones type it, skips that last test: it may hold a rare
    word the articles lack ("Which castaway ..."). In a question typed without capitals, two or three words in a
    row are first read as one name the same way ("new york giants", "white house": neither "new" nor "giants" alone
    is written with a capital that often). In a question typed with capitals, only a word in small letters after a
    title is read so: "what did BTS and president trump talk about" asks about Trump, whom no article of the BTS
    visit names (any other word in small letters is taken as typed: looking each up would cost a question ~15 ms).
    A word no article holds that is a name's possessive typed without its apostrophe is written as one
    ("portlands" -> "Portland's")."""
    spans: list[tuple[int, int, str]] = []  # the phrases and words read as names, and how to write them
    typed_caseless = caseless(question)
    if typed_caseless:
        phrases = _typed_phrases(question)
        phrase_written = capitalised([p for _, _, p in phrases]) if phrases else {}
        for start, end, phrase in phrases:
            how = phrase_written.get(phrase)
            if how is None or how[0] < NAME_CASE_SHARE:
                continue
            over = [i for i, (a, b, _) in enumerate(spans) if a < end and start < b]
            if not over:
                spans.append((start, end, how[1]))
            elif (
                len(over) == 1
                and (joined := _joined_phrase(question, spans[over[0]], (start, end, how[1]))) is not None
            ):
                spans[over[0]] = joined  # "rugby league world" and "league world cup": "Rugby League World Cup"
    lower = not any(c.isupper() for c in question)
    inside = [(a, b) for a, b, _ in spans]
    words = [m for m in _TYPED_WORD.finditer(question) if not any(a <= m.start() < b for a, b in inside)]
    if not typed_caseless:  # typed with capitals: only a word after a title may be a name left in small letters
        words = [m for m in words if (t := _TITLE_BEFORE.search(question, 0, m.start())) and t[1].lower() in TITLES]
    typed = [
        w for w in dict.fromkeys(m[0] for m in words) if w not in STOPWORDS and len(w) > 2 and w not in _DAYS_TYPED
    ]
    written = capitalised(typed) if typed else {}  # nothing to look up: no query at all
    names: dict[str, str] = {}  # each word read as a name, and how to write it
    # a name's possessive typed without its apostrophe ("portlands five game win streak"): a word no article holds
    # whose form without its "s" the articles write as a name
    owners = [w[:-1] for w in typed if written.get(w) is None and w.endswith("s") and not w.endswith("ss")]
    owned = capitalised(owners) if owners else {}
    for owner, how in owned.items():
        if how is not None and how[0] >= NAME_CASE_SHARE:
            names[owner + "s"] = how[1] + "'s"
    for word in typed:
        if word in names:
            continue
        if (how := written.get(word)) is not None:
            if how[0] >= NAME_CASE_SHARE:
                names[word] = how[1]  # as the articles write it: "OpenAI", "FBI"
        elif lower and rare_word(word):
            names[word] = word[:1].upper() + word[1:]
    spans += [(m.start(), m.end(), names[m[0]]) for m in words if m[0] in names]
    if not spans:
        return question
    out, at = [], 0
    for start, end, form in sorted(spans):
        out += [question[at:start], form]
        at = end
    return "".join(out) + question[at:]


# a word with a capital ("Pierluissi's" too; "DeSanntis" with one inside; not "NASA")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])(?=[A-Za-z]{4})[A-Z][a-z]+(?:[A-Z][a-z]+)*(?=['’]s?\b|(?![\w'’-]))")


def respell_names(
    question: str,
    near_spelling: Callable[..., str | None],
    knows: Callable[[str], bool] | None = None,
    in_a_row: Callable[[str], bool] | None = None,
    beside: Callable[[str, str, bool], str | None] | None = None,
) -> tuple[str, list[tuple[str, str]]]:
    """The question with each name it types with a letter wrong written as the stored articles write it ("Which
    team is Breana Stewart playing for?" -> "Breanna"; ``near_spelling(word, question)``:
    ``LexicalIndex.near_spelling``), and
    the words changed, typed and read. Only a word written with a capital (as typed, or by ``recase_names``) is
    looked up, and only one that no article holds: a name no article mentions is still unknown, so the question is
    still refused ("The articles don't mention ..."). With ``knows`` (``LexicalIndex.knows``), a name of two or
    three such words that no chunk holds together is looked up word by word too (``near_spelling(word, rest of the
    name, True)``), and read so only where the name as read is held. With ``in_a_row`` (``Store.holds_name``), a
    name is held only where a chunk writes its words in a row: "Nick Canon" is read as "Nick Cannon" though a chunk
    holds "Nick" and "canon". With ``beside`` (``Store.name_beside``), a word of a two-word name two letters out is
    read as the word the articles write beside the other ("Gretchen Whitmore": "Gretchen Whitmer")."""
    changed: list[tuple[str, str]] = []

    def read(m: re.Match[str]) -> str:
        written = near_spelling(m.group(0), question)
        if written is None:
            return m.group(0)
        changed.append((m.group(0), written))
        return written

    respelt = _CAPITALISED_WORD.sub(read, question)
    if knows is None:
        return respelt, changed

    def held(name: str) -> bool:
        # its words in a row (which ``knows`` would find too); a title before a surname is no word of a name, though:
        # "Coach Reid" is held where chunks say "coach Andy Reid"
        if in_a_row is None or name.split()[0].lower().rstrip(".") in _TITLE_WORDS:
            return knows(name)
        return in_a_row(name)

    def read_name(m: re.Match[str]) -> str:
        # a name whose every word some article holds, but none together: one word may be typed for another
        # ("Britney Griner": "Britney" is Spears's, "Brittney Griner" is the one the articles name)
        name = m.group(0)
        if held(name):
            return name
        lead = ""
        if _ASKING_WORD.fullmatch(name.split()[0]) and len(name.split()) > 2:
            # a question's first word is no part of the name ("Did Travis Kelces mom attend?")
            lead, name = name.split(maxsplit=1)
            lead += " "
            if held(name):
                return lead + name
        for word in _CAPITALISED_WORD.findall(name):
            others = " ".join(w for w in name.split() if w != word)
            written = near_spelling(word, others, True)
            if written is not None and held(candidate := re.sub(rf"\b{re.escape(word)}\b", written, name)):
                changed.append((word, written))
                return lead + candidate
        last = name.split()[-1]
        for letter in _DROPPED_LAST:
            # the last letter of a name's last word left out, a silent one as often as not ("Michelle Yeo" for
            # "Michelle Yeoh", "Chase Elliot" for "Chase Elliott"): read so where the name as read is held whole
            if held(candidate := f"{name}{letter}"):
                changed.append((last, f"{last}{letter}"))
                return lead + candidate
        if len(last) > 5 and _ADDED_LAST.fullmatch(last, len(last) - 1) and held(candidate := name[:-1]):
            # a letter typed too many at the end of a name's last word ("Novak Djokovich" for "Novak Djokovic")
            changed.append((last, last[:-1]))
            return lead + candidate
        if last.endswith("s") and not last.endswith("ss") and len(last) > 4:
            # the last word with its possessive typed without the apostrophe ("sydney mclaughlans dog")
            base = last[:-1]
            written = base if held(f"{name[: -len(last)]}{base}") else near_spelling(base, name[: -len(last)], True)
            if written is not None and held(candidate := f"{name[: -len(last)]}{written}"):
                changed.append((last, f"{written}’s"))
                return f"{lead}{candidate}’s"
        words = name.split()
        if beside is not None and len(words) == 2:
            # two letters out ("Whitmore" for "Whitmer"): the word written beside the other, where only one is near
            for typed, other, after in ((words[1], words[0], True), (words[0], words[1], False)):
                written = beside(typed, other, after)
                candidate = f"{other} {written}" if after else f"{written} {other}"
                if written is not None and held(candidate):
                    changed.append((typed, written))
                    return lead + candidate
        return lead + name

    return _NAME_RUN.sub(read_name, respelt), changed


_TITLE_WORDS = TITLES | {"coach", "manager", "captain", "officer", "detective", "sergeant", "chief", "dr", "doctor"}
_DROPPED_LAST = "hte"  # the letters a name's last word is typed without most often ("Yeoh", "Elliott", "Browne")
# and those typed too many: an "h" after "c" ("Djokovich"), a "y" (not "e": "Browne", "Greene", "Clarke" are names of
# their own; nor "s", a possessive, read below)
_ADDED_LAST = re.compile(r"(?<=c)h|y")
# two or three words with capitals in a row, as ``recase_names`` writes a name typed in small letters
_ASKING_WORD = re.compile(rf"{AUXILIARY}|what|who|where|when|why|how|which", re.I)
# (a word with a capital inside too: "Charlie McAvay")
_NAME_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:\s+[A-Z][a-z]+(?:[A-Z][a-z]+)*){1,2}(?=['’]s\b|(?![\w'’-]))"
)  # "Lesile Jordan's"


# An organisation's name typed in small letters: "the heartland seed alliance", "the hudson valley pediatric alliance"
# (one to three words before a noun that names an organisation)
_TYPED_ORGANISATION = re.compile(
    r"\bthe\s+(?P<name>(?:[A-Za-z][a-z'’-]+\s+){1,3}(?:alliance|association|coalition|council|foundation|institute|"
    r"society|federation|league|committee|fund|agency|authority|commission|network|academy|trust|union|"
    r"corporation|company|partnership|initiative|project|collective|shelter|sanctuary|refuge|hospice|mission))\b"
)


def name_organisations(question: str, knows: Callable[[str], bool], typed_caseless: bool) -> str:
    """A question typed without capitals, with each organisation's name it types in small letters that no stored
    chunk holds (``knows``: ``LexicalIndex.knows``) written as a name, so that the question is refused for it ("how
    many states does the heartland seed alliance count ..." -> "The articles don't mention Heartland Seed
    Alliance."), where the articles' own "the teachers union" stays as typed. A question typed with capitals
    (``typed_caseless`` false, before ``recase_names``) is returned as is."""
    if not typed_caseless:
        return question

    def named(m: re.Match[str]) -> str:
        words = m["name"].split()
        if any(w.lower() in STOPWORDS for w in words):
            return m.group(0)  # "the one group", "the city and county council": not a name
        name = " ".join(w[:1].upper() + w[1:] for w in words)
        return m.group(0) if knows(name) else m.group(0).replace(m["name"], name)

    return _TYPED_ORGANISATION.sub(named, question)


def spelling_note(changed: Sequence[tuple[str, str]]) -> str:
    """What a reader is told of the names read in another spelling."""
    read = join_words([f"“{typed}” as “{written}”" for typed, written in changed], "and")
    return f"Read {read}, as the articles spell it." if changed else ""


def _short_in(frame: Frame, cand: _Candidate, ent: Entity, analysed: Analysed | None = None) -> _Short:
    """The short answer ``ent`` of the sentence ``cand``, its span in the article (the sentence's offset plus the
    entity's in the sentence); a number keeps its unit ("41 million" -> "41 million euros"). For a question that
    asks for several things, the list the entity stands in, when the sentence lists others of the kind asked for
    ("the Commonwealth of Independent States, the Shanghai Cooperation Organization, and BRICS")."""
    start, end = ent.start, ent.end
    if frame.asks == "number":
        unit = _UNIT.match(cand.text, end)
        end = unit.end() if unit else end
    elif frame.several and analysed is not None:
        # a list's other names, of any kind the recogniser gave them ("... Organization, and BRICS": GPE to it)
        kinds = dict.fromkeys([frame.asks, "person", "place", "organisation", "work"])
        listed = [e for kind in kinds for e in offered(replace(frame, asks=kind), cand.text, analysed)]
        start, end = _listed(cand.text, ent, listed)
    return _Short(cand.text[start:end], cand.hit, cand.start + start, cand.start + end, cand.text, cand.start)


def _beside_the_noun(frame: Frame, groups: list[EntityGroup], sentences: list[_Candidate]) -> list[EntityGroup]:
    """The groups, the one that the first group's sentence calls by the noun the question asks for first: "Bezos'
    approach to giving contrasts with that of his ex-wife, the philanthropist MacKenzie Scott" answers "which
    philanthropist" with MacKenzie Scott, though the ranker, which sees the words near an entity and not what the
    sentence calls it, put Bezos first ("which Labour MP" and "Labour MP Emily Thornberry" alike). Only within that
    sentence: "founder Changpeng Zhao" elsewhere in the article says nothing of "The founder of Binance's
    competitor, Sam Bankman-Fried"."""
    noun = asked_noun(frame)
    if frame.asks not in ("person", "place", "organisation", "work", "event") or not noun or len(groups) < 2:
        return groups
    person = frame.asks == "person"

    def calls(group: EntityGroup, words: str, only: int | None = None) -> bool:
        """Whether a sentence of the group's mentions (sentence ``only``, when given) calls the entity ``words``."""
        return any(
            (only is None or m.sentence == only)
            and names_the(words, sentences[m.sentence].text, m.entity, False, person)
            for m in group.mentions
        )

    def promoted(words: str, only: int | None = None) -> list[EntityGroup] | None:
        """The groups with the first that a sentence calls ``words`` first; None when none does, or the first does."""
        i = next((i for i, g in enumerate(groups) if i and calls(g, words, only)), None)
        return None if i is None else [groups[i], *groups[:i], *groups[i + 1 :]]

    copular = frame.who_is_the
    phrase = " ".join(frame.head.split())
    # "Who was the defending champion?": whom a sentence calls by the whole phrase ("Scottie Scheffler is the
    # defending champion"), before a "2003 champion Mike Weir" beside the best sentence's first name
    if copular and " " in phrase and not calls(groups[0], phrase) and (called := promoted(phrase)):
        return called
    lead = groups[0].shown()  # the mention the answer leads with (see _lead)
    if names_the(noun, sentences[lead.sentence].text, lead.entity, inside=False, person=person):
        return groups
    # beside the noun, not holding it: the "Minor Planet Center" is no planet
    if called := promoted(noun, lead.sentence):
        return called
    # "Who was the defending champion?" asks for whoever a sentence calls that: "He beat the defending champion,
    # Grete Solberg," not the winner the best sentence names
    if copular and not calls(groups[0], noun) and (called := promoted(noun)):
        return called
    return groups


_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")


def _listed(sentence: str, ent: Entity, offered: Sequence[Entity]) -> tuple[int, int]:
    """The span of the list of offered entities that ``ent`` stands in ("Sweden and Finland", "A, B, and C"): its
    neighbours joined to it by commas, "and", "or" or "&" alone (a bare comma only between two of one label: not
    "Finland, Magdalena Andersson"), when "and", "or" or "&" joins some of them ("Helsinki, Finland" is a place, not
    a list); ``ent``'s own span otherwise."""
    ents = sorted({(e.start, e.end, e.label) for e in offered} | {(ent.start, ent.end, ent.label)})
    i = ents.index((ent.start, ent.end, ent.label))

    def joined(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
        gap = _LIST_GAP.fullmatch(sentence, a[1], b[0])
        return gap is not None and (a[2] == b[2] or _CONJUNCTION.search(gap[0]) is not None)

    first = last = i
    while first > 0 and joined(ents[first - 1], ents[first]):
        first -= 1
    while last + 1 < len(ents) and joined(ents[last], ents[last + 1]):
        last += 1
    if first == last or not _CONJUNCTION.search(sentence, ents[first][1], ents[last][0]):
        return ent.start, ent.end
    return ents[first][0], ents[last][1]


def _role_holders(groups: list[EntityGroup], sentences: Sequence[_Candidate]) -> list[EntityGroup]:
    """For a role question: the groups a sentence gives the asked role, at the best fit any has (a title saying
    whom for over one that does not; rag/roles.py, ``role_fit``), each with only its mentions of that fit (the
    quote shows the title). A name that news as new as its title calls a former holder ("former CEO Parag Agrawal")
    is none. None fits: no one is claimed to hold the role."""

    def published(m: Mention) -> date:
        return sentences[m.sentence].hit.published or date.min

    kept = []
    for g in groups:
        holding = [m for m in g.mentions if m.role > NO_ROLE]
        former = [m for m in g.mentions if m.role == FORMER]
        if holding and not (former and max(map(published, former)) >= max(map(published, holding))):
            kept.append(g)
    best = max((m.role for g in kept for m in g.mentions), default=NO_ROLE)
    return [
        replace(g, mentions=[m for m in g.mentions if m.role == best])
        for g in kept
        if best > NO_ROLE and any(m.role == best for m in g.mentions)
    ]


def _offered_now(frame: Frame, cand: _Candidate, found: Analysed) -> list[Entity]:
    """``offered``, less the days past that a question about a day to come is not answered by: "On what date is Mike
    Pence scheduled to testify?" is not answered by "the Jan. 6 criminal investigation" in an article of April 2023
    (January 6, 2023 as read from its date, or any day written with an earlier year), a week or more before the
    article's date (``_COMING_WHEN``)."""
    ents = offered(frame, cand.text, found)
    published = cand.hit.published
    if frame.asks != "date" or published is None or not ents or not _asks_day_to_come(frame.text):
        return ents
    kept = []
    for ent in ents:
        day = day_meant(cand.text, ent.start, ent.end, published)
        years = [int(y) for y in re.findall(r"\b(?:1[5-9]|20)\d\d\b", ent.text)]
        # (a day without its year is read as the nearest: "Oct. 2" in an article of March may be the one to come)
        if (day is not None and _PAST_FOR_COMING <= (published - day).days <= _NEAR_PAST) or (
            years and max(years) < published.year
        ):
            continue
        kept.append(ent)
    return kept


# a question about a day to come: "when will ...", "on what date is X scheduled / set / expected / due to ..."
_COMING_WHEN = re.compile(
    r"\W*(?:when|(?:on\s+|by\s+)?what\s+(?:date|day|time|night|month|year))\s+(?:will\b|(?:is|are)\b(?:\s+[\w'’.-]+){0,4}?"
    r"\s+(?:scheduled|set|expected|due|slated|going|planned|planning)\s+to\b)",
    re.I,
)


@functools.lru_cache(maxsize=256)
def _asks_day_to_come(question: str) -> bool:
    """Whether the question proper asks the day of something to come (``_COMING_WHEN``); read once per question."""
    return _COMING_WHEN.match(focus_text(question)) is not None


_PAST_FOR_COMING = 7  # days before the article's date from which a day is past for a question about one to come ...
_NEAR_PAST = 120  # ... and to which a day without its year is surely past (further, it may be next year's)


def _holder_alone(holder: str, passage: str, ent: Entity, found: Analysed, sentence: str, asked: Sequence[str]) -> bool:
    """Whether a title that does not say whom for ("Mayor Ottilie Brennan") may be taken for the asked holder's:
    the passage (lower-cased) names the holder, and the sentence names no other place, organisation or nationality
    ("President Joe Biden is heading to Poland" is no answer to "the president of Poland" when it names the US).
    Not other: a name the question gives itself (``asked``: "Cambridge Analytica", tagged a place), nor the place
    the holder is written in ("Washington, DC, Attorney General Karl Racine" for "the DC attorney general")."""
    others = [
        e
        for e in found.entities
        if e.label in _HOLDER_LABELS
        and e is not ent
        and not same_name(e.text, holder)
        and not _asked_itself(e.text, asked)
        and not re.match(rf",\s+{re.escape(holder)}(?!\w)", sentence[e.end :])
    ]
    return mentions(passage, holder) and not others


_HOLDER_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC"})


def _asked_itself(text: str, asked: Sequence[str]) -> bool:
    """Whether an entity is a name the question gives: one of them, or their words together where the small model
    read them apart or as one ("Cambridge" and "Analytica", "Tromsvik Analytica"); not a part of one ("Virginia" of
    "West Virginia")."""
    if any(same_name(text, n) for n in asked):
        return True
    low = text.lower()
    words = {w for n in asked for w in n.lower().split()}
    return set(low.split()) <= words and not any(low in n.lower() for n in asked)


def _names_in(frame: Frame, text: str, names: Sequence[str], article: bool = True) -> list[bool]:
    """Whether a text names each of ``names``; a person also by surname: in an article's text, unless the article
    gives that surname only to others (``names_person``, capitals as written); in a passage, which may name the
    person only by surname beside a relative ("Biden said ... his son Hunter Biden"), any time."""
    text = fold_accents(text)  # "Lopez Obrador" is named by "López Obrador"
    low = text.lower()
    return [
        (names_person(text, fold_accents(n)) if article else mentions(low, fold_accents(n), person=True))
        if n in frame.person_names
        else mentions(low, fold_accents(n)) or spells_out(text, n, n in frame.terms)  # "SF": "San Francisco"
        for n in names
    ]


def _distance(ent: Entity, anchors: list[int], default: int) -> int:
    """Characters between the entity and the nearest anchor (``default`` when the sentence has none)."""
    return min((max(ent.start - a, a - ent.end, 0) for a in anchors), default=default)


class ExtractiveAnswerer(Answerer):
    """Quotes the sentences of the retrieved passages that the sentence ranker (``rag/sentence_rank.py``, fitted on
    a training split) ranks best: by the question terms they cover (weighted by rarity among the candidates), by
    their meaning's closeness to the question (when given an embedder), by whether they offer what the question
    asks for and by the retrieval score of their passage; every sentence of the answer is a verbatim quote with its
    marker."""

    mode = "extractive"
    RELATION_BONUS = (
        3.0  # logit added to a sentence that states the relation a question asks about ("earlier on the same day")
    )
    # logit added to a sentence that gives a cause (or says none is known) when the question asks why: the sentence
    # that restates the event shares the most words with "Why did Ardern resign?", the one saying why fewer
    REASON_BONUS = 2.0
    REASON_MIN_COVERAGE = 0.5  # ... when it is about what the question asks: "China stopped signing foreign players
    # because of the coronavirus" gives no cause of Griner's arrest
    FURTHER_MIN_COVERAGE = 0.34  # a quote after the first covers at least this share of the question's terms
    COVERAGE_TERMS = 4  # coverage is measured against the weight of the question's 4 heaviest key terms
    CONTEXT_SENTENCES = 2  # earlier sentences of the passage whose terms count (half) for a sentence
    SPEAKER_CONTEXT = 10  # earlier sentences of the article read for the speaker of a sentence that names none
    DESCRIBED_CONTEXT = 5  # and for the person a speaker named by their age ("the 52-year-old singer") is
    NEAR_WORD = 0.42  # two words this close (their static vectors' cosine) say the same: "phone", "telephone"
    NEAR_CREDIT = 0.5  # a question word a sentence says in other words counts this much of its weight in coverage
    DAY_ANCHORS = 8  # the best candidates read for the sentence about the event a "day before" question names

    def __init__(
        self,
        min_relevance: float = 0.0,
        min_coverage: float = 0.0,
        max_sentences: int = 3,
        checker: SupportChecker | None = None,
        embed: Embed | None = None,
        embed_query: Callable[[str], np.ndarray] | None = None,
        word_vectors: Callable[[list[str]], np.ndarray | None] | None = None,
        min_answerability: float | None = None,
        model: AnswerabilityModel | None = None,
        min_short_answer: float = 0.0,
        ner: EntityRecognizer | None = None,
        article_text: Callable[[str], str | None] | None = None,
        unknown_names: UnknownNames | None = None,
        ranker: SentenceRanker | None = None,
        short_model: ShortAnswerModel | None = None,
    ) -> None:
        self.min_relevance = min_relevance
        self.min_coverage = min_coverage
        self.max_sentences = max_sentences
        self.checker = checker or SupportChecker()
        self.model = model or AnswerabilityModel.load()
        self.ranker = ranker or SentenceRanker.load()
        self.short_model = short_model or ShortAnswerModel.load()
        self.min_answerability = self.model.threshold if min_answerability is None else min_answerability
        # Below this the answer leads with its quote, not with the entity (0: always lead, as the app is designed;
        # the model file records the fitted probability from which a short answer is right as often as wrong).
        self.min_short_answer = min_short_answer
        self.ner = ner or EntityRecognizer()
        self.article_text = article_text  # an article's stored text by id (None: judge by the retrieved passages)
        self.unknown_names = unknown_names  # the names no stored article mentions (None: not checked)
        self.embed = _VectorCache(embed) if embed is not None else None
        self.word_vectors = word_vectors
        self.embed_query = embed_query or (lambda text: embed([text])[0]) if embed else None

    def warm_up(self) -> None:
        self.ner.warm_up()  # spaCy: about a second to import and load, paid at start rather than by a reader

    def answer(self, query: Query, hits: list[Hit]) -> Answer:
        return self.draft(query, hits).answer

    def draft(self, query: Query, hits: list[Hit]) -> Draft:
        """The answer with the decision behind it: the quotes that best answer the question, judged by the
        answerability model (``rag/answerability.py``); an abstention when they do not answer it. A question that
        asks two things ("When and where ...?", rag/parts.py) is answered part by part: what the articles answer,
        and a note on the part they don't."""
        parts = question_parts(query.text)
        if len(parts) == 1:
            return self._draft(query, hits)
        drafts = [self._draft(replace(query, text=part), hits) for part in parts]
        drafts = [self._part_said(d, [o for o in drafts if o is not d], hits) for d in drafts]
        answered = [d for d in drafts if not d.answer.abstained]
        notes = [_part_note(part, d.answer.note) for part, d in zip(parts, drafts, strict=True) if d.answer.abstained]
        if not answered:
            return replace(drafts[0], answer=replace(drafts[0].answer, note=" ".join(dict.fromkeys(notes))))
        answer = merge_answers([d.answer for d in answered])
        notes = [d.answer.note for d in answered if d.answer.note] + notes
        return replace(answered[0], answer=replace(answer, note=" ".join(dict.fromkeys(notes))))

    @staticmethod
    def _part_said(draft: Draft, others: list[Draft], hits: list[Hit]) -> Draft:
        """A part's answer, or its abstention when it offers no short answer and no quote of it says the most
        telling word of its own topic (of the nouns the other parts don't share, the one fewest of the passages
        hold; a verb or a word of saying is said otherwise: "demanding" as "want", "promise" as "vowed"): the
        passages were found for the whole question, so the sentence nearest to "what was the divorce rate" may be
        about marriage rates. (A part with a short answer of the kind it asks for is vouched for by it; words said
        otherwise do not count: static vectors put "divorce" near "marriage".)"""
        if draft.answer.abstained or draft.frame is None or draft.short_found is not None:
            return draft
        shared = {t for o in others if o.frame is not None for t in o.frame.topic}
        own = [t for t in draft.frame.topic if t not in shared and t not in _SAYING and t in draft.frame.nouns]
        if not own:
            return draft
        passages = [set(key_terms(h.chunk.text)) for h in hits]
        telling = min(own, key=lambda t: (sum(t in p for p in passages), own.index(t)))
        if any(_unhyphened(telling) in {_unhyphened(t) for t in key_terms(c.quote)} for c in draft.answer.citations):
            return draft
        note = f"The articles found don't mention {join_words(topic_words(draft.frame, {telling}), 'or')}."
        return replace(
            draft, answer=replace(abstain(draft.answer.mode, note), answerability=draft.answer.answerability)
        )

    def _draft(self, query: Query, hits: list[Hit]) -> Draft:
        """``draft`` for a question that asks one thing."""
        if not hits:
            return Draft(abstain(self.mode, "No stored passage matches the question."), None, None)
        candidates = self._candidates(query, hits)
        if not candidates:
            return Draft(abstain(self.mode, "No stored passage shares a word with the question."), None, None)
        frame = frame_question(query.text, self.ner.analyse([query.text])[0])
        if frame.body_speaker is not None and _a_persons_name(frame.body_speaker, hits):
            frame = replace(frame, speaker=frame.body_speaker, asks=None)
        read: dict[str, str] = {}  # the articles this answer has read, by id
        candidates = self._of_the_year(frame, candidates, hits, read)
        # who did it is not whom a sentence has not do it (``denies_asked_act``), where another sentence is left
        candidates = [c for c in candidates if not denies_asked_act(frame, c.text)] or candidates
        if frame.asks is None and (aside := set_aside(frame.text)):
            # "Besides the Marmolada glacier collapse, what else happened ...?": not the collapse (the names a
            # question sets aside when it asks for a kind of thing are its own, never its answer)
            candidates = [c for c in candidates if not tells_of(set(key_terms(c.text)), aside)]
            if not candidates:
                note = f"The articles found tell only of {aside}."
                return Draft(abstain(self.mode, note), None, None, frame, True)
        if frame.speaker is not None:
            candidates, quoted = self._in_their_words(frame.speaker, candidates, hits, read)
            if not quoted:
                note = f"The articles found don't say what {frame.speaker} said about this."
                return Draft(abstain(self.mode, note), None, None, frame)
        sentences = self._sentences(candidates)
        analysed = self._analyse(frame, candidates, sentences)
        naming = self._naming_people(frame, candidates, hits, read)  # read once: the entities' and the quotes'
        groups = self._entity_groups(frame, sentences, analysed, hits, read, naming)
        if frame.names_a_thing and not groups:
            frame = replace(frame, asks=None)  # no sentence names the thing asked about: quotes, as for any question
        candidates = self._rescore_for(frame, query, candidates, analysed)
        candidates = self._naming_first(candidates, naming)
        if frame.speaker is not None and _WORDING_ASKED.search(frame.text):
            # "How did Jacinda Ardern put it ...?" asks for the words as said: a quotation of theirs comes first (in a
            # passage that names them: not another's quotation in an article that never does)
            last = frame.speaker.split()[-1]
            candidates.sort(key=lambda c: not (_QUOTATION_MARK.search(c.text) and last in c.hit.chunk.text))
        if frame.relation is not None and not states_relation(frame, candidates[0].text):
            stating = self._relation_from_article(frame, candidates)
            if frame.day_offset is not None:
                stating = self._day_from_article(frame, candidates) or stating
            if stating:
                if frame.asks is not None:
                    analysed.update(
                        zip([stating[0].text], self.ner.analyse([stating[0].text], tagged=False), strict=True)
                    )
                candidates = stating + candidates
        chosen = self._choose(candidates)
        best = chosen[0]
        if groups:
            # The short answer is the entity the entity ranker puts first, and its sentence is the first quote
            # (the answer's claim); the sentence ranker's quotes follow.
            best, short = self._lead(frame, groups[0], sentences, analysed)
        elif frame.role is None or frame.relation is not None:
            short = self._short_answer(frame, best, analysed.get(best.text, _NOTHING_FOUND), hits, read)
        else:
            short = None  # the role's candidates were weighed across every sentence: no one fits (rag/roles.py)
        if self.model.weights.get("similarity") and not self.ranker.uses("similarity"):
            # The ranker ranked without cosines; the answerability model weighs the quoted sentence's.
            best = replace(best, similarity=self._similarities(query, [best.text]).get(best.text, 0.0))
        entities = analysed.get(best.text, _NOTHING_FOUND)
        assessment = self._assess(frame, query, hits, best, entities, short, groups[0] if groups else None, read)
        # Further quotes must speak to the question too, or they are not shown: the names it asks about in
        # their article, and some of its other key terms (or the relation it asks about) in the sentence.
        shown = {(best.hit.chunk.article_id, best.start), " ".join(best.text.split())}
        further = []
        for cand in chosen:
            keys = {(cand.hit.chunk.article_id, cand.start), " ".join(cand.text.split())}
            if not keys & shown and self._on_question(frame, cand):
                shown.update(keys)
                further.append(cand)
        # At most max_sentences in all (the ranker's best of the others); the first quote (the claim) first, the
        # others in reading order: by article (the first quote's first), then by position in the article.
        stored: dict[str, str] = {}  # the articles read from the store for their words, by id
        # what the first quote's neighbours add, quoted right after it: "... Brian Chesky told CNN on Thursday." is
        # followed by his words; a why question's first quote by its cause, told in the sentence before ("As a
        # result, ...") or after ("That's because they are launched far enough into the sky ...")
        beside = []
        if frame.speaker is not None:
            beside.append(self._their_words_after(frame.speaker, best, stored))
        if frame.reason and states_reason(best.text) < 1:
            cause = self._reason_before(best, stored) or self._reason_after(best, stored)
            # a cause told in someone's words, quoted whole ("“It’s very unusual. Unsafe road conditions have
            # prevented us from returning to school,” ... said.")
            beside.append(self._whole_quotation(cause, stored) if cause is not None else None)
        for added in filter(None, beside):
            further = [added, *(c for c in further if " ".join(c.text.split()) != " ".join(added.text.split()))]
        further = further[: self.max_sentences - 1]
        first_rank: dict[str, int] = {best.hit.chunk.article_id: 0}
        for cand in further:
            first_rank.setdefault(cand.hit.chunk.article_id, len(first_rank))
        further.sort(key=lambda c: (first_rank[c.hit.chunk.article_id], c.start))
        chosen = [best, *further]
        if frame.speaker is not None:
            # their words whole: a quotation is not cut at its first full stop (nor any of its words quoted twice:
            # a quote that overlaps one before it is left out)
            whole = [self._whole_quotation(c, stored) for c in chosen]
            chosen = [
                c
                for i, c in enumerate(whole)
                if not any(
                    o.hit.chunk.article_id == c.hit.chunk.article_id and o.start < c.end and c.start < o.end
                    for o in whole[:i]
                )
            ]
        if assessment.denied is None:
            # a further quote that denies what the question takes for granted denies it as the first would ("The
            # council did not agree to delay the vote" under "Why did the council agree to delay the vote?")
            # (or tells its change the other way: "The biggest decline was in hot dog prices" under "Why did hot dogs
            # see the biggest price jump?")
            denied = next(
                filter(
                    None,
                    (
                        denied_premise(frame, c.text)
                        or reversed_change(frame, c.text)
                        or reversed_comparison(frame, c.text)
                        for c in further
                    ),
                ),
                None,
            )
            assessment = replace(assessment, denied=denied)
        named = ILLNESS_ASKED.search(frame.text) is not None
        if DEATH_CAUSE_ASKED.search(frame.text) and not any(states_death_cause(c.text, named) for c in chosen):
            # "what did harper lee die of" is not answered by "'Mockingbird' author Harper Lee dies, age 89": news
            # gives a death's cause in the words a cause is given ("died of", "complications from", "after a long
            # illness"), and a quote without them tells only that she died
            assessment = replace(assessment, cause_missing=True)
        # A short answer is a claim: not made from an article that lacks a name the question gives (a quote is
        # still shown, with the note of what it lacks). On rtqa-train such short answers were right 11 times in 67,
        # the others 187 in 384.
        led = short if short is not None and assessment.score >= self.min_short_answer else None
        if led is not None and frame.asks == "date":
            # "Friday" says little to a reader without the article's date: the day it stands for follows it (a date
            # asked for only: "the USA TODAY Network" names no day)
            at = led.start - led.sentence_start
            led = replace(led, day=day_meant(led.sentence, at, at + len(led.text), led.hit.published))
        if assessment.missing_names:
            led = None
        composed = self._compose(chosen, led, assessment.score)
        found = short.text if short is not None else None
        why, by_rule = self._refusal(frame, hits, assessment)
        if why is not None:
            answer = replace(abstain(self.mode, why), answerability=assessment.score)
            return Draft(answer, composed, assessment, frame, by_rule, found, tuple(groups))
        note = ""
        if assessment.missing_names:
            note = self._missing_note(frame, assessment.missing_names, chosen, hits, read)
            if note.startswith(_NONE_MENTION) and asks_why_or_how(frame):
                # "Why did Nikki Haley pick Columbia for her campaign announcement?" takes Columbia for granted: no
                # quote's article names it, so the reasons quoted are for something else
                why = note.replace(_NONE_MENTION, "The articles found don't mention", 1)
                answer = replace(abstain(self.mode, why), answerability=assessment.score)
                return Draft(answer, composed, assessment, frame, True, found, tuple(groups))
        return Draft(replace(composed, note=note), composed, assessment, frame, by_rule, found, tuple(groups))

    def _of_the_year(
        self, frame: Frame, candidates: list[_Candidate], hits: list[Hit], read: dict[str, str]
    ) -> list[_Candidate]:
        """The candidates whose articles are of the year the question names (``years_unsaid``), where some are and
        some are not: "which company was #1 on Fortune's best companies to work for 2023" has the 2023 list and a
        2017 one, and is answered from the former rather than refused for a closer sentence of the latter. All of
        them where none is, for the rule to refuse. (Not so for the news of an as-of date, ``stale``: answering from
        the timely articles instead of refusing for the old one answered 14 more answerable rtqa-dev questions, 3
        of them right, and 9 of the rejection run; on rtqa-train 8, 1 right, and 5.)"""
        if not asked_years(frame.text):
            return candidates
        timely = [
            c
            for c in candidates
            if not years_unsaid(frame.text, self._article_text(c.hit, hits, read), c.hit.published)
        ] or candidates
        # and, of those, the sentences that do not date the question's event by another year ("Ukraine won the
        # 2022 Eurovision Song Contest" for "the 2023 Eurovision Song Contest"); all of them where every one does
        return [c for c in timely if event_of_another_year(frame.text, c.text, c.hit.published) is None] or timely

    def _missing_note(
        self, frame: Frame, missing: Sequence[str], chosen: list[_Candidate], hits: list[Hit], read: dict[str, str]
    ) -> str:
        """The note on the names the first quote's article lacks: "The quoted articles don't mention NAACP.", or,
        when a further quote's article names them, that the first one's doesn't (the note must not deny what a quote
        shows)."""
        texts = [self._article_text(c.hit, hits, read) for c in chosen[1:]]
        unnamed = [n for n in missing if not any(_names_in(frame, t, [n])[0] for t in texts)]
        if unnamed:
            return f"{_NONE_MENTION} {join_words(unnamed, 'or')}."
        return f"The article of the first quote doesn't mention {join_words(list(missing), 'or')}."

    def offers_answer(self, frame: Frame, text: str, holders: Sequence[str] = ()) -> bool:
        """Whether a sentence (a generated one, say) gives what the question asks for: an entity of the asked
        type other than the question's own names, and the relation the question asks about; for a role question,
        one of ``holders``, the names the passages give the asked role (the draft's entity groups: "The president
        of Kazakhstan is Vladimir Putin" does not answer when the passages make Tokayev president)."""
        # a day's relation is checked on the passages (``_day_from_article``): a sentence alone shows a day
        dated = frame.day_offset is not None and named_day(text, None) is not None
        if frame.relation is not None and not states_relation(frame, text) and not dated:
            return False
        if frame.asks is None:
            return True
        if frame.role is not None and holders:
            low = text.lower()
            return any(mentions(low, holder, person=True) for holder in holders)
        return bool(offered(frame, text, self.ner.analyse([text], tagged=False)[0]))

    def _refusal(self, frame: Frame, hits: list[Hit], assessment: Assessment) -> tuple[str | None, bool]:
        """Why the draft is not an answer (a sentence for the reader; None when it is one), and whether a rule
        decided it rather than the model's score."""
        features = assessment.features
        if assessment.unknown_names:
            return f"The articles don't mention {join_words(assessment.unknown_names, 'or')}.", True
        if any(n in frame.person_names for n in assessment.missing_names):
            # A question about a person needs that person: quotes from an article that never names them, however
            # close to the rest of the question, do not answer it.
            return f"The articles found don't mention {join_words(assessment.missing_names, 'or')}.", True
        if frame.relation is not None:
            # A relation question asks for another event than the one it names, so closeness to the question says
            # little: it is answered by a sentence that states the relation, in an article naming what it names.
            if assessment.relation_missing or features["names_article"] < 1.0:
                said = {
                    "same-day": "on the same day",
                    "same-week": "in the same week",
                    "before": "before it",
                    "after": "after it",
                }[frame.relation]
                return f"The articles don't say what happened {said}.", True
            return None, True
        if assessment.denied:
            # "Why did Angel Reese accept Jill Biden's apology?": the quote says "I don't accept that apology"
            return f"The articles say otherwise: “{assessment.denied}”.", True
        if assessment.unknown:
            # "How did the student get into the intercom system?": "It is unclear how the individual accessed the
            # intercom system." (the article itself says it doesn't know: quoting around it would answer anyway)
            return f"The articles say this isn't known: “{assessment.unknown}”.", True
        if assessment.cause_missing:
            return "The articles found don't say what caused the death.", True
        if assessment.day_missing:
            return f"The articles found don't say what happened on {frame.day}.", True
        if assessment.other_day is not None:
            # "What were the winning Powerball numbers in the Jan. 5 drawing?": "drawn on Monday, Jan. 3"
            return f"The articles found don't mention {assessment.other_day}.", True
        if assessment.other_year is not None:
            # "Which country won the 2023 Eurovision Song Contest?": "This year's Eurovision Song Contest winner,
            # Ukraine, ..." in an article of 2022
            told, asked = assessment.other_year
            return f"The articles found tell of {told}, not {asked}.", True
        if assessment.years_missing:
            # "Who was named sportswoman of the year at the 2023 Laureus awards?": an article of 2017, which never
            # names 2023, tells of another ceremony
            return f"The articles found don't mention {join_words(assessment.years_missing, 'or')}.", True
        if assessment.stale_from is not None:
            return (
                f"The article that best matches is from {assessment.stale_from:%B %Y}, over a year before the "
                "question's date: the articles found don't say what happened then.",
                True,
            )
        if frame.asks is not None and not features["type_match"]:
            if frame.role is not None:
                return f"The articles found don't name {frame.role.phrase}.", True
            return f"The articles found don't say which {frame.asks} it was.", True
        best_dense = max(h.scores_by_retriever.get("dense", h.score) for h in hits)
        if best_dense < self.min_relevance or (features["coverage"] or 0.0) < self.min_coverage:
            return "No stored passage is close enough to the question.", True
        if assessment.score >= self.min_answerability:
            return None, False
        if assessment.missing_names:
            return f"The article that best matches doesn't mention {join_words(assessment.missing_names, 'or')}.", False
        if assessment.missing_topic:
            return f"The articles found don't mention {join_words(assessment.missing_topic, 'or')}.", False
        return "No quoted sentence answers the question with enough confidence.", False

    def _analyse(self, frame: Frame, candidates: list[_Candidate], sentences: list[_Candidate]) -> dict[str, Analysed]:
        """Named entities of the best candidate sentences (the full stage's finalists and the sentences whose
        entities are short-answer candidates), in one pass of the recogniser; none when the question asks for no
        kind of thing (a sentence's entities then decide nothing, and the recogniser is the answer's largest cost)."""
        if frame.asks is None:
            return {}
        texts = list(dict.fromkeys(self._finalists(candidates) + [c.text for c in sentences]))
        return dict(zip(texts, people_by_surname(self.ner.analyse(texts, tagged=False)), strict=True))

    def _sentences(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """The cheap stage's best distinct sentences whose entities are short-answer candidates."""
        out: list[_Candidate] = []
        seen: set[str] = set()
        for cand in candidates:
            if cand.text not in seen:
                seen.add(cand.text)
                out.append(cand)
                if len(out) >= self.short_model.sentences:
                    break
        return out

    def _entity_groups(
        self,
        frame: Frame,
        sentences: list[_Candidate],
        analysed: dict[str, Analysed],
        hits: list[Hit],
        read: dict[str, str] | None = None,
        naming_people: set[str] | None = None,
    ) -> list[EntityGroup]:
        """The entities of the asked kind in the best sentences (``rag/short_answer.py``; their mentions index
        ``sentences``), grouped and ranked best first; none for a question that asks for no kind of thing, or about
        what happened before/after an event (its answer is the sentence stating the relation). A question naming a
        person takes its candidates from the articles that name them, when any does: an entity from another
        article would only be refused by the names rule, with the answer it hid; any other question that names
        something (but a role's), from the articles that name the most of its names. ``naming_people``: the
        retrieved articles that name every person the question names (``_naming_people``)."""
        if frame.asks is None or frame.relation is not None or not sentences:
            return []
        naming = ({c.hit.chunk.article_id for c in sentences} & naming_people or None) if naming_people else None
        if naming is None and frame.role is None:  # a role's holder is weighed across every article (rag/roles.py)
            naming = self._naming_most(frame, sentences, hits, read)
        groups = self._rank_entities(frame, sentences, analysed, naming, lambda: self._headline(hits[0], hits, read))
        return _beside_the_noun(frame, groups, sentences)

    def _headline(self, hit: Hit, hits: list[Hit], read: dict[str, str] | None = None) -> str:
        """The headline of the hit's article, without the outlet its title credits ("... | CNN Business"); "" when
        its title is only its first sentence (ingestion's title for an article without one, ``derive_title``), which
        names what the lede names rather than what the story is about. Whether a title was derived is not stored: a
        store whose titles were derived by another ``derive_title`` takes them for headlines."""
        if not hit.title:
            return ""
        body = self._article_text(hit, hits, read).split("\n", 1)[-1]
        return "" if derive_title(body) == hit.title else split_credit(hit.title)[0]

    def _named_shares(
        self,
        frame: Frame,
        names: Sequence[str],
        sentences: list[_Candidate],
        hits: list[Hit],
        read: dict[str, str] | None = None,
    ) -> dict[str, float]:
        """For each article among the sentences', the share of ``names`` its text names."""
        articles = {c.hit.chunk.article_id: c.hit for c in sentences}  # an article's text is the same from any hit
        return {
            aid: share(_names_in(frame, self._article_text(hit, hits, read), names)) for aid, hit in articles.items()
        }

    def _naming_people(
        self, frame: Frame, sentences: list[_Candidate], hits: list[Hit], read: dict[str, str] | None = None
    ) -> set[str] | None:
        """The articles among the sentences' that name every person the question names; None when the question
        names none, or when no article does (the answer is then refused by the names rule, whatever it is)."""
        people = [n for n in frame.names if n in frame.person_names]
        if not people:
            return None
        shares = self._named_shares(frame, people, sentences, hits, read)
        return {aid for aid, s in shares.items() if s == 1.0} or None

    @staticmethod
    def _naming_first(candidates: list[_Candidate], naming: set[str] | None) -> list[_Candidate]:
        """The candidates from the articles that name every person the question names (``naming``) first, in their
        order, when any article does: a quote from an article that never names them is refused (``_refusal``), and
        "Why did Mishustin resign?" would be refused for the Boris Johnson story it quoted ("The articles found
        don't mention Mishustin") while the story that names him is retrieved."""
        if naming is None:
            return candidates
        return sorted(candidates, key=lambda c: c.hit.chunk.article_id not in naming)  # stable: each keeps its order

    def _naming_most(
        self, frame: Frame, sentences: list[_Candidate], hits: list[Hit], read: dict[str, str] | None = None
    ) -> set[str] | None:
        """The articles among the sentences' that name the most of the question's names (by the share named); None
        when the question names nothing or no article names any of it. "Which judge postponed the Red River trial?"
        is answered from the Red River article, not by the judge of another article's hearing."""
        if not frame.names:
            return None
        shares = self._named_shares(frame, frame.names, sentences, hits, read)
        top = max(shares.values(), default=0.0)
        return {aid for aid, s in shares.items() if s == top} if top > 0 else None

    def _rank_entities(
        self,
        frame: Frame,
        sentences: list[_Candidate],
        analysed: dict[str, Analysed],
        articles: set[str] | None = None,
        headline: Callable[[], str] | None = None,
    ) -> list[EntityGroup]:
        """The entities of the asked kind in ``sentences``, grouped and ranked; only those of sentences from
        ``articles`` when given (a question about a person is answered from an article that names them).
        ``headline`` gives the headline whose naming a candidate counts for it (the best-ranked article's; read
        only when there are candidates)."""
        q_terms = set(key_terms(frame.text))
        role = frame.role
        found_mentions = []
        cast: set[int] = set()  # "who plays Archie Bunker": the sentences that give an actor the role
        own = question_entities(frame, [analysed[c.text] for c in sentences if c.text in analysed])
        sources_answer = asks_source(frame.text)
        noun, person = asked_noun(frame), frame.asks == "person"
        for i, cand in enumerate(sentences):
            found = analysed.get(cand.text)
            if found is not None and actor_of(frame, cand.text, found) is not None:
                cast.add(i)
            if found is None or (articles is not None and cand.hit.chunk.article_id not in articles):
                continue
            if role is not None:
                found = titled_people(role, cand.text, found)
                passage = f"{cand.hit.title}\n{cand.hit.chunk.text}".lower()
            anchors = _anchors(cand.text, q_terms)
            for ent in _offered_now(frame, cand, found):
                if own and within(ent.text, own):
                    continue  # "Nuggets" when the question's "Denver" names "the Denver Nuggets"
                if (
                    not sources_answer
                    and cited_source(cand.text, ent)
                    and not source_called(cand.text, ent, noun, person)
                ):
                    continue  # "According to the AAA, the state ... was California": the AAA reports, not answers
                if not credits_outlet(cand.text, ent, cand.hit) and not self._counts_other(frame, cand.text, ent):
                    fit = NO_ROLE
                    if role is not None:
                        fit = role_fit(role, given_role(cand.text, ent))
                        if fit == HOLDER_UNSAID and not _holder_alone(
                            role.of or "", passage, ent, found, cand.text, frame.names
                        ):
                            fit = NO_ROLE  # "President Biden" in a story about Poland and the US
                    distance = _distance(ent, anchors, NO_ANCHOR_DISTANCE)
                    clause, nearby = context_shares(cand.text, ent, q_terms)
                    found_mentions.append(
                        Mention(ent, i, cand.score, distance, fit, cand.hit.chunk.article_id, clause, nearby)
                    )
        if cast:  # "who plays Archie Bunker": a sentence giving an actor the role beats one naming the show's creator
            found_mentions = [m for m in found_mentions if m.sentence in cast]
        groups = group_mentions(found_mentions)
        if role is not None:
            groups = _role_holders(groups, sentences)
        title = headline() if headline is not None and groups else ""
        group_features(groups, sentences[0].score, frame.head, self.embed, title)
        return self.short_model.rank(groups)

    def _counts_other(self, frame: Frame, sentence: str, ent: Entity) -> bool:
        """Whether a number counts something other than what "how many N" asks, not N in other words: "29 points"
        for "how many rebounds", "eight teams" for "how many players" (static vectors' cosine below ``NEAR_WORD``:
        0.22, 0.38); not "3,000 soldiers" for "troops" (0.69), "11 kids" for "children" (0.77). Without the
        vectors it cannot tell, and counts none out."""
        if (priced := other_priced(frame, sentence, ent)) is not None and self.word_vectors is not None:
            # "a $19.5 million distribution facility" for what is spent on "its Fort Collins restaurant": no word
            # of the thing priced is near one of the question's (0.19); "a $1.5 billion arena" is near "stadium"
            said, asked = priced
            vectors = self.word_vectors([*said, *asked])
            if vectors is not None:
                near = vectors[: len(said)] @ vectors[len(said) :].T
                return float(near.max()) < self.NEAR_WORD
        other = other_counted(frame, sentence, ent)
        if other is None or self.word_vectors is None or all(_UNIT_WORD.fullmatch(w) for w in other):
            # "100 meters" may answer "how many feet": a unit is for the reader to convert (not "two and a half
            # years" for "how many Covid cases")
            return False
        vectors = self.word_vectors(list(other))
        return vectors is not None and float(vectors[0] @ vectors[1]) < self.NEAR_WORD

    @staticmethod
    def _lead(
        frame: Frame, group: EntityGroup, sentences: list[_Candidate], analysed: dict[str, Analysed]
    ) -> tuple[_Candidate, _Short]:
        """The sentence to quote first and the short answer in it, for the entity group ranked first."""
        mention = group.shown()
        cand = sentences[mention.sentence]
        # its cosine to the question is unknown (the cheap stage computes none), not 0
        return replace(cand, similarity=None), _short_in(frame, cand, mention.entity, analysed.get(cand.text))

    def _finalists(self, candidates: list[_Candidate]) -> list[str]:
        """The distinct texts of the cheap stage's best candidates (that share a term with the question): the ones
        the full stage scores with a sentence embedding and the recogniser."""
        texts: list[str] = []
        for cand in candidates:
            if cand.coverage > 0 and cand.text not in texts:
                texts.append(cand.text)
                if len(texts) >= self.ranker.candidates:
                    break
        return texts

    def _rescore_for(
        self, frame: Frame, query: Query, candidates: list[_Candidate], analysed: dict[str, Analysed]
    ) -> list[_Candidate]:
        """The full stage of the sentence ranker: the best candidates' cosine to the question and whether they
        offer what the question asks for (a person for "who"); and, for a question about what happened
        before/after/on the same day as an event, a bonus for sentences that state that relation."""
        # Only a ranker that weighs the cosine gets one (None otherwise: unknown, not 0, in the assessment's features).
        weighs = self.ranker.uses("similarity")
        sims = self._similarities(query, self._finalists(candidates)) if weighs else {}
        floor = min(sims.values(), default=0.0)
        asked = frozenset(frame.topic)
        why_terms = reason_clause_terms(frame.text) if frame.reason else set()
        out = []
        for cand in candidates:
            similarity = sims.get(cand.text, floor) if weighs else None
            offers = float(frame.asks is not None and self._offers(frame, cand, analysed))
            score = self.ranker.score_full({**cand.features, "similarity": similarity, "offers": offers})
            if frame.relation is not None and states_relation(frame, cand.text):
                score += self.RELATION_BONUS
            if frame.reason and (reason := states_reason(cand.text, asked)):
                # about what the question asks: its heaviest terms, or most of the words of its "why" clause when
                # a scene comes first ("with that storm bringing tornado risk to the gulf coast, why are overnight
                # tornadoes more dangerous": "Nocturnal tornadoes are more dangerous because ...")
                said = set(key_terms(cand.text)) | cand.near if why_terms else set()
                if cand.coverage >= self.REASON_MIN_COVERAGE or (
                    why_terms and len(why_terms & said) >= self.REASON_MIN_COVERAGE * len(why_terms)
                ):
                    score += self.REASON_BONUS * reason
            out.append(replace(cand, similarity=similarity, score=score))
        out.sort(key=lambda c: (-c.score, c.rank, c.start))
        if frame.asks is not None and not self._offers(frame, out[0], analysed):
            # The best sentence names the subject but not what is asked ("The council voted to build a seawall"
            # for "how much will the seawall cost"): a sentence of the same article that offers it comes first.
            same = [c for c in out[1:] if c.hit.chunk.article_id == out[0].hit.chunk.article_id]
            offering = next((c for c in same if self._offers(frame, c, analysed)), None)
            if offering is not None and offering.coverage > 0:
                out.remove(offering)
                out.insert(0, replace(offering, score=out[0].score))
        return out

    def _similarities(self, query: Query, texts: list[str]) -> dict[str, float]:
        """Each text's cosine to the question (none without an embedder): an embedding per text, the answer's
        largest cost, so only what a fitted model weighs is embedded."""
        if self.embed is None or self.embed_query is None or not texts:
            return {}
        vectors = self.embed(texts)
        return dict(zip(texts, (vectors @ self.embed_query(query.text)).tolist(), strict=True))

    def _relation_from_article(self, frame: Frame, candidates: list[_Candidate]) -> list[_Candidate]:
        """A relation question's answer is stated beside its anchor, in the same article, and may lie outside the
        retrieved passages ("Earlier on the same day, ..." three paragraphs below the session): the sentence of the
        best candidate's article that states the relation, nearest to it; none when the article states none."""
        anchor = candidates[0]
        text = self.article_text(anchor.hit.chunk.article_id) if self.article_text is not None else None
        if not text:
            return []
        stating = [sp for sp in sentence_spans(text) if states_relation(frame, text[sp.start : sp.end])]
        if not stating:
            return []
        span = min(stating, key=lambda sp: abs(sp.start - anchor.start))
        return [self._quoted(anchor, span, text)]

    def _day_from_article(self, frame: Frame, candidates: list[_Candidate]) -> list[_Candidate]:
        """For "what did X do the day before Y": the sentence of Y's article that names the day before the one it
        gives Y ("On Monday, it doubled the limit" where "On Tuesday, the Bank added gilts"), nearest to Y's; none
        when no good candidate is about Y and names its day, or its article names no such other day. Y's sentence
        must hold half of the key terms of the words naming it ("the senate passed the tiktok ban"), and as many as
        any other sentence that names a day."""
        assert frame.day_offset is not None
        event = set(key_terms(frame.event.replace("-", " ")))
        needed = max(1, (len(event) + 1) // 2)
        given = calendar_days(frame.event)  # "the day after their Aug. 16 show": the anchor is of Aug. 16
        read: dict[str, str | None] = {}  # each article once, however many anchors it holds
        # the sentences most about Y: "what happened at Engels the day after the Kursk airfield drone strike" is
        # not anchored on "drones attacked two airfields on Monday" (two of its words), whose next day is Kursk's
        # (not "Aug. 12: Nelly ..." in a list of the fair's shows, a sentence of another day than the one given)
        anchors = [
            (len(event & set(key_terms(c.text.replace("-", " ")))), c, day)  # "index-linked", "index linked"
            for c in candidates[: self.DAY_ANCHORS]
            if (day := named_day(c.text, c.hit.published)) is not None and (not given or names_day(frame.event, day))
        ]
        most = max((n for n, _, _ in anchors), default=0)
        for n, anchor, day in anchors:
            if n < max(needed, most) or self.article_text is None:
                continue
            aid = anchor.hit.chunk.article_id
            if aid not in read:
                read[aid] = self.article_text(aid)
            text = read[aid]
            if not text:
                continue
            target = shift_day(day, frame.day_offset)
            first, last = section_of(text, anchor.start)  # a roundup's other stories tell of other events
            spans = [
                sp
                for sp in sentence_spans(text)
                if first <= sp.start < last
                and not sp.start <= anchor.start < sp.end
                and names_day(text[sp.start : sp.end], target)
                and not _QUESTION_END.search(text[sp.start : sp.end])
            ]
            if spans:
                span = min(spans, key=lambda sp: abs(sp.start - anchor.start))
                return [replace(self._quoted(anchor, span, text), stated=True)]
        return []

    def _their_words_after(self, asked: str, best: _Candidate, stored: dict[str, str]) -> _Candidate | None:
        """For a question that asks what someone said, whose first quote reports them without their own words ("the
        tech industry is now facing the 'ultimate reality check' ..., Airbnb CEO Brian Chesky told CNN on
        Thursday."): the next sentence of its article, when it opens a quotation that is theirs ("“It's like we're
        all in a nightclub and the lights just came on,” ..."); None otherwise, or without the article's text."""
        if _OPENS_QUOTE.match(best.text) or (read := self._sentence_at(best, stored)) is None:
            return None
        text, spans, at = read
        if at + 1 >= len(spans):
            return None
        span = spans[at + 1]
        sentence = text[span.start : span.end]
        if not _OPENS_QUOTE.match(sentence):
            return None
        before = [text[sp.start : sp.end] for sp in spans[max(0, at + 1 - self.SPEAKER_CONTEXT) : at + 1]]
        after = [text[sp.start : sp.end] for sp in spans[at + 2 : at + 5]]
        # theirs by name, or by what they are right after the sentence that names them ("... the California
        # Republican said." after "House GOP leader Kevin McCarthy criticized ...")
        asked = whole_name(asked, text)
        before[-1] = _named_put_to(before[-1], asked)  # "She was asked afterward if ...": the question put to them
        if not self._by_description(asked, sentence, before, after) and not same_speaker(
            asked, attributed(before, sentence, after)
        ):
            return None
        return self._quoted(best, span, text)

    def _reason_after(self, best: _Candidate, stored: dict[str, str]) -> _Candidate | None:
        """For a question that asks why, whose first quote tells what happened without its cause ("The state dinner
        is occurring nearly halfway through Biden's term as president."): the next sentence of its article, or the
        one after in the same paragraph, when it gives a cause ("The White House previously said that the COVID-19
        pandemic caused a delay in the event."; ``states_reason``); None otherwise, or without the article's text.
        News gives a cause right after what it explains, in words of its own ("the app", "they"), which the
        question's terms do not find."""
        if (read := self._sentence_at(best, stored)) is None:
            return None
        text, spans, at = read
        for span in spans[at + 1 : at + 3]:
            if span is not spans[at + 1] and "\n" in text[spans[at + 1].end : span.start]:
                break  # the one after only in the same paragraph as the next
            if states_reason(text[span.start : span.end]) >= 1:
                return self._quoted(best, span, text)
        own = spans[at]
        if (
            at + 1 < len(spans)
            and _paragraph_alone(text, own)
            and len(text[own.start : own.end].split()) <= _TERSE
            and text[spans[at + 1].start] in '“"'
        ):
            # a terse paragraph of its own ("It didn’t stick.") is told by the words quoted next ("“When I put Santa
            # Fe on the package, it didn’t look right,” Vultaggio told CNN Business."), not by any next sentence
            return self._quoted(best, spans[at + 1], text)
        return None

    def _reason_before(self, best: _Candidate, stored: dict[str, str]) -> _Candidate | None:
        """For a question that asks why, whose first quote tells what happened as the outcome of what came before it
        ("As a result, the German Federal Agency for Technical Relief stopped its rescue and relief work ..."): the
        sentence before it in its article, which tells that cause ("... amid reports of clashes and looting"); None
        otherwise, or without the article's text."""
        if not _AS_A_RESULT.match(best.text) or (read := self._sentence_at(best, stored)) is None:
            return None
        text, spans, at = read
        return self._quoted(best, spans[at - 1], text) if at else None

    def _sentence_at(self, best: _Candidate, stored: dict[str, str]) -> tuple[str, list[Span], int] | None:
        """The stored text of ``best``'s article, its sentences, and the index of the one ``best`` starts in; None
        without the article's text."""
        if self.article_text is None:
            return None
        text = self._stored_text(best.hit.chunk.article_id, stored)
        if not text:
            return None
        spans = sentence_spans(text)
        at = next((i for i, sp in enumerate(spans) if sp.start <= best.start < sp.end), None)
        return None if at is None else (text, spans, at)

    def _stored_text(self, article_id: str, stored: dict[str, str]) -> str:
        """The article's text as stored, read once per answer (``stored``: those read, by id); "" without it."""
        if article_id not in stored:
            stored[article_id] = (self.article_text(article_id) if self.article_text is not None else None) or ""
        return stored[article_id]

    def _by_description(self, asked: str, sentence: str, before: Sequence[str], after: Sequence[str]) -> bool:
        """Whether ``sentence`` gives ``asked``'s words by what they are, with "the" ("“...,” says the 52-year-old
        singer"; ``described_speaker``), in it or, for a quotation that runs on, in the sentence that closes it
        ("“This is a monstrosity. It is one of the most shameful acts ...,” the California Republican said."), and
        the article has just named them: in the sentence before (or this one) for a noun, a few back for an age."""
        how = described_speaker(sentence)
        if not how and _OPENS_QUOTE.match(sentence):
            how = described_speaker(next((t for t in after if "”" in t or '"' in t), ""))
        back = self.DESCRIBED_CONTEXT if how == "age" else 1
        return bool(how) and any(names_person(t, asked) for t in [*before[-back:], sentence])

    def _whole_quotation(self, cand: _Candidate, stored: dict[str, str]) -> _Candidate:
        """``cand`` run on to the end of the quotation it opens and does not close, when the next sentence or the
        one after, in the same paragraph, closes it (“No one wants the job who can actually keep Twitter alive.
        There is no successor.”); or back to the start of the one it closes and does not open, when one of the
        three sentences before it in its paragraph opens it (“... but it's my intention – my intention to run again.
        And we have time to make that decision,” Biden told MSNBC): a speaker's words are quoted whole, not cut at a
        full stop. ``cand`` itself otherwise, or without the article's text (``stored``: the articles this answer
        has read, by id)."""
        balance = _quotation_balance(cand.text)
        if self.article_text is None or balance == 0:
            return cand
        text = self._stored_text(cand.hit.chunk.article_id, stored)
        if not text or text[cand.start : cand.end] != cand.text:
            return cand
        if balance < 0:
            paragraph = text.rfind("\n", 0, cand.start) + 1
            before = [sp for sp in sentence_spans(text, paragraph, cand.start) if sp.end <= cand.start][-3:]
            for span in reversed(before):
                if _quotation_balance(text[span.start : cand.end]) == 0:
                    return replace(self._quoted(cand, Span(span.start, cand.end), text), score=cand.score)
            return cand
        after = [sp for sp in sentence_spans(text, cand.end) if sp.start >= cand.end][:2]
        for span in after:
            run = text[cand.end : span.end]
            if "\n" in run:
                return cand  # a quotation left open at a paragraph's end runs on in the next paragraph's opening one
            if _quotation_balance(run) < 0:
                return replace(self._quoted(cand, Span(cand.start, span.end), text), score=cand.score)
        return cand

    def _quoted(self, anchor: _Candidate, span: Span, text: str) -> _Candidate:
        """The sentence ``span`` of ``anchor``'s article as a candidate ranked above it, its own passage the
        sentence (so that its citation is exact and verbatim)."""
        sentence = text[span.start : span.end]
        hit = anchor.hit
        chunk = Chunk(
            f"{hit.chunk.article_id}@{span.start}-{span.end}", hit.chunk.article_id, -1, span.start, span.end, sentence
        )
        return replace(
            anchor,
            hit=replace(hit, chunk=chunk),
            start=span.start,
            end=span.end,
            text=sentence,
            score=anchor.score + 1.0,
        )

    def _in_their_words(
        self, asked: str, candidates: list[_Candidate], hits: list[Hit], read: dict[str, str]
    ) -> tuple[list[_Candidate], bool]:
        """For a question that asks what someone said, the candidates that give their words: the sentence, or the
        nearest sentence before it in its article that names a speaker, names them ("Denis Denisov told Izvestia
        that ... Lukashenko ..." does not say what Lukashenko said; ``rag/speakers.py``). Only in articles that name
        them: of an article that never does, the names rule says so ("don't mention Tokayev"). Also whether any
        candidate gives their words, or no article names them (False: the articles that name them don't quote them
        on this, and the others are no answer either)."""
        articles: dict[str, tuple[str, int, list[Span], str] | None] = {}
        kept = []
        quoted = False
        for cand in candidates:
            aid = cand.hit.chunk.article_id
            if aid not in articles:
                # the article as stored, read once for the whole answer (``read``: its title, then its text);
                # without a store, the passage
                if self.article_text is not None:
                    text, base = self._article_text(cand.hit, hits, read).split("\n", 1)[-1], 0
                else:
                    text, base = cand.hit.chunk.text, cand.hit.chunk.start
                # an article that never names them is judged by the names rule ("don't mention Tokayev")
                named = (
                    names_person(text, asked) if self.article_text is not None else mentions(text.lower(), asked, True)
                )
                # (and the name asked as the article writes it whole: "Giannis" -> "Giannis Antetokounmpo")
                articles[aid] = (text, base, sentence_spans(text), whole_name(asked, text)) if named else None
            if (article := articles[aid]) is None:
                kept.append(cand)
                continue
            text, base, spans, whole = article
            before = [text[sp.start : sp.end] for sp in spans if base + sp.end <= cand.start][-self.SPEAKER_CONTEXT :]
            after = [text[sp.start : sp.end] for sp in spans if base + sp.start >= cand.end][:3]
            # "“...,” says the 52-year-old singer": the person the article has just named (in the sentences
            # before, or earlier in this one)
            if _put_to(cand.text, whole, before):
                # a question put to them is not their words; it stands for the quotation that answers it
                theirs = self._answered_after(whole, cand.text, before, after)
            else:
                theirs = self._by_description(whole, cand.text, before, after) or same_speaker(
                    whole, attributed(before, cand.text, after)
                )
            if theirs:
                kept.append(cand)
                quoted = True
        return kept, quoted or all(a is None for a in articles.values())

    def _answered_after(self, asked: str, sentence: str, before: Sequence[str], after: Sequence[str]) -> bool:
        """Whether the question put to ``asked`` in ``sentence`` ("Antetokounmpo was asked afterward if the Bucks have
        changed their mindset from the hunters to the hunted.") is answered in their words by the next sentence
        ("“We're still hunting,” the reigning MVP said."): what they said is that quotation, quoted after it
        (``_their_words_after``)."""
        if not after or not _OPENS_QUOTE.match(after[0]):
            return False
        context = [*before, _named_put_to(sentence, asked)]
        return self._by_description(asked, after[0], context, after[1:]) or same_speaker(
            asked, attributed(context, after[0], after[1:])
        )

    @staticmethod
    def _offers(frame: Frame, cand: _Candidate, analysed: dict[str, Analysed]) -> bool:
        found = analysed.get(cand.text)
        return found is not None and bool(_offered_now(frame, cand, found))

    def _article_text(self, hit: Hit, hits: list[Hit], read: dict[str, str] | None = None) -> str:
        """The hit's article, title first (its retrieved passages when the store has no text); ``read`` keeps the
        articles one answer has read already (a store request each)."""
        aid = hit.chunk.article_id
        if read is not None and aid in read:
            return read[aid]
        text = self.article_text(aid) if self.article_text is not None else None
        if text is None:
            text = "\n".join(h.chunk.text for h in hits if h.chunk.article_id == aid)
        out = f"{hit.title}\n{text}"
        if read is not None:
            read[aid] = out
        return out

    def _assess(
        self,
        frame: Frame,
        query: Query,
        hits: list[Hit],
        best: _Candidate,
        analysed: Analysed,
        short: _Short | None,
        group: EntityGroup | None = None,
        read: dict[str, str] | None = None,
    ) -> Assessment:
        written = self._article_text(best.hit, hits, read)
        article = written.lower()
        in_article = _names_in(frame, written, frame.names)
        in_passage = _names_in(frame, f"{best.hit.title}\n{best.hit.chunk.text}", frame.names, article=False)
        # the story the sentence is part of: a roundup of the day's news names Trump under one heading and quotes
        # "an arrest warrant for Putin" under another (the passage when the article's text is not at hand)
        at = len(best.hit.title) + 1 + best.start
        section = written[slice(*section_of(written, at))] if written.startswith(best.text, at) else ""
        in_section = _names_in(frame, section, frame.names, article=False) if section else in_passage
        unknown: tuple[str, ...] = ()
        if self.unknown_names is not None and frame.names:
            # a name is unknown when no form of it is ("U.S." is known if an article says "United States"); the
            # other forms are looked up only for the names unknown as written; two untagged words side by side are
            # one name to some article ("Marcus Ellery", ``Frame.pairs``), though each word is known
            unknown = self.unknown_names((*frame.names, *frame.pairs), query.exclude_articles)
            if any(p in unknown for p in frame.pairs):
                unknown = tuple(n for n in unknown if not any(n in p.split() for p in frame.pairs))
            if unknown:
                others = {n: name_forms(n)[1:] for n in unknown}
                forms = list(dict.fromkeys(f for fs in others.values() for f in fs))
                absent = set(self.unknown_names(forms, query.exclude_articles))
                unknown = tuple(n for n in unknown if all(f in absent for f in others[n]))
        missing_names = tuple(n for n, ok in zip(frame.names, in_article, strict=True) if not ok and n not in unknown)
        # an irregular past form says its verb: "did Schultz admit Starbucks broke labor laws" is answered by "did
        # not break labor laws" (and "Who bought Twitter?" by "Musk buys Twitter")
        article_terms = event_terms(article)
        sentence_terms = event_terms(best.text)
        # a topic word the sentence says in other words counts as said ("phone" for its "telephone conversation")
        sentence_terms |= best.near
        article_terms |= best.near
        section_terms = (event_terms(section) | best.near) if section else sentence_terms
        # each topic word with the verb of its irregular past form ("broke" is said by "break"), read once
        forms = {t: as_events((t,)) for t in frame.topic}
        # the asker's own scene counts where the article says it, and is not missed where it does not ("We're
        # driving through Visalia ... the kids are begging": no article says "kids")
        topic = [t for t in frame.topic if t not in frame.chat or forms[t] & article_terms]
        offers = offered(frame, best.text, analysed)
        if frame.role is not None and group is None:
            offers = []  # no sentence gives anyone the asked role (rag/roles.py): a person is not what was asked
        asked = numbers_in(frame.text)
        features = {
            "dense": max(h.scores_by_retriever.get("dense", h.score) for h in hits),
            "similarity": best.similarity,
            "coverage": best.coverage,
            "names_article": share(in_article),
            "names_sentence": share(in_passage),
            "names_section": share(in_section),
            "has_names": float(bool(frame.names)),
            "topic_article": share([bool(forms[t] & article_terms) for t in topic]),
            "topic_sentence": share([bool(forms[t] & sentence_terms) for t in topic]),
            "topic_section": share([bool(forms[t] & section_terms) for t in topic]),
            "asks_type": float(frame.asks is not None),
            "type_match": float(bool(offers)),
            "consensus": self._consensus(short.text if short else "", best, hits),
            "recency": (
                recency(best.hit.published, None, month)
                if (month := month_before(query)) is not None
                else recency(best.hit.published, query.as_of, period_of(query))
            ),
            "rank": best.rank / len(hits),
            "short_confidence": group.probability if group is not None else 0.0,
            # "a recall of 23,000 cars": the numbers a question gives pick out its story, as its names do
            "numbers_article": share([n in numbers_in(written) for n in asked]) if asked else 1.0,
        }
        relation_missing = frame.relation is not None and not (best.stated or states_relation(frame, best.text))
        day_missing = False
        if frame.day is not None:
            (day,) = calendar_days(frame.day)
            published = best.hit.published
            day_missing = day not in calendar_days(article) and (
                published is None or (published.month, published.day) != day
            )
        return Assessment(
            features=features,
            score=self.model.probability(features),
            unknown_names=unknown,
            missing_names=missing_names,
            missing_topic=tuple(topic_words(frame, {t for t in topic if not forms[t] & article_terms})),
            relation_missing=relation_missing,
            day_missing=day_missing,
            years_missing=years_unsaid(frame.text, written, best.hit.published),
            other_day=other_day(frame.text, best.text, written, best.hit.published),
            other_year=event_of_another_year(frame.text, best.text, best.hit.published),
            stale_from=best.hit.published if stale(frame.text, best.hit.published, query.as_of) else None,
            # the contest told the other way round anywhere in the quote's article ("how did the eagles beat the
            # chiefs" is answered by a sentence that the teams faced off; the article says the Chiefs won)
            denied=denied_premise(frame, best.text)
            or swapped_result(frame, written)
            or reversed_change(frame, best.text)
            or reversed_comparison(frame, best.text)
            or reversed_range(frame, best.text)
            or other_winner(frame, written)
            or other_doer(frame, written)
            or opposite_act(frame, written)
            or subject_denies(frame, written)
            or reversed_verdict(frame, written)
            or reversed_ruling(frame, written)
            or first_time_told(frame, written),
            # (only where the quote offers nothing of the kind asked: "Four people died in the fire." answers "how
            # many died" though the article says "It is unclear how many were injured")
            unknown=(
                unknown_told(frame, best.text, written)
                if frame.asks is None or not features["type_match"]
                # or the quote itself, saying the asked count is not known beside what it offers ("It is not clear
                # how many missile launchers will be sent but a typical battery includes ... up to eight launchers")
                else unknown_of_asked(frame, best.text)
            ),
        )

    @staticmethod
    def _consensus(answer: str, best: _Candidate, hits: list[Hit]) -> float:
        """Share of the other retrieved articles that state the short answer too."""
        others: dict[str, str] = {}
        for hit in hits:
            if hit.chunk.article_id != best.hit.chunk.article_id:
                others[hit.chunk.article_id] = others.get(hit.chunk.article_id, "") + "\n" + hit.chunk.text.lower()
        if not answer or not others:
            return 0.0
        return sum(mentions(text, answer) for text in others.values()) / len(others)

    def _short_answer(
        self, frame: Frame, best: _Candidate, analysed: Analysed, hits: list[Hit], read: dict[str, str]
    ) -> _Short | None:
        """The short answer within the first quote alone, when the entity ranker had no candidates (a relation
        question's stating sentence, found in its article; or a question whose person's articles offer no entity of
        the asked kind, whose answer the names rule then refuses): the entity of the asked kind that the same ranker
        puts first among the sentence's own."""
        if frame.asks is None:
            return None
        groups = self._rank_entities(
            frame, [best], {best.text: analysed}, None, lambda: self._headline(best.hit, hits, read)
        )
        return _short_in(frame, best, groups[0].shown().entity, analysed) if groups else None

    def _on_question(self, frame: Frame, cand: _Candidate) -> bool:
        if frame.relation is not None:  # the event the question names is not what it asks about
            return states_relation(frame, cand.text)
        if not all(_names_in(frame, f"{cand.hit.title}\n{cand.hit.chunk.text}", frame.names, article=False)):
            return False
        if not frame.topic and frame.asks is None and frame.names:
            # "Who is Fraser Lundie?" asks nothing but about him: a further quote is about him when it names him
            # itself ("Where was Anna Torv from?" is answered by "The Glasgow-born former reporter ...")
            return any(_names_in(frame, cand.text, frame.names, article=False))
        terms = set(key_terms(cand.text))
        return not frame.topic or bool(terms & set(frame.topic)) or states_relation(frame, cand.text)

    def _candidates(self, query: Query, hits: list[Hit]) -> list[_Candidate]:
        """Every sentence of the passages, scored by the sentence ranker's cheap stage, best first."""
        q_terms = set(key_terms(query.text))
        if not q_terms:
            return []
        q_entities = entity_terms(query.text) & q_terms
        focus = set(key_terms(focus_text(query.text))) & q_terms
        raw: list[tuple[Hit, int, int, int, str, set[str], set[str]]] = []
        for rank, hit in enumerate(hits):
            text = hit.chunk.text
            # News sentences are about their article's headline: its names count for every sentence.
            recent: list[set[str]] = [set(key_terms(hit.title)) & q_entities]
            for span in sentence_spans(text):
                sentence = text[span.start : span.end]
                terms = set(key_terms(sentence))
                context = (recent[0].union(*recent[1:][-self.CONTEXT_SENTENCES :]) & q_entities) - terms
                # a question (a quiz's, a headline's) states nothing, nor does an editor's note about the page or a
                # photo's caption
                if (
                    not _QUESTION_END.search(sentence)
                    and not _EDITORS_NOTE.match(sentence)
                    and not _CAPTION.search(sentence)
                ):
                    raw.append((hit, rank, span.start, span.end, sentence, terms, context))
                recent.append(terms)
        # Rarer question terms weigh more: a name in every sentence says less than the one word that matches.
        weight = rarity(q_terms, [terms for *_, terms, _ in raw])
        # Long questions carry context ("X happened this week. Which team ...?"): a sentence needs to cover the
        # weight of the question's few most telling terms, not all of them.
        total = sum(sorted(weight.values(), reverse=True)[: self.COVERAGE_TERMS])
        focus_total = sum(sorted((weight[t] for t in focus), reverse=True)[: self.COVERAGE_TERMS])
        best_dense = max(h.scores_by_retriever.get("dense", h.score) for h in hits)
        question_lower = query.text.lower()
        nears = self._near_stems(query.text, q_terms, [(sentence, terms) for *_, sentence, terms, _ in raw])
        out = []
        for (hit, rank, s, e, sentence, terms, context), near in zip(raw, nears, strict=True):
            # A name the sentences just before supply counts half: "According to X, ... . For example, Y."
            matched = sum(weight[t] for t in terms & q_terms) + 0.5 * sum(weight[t] for t in context & q_terms)
            matched += self.NEAR_CREDIT * sum(weight[t] for t in near - context)
            in_focus = sum(weight[t] for t in terms & focus) + 0.5 * sum(weight[t] for t in context & focus)
            start = hit.chunk.start + s
            features = {
                "coverage": min(1.0, matched / total),
                "focus": min(1.0, in_focus / focus_total) if focus_total else 0.0,
                "dense_gap": hit.scores_by_retriever.get("dense", hit.score) - best_dense,
                "rank": rank / len(hits),
                "type_regex": float(bool(answer_type_match(query.text, sentence))),  # "how much" wants a sum
                **surface_features(sentence, question_lower, start),
            }
            score = self.ranker.score_cheap(features)
            out.append(
                _Candidate(
                    hit, rank, start, hit.chunk.start + e, sentence, features["coverage"], score, 0.0, features, near
                )
            )
        out.sort(key=lambda c: (-c.score, c.rank, c.start))
        return out

    def _near_stems(
        self, question: str, q_terms: set[str], sentences: list[tuple[str, set[str]]]
    ) -> list[frozenset[str]]:
        """For each sentence, the stems of the question's common words (not its names) that the sentence does not
        have but says in other words: a word of it whose static vector is within ``NEAR_WORD`` of the question
        word's ("telephone conversation" for "phone", "demonstrators" for "protesters")."""
        none = [frozenset()] * len(sentences)
        if self.word_vectors is None:
            return none
        asked = {
            w: stem
            for w in _WORD.findall(question)
            if w.islower() and w not in _CONTRASTED and (stem := _stem_of(w)) in q_terms and not stem.isdigit()
        }
        if not asked:
            return none
        said_in = [
            {
                low
                for w in _WORD.findall(sentence)
                if len(w) > 2 and not w[0].isdigit() and (low := w.lower()) not in STOPWORDS and low not in _CONTRASTED
            }
            for sentence, _ in sentences
        ]
        vocabulary = sorted(set().union(*said_in) - set(asked)) if said_in else []
        vectors = self.word_vectors([*asked, *vocabulary]) if vocabulary else None
        if vectors is None:
            return none
        close = vectors[: len(asked)] @ vectors[len(asked) :].T >= self.NEAR_WORD
        stems = list(asked.values())
        means: dict[str, frozenset[str]] = {}
        for j, word in enumerate(vocabulary):
            hit = frozenset(stems[i] for i in np.flatnonzero(close[:, j]))
            if hit:
                means[word] = hit
        out = []
        for said, (_, terms) in zip(said_in, sentences, strict=True):
            near = frozenset().union(*(means.get(w, frozenset()) for w in said)) - terms
            out.append(near)
        return out

    def _choose(self, candidates: list[_Candidate]) -> list[_Candidate]:
        best = candidates[0]
        chosen = [best]
        seen = {(best.hit.chunk.article_id, best.start), " ".join(best.text.split())}
        for cand in candidates[1:]:
            if len(chosen) >= self.max_sentences or cand.score < best.score - self.ranker.further_margin:
                break
            if cand.coverage < 0.5 * best.coverage:
                continue  # a further sentence must answer a good part of the question
            flat = " ".join(cand.text.split())
            key = (cand.hit.chunk.article_id, cand.start)
            if cand.coverage < self.FURTHER_MIN_COVERAGE or key in seen or flat in seen:
                continue  # overlapping chunks repeat sentences; syndicated copies repeat text
            seen.update({key, flat})
            chosen.append(cand)
        return chosen

    def _compose(self, chosen: list[_Candidate], short: _Short | None = None, score: float | None = None) -> Answer:
        markers: dict[str, int] = {}
        sources: list[Source] = []
        citations: list[Citation] = []
        parts: list[str] = []
        sentences: list[AnswerSentence] = []

        def marker_of(hit: Hit) -> int:
            article_id = hit.chunk.article_id
            if article_id not in markers:
                markers[article_id] = len(markers) + 1
                sources.append(Source(markers[article_id], article_id, hit.title, hit.published, hit.source))
            return markers[article_id]

        short_answer = None
        if short is not None:
            marker = marker_of(short.hit)
            short_answer = ShortAnswer(
                short.text, marker, short.hit.chunk.article_id, short.start, short.end, short.day
            )
            text = short_answer.said
            parts.append(f"{text}{'' if text.endswith('.') else '.'} [{marker}]")
            sentences.append(AnswerSentence(parts[-1], (marker,), True))
        for cand in chosen:
            hit = cand.hit
            marker = marker_of(hit)
            # Every quote shown has passed the answerability decision for this question (the best one) or the
            # on-question check (the others), and is verbatim: it supports the answer's claim.
            supported = self.checker.check(cand.text, hit.chunk.text).supported
            citations.append(
                Citation(marker, hit.chunk.id, hit.chunk.article_id, cand.start, cand.end, cand.text, supported)
            )
            parts.append(f"{' '.join(cand.text.split())} [{marker}]")
            sentences.append(AnswerSentence(parts[-1], (marker,), supported))
        return Answer(
            text=" ".join(parts),
            citations=citations,
            sources=sources,
            abstained=False,
            mode=self.mode,
            sentences=sentences,
            short_answer=short_answer,
            answerability=score,
        )
