"""Who said it: "What did Lukashenko say about universities?" is answered by Lukashenko's words, not by the sentence
in which an expert "told Izvestia that the negotiations between Putin and Lukashenko help avoid discord".

A question that asks what a named person said (``asked_speaker``: "what did/does/has X say / tell / think / claim /
announce / warn ...") is answered only by sentences whose words are that person's. ``speaker`` reads who
a sentence says is speaking: the name before a verb of saying ("Russian Prime Minister Mikhail Mishustin said",
"Denis Denisov, told Izvestia", "Mishustin also expressed regret"), after it ("..., said John Kirby") or after
"according to"; a pronoun or a bare title ("he explained", "the Russian Prime Minister added", "The Chairman of the
Government ... summed up") names no one, and neither does a sentence that reports no speech. ``attributed`` gives
such a sentence the speaker of the nearest sentence before it in its article that names one ("First of all, according
to Mishustin, ..." makes the next paragraph's "For example, ..." his), or, when it opens a quotation that runs on, the
speaker named where the quotation closes. Only a sentence attributed to the one asked
about answers: one whose words are someone else's, or no one's that can be told ("a telephone conversation took
place between Putin and Lukashenko" says nothing either of them said), does not.

Patterns over the text, not a parse: the small spaCy pipeline runs without its parser (``rag/nlp.py``), and a
sentence's speaker is read by the same few forms in every news article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.names import COUNTRIES, TITLES, US_STATES, bare, mentions, place_forms, same_name
from rag.text import MONTH_ABBREVIATIONS, MONTHS, RELATIVE_DAYS, STOPWORDS, WEEKDAYS, fold_accents

# the verbs of a question that asks for someone's words
_ASKED_VERBS = (
    r"say|said|saying|tell|told|telling|think|thinks|thought|claim|claimed|argue|argued|announce|announced|write|"
    r"wrote|warn|warned|add|added|suggest|suggested|propose|proposed|promise|promised|reveal|revealed|admit|admitted|"
    r"explain|explained|stress|stressed|tweet|tweeted|post|posted|predict|predicted|compare|compared|liken|likened|"
    r"describe|described|joke|joked|quip|quipped|"
    # "What did Charles Barkley call Kevin Durant?" (a person called something; not "What did NASA call the mission?")
    r"call(?:ed)?(?=\s+(?:(?:him|them)(?:sel(?:f|ves))?\b|her(?:self\b|(?!\s+[a-z]))|(?-i:[A-Z])))"
)
_ASKED = re.compile(
    rf"\bwhat\s+(?:did|does|do|has|have|had|will|would|is|was|were)\s+(?P<who>[^?]+?)\s+(?:{_ASKED_VERBS})\b"
    # "How did Adel al-Jubeir answer the charge ...?", "how did she respond", "How did Von Miller joke about his
    # trade?": the answer is in their words
    r"|\bhow\s+(?:did|does|do|has|have|had|will|would)\s+(?P<who2>[^?]+?)\s+(?:answer|respond|reply|react|joke|quip|describe|tell(?!\s+(?:the\s+difference|apart|whether|which|if)\b)|"
    r"characteri[sz]e|say|explain|sum\s+up|put\s+it)\b"
    # "What was Jay Wright's reaction to ...?": their words too
    r"|\bwhat\s+(?:was|is|were|are|has\s+been)\s+(?P<who3>[^?]+?)['’]s?\s+(?:reaction|response|reply|answer|comment|"
    r"take)(?:\s+(?:to|on|about|after|over|regarding)\b|\s*\??\s*$)",
    re.I,
)
# the verbs with which news reports speech, in the forms a sentence uses them
SAYING = (
    r"said|says|told|tells|added|adds|noted|explained|explains|stated|argued|argues|warned|warns|claimed|insisted|"
    r"insists|wrote|writes|announced|announces|declared|declares|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    r"suggested|suggests|reported|recalled|acknowledged|admitted|urged|urges|tweeted|posted|expressed|cited|"
    r"concluded|summed\s+up|predicted|predicts|believes|asserted|replied|confirmed|confirms|vowed|vows|pledged|"
    r"promised|denied|denies|revealed|asked|continued|criticized|criticised|slammed|blasted|praised|condemned|"
    r"quipped|joked|"  # (not "quips", "jokes": nouns as often)
    # "Matt Levine put it another way: “FTX took its customers’ money ...”" (not "put it on the shelf")
    r"put\s+it(?=[^.,\"“]{0,30}:\s*[\"“])|"
    r"lamented|called(?=[^.\"“]{0,40}[\"“])"  # "called the proposal “unnecessary and unwise”", not "called for"
    # an answer that opens a quotation ("Biden began his answer with, “Well, you’re being a wise guy ...”"; not
    # "firefighters responded to the blaze")
    r"|(?:answered|responded|began\s+(?:his|her|their)\s+(?:answer|response|reply)\s+with)"
    r"(?=[^.\"“]{0,40}(?:,|:|\bwith)\s*[\"“])"
)  # not "states", "notes", "claims", "reports": nouns as often as verbs
_SAYING_VERB = re.compile(rf"\b(?:{SAYING})\b")
# the verbs news puts before their speaker ("“...,” said John Kirby"; "Denis Denisov, told Izvestia" is not one)
_INVERTED = re.compile(r"said|says|added|adds|wrote|writes|explained|noted|continued|stressed|warned|asked")
_QUOTE_CLOSED = re.compile(r"(?:[”\"’]\s*,?|,\s*[”\"’])$")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
# words between a subject and its verb ("Mishustin also expressed regret", "The department initially said")
_ADVERB = (
    r"(?:also|then|later|further|again|once|earlier|just|already|still|even|has|have|had|would|will|could|may|might|"
    # "falsely claimed", "angrily told" (not a noun: "the assembly said", "the family said")
    r"(?!(?:family|ally|rally|supply|assembly|reply|monopoly|anomaly|bully|daily|weekly|monthly|quarterly)\b)"
    r"[a-z]{2,}ly(?<!only))"
)
_PASSIVE = re.compile(r"\b(?:were|was|is|are|been|be|being)$", re.I)  # "More details were announced later"
_CLAUSE_JOIN = frozenset({"and", "but", "or", "then", "as", "while", "when"})
# what carries its owner's own words ("Daly’s email said"; not "Putin's spokesman said")
_OWN_WORDS = frozenset(["email", "statement", "letter", "post", "tweet", "message", "memo", "speech", "remarks"])
_PRONOUN = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
# words that open a sentence's first part without being a name ("On Monday", "After the vote"; "New York" is one)
_OPENERS = frozenset(
    ["on", "in", "at", "by", "for", "from", "with", "after", "before", "as", "when", "while", "if", "but", "and"]
    + ["the", "a", "an", "this", "that", "these", "those", "last", "next", "during", "since", "until", "under"]
    + ["over", "about", "according", "following", "despite", "although", "though", "because", "so", "yet", "then"]
)
_WHEN = frozenset(WEEKDAYS + MONTHS + MONTH_ABBREVIATIONS + RELATIVE_DAYS)  # no speaker: "said Tuesday"
# a capital, Latin-1 and Latin Extended-A too ("Özil", "Łukasz")
_CAP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_NAME_WORD = rf"[{_CAP}][\w'’.-]*"
_CONNECTOR = r"(?:of|the|de|da|bin|van|von|al|del|la|le|and|&)"
# a run of capitalised words (with the small words inside names: "Bank of England", "Luiz Inacio Lula da Silva")
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_NAME_WORD})*")
_RUN_AT_END = re.compile(rf"(?:{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_NAME_WORD})*)$")
# titles written with a full stop that does not end a sentence or a name ("said Pennsylvania Rep. Scott Perry")
_ABBREVIATED = re.compile(r"\b(Rep|Sen|Gov|Dr|Mr|Mrs|Ms|St|Jr|Sr|Lt|Gen|Col|Sgt|Capt|Prof|Rev|Inc|Co|Corp|Ltd)\.")

# verbs of posting, which report words only with the words: a quotation in the sentence, a colon, or "that"
_POSTING = frozenset(["posted", "tweeted"])
# (after the verb, in its clause: "posted on Instagram: ...", "tweeted, “...”", "posted on Truth Social that ..."; not
# "posted a quarterly profit that beat ...", "posted record deliveries, and Musk called the results “incredible”")
_POSTS_WORDS = re.compile(
    r"[^.,;\"“”]{0,80}?,?\s*(?:[\"“]|:\s)"
    r"|(?:\s+(?!(?:a|an|the|its|his|her|their|record)\b)[\w'’.-]+){0,4}?\s+that\b"
)
_QUOTED_BEFORE = re.compile(r"[”\"’]\s*,?(?:\s*[\w'’.-]+){0,3}$")  # "“It is over,” Musk tweeted."

_REACH = 300  # characters before a verb of saying where its subject is looked for (news names it closer)
UNKNOWN = ""  # a sentence whose speaker cannot be told (a pronoun, a title, no speech at all)


def asked_speaker(question: str, names: Sequence[str], scene: bool = True) -> str | None:
    """The name whose words the question asks for ("What did Mishustin say about universities?" -> "Mishustin",
    "What did Russian President Putin say ..." -> "Putin"); None for any other question, when the one asked about is
    not named ("What did he say?", but for a scene that names him first: ``_scene_subject``), or is someone else ("What did Biden's spokesman say?", "What did Putin and
    Zelensky say?"). ``scene``: whether "he" or "she" may stand for a name of ``names`` that a scene gives (for
    names known to be people's)."""
    m = _ASKED.search(question)
    if m is None:
        return None
    who = m.group("who") or m.group("who2") or m.group("who3")
    if who.lower() in ("he", "she"):
        return _scene_subject(question[: m.start()], names) if scene else None
    inside = [n for n in names if n in who]
    if not inside:
        return None
    # the one the verb follows ("Seattle Storm co-owner Ginny Gilder"), else the longest
    name = next((n for n in sorted(inside, key=len, reverse=True) if who.endswith(n)), max(inside, key=len))
    # an owner before the name is whose they are ("Airbnb's Brian Chesky"), not "Biden's spokesman" (no name after)
    who = re.sub(r"^(?:[\w.&-]+\s+){0,2}[\w.&-]+['’]s?\s+(?=\S)", "", who) if who.find(name) > 0 else who
    rest = who.replace(name, " ").split()
    if all(w.lower() == "the" or _title_only(w) for w in rest):
        return name
    # what they are, after the name: "Joseph Kakou the night security guard", "Lars Vik, a ferry captain,"
    after = [w.strip(",") for w in who[who.find(name) + len(name) :].split() if w.strip(",")]
    if (
        who.startswith(name)
        and after
        and after[0].lower() in ("the", "a", "an")
        and all(w.islower() and not re.search(r"['’]s?$", w) for w in after)  # not "the guard's lawyer"
    ):
        return name
    # "Seattle Storm co-owner Ginny Gilder": what they are to a body named first (not "Biden's spokesman": no name
    # after it)
    before = [w for w in who[: who.find(name)].split() if w.lower() != "the"]
    role = before[-1] if before else ""
    if (
        role
        and not {w.lower() for w in before} & {"and", "or", "&", "with"}  # "Putin and Zelensky": two
        and before == [w for w in rest if w.lower() != "the"]
        and (_ROLE.fullmatch(role.lower()) or _title_only(role))
        and all(w[:1].isupper() for w in before[:-1])
    ):
        return name
    return None


def _scene_subject(scene: str, names: Sequence[str]) -> str | None:
    """Whom "he" or "she" stands for after a scene ("Zelensky switched to Russian in his New Year's Eve address.
    What did he say ...?"): the only person the scene names, else the only one that opens one of its sentences."""
    named = [n for n in names if n in scene]
    # a word before a role in small letters and a name qualifies the role, and names no one ("Etiquette consultant
    # Adeodata Czink says ...": a person to the small model)
    named = [
        n
        for n in named
        if not any(
            o != n and re.search(rf"\b{re.escape(n)}\s+(?:[a-z]+\s+)?{_ROLE.pattern}s?\s+{re.escape(o)}", scene)
            for o in named
        )
    ]
    if len(named) > 1:
        named = [n for n in named if re.search(rf"(?:^|[.!?]\s+){re.escape(n)}\b", scene)]
    return named[0] if len(named) == 1 else None


# what a person is to a body, written in small letters before their name ("Seattle Storm co-owner Ginny Gilder")
_ROLE = re.compile(
    r"(?:co-?)?(?:owner|founder|chair|chairman|chairwoman|coach|star|player|forward|guard|quarterback|pitcher|"
    r"captain|manager|spokesman|spokeswoman|spokesperson|executive|director|president|analyst|economist|expert|"
    r"professor|researcher|scientist|official|lawyer|attorney|singer|rapper|actor|actress|author|host|anchor|"
    r"editor|reporter|columnist|member|leader|head|boss|chief|ceo|cfo|trainer|agent|consultant|adviser|advisor|"
    r"specialist|strategist|commentator|critic|designer|photographer|chef|doctor)"
)


def _title_only(run: str) -> bool:
    """Whether a run of capitalised words is a title or a nationality, not a name ("Russian Prime Minister")."""
    words = [w.strip(",'’") for w in run.split() if w.lower() not in ("of", "the", "and", "&")]
    return all((low := w.strip(".").lower()) in _TITLE_WORDS or (low and place_forms(w)) for w in words)


# The words of a person's title: "the Russian Prime Minister added" names no one but the one it titles, whom the
# sentences before name ("the ministry said", "officials warned", "his spokesman said" name someone else).
_TITLE_WORDS = TITLES | frozenset(
    ["head", "deputy", "foreign", "defence", "defense", "vice", "federal", "state", "house", "white", "press"]
)


def _name_in(run: str) -> str:
    """The name a run of capitalised words gives, its leading titles and nationality dropped ("Russian Prime Minister
    Mikhail Mishustin" -> "Mikhail Mishustin"); "" when it is only a title, or a title of something ("The Chairman of
    the Government of the Russian Federation"; "Secretary of State Antony Blinken" keeps the name at its end). A
    country alone speaks for itself ("Italy said")."""
    words = run.split()
    while len(words) > 1 and words[0].lower() in _OPENERS and words[0].lower() not in ("the", "of"):
        words = words[1:]  # "As Zelensky said", "But Putin said"
    run = " ".join(words)
    titled = False
    while words and (words[0].lower() in ("the", "of") or _title_only(words[0])):
        titled = titled or (words[0].lower() not in ("the", "of") and not place_forms(words[0].strip(".,'’")))
        if words[0].lower() == "of" and titled:
            rest = words[1:]
            while rest and (rest[0].lower() == "the" or _title_only(rest[0])):
                rest = rest[1:]
            # "Secretary of State Antony Blinken" names him; "Chairman of the Government (of ...)" names no one
            return " ".join(rest) if len(rest) >= 2 and not any(w.lower() in ("of", "the") for w in rest) else ""
        words = words[1:]
    if not words and not titled and run.strip() and run.split()[0].lower() not in ("the", "of"):
        return run.strip()  # "Italy", "British": a country's own words
    return " ".join(words)


def _leading_person(part: str, alone: bool) -> str:
    """The person a comma-separated part names: its last words when they are a name without small words
    ("Committee chair Bennie Thompson"), else its first ("John Ham of the Bureau ...", "Rep Liz Cheney" -> "Liz
    Cheney"); two words at least, or one when ``alone`` (the sentence's first part: "Putin, the Russian president,
    said"); "" for anything else ("a Mississippi Democrat", "STD and TB Services", "On Monday")."""

    def person(words: list[str]) -> str:
        if not words or words[0].lower() in _OPENERS or any(w.lower().strip(".,") in _WHEN for w in words):
            return ""
        name = _name_in(" ".join(words))
        return name if len(name.split()) >= (1 if alone else 2) else ""

    trail = re.search(rf"(?:{_NAME_WORD}\s+)*{_NAME_WORD}$", part)
    titles = part[: trail.start()].split() if trail else []
    if (
        trail
        and all(re.fullmatch(_NAME_WORD, w) or w.lower() in _TITLE_WORDS for w in titles)
        and (name := person(trail.group(0).split()))
        and len(name.split()) >= 2
    ):
        return name  # not "a Mississippi Democrat", "STD and TB Services"
    lead: list[str] = []
    for w in part.split():
        if not re.fullmatch(_NAME_WORD, w) or w.lower() in ("of", "and", "&"):
            break
        lead.append(w)
    return person(lead)


def _after(text: str) -> str:
    """The speaker named after a verb of saying or "according to" (up to the next punctuation): the first name
    there that is not only a title ("said White House spokesman John Kirby"); ``UNKNOWN`` for a pronoun or a title
    alone."""
    segment = re.split(r"[,;:!?”\"(]|(?<!\b[A-Z])\.(?=\s|$)", text, maxsplit=1)[0][:80]  # "U.S. Ambassador X"
    if re.match(r"\s*(?:he|she|they|we|i)\b", segment, re.I):
        return UNKNOWN
    names = [_name_in(run.group(0)) for run in _NAME_RUN.finditer(segment)]
    names = [n for n in names if n and not all(w.lower().strip(".,") in _WHEN for w in n.split())]
    if names:
        return names[0]  # the first name after the verb: "said harbour master Jonas Lind on Monday"
    last = re.findall(r"[a-z]+", segment) if len(segment.split()) <= 3 else []  # "said the ministry", not a clause
    word = last[-1] if last else ""
    return word if word and word not in _TITLE_WORDS and word not in STOPWORDS else UNKNOWN


def _before_commas(head: str) -> str:
    """The speaker of "X, an expert at Y, said", "An expert at Y, Denis Denisov, told", "Rep. Liz Cheney, R-Wyo.,
    said", "Greta Anschuetz, who leads the division of HIV, STD and TB Services, said": the last comma-separated part
    that starts with a person's name."""
    parts = [p.strip() for p in head.rstrip(" ,").split(",")]
    for i in range(len(parts) - 1, -1, -1):
        if name := _leading_person(parts[i], alone=i == 0):
            return name
    return UNKNOWN


def _before(head: str) -> str:
    """The speaker named before a verb of saying: "Russian Prime Minister Mikhail Mishustin said", "Denis Denisov,
    told", "Mishustin also expressed", "Hochul touted the plan and said"; ``UNKNOWN`` for a pronoun, a title ("he
    explained", "the Russian Prime Minister added", "The Chairman of the Government of the Russian Federation summed
    up") or the passive ("were announced")."""
    head = head.rstrip().rstrip('"”’').rstrip()  # 'Tom Quinn, author of "Gilded Youth,"' ends with a comma
    if _PASSIVE.search(head):
        return UNKNOWN
    head = re.sub(rf"(?:\s+{_ADVERB})+$", "", head)
    if head.endswith(","):
        return _before_commas(head)
    last = re.search(r"[\w'’.-]+$", head)
    if last is None:
        return UNKNOWN
    word = last.group(0).lower()
    if word in _CLAUSE_JOIN:  # "Hochul touted the plan and said": the clause's subject, when it opens with a name
        clause = re.split(r"[;:]", head)[-1]
        parts = [p.strip() for p in clause.split(",")]  # "On Saturday, Governor Kathy Hochul touted ... and said"
        return next((name for p in reversed(parts) if (name := _leading_person(p, alone=True))), UNKNOWN)
    if word in _PRONOUN or word in _TITLE_WORDS:
        return UNKNOWN
    if word in _OWN_WORDS and (owner := re.search(rf"({_NAME_WORD}(?:\s+{_NAME_WORD})*)['’]s\s+\w+$", head)):
        return _name_in(owner.group(1))  # "Daly’s email said": her words; "Putin's spokesman said": his
    run = _RUN_AT_END.search(head)
    if run is None:
        # "officials said": someone, not the one asked about (not a function word or an adverb: "has unfairly")
        adverb = word.endswith("ly") and word not in ("family", "ally", "assembly", "rally")
        return word if word not in STOPWORDS and not adverb else UNKNOWN
    prefix = head[: run.start()].rstrip()
    if re.search(r"\bof(?:\s+the)?$", prefix, re.I):
        return UNKNOWN  # a title's "of ...": "The Chairman of the Government ... summed up"
    if re.search(rf"[{_CAP}][\w'’.-]*,$", prefix) and re.search(r"\s(?:and|&)\s", run.group(0)):
        return _before_commas(head)  # a list's last items: "John Ham of the Bureau of Alcohol, Tobacco, ... told"
    return _name_in(run.group(0))


# a speaker named as the sentence opens, then told of by a pronoun in a clause of its own: "In 1939, Lou Gehrig ...
# delivered his famous farewell speech in which he called himself “the luckiest man on the face of the earth.”"
_IN_WHICH_THEY = re.compile(r"\b(?:in\s+which|where)\s+(?:he|she)$", re.I)
_OPENING_NAME = re.compile(
    r"(?:[^,]{0,30},\s+)?(?!The\b)([A-Z][a-z]+(?:\s+[A-Z][a-z-]+){1,2})(?![\w'’-])(?!\s+(?:[A-Z]|of\s+the\s+[a-z]))"
)


def speaker(sentence: str) -> str:
    """Who the sentence says is speaking: a name (or the word for whoever it is: "officials"); ``UNKNOWN`` ("")
    for a pronoun, a bare title, or a sentence that reports no speech. A verb of saying's own subject comes before
    "according to" ("Bottoms said ..., according to The Atlanta Journal-Constitution")."""
    sentence = _ABBREVIATED.sub(r"\1", sentence)
    for verb in _SAYING_VERB.finditer(sentence):
        before = sentence[max(0, verb.start() - _REACH) : verb.start()].rstrip()
        after = sentence[verb.end() :]
        said = UNKNOWN
        if _INVERTED.fullmatch(verb.group(0)) and (not before or _QUOTE_CLOSED.search(before)):
            said = _after(after)  # "“...,” said John Kirby", "“...,” said the ministry"
            if said.islower() and not re.match(r"\s+the\s", after, re.I):
                said = UNKNOWN  # a title's closing quote: 'X, author of "Gilded Youth," says the youthfulness ...'
        elif verb.group(0) in ("asked", "continued"):
            continue  # speech only right after a quote ("“Why now?” asked Zelensky"), not "has continued to"
        elif (
            verb.group(0) in _POSTING
            and not _POSTS_WORDS.match(sentence, verb.end())
            and not _QUOTED_BEFORE.search(before)
        ):
            continue  # a post that gives no words: "Musk ... posted the baseless story", "tweeted a link"
        elif _INVERTED.fullmatch(verb.group(0)) and before.endswith(",") and re.match(rf"\s+[{_CAP}]", after):
            # "Prices will rise, said John Kirby" (not "X, a Democrat, said the members", "..., said Tuesday that")
            said = _after(after)
            if said.islower():
                said = UNKNOWN
        if not said and before:
            said = _before(before)
        if not said and (which := _IN_WHICH_THEY.search(before)) and (opening := _OPENING_NAME.match(sentence)):
            # "Jim Kenney ... issued a statement in which he called Trump “...”" (the one name before it: not "Ann
            # Vik met Lars Berg, who gave a speech in which he ...", nor "Taylor Swift's mother ... in which she")
            between = sentence[opening.end() : max(0, verb.start() - _REACH) + which.start()]
            if not re.search(r"\b(?:and|with)\s+[A-Z]|\bwho\b", between):
                said = opening.group(1)
        if said:
            return said
    if m := _ACCORDING.search(sentence):
        rest = re.sub(r"^the\s+", "", sentence[m.end() :], flags=re.I)
        if said := _after(" " + rest):
            return said
    return UNKNOWN


# A speaker named by what they are, with "the", who is the person the story is about: "“I'm very proud of the ticket
# price,” says the 52-year-old singer" after "Garth Brooks' comeback is going to be big" (an age, or a noun for
# what a person is known as; not "a spokesman", "the ministry", "the official": others beside them). The nouns are
# a few of answerability's person nouns, those a story calls its own subject by (that module imports this one).
_DESCRIBED = (
    r"(?:the\s+(?:(?:\d+|[a-z]+-?[a-z]*)-year-old\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:\d+-year-old|singer|star|actor|actress|rapper|musician|artist|comedian|author|writer|novelist|quarterback|"
    r"golfer|pitcher|coach|champion|legend|veteran|superstar|icon|filmmaker|director|chef|entrepreneur|billionaire|"
    r"mvp|forward|striker|midfielder|goalkeeper|winger|skipper)"
    # a lawmaker by state and party: "the California Republican said"
    r"|the\s+(?-i:(?:[A-Z][\w.-]*\s+){1,2}(?:Republican|Democrat|Independent)(?!\s+[A-Z])))"
)
_DESCRIBED_SPEAKER = re.compile(
    rf"[”\"’]\s*,?\s*(?:says|said|adds|added|recalls|recalled|explains|explained)\s+{_DESCRIBED}\b"
    rf"|[,”\"’]\s+{_DESCRIBED}\s+(?:says|said|adds|added|recalls|recalled|explains|explained)\b",
    re.I,
)


def described_speaker(sentence: str) -> str:
    """How the sentence's speaker is named, when only by what they are, with "the" (``_DESCRIBED_SPEAKER``): "age"
    ("the 52-year-old singer"), "noun" ("said the singer"), or "" for neither. The caller looks for the person the
    article has just named: a few sentences back for an age, which news gives the story's subject; the sentence
    before for a noun, which may be anyone's."""
    m = _DESCRIBED_SPEAKER.search(sentence)
    if m is None:
        return ""
    return "age" if re.search(r"\d+-year-old|-year-old", m.group(0)) else "noun"


_OF_PLACE = re.compile(rf"\s+of\s+(?:the\s+)?([{_CAP}][\w.'’-]*(?:\s+[{_CAP}][\w.'’-]*)*)$")


def whole_name(asked: str, text: str) -> str:
    """A one-word name as the article writes it whole, where it does so one way only ("Giannis" -> "Giannis
    Antetokounmpo", whom its sentences then call "Antetokounmpo"); ``asked`` otherwise."""
    if " " in asked.strip() or not asked[:1].isupper():
        return asked
    found = {m.group(0) for m in re.finditer(rf"(?<![\w'’-]){re.escape(asked)}\s+[A-Z][\w'’-]*[a-z](?![\w-])", text)}
    return found.pop() if len(found) == 1 else asked


def same_speaker(asked: str, said: str) -> bool:
    """Whether the speaker a sentence names is the one asked about ("Mikhail Mishustin" for "Mishustin"; not
    "Hunter Biden" for "Joe Biden")."""
    if not said:
        return False
    # "Republican Rep Matt Gaetz of Florida" is Gaetz (a place after "of": not "Secretary of State Antony Blinken")
    of = _OF_PLACE.search(said)
    if of is not None and of.group(1).lower() in (US_STATES | COUNTRIES) and _same_speaker(asked, said[: of.start()]):
        return True
    return _same_speaker(asked, said)


def _same_speaker(asked: str, said: str) -> bool:
    a, s = bare(fold_accents(asked)), bare(fold_accents(said))  # "Lopez Obrador" said it if "López Obrador" did
    if same_name(a, s):
        return True
    aw, sw = a.lower().split(), s.lower().split()
    if len(aw) >= 2 and len(sw) >= 2 and (sw[-len(aw) :] == aw or aw[-len(sw) :] == sw):
        return True  # "NATO Secretary General Jens Stoltenberg", "Virginia Democratic Sen Mark Warner"
    if len(aw) >= 2 and len(sw) >= 2:
        # the same surname and first name (or its initial): not "Hunter Biden" for "Joe Biden"
        return aw[-1] == sw[-1] and (aw[0].startswith(sw[0].rstrip(".")) or sw[0].startswith(aw[0].rstrip(".")))
    return mentions(s.lower(), a, person=True) or mentions(a.lower(), s, person=True)


def _opens_quote(sentence: str) -> bool:
    """Whether a quotation opened in the sentence runs on past it ("“We will win." before "The West is with us,”
    Zelensky said.")."""
    return sentence.count("“") > sentence.count("”")


_NOT_A_NAME_FIRST = re.compile(
    r"only|early|lately|finally|recently|eventually|meanwhile|previously|initially|separately|similarly|"
    r"additionally|ultimately|currently|originally|apparently|reportedly|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|"
    r"thousands|dozens|several|many|some|most|earlier|later|meanwhile|now|still|instead|also|even|yet|here|there|"
    r"today|yesterday|tomorrow|tonight|it|he|she|they|we|i|you|his|her|their|its|our|my|years|months|weeks|days"
)
_HE_SAID = re.compile(rf"\b(?:he|she)\s+(?:(?:{_ADVERB})\s+)?(?:{SAYING})\b", re.I)


def _only_name(sentence: str) -> str:
    """The one name a sentence gives, as its subject (a run of capitalised words, not its first word alone:
    "Twelve years later, Blatter is more critical." gives "Blatter"); ``UNKNOWN`` when it gives none, more than
    one, or one that is not its subject."""
    runs = set()
    for m in _NAME_RUN.finditer(sentence):
        words = m.group(0).rstrip(".").split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]  # "On Monday", "The Tromsvik council"
        run = " ".join(words)
        if not run or (m.start() == 0 and " " not in m.group(0) and _NOT_A_NAME_FIRST.fullmatch(run.lower())):
            continue  # a sentence's first word alone, a common one ("Twelve years later", "Meanwhile")
        if run.lower() in _WHEN or run.lower() in STOPWORDS or place_forms(run):
            continue
        if runs and (run.isupper() or sentence[max(0, m.start() - 1) : m.start()] in ('"', "“", "‘", "'")):
            continue  # past the subject, an acronym or a title in quotation marks is no other person ("SAG", "“CODA”")
        if re.search(r"\s(?:and|&)\s", run):
            return UNKNOWN  # "Biden and Putin": two
        runs.add(run)
        # the name must be the sentence's subject, after no more than an opening phrase ("Twelve years later,"):
        # not "The strike hit Kyiv overnight."
        opening = sentence[: m.start()].strip()
        if opening and not opening.endswith(",") and not all(w.lower() in _OPENERS for w in opening.split()):
            return UNKNOWN
    return runs.pop() if len(runs) == 1 else UNKNOWN


