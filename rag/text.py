"""Text helpers shared by chunking and answering: sentence spans with offsets, and key terms."""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

from rag.types import Span

# Abbreviations after which a period does not end a sentence (lower-case, without the period).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "pres",
        "rev",
        "hon",
        "fr",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "univ",
        "assn",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "fig",
        "no",
        "nos",
        "vol",
        "pp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "d.c",
    ]
)
# and those only with their capital ("Ft. Lauderdale"; "86 ft." ends a sentence)
_CAPITALISED_ABBREVIATIONS = frozenset(["Ft"])
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_PARAGRAPH = re.compile(r"\n\s*\n")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
# a quotation's attribution after its closing mark, where a question or an exclamation ends the quoted sentence:
# "“... You understand that, Mr. President?” Brady said to laughter." is one sentence (up to three capitalised words,
# no pronoun, then a verb of speech; not "... again.” She told CNN ...", a sentence of its own)
_ATTRIBUTION = re.compile(
    r"(?!(?:He|She|They|It|We|I|You)\s)(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|asked|asks|told|tells|added|adds|"
    r"joked|jokes|replied|replies|wrote|recounted|quipped|exclaimed|responded|continued|laughed|shouted|yelled|"
    r"tweeted)\b(?:\s+[\w'’,-]+){0,4}[.!?]"  # and ends soon after ("to laughter."; not "said the plan would go ...")
)


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'“‘":
        start -= 1
    word = text[start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    if text[start:dot] in _CAPITALISED_ABBREVIATIONS:
        return True  # "of Ft. Lauderdale" (not "1,250 ft.": a measure in feet may end a sentence)
    return len(word) == 1 and word.isalpha()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentences; spans are absolute offsets with surrounding whitespace trimmed.

    Boundaries: terminal punctuation followed by whitespace and an upper-case letter, digit or opening quote
    (not after an abbreviation or an initial), and blank lines (paragraph breaks). Deterministic and fast;
    not perfect, but every span is a verbatim slice of the text, so citations stay exact.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    for para in _paragraphs(text, start, end):
        pos = para.start
        for match in _BOUNDARY.finditer(text, para.start, para.end):
            cut = match.end()
            nxt = _NEXT_START.match(text, cut, para.end)
            if not nxt:
                continue
            first = nxt.group(2)
            if not (first.isupper() or first.isdigit() or nxt.group(1)):
                continue
            if (
                text[cut - 1] in "\"”’'"
                and ("?" in match.group(0) or "!" in match.group(0))
                and not nxt.group(1)
                and _ATTRIBUTION.match(text, nxt.start(2))
            ):
                continue  # "...?” Brady said to laughter."
            if (
                text[match.start()] == "."
                and match.end() - match.start() == 1
                and _ends_with_abbreviation(text, match.start())
            ):
                continue
            _append_trimmed(text, pos, cut, spans)
            pos = cut
        _append_trimmed(text, pos, para.end, spans)
    return spans


def _paragraphs(text: str, start: int, end: int) -> list[Span]:
    out, pos = [], start
    for match in _PARAGRAPH.finditer(text, start, end):
        out.append(Span(pos, match.start()))
        pos = match.end()
    out.append(Span(pos, end))
    return out


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


# Words that carry no content in a question about news ("what did X say about Y").
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "talk",
        "talked",
        "mention",
        "mentioned",
        "according",
        "report",
        "reported",
        "reportedly",
        "week",
        "weeks",
        "this",
        "year",
        "today",
        "recently",
        "new",
        "news",
        "article",
        "articles",
        "story",
        "much",
        "many",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer  # PyStemmer: the Snowball English stemmer

    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, inner hyphens and apostrophes kept)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