def attributed(sentences_before: Sequence[str], sentence: str, sentences_after: Sequence[str] = ()) -> str:
    """The speaker of ``sentence`` in its article: its own; else, where "he" or "she" says it, the one name of the
    sentence just before (``_only_name``); else, when it opens a quotation that runs on, the
    speaker named where the quotation closes ("“We will win. The West is with us,” Zelensky said."); else that of
    the nearest sentence before it that names one ("he noted", "the Russian Prime Minister added" and a paragraph
    that reports no speech continue the last named speaker's words); ``UNKNOWN`` when none of them does."""
    if own := speaker(sentence):
        return own
    if sentences_before and _HE_SAID.search(sentence) and (named := _only_name(sentences_before[-1])):
        return named  # "Twelve years later, Blatter is more critical. Earlier this month, he told ...": Blatter
    if _opens_quote(sentence):
        for after in sentences_after[:3]:
            if "”" in after:
                if said := speaker(after):
                    return said
                break
    for i in range(len(sentences_before) - 1, -1, -1):
        if said := speaker(sentences_before[i]):
            # (nor past a sentence between that tells of them: the reporter's words since)
            # (a sentence with its own verb of saying, "The president said ...", goes on with them past it)
            between = [*sentences_before[i + 1 :], sentence]
            told_of = not _SAYING_VERB.search(sentence) and any(_of_them(s, said) for s in between)
            return UNKNOWN if _of_another(sentence, said) or told_of else said
    return UNKNOWN