# Irregular past forms of verbs news uses, by their base: "When did Musk buy Twitter?" is told by "Musk bought
# Twitter", which no stemmer joins to "buy".
_IRREGULAR = {
    "won": "win", "bought": "buy", "took": "take", "taken": "take", "began": "begin", "begun": "begin",
    "became": "become", "came": "come", "went": "go", "gone": "go", "left": "leave", "lost": "lose", "made": "make",
    "met": "meet", "paid": "pay", "ran": "run", "sold": "sell", "sent": "send", "spent": "spend", "struck": "strike",
    "stood": "stand", "told": "tell", "thought": "think", "wrote": "write", "written": "write", "held": "hold",
    "fell": "fall", "fallen": "fall", "gave": "give", "given": "give", "got": "get", "gotten": "get", "led": "lead",
    "brought": "bring", "built": "build", "caught": "catch", "chose": "choose", "chosen": "choose", "drove": "drive",
    "driven": "drive", "flew": "fly", "flown": "fly", "fled": "flee", "found": "find", "fought": "fight",
    "grew": "grow", "grown": "grow", "kept": "keep", "knew": "know", "known": "know", "rose": "rise", "risen": "rise",
    "sank": "sink", "sunk": "sink", "shot": "shoot", "sang": "sing", "sung": "sing", "sat": "sit", "spoke": "speak",
    "spoken": "speak", "stole": "steal", "stolen": "steal", "swore": "swear", "sworn": "swear", "taught": "teach",
    "threw": "throw", "thrown": "throw", "woke": "wake", "woken": "wake", "wore": "wear", "worn": "wear",
    "withdrew": "withdraw", "withdrawn": "withdraw", "broke": "break", "broken": "break", "forgave": "forgive",
    "froze": "freeze", "frozen": "freeze", "hid": "hide", "hidden": "hide", "overtook": "overtake",
    "undertook": "undertake", "upheld": "uphold", "oversaw": "oversee", "overseen": "oversee", "sought": "seek",
    "swam": "swim", "swum": "swim", "dug": "dig", "fed": "feed", "felt": "feel", "heard": "hear", "lit": "light",
    "meant": "mean", "sped": "speed", "slid": "slide",
}  # fmt: skip


def event_terms(text: str) -> set[str]:
    """``key_terms`` of ``text``, and those of its irregular past forms read as their verb ("bought" as "buy" too)."""
    said = words(text)
    return set(key_terms(" ".join([*said, *(_IRREGULAR[w] for w in said if w in _IRREGULAR)])))


# Events news tells by a noun of another stem than the question's verb: "when were the octuplets born" by "giving
# birth to eight ... children on Jan. 26, 2009", "when did she die" by "her death", "when did they marry" by "their
# wedding", "when was it founded" by "was established" (keys are stems)
_EVENT_NOUNS = {
    "born": "birth",
    "die": "death dead",
    "marri": "wedding wed",
    # "When was Waffle House founded?": "was established in 1955"
    "found": "established founding",
    "establish": "founded founding",
    # "When does the new show start?": "It begins streaming May 27"
    "start": "begin began begun",
    "begin": "start started",
    "began": "start started",
    # "to celebrate their Super Bowl win": "to have their Super Bowl LI victory recognized"
    "win": "victory victories",
}


def as_events(terms: Iterable[str]) -> set[str]:
    """Key terms (stems) with an irregular past form's verb beside it ("shot" and "shoot"), and the nouns news
    tells some events by ("born" and "birth")."""
    out = set()
    for term in terms:
        out.add(term)
        if term in _IRREGULAR:
            out.update(key_terms(_IRREGULAR[term]))
        if term in _EVENT_NOUNS:
            out.update(key_terms(_EVENT_NOUNS[term]))
    return out


def past_forms(verbs: Iterable[str]) -> set[str]:
    """The irregular past forms, as written, of the verbs whose stems are ``verbs`` ("paid" for "pay")."""
    wanted = set(verbs)
    return {past for past, verb in _IRREGULAR.items() if set(key_terms(verb)[:1]) & wanted}


def stems(tokens: list[str]) -> list[str]:
    return _stemmer().stemWords(tokens)


# A stop word's contraction: "what's", "it's", "there'd", "they're", "I'm" (not "Trump's", nor "don't": a negation)
_CONTRACTED = re.compile(r"(?P<base>[^']+)'(?:s|d|ll|re|ve|m)")  # "I'm" too


# Contractions as typed without their apostrophe ("whats the law called", "he wasnt even in his top 100"): not a
# word of their own ("cant", "wont", "ill", "were", "its", "shell" are, and are left as typed)
_UNAPOSTROPHED = {
    w.replace("'", ""): w
    for w in [
        "what's",
        "who's",
        "where's",
        "when's",
        "how's",
        "why's",
        "that's",
        "there's",
        "here's",
        "it'll",
        "that'll",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "wasn't",
        "weren't",
        "aren't",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "hasn't",
        "haven't",
        "hadn't",
        "mustn't",
        "needn't",
        "you're",
        "they're",
        "we've",
        "you've",
        "they've",
        "i've",
        "i'm",
        "you'll",
        "they'll",
    ]
}
_UNAPOSTROPHED_WORD = re.compile(r"\b(?:" + "|".join(sorted(_UNAPOSTROPHED, key=len, reverse=True)) + r")\b", re.I)


def restore_apostrophes(question: str) -> str:
    """A question's contractions typed without their apostrophe, with it: "whats" is "what's" (a stop word's
    contraction, no topic word), "wasnt" is "wasn't", as the articles write it. One character more each: spans into
    the question are not kept across it."""

    def restored(m: re.Match[str]) -> str:
        written = _UNAPOSTROPHED[m.group(0).lower()]
        return written[0].upper() + written[1:] if m.group(0)[0].isupper() else written

    return _UNAPOSTROPHED_WORD.sub(restored, question)


def _stop_word(word: str) -> bool:
    """A lower-cased stop word, or a stop word's contraction ("what's the ... called" asks about no "what")."""
    if word in STOPWORDS:
        return True
    return "'" in word and (m := _CONTRACTED.fullmatch(word)) is not None and m["base"] in STOPWORDS


def _content_words(lowered: list[str]) -> list[str]:
    """The lower-cased words that are no stop word (nor a stop word's contraction, ``_stop_word``: tested only for
    a word with an apostrophe, as this runs for every candidate sentence), nor a lone letter."""
    return [
        w for w in lowered if w not in STOPWORDS and (len(w) > 1 or w.isdigit()) and ("'" not in w or not _stop_word(w))
    ]


def key_terms(text: str) -> list[str]:
    """Stemmed content words of ``text``, stop words removed, in order (duplicates kept)."""
    return _stemmer().stemWords(_content_words(words(text)))


def rarity(terms: set[str], texts_terms: Sequence[set[str]]) -> dict[str, float]:
    """Each term's weight by its rarity among texts (their term sets): log(1 + n / df), a term in none counting as
    in half of one. A name in every candidate says less than the one word that matches."""
    n = len(texts_terms)
    df = Counter(t for found in texts_terms for t in found & terms)
    return {t: math.log(1.0 + n / (df[t] or 0.5)) for t in terms}


def entity_terms(text: str) -> set[str]:
    """Stems of the capitalised content words of ``text`` (names, places, organisations)."""
    lowered = [w.lower().replace("’", "'") for w in _WORD.findall(text) if w[:1].isupper()]
    return set(_stemmer().stemWords([w for w in lowered if not _stop_word(w)]))


def passage_terms(text: str) -> tuple[set[str], set[str]]:
    """``(set(key_terms(text)), entity_terms(text))`` from one pass over the text (the reranker's hot path)."""
    raw = _WORD.findall(text)
    lowered = [w.lower().replace("’", "'") for w in raw]
    keep = _content_words(lowered)
    caps = [lw for w, lw in zip(raw, lowered, strict=True) if w[:1].isupper() and not _stop_word(lw)]
    stem = _stemmer().stemWords
    return set(stem(keep)), set(stem(caps))


@lru_cache(maxsize=4096)
def title_terms(title: str) -> frozenset[str]:
    """``key_terms`` of an article title, cached: every candidate of an article shares it."""
    return frozenset(key_terms(title))