_PASSIVE_ASKED = re.compile(r"\b(?:was|were|been|being|got|is|are)\s+(?:\w+\s+){0,2}?asked\b", re.I)


def _tells_without_speech(sentence: str) -> bool:
    """Whether a sentence reports no speech and quotes nothing: the reporter's own (a question put to someone is
    no speech of theirs: "Brennan was asked afterward if ...")."""
    return not _SAYING_VERB.search(_PASSIVE_ASKED.sub(" ", sentence)) and not any(q in sentence for q in '"“”')


def _of_them(sentence: str, said: str) -> bool:
    """Whether a sentence that reports no speech and quotes nothing names the last speaker by their last name ("Musk’s
    post comes amid concerns about how the billionaire will run Twitter" after Musk's words): it tells of them, as
    the reporter does; their words go on without their name."""
    if not _tells_without_speech(sentence):
        return False
    last = bare(fold_accents(said)).split()[-1:]
    return bool(last) and re.search(rf"(?<![\w'’-]){re.escape(last[0])}(?![\w-])", fold_accents(sentence)) is not None


def _of_another(sentence: str, said: str) -> bool:
    """Whether a sentence that reports no speech and quotes nothing tells of a person other than ``said`` by their
    full name ("GOP sets sights on Bragg: House Judiciary Chair Jim Jordan, R-Ohio, called on Bragg ..." after
    Nadler's words), or of a body by two words ("USA TODAY reached out to Twitter ..." after Musk's): it is about
    them, not more of the last speaker's words."""
    if not _tells_without_speech(sentence):
        return False
    for m in _NAME_RUN.finditer(sentence):
        words = [w.strip(",.") for w in m.group(0).split() if not _title_only(w.strip(",."))]
        if (
            words
            and len(m.group(0).split()) >= 2  # two words, a title's among them: "USA TODAY reached out to Twitter"
            and not any(w.lower() in _CONNECTOR_WORDS for w in words)
            and not place_forms(" ".join(words))
            and _DOES_AFTER.match(sentence, m.end())  # the subject of a verb: a person acting
            and not same_speaker(said, " ".join(words))
        ):
            return True
    return False


# a verb after a name, past what is said of it between commas: "Jim Jordan, R-Ohio, called on Bragg" (not "Centralized
# Testing (the Belarusian equivalent ...)")
_DOES_AFTER = re.compile(r"(?:,[^,;.]{1,40},)?,?\s+(?:(?:has|had|also|then|was|were)\s+)?[a-z]+(?:ed|es)\b")


_CONNECTOR_WORDS = frozenset({"of", "the", "de", "da", "bin", "van", "von", "al", "del", "la", "le", "and", "&"})