# The calendar's words, one list for every rule that reads dates (here, rag/answerability.py, rag/short_answer.py,
# rag/speakers.py).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
RELATIVE_DAYS = ("today", "yesterday", "tomorrow", "tonight")


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, the longest first ("sept" before "sep")."""
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _calendar_day() -> re.Pattern[str]:
    month = rf"(?P<month>{alternation(MONTHS + MONTH_ABBREVIATIONS)})\.?"
    return re.compile(
        rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]?\d)"
        rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{alternation(MONTHS + MONTH_ABBREVIATIONS)})\b",
        re.I,
    )


def calendar_day_mentions(text: str) -> list[re.Match[str]]:
    """Where ``text`` names a calendar day: "September 15", "Sept. 15th", "15 September"."""
    return [m for m in _calendar_day().finditer(text) if 1 <= int(m["day"] or m["day2"]) <= 31]


def calendar_days(text: str) -> set[tuple[int, int]]:
    """The calendar days ``text`` names, as (month, day)."""
    return {(month_number(m["month"] or m["month2"]), int(m["day"] or m["day2"])) for m in calendar_day_mentions(text)}


@lru_cache(maxsize=1)
def _named_period() -> re.Pattern[str]:
    month = rf"(?:{alternation(MONTHS + MONTH_ABBREVIATIONS)})\.?"
    year = r"(?:19|20)\d\d"
    return re.compile(
        rf"\b(?P<iso>{year}-\d\d-\d\d)\b"
        rf"|\b(?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{year})\b"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month}),?\s+(?P<y2>{year})\b"
        rf"|\b(?P<m3>{month}),?\s+(?:of\s+)?(?P<y3>{year})\b"
        rf"|\b(?:in|during|throughout)\s+(?P<y4>{year})\b(?!\s*[-–/]\s*\d)",
        re.I,
    )


def period_mentions(text: str) -> list[re.Match[str]]:
    """Where ``text`` names a time with its year ("November 2022", "on Nov. 10, 2022", "in 2021"; see
    ``named_period``)."""
    return list(_named_period().finditer(text))


def named_period(text: str) -> tuple[date, date] | None:
    """The time a question names, as its first and last day: "on Nov. 10, 2022" (that day), "in November 2022"
    (the month), "during 2021" (the year); the span of all of them when it names several; None when it names none.
    A day without a year ("on Jan. 8") or a weekday is left to the as-of date: it says no year."""
    spans: list[tuple[date, date]] = []
    for m in period_mentions(text):
        try:
            if m["iso"]:
                day = date.fromisoformat(m["iso"])
                spans.append((day, day))
            elif m["y1"] or m["y2"]:
                day = date(int(m["y1"] or m["y2"]), month_number(m["m1"] or m["m2"]), int(m["d1"] or m["d2"]))
                spans.append((day, day))
            elif m["y3"]:
                year, month = int(m["y3"]), month_number(m["m3"])
                spans.append((date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])))
            else:
                spans.append((date(int(m["y4"]), 1, 1), date(int(m["y4"]), 12, 31)))
        except ValueError:  # "February 30, 2023"
            continue
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def month_number(word: str) -> int:
    """1-12 for a month's name or abbreviation ("Sept." -> 9)."""
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return next(i + 1 for i, name in enumerate(MONTHS) if name.startswith(word))


# the auxiliary verbs a question asks with ("did", "will", "must"), as a regex group
AUXILIARY = r"(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|may|might|must)"
# Currency words, one list for every pattern that looks for a sum (here, rag/answer.py, rag/answerability.py).
CURRENCY_WORDS = r"dollars?|euros?|pounds?|yen|yuan|rubles?|roubles?|rupees?|kroner|krona|francs?|usd|eur|gbp"
CURRENCY = rf"[$€£¥₽₹]|\b(?:{CURRENCY_WORDS})\b"  # a currency sign or word
_ANSWER_TYPES: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    # (the question asks for ..., a sentence that offers it)
    (
        re.compile(r"\b(?:cost|price|pay|paid|spend|spent|worth|fine[ds]?|salary|budget)\b", re.I),
        re.compile(CURRENCY, re.I),
    ),
    (
        re.compile(
            r"\bhow (?:much|many|long|old|far|big|tall|high|often)\b|\bwhat (?:number|percentage|share)\b", re.I
        ),
        re.compile(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
            r"|hundred|thousand|million|billion|dozen|half)\b",
            re.I,
        ),
    ),
    (
        re.compile(r"\bwhen\b|\bwhat (?:year|date|day|month|time)\b", re.I),
        re.compile(rf"\b(?:{alternation(MONTHS + WEEKDAYS + RELATIVE_DAYS[:3])}|(?:1[89]|20)\d\d)\b", re.I),
    ),
]


def answer_type_match(question: str, sentence: str) -> bool | None:
    """Whether ``sentence`` offers the kind of answer ``question`` asks for (a sum of money, a number, a date);
    None when the question asks for no such kind."""
    for asks, offers in _ANSWER_TYPES:
        if asks.search(question):
            return bool(offers.search(sentence))
    return None


def shorten(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with an ellipsis)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit - 1)
    return flat[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def derive_title(text: str) -> str:
    """The title of an article that has none (the users' .txt dumps): its first sentence, shortened."""
    spans = sentence_spans(text)
    first = text[spans[0].start : spans[0].end] if spans else text
    return shorten(first, 80)


_ACRONYM = re.compile(r"(?<![\w.])[A-Za-z](?:\.[A-Za-z])+\.?(?!\w)")


def undotted(text: str) -> str:
    """``text`` with the dots of acronyms written with them removed: "U.K." -> "UK", "u.s." -> "us", and a name
    whose last dot was trimmed ("U.K") too. Articles and questions write the same name both ways ("the U.K. Space
    Agency", "the UK Space Agency")."""
    return _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text) if "." in text else text


@lru_cache(maxsize=1)
def _accent_table() -> dict[int, str | None]:
    import unicodedata

    table: dict[int, str | None] = {}
    # Latin-1 Supplement, Latin Extended-A/B and Extended Additional ("é", "ñ", "ł", Vietnamese "ễ")
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if len(base) == 1 and base != chr(code) and base.isascii():
            table[code] = base
    for letter, base in zip("łŁøØđĐ", "lLoOdD", strict=True):
        table[ord(letter)] = base
    for code in range(0x300, 0x370):  # combining accents of decomposed text ("e" + U+0301): dropped
        table[code] = None
    return table


def fold_accents(text: str) -> str:
    """The text with its Latin letters' accents taken off ("Sinn Féin" -> "Sinn Fein", "López" -> "Lopez",
    "Nguyễn" -> "Nguyen"): readers type names without them. One character for one, so offsets and capitals stay,
    except in decomposed text, whose combining accents are dropped."""
    return text if text.isascii() else text.translate(_accent_table())


# A heading: a line of its own, of one to twelve words, that no sentence's punctuation ends ("Biden's first veto",
# "Chinese leader welcomed in Russia"), or a short question ("Why would Trump get arrested?").
_HEADING = re.compile(
    r"^[ \t]*(?=\S)(?:(?:[^\n.!?]*[^\s.!?:;,\"”’')\]—–-])"  # no sentence's punctuation in it or at its end
    r"|(?:\S+[ \t]+){1,8}\S+\?)[ \t]*$",  # or a short question
    re.M,
)
_HEADING_WORDS = 12


def section_of(text: str, at: int) -> tuple[int, int]:
    """The bounds of the section of ``text`` that holds offset ``at``: from the heading line before it (or the
    text's start) to the next heading line (or the text's end). A roundup of the day's news puts unrelated stories
    in one article, each under its heading; within a story, a heading starts a new part of the same one."""
    start, end = 0, len(text)
    for m in _HEADING.finditer(text):
        if len(m.group(0).split()) > _HEADING_WORDS:
            continue
        if m.end() <= at:
            start = m.start()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


# A quiz's statement asks with "this" where a question would say "which": "This former Japanese prime minister was
# assassinated while delivering a campaign speech in July.", "Agents from this federal law enforcement agency
# searched Mar-a-Lago." Not "this week" (a time), and not "all of these ... except" (what the answer is not).
_QUESTION_WORD = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why)\b", re.I)
_THIS_TIME = (
    r"week|weekend|year|month|season|offseason|morning|afternoon|evening|night|summer|winter|spring|fall|autumn|"
    r"time|past|decade|century|day|days|weeks|months|years|quarter|term|is|was|are|were|will|has|had|and|or|,"
)
_THIS_ASKS = re.compile(rf"\b(?:this|these)\s+(?!(?:{_THIS_TIME})\b)(?=\w)", re.I)
_LISTS_WHAT_IS_NOT = re.compile(r"\bexcept\b|\ball\s+(?:of\s+)?these\b", re.I)
_NOT_A_QUIZ = re.compile(
    r"\?\s*$|^\W*(?:tell|show|give|explain|summari[sz]e|describe|list|find|search|what|please)\b", re.I
)


def statement_asks(question: str) -> re.Match[str] | None:
    """The "this"/"these" (and the space after it) that stands for what a statement with no question word asks
    for ("This former Japanese prime minister was assassinated ..."); None for a question, or where none does."""
    if _QUESTION_WORD.search(question) or _LISTS_WHAT_IS_NOT.search(question) or _NOT_A_QUIZ.search(question):
        return None  # "Did this hurricane cause flooding?", "Tell me about this company": no quiz's statement
    return _THIS_ASKS.search(question)


def as_question(question: str) -> str:
    """A statement that asks with "this" as the question it stands for: "This former Japanese prime minister was
    assassinated" -> "which former Japanese prime minister was assassinated"; any other text as it is."""
    this = statement_asks(question)
    return question if this is None else f"{question[: this.start()]}which {question[this.end() :]}"
