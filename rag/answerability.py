"""Does this answer answer the question? The answerability decision, made before an answer is shown.

A quote that is merely verbatim proves nothing: "What did Tokayev say at the strategic session?" can be answered
with a true sentence about the session that never mentions Tokayev. So every draft answer is judged on what the
question asks:

- **names**: the question's named entities (spaCy NER, ``rag/nlp.py``) must be in the quoted sentence's article; a
  name that no stored article mentions at all makes the question unanswerable ("The articles don't mention
  Tokayev.");
- **topic**: the question's other key terms must be in the sentence or its article (a question about oil export
  prices is not answered by the article about universities, however well it covers the names);
- **answer type**: a question that asks for a person ("who"), a place ("where", "which country"), an organisation,
  a number ("how many"), a date ("when"), an event or a work needs a sentence that offers one, other than what the
  question itself names; that entity becomes the short answer ("who is the president of Kazakhstan" asks for the
  person a sentence gives that title: ``rag/roles.py``);
- **relation**: a question about what happened before, after or on the same day as an event needs a sentence that
  states that relation, not the sentence about the event itself;
- **speaker**: a question about what someone said needs a sentence that gives their words, not another's about them
  (``rag/speakers.py``);
- **meaning and retrieval**: the sentence's cosine to the question, the passage's, the answer's agreement across
  the retrieved articles and their recency.

The signals are combined by a logistic model (``AnswerabilityModel``) whose weights are a small JSON file
(``rag/models/answerability.json``), fitted on a news QA benchmark's training split by ``python -m eval.fit_answerability``;
``min_answerability`` sets the probability below which newsrag abstains.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rag.models import read_model, refuse_unknown
from rag.names import (
    COUNTRIES,
    TITLES,
    US_STATES,
    abbreviates,
    bare,
    clean_name,
    demonym_of,
    mentions,
    name_key,
    place_forms,
    place_group,
    same_person,
    same_place,
    says,
)
from rag.nlp import NAME_LABELS, Analysed, Entity
from rag.query import TRAILING_CONTEXT
from rag.roles import Role, another_role, asked_role, given_role, refused_offices
from rag.sentence_rank import focus_text
from rag.speakers import SAYING, asked_speaker
from rag.text import (
    AUXILIARY,
    CURRENCY,
    CURRENCY_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    RELATIVE_DAYS,
    STOPWORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
    as_events,
    as_question,
    calendar_day_mentions,
    calendar_days,
    event_terms,
    fold_accents,
    key_terms,
    month_number,
    past_forms,
    undotted,
    words,
)

# What a question asks for, and the NER labels that offer it.
ANSWER_LABELS: dict[str, frozenset[str]] = {
    "person": frozenset({"PERSON"}),
    "place": frozenset({"GPE", "LOC", "FAC"}),
    "organisation": frozenset({"ORG", "PRODUCT"}),
    "number": frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}),
    "date": frozenset({"DATE", "TIME"}),
    "event": frozenset({"EVENT", "ORG", "WORK_OF_ART", "LAW"}),
    "work": frozenset({"WORK_OF_ART", "ORG", "PRODUCT", "PERSON"}),
    "group": frozenset({"NORP"}),
    "name": frozenset(NAME_LABELS),  # "What is it called?": a name of any kind
}
# Up to four words between "which"/"what" and the noun that says what is asked ("which 23-time grand slam tennis
# champion"), none of them a verb: in "what did Kazakhstan's president say" no president is asked for.
_BETWEEN = (
    r"(?:(?!(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|may|might|took|take|takes"
    r"|happen(?:ed|s)?|occur(?:red|s)?|went|going)\b)[\w'’-]+\s+){0,4}"
)
# a rate asked ("what was China's youth unemployment rate"): a share ("19.9%") or one per so many ("3.1 per thousand")
_RATE_ASKED = (
    r"\bwhat\s+(?:is|was|are|were|will\s+be)\s+(?:the|his|her|its|their|[A-Z][\w.-]*['’]s?)\s+"
    r"(?:[\w'’-]+\s+){0,2}rate\b(?![-’'])"
    r"(?!\s+(?:decisions?|cuts?|hikes?|path|strategy|policy|plans?|limits?|freeze|caps?|increases?|rises?|outlook)\b)"
)
# the rates that are shares ("19.9%"), unlike "$17.96 an hour" or "0.72 births per woman"
_SHARE_RATE_ASKED = re.compile(
    _RATE_ASKED.replace(
        r"(?:[\w'’-]+\s+){0,2}rate",
        r"(?:[\w'’-]+\s+){0,1}(?:interest|unemployment|jobless|inflation|tax|mortgage|vacancy|poverty|approval|"
        r"participation|employment|savings|positivity|occupancy|turnout|vaccination|default|delinquency|graduation|"
        r"divorce|marriage|crime|death|mortality|survival|infection|obesity|literacy|smoking)\s+rate",
    ),
    re.I,
)
# Nouns for a person: "which actress" asks for one, and "who is the coach" too
_PERSON_NOUNS = (
    r"(?:person|people|man|woman|men|women|actor|actress|"
    r"singer|rapper|star|player|athlete|president|leader|ceo|executive|politician|senator|governor|judge|"
    r"author|writer|director|musician|comedian|host|celebrity|billionaire|founder|minister|king|queen|"
    r"prince|princess|pope|coach|candidate|lawmaker|official|journalist|artist|chef|astronaut|quarterback|"
    r"golfer|footballer|boxer|mayor|scientist|champion|legend|icon|billionaire|entrepreneur|designer|"
    r"heir|monarch|dictator|activist|defendant|suspect|victim|nominee|winner|mp|presenter|frontbencher|popstar|"
    r"philanthropist|pilot|astronomer|painter|sculptor|photographer|filmmaker|producer|composer|novelist|poet|"
    r"playwright|dancer|doctor|surgeon|nurse|officer|soldier|lawyer|attorney|prosecutor|sheriff|detective|teacher|"
    r"professor|student|researcher|economist|analyst|engineer|architect|inventor|explorer|climber|pitcher|"
    r"goalkeeper|striker|swimmer|skier|gymnast|cyclist|wrestler|driver|jockey|referee|umpire|manager|chairman|"
    r"chairwoman|spokesman|spokeswoman|spokesperson|ambassador|diplomat|envoy|commander|gunman|shooter|hostage|justice|"
    r"prisoner|inmate|survivor|teenager|mother|father|son|daughter|wife|husband|celeb|celebrities|individual|"
    r"investor|representative|killer|heavyweight|republican|democrat|tory|tories|vet|veterinarian|patient|worker|"
    r"employee|farmer|resident|passenger|reporter|anchor|correspondent|columnist|commentator|"
    r"commissioner|chancellor|runner|sprinter|skater|rider|couple|hiker|bystander|"
    r"neighbou?r|toddler|grandmother|grandfather|firefighter|paramedic|protester|"
    r"demonstrator|trooper|deputy|guy|lady|ladies|gentleman|gentlemen|"
    # in small letters, and not before a name ("which team captain"; not "Which Captain America film")
    r"(?-i:admiral|colonel|lieutenant|sergeant|captain)(?!\s+(?-i:[A-Z]))|"
    # a general (not "which general election", "the General Assembly", "General Motors", "general aviation")
    r"general(?!\s+(?:elections?|assembly|strike|store|hospital|motors|electric|mills|dynamics|public|purpose|aviation|"
    r"area|rules?|consensus|admission|manager|counsel|secretary|partner|contractor|fund|practitioner|knowledge|sense|"
    r"idea|direction|trend|principles?|population|audience|staff|interest|meeting|session|debate|approach|feeling|"
    r"terms|view|question|case|category|level)\b)|"
    # a member of a team or a family, not of an alliance ("which member of NATO" asks for a country)
    r"member(?=s?\s+of\s+(?!(?:the\s+)?(?:NATO|EU|European\s+Union|UN|United\s+Nations|OPEC|G-?7|G-?20|BRICS|"
    r"alliance|bloc|union)\b))|"
    r"child(?:ren)?(?![’'])|(?<=high-profile\s)figure|(?<=public\s)figure|"
    # "the name of the 15-year-old boy killed near the concert" (not "which boy band", "girl group", "Boy Scouts")
    r"(?-i:boy|girl|kid|teen)s?(?![-’'\w])(?=\s*(?:[?,.]|$|(?:who|that|killed|was|were|is|are|in|of|found|shot|"
    r"died|named|at|from|whose)\b)))(?:e?s)?"  # (not "the Proud Boys")
    r"(?!-(?:led|run|controlled|backed|held|owned|dominated|leaning|majority)\b)"  # not "which Republican-led state"
)
_PERSON_NOUN = re.compile(_PERSON_NOUNS, re.I)
# Verbs after which "who" and "when" still ask ("Do you know who won?", "Tell me when it opens.")
_ASKING = r"\b(?:know|knows|tell\s+(?:me|us)|remind\s+(?:me|us)|ask|asked|wonder|guess|find\s+out|explain|say)"
# "who" as a question word, not a relative pronoun ("Actress Cindy Williams, who played Shirley, ... appeared in
# which of these films?", "a fan who won a raffle"): opening the question or one of its sentences ("... died this
# week. Who will ..."), after a preposition ("paving the way for who", "by whom", "using whose"), at the end ("...
# said who?"), or after a comma when its clause runs to the question mark ("After the Queen's death in September,
# who took the throne?"; a relative clause closes first: "Kanye West, who changed his name, announced ..."), or
# after a verb of asking ("Do you know who won?").
_WHO = (
    r"(?:(?:^|[.!?:;][\"”’)]*\s+|[\"“‘(]\s*)(?:and\s+|but\s+|so\s+)?who(?:m|se)?\b"
    r"|\b(?:to|with|by|for|from|of|about|at|on|using|than|as)\s+who(?:m|se)?\b"
    rf"|{_ASKING}\s+who(?:m|se)?\b"
    r"|,\s*(?:and\s+|but\s+|so\s+)?who(?:m|se)?\b(?=[^,.;:!?]*\?)|\bwho(?:m|se)?\s*\?"
    r"|\b(?:so|but)\s+who\b|\bwho\s+else\b)"  # "... so who ended up winning it", "besides X who else ..."
)
# "What is Bob Huggins' age?", "what was biden's age": a name (one to four words, not a phrase such as "the reaction
# to Biden's") and its age, ending the question
_NAMED_AGE = r"\bwhat\s+(?:is|was)\s+(?!the\b|a\b|an\b)(?P<named>(?:[\w.-]+\s+){0,3}[\w.-]+)['’]s?\s+age\s*\?*\s*$"
# a kind's noun before a person's is no kind asked: "Which San Diego State player ..." asks for a player, "which
# company executive" for an executive
_NO_PERSON_AFTER = rf"(?!\s+{_PERSON_NOUNS}\b)"
# Places that are also institutions: "in which London gallery" is answered by "National Gallery", which the small
# model labels an organisation, as it does "Mount Sinai Hospital" and "Taronga Zoo" (see ``_VENUE_LABELS``)
_VENUE_NOUNS = (
    r"gallery|galleries|museum|zoo|hospital|hotel|theater|theatre|venue|arena|prison|jail|palace|castle|cathedral|"
    r"church|churches|temple|mosque|synagogue"
)
_VENUE_NAME = re.compile(
    rf"\b(?:{_VENUE_NOUNS}|stadium|center|centre|hall|casino|colosseum|coliseum|club|garden|gardens|park|resort)$", re.I
)

_ASKS: list[tuple[str, re.Pattern[str]]] = [
    # "when" asks a date as a question word ("when did", "when is", "... lapse when?"), not as a conjunction ("Fox
    # News rocked the media world when it announced ... which host")
    (
        "date",
        re.compile(
            r"\bwhen\s+(?:did|does|do|is|was|were|are|will|would|can|could|should|has|have|had|might|may|must)\b"
            r"|\bwhen['’]s\b|(?:^|[.!?][\"”’)]*\s+)\W*when\b(?=[^.!?]*\?)"
            r"(?![^.!?]*,\s*(?:how|what|which|who|whom|where|why)\b)|" + _ASKING + r"\s+when\b"
            r"|\bwhen\s*\?|\b(?:what|which)\s+(?:year|date|day|month|time)\b|\bhow long ago\b"
            # "what night is the band playing" (not "what evening news show", "which weekend anchor")
            r"|\b(?:what|which)\s+(?:night|evening|weekend)\b(?=\s+(?:is|was|are|were|will|does|do|did|of)\b|\s*\?|\s*$)",
            re.I,
        ),
    ),
    (
        "number",
        re.compile(
            r"\bhow\s+(?:many|much|long|old|far|big|tall|high|often|fast|large|deep)\b"
            r"|\bhow\s+(?:wide|heavy)\b(?!\s+(?:is|was|are|were)\s+(?:the\s+)?(?:fighting|traffic|support|losses|"
            r"rain|rainfall|snow|snowfall|damage|use|usage|spread|opposition)\b)"
            r"|\b(?:what|which)\s+(?:number|percentage|percent|share|amount|sum|age|price)\b"
            # "What did the Iowa Board of Regents pay Deloitte ...?": a sum (not "pay tribute", "pay attention")
            r"|\bwhat\s+(?:did|does|do|will|would)\s+(?:[\w'’.-]+\s+){1,6}?"
            r"(?<!\babout\s)(?<!\bon\s)(?<!\bfor\s)(?<!\bover\s)(?<!\bto\s)(?<!\bof\s)(?<!\band\s)(?<!\bin\s)pay\b"
            r"(?!\s+(?:tribute|attention|respects?|homage|heed|off|back|a\s+visit|visits?|gaps?|raises?|cuts?|equity|"
            r"scales?|increases?|rises?|and|for\s+(?:it|itself|themselves))\b)"
            # "What does Hickory Nut Gap charge for its hot dogs?": a price
            r"|\bwhat\s+(?:does|do|will|would)\s+(?:[\w'’-]+\s+){1,5}?charge"
            # not "charge him with", "What is Trump charged for?", "What will the teens be charged?"
            r"(?:\s+(?:for|per|to|customers|shoppers|visitors|fans|riders|drivers)\b|\s*\?*\s*$)"
            # "which hourly amount", "what is the estimated cost of", "what is his age": the sum or age itself
            r"|\b(?:what|which)\s+(?:(?:is|was|are|were|will\s+be)\s+(?:the|his|her|its|their|[A-Z][\w.-]*['’]s?)\s+)?"
            r"(?:(?!(?:of|in|on|for|to|the|a|an|did|does|do|is|was|were|are|has|have|had|will)\b)[\w'’-]+\s+){0,2}"
            r"(?:amount|sum|price|cost|fee|fine|salary|wage|age|reward|bounty|bail|ransom|jackpot|payout|tally)"
            r"\b(?![-’'])"
            # (not "what bail conditions", "what ransom demands")
            r"(?!\s+(?:conditions?|demands?|hearings?|notes?|terms|rules?|reform|system|money|cutting|savings?|plans?|"
            r"points?|overruns?)\b)"
            # a rate asked as "what is the X rate": "what was China's youth unemployment rate" (not "which exchange
            # rate fell the most")
            r"|" + _RATE_ASKED +
            # a measure by its noun, asked as "what is the X of": "what was the vertical leap of brian bowen"
            r"|\bwhat\s+(?:is|was|are|were|will\s+be)\s+(?:the|his|her|its|their)\s+(?:[\w'’-]+\s+)?"
            r"(?:height|weight|length|distance|speed|temperature|attendance|(?:death|casualty)\s+toll|leap|depth|budget|"
            r"population)\s*(?:of|for|in|at|\?|$)"
            r"|" + _NAMED_AGE,  # "What is Bob Huggins' age?"
            re.I,
        ),
    ),
    (
        "person",
        re.compile(
            rf"{_WHO}|\b(?:which|what)\s+{_BETWEEN}{_PERSON_NOUNS}\b",
            re.I,
        ),
    ),
    (
        "place",
        re.compile(
            # not a rank or a stance: "Where does Shane Battier rank LeBron James?", "where does she stand on it"
            # (but "Where does the Eiffel Tower stand?")
            # (a question word: before its verb or at the end, or opening a clause; not a relative "where" after a
            # noun: "say in the video where he came out")
            r"(?:\bwhere\b(?=\s+(?:did|does|do|is|was|are|were|will|would|can|could|should|has|have|had|might|may|must|"
            r"exactly|else|in|on|at|to)\b|\s*\?|\s*$|['’]s\b)|(?:^|[.!?:;,]\s*|\b(?:so|but|and|from|know|tell\s+(?:me|us)|"
            r"wonder|ask|asked)\s+)where\b)"
            r"(?!\s+(?:do|does|did|would|will|is|was|are|were)\s+(?:[\w'’.-]+\s+){1,6}?(?:rank|ranks|ranked|"
            r"ranking|stands?\s+on|rate|rates|rated)\b)"
            rf"|\b(?:which|what)\s+{_BETWEEN}(?:country|countries|nation|state|city|cities|town|continent|"
            r"region|island|county|counties|capital|province|place|location|village|territory|territories|sea|ocean|"
            r"river|mountain|airport|stadium|park|neighborhood|neighbourhood|port|district|destination|planet|borough|"
            r"landmark(?!s?\s+(?:event|moment|ruling|decision|deal|case|victory|win|law|bill|agreement|anniversary|"
            r"achievement|milestone|study|report|verdict|settlement)\b)|attraction|"
            + _VENUE_NOUNS
            + r")(?:e?s)?\b"
            + _NO_PERSON_AFTER
            + r"|\bwhich\s+(?:country|state|city)['’]s\b",
            re.I,
        ),
    ),
    (
        "organisation",
        re.compile(
            rf"\b(?:which|what)\s+{_BETWEEN}(?:company|companies|organi[sz]ation|team|club|agency|network|airline|"
            r"brand|bank|retailer|university|college|party|firm|automaker|carmaker|league|broadcaster|publisher|"
            r"studio|startup|chain|newspaper|magazine|outlet|union|school|restaurant|store|platform|app|website|"
            r"service|giant|maker|manufacturer|group|institution|charity|association|alliance|bloc|coalition|"
            r"supermarket|lender|insurer|regulator|watchdog|conglomerate|corporation|nonprofit|drugmaker|dealership|"
            # (not "which railway station", "what utility bills")
            r"(?:railroad|railway|utility|utilities)(?!\s+(?:stations?|lines?|crossings?|bridges?|tracks?|bills?|poles?|"
            r"workers?|strikes?|network|system|rates?|costs?|trucks?|shares?|cars?)\b)|"
            # a body written in small letters ("which court"), not the one of a name ("Which Supreme Court ruling")
            r"(?-i:court|tribunal|committee|ministry|department|council|parliament|legislature)|companies|"
            r"agencies|universities|parties|charities|ministries)(?:e?s)?\b"
            + _NO_PERSON_AFTER
            + r"|\b(?:which|what)\s+"
            + _BETWEEN
            + r"exchanges?\b(?!\s+rates?\b)",  # a crypto exchange, no rate
            re.I,
        ),
    ),
    (
        "event",
        re.compile(
            rf"\b(?:which|what)\s+{_BETWEEN}(?:event|tournament|awards?|festival|championship|summit|competition|"
            r"race|cup|storm|hurricane|ceremony|conference|election|holiday)s?\b",
            re.I,
        ),
    ),
    (
        "work",
        re.compile(
            rf"\b(?:which|what)\s+{_BETWEEN}(?:show|film|movie|book|song|album|series|novel|musical|documentary|"
            r"sitcom|franchise|podcast|painting|opera|ballet)s?\b",
            re.I,
        ),
    ),
    ("group", re.compile(r"\b(?:which|what)\s+(?:nationality|ethnicity|religion|ethnic group)\b", re.I)),
]

_ASKS_BY_KIND = dict(_ASKS)  # the pattern of each kind asked for

_CURRENCY_AFTER = re.compile(rf"\s*(?:{CURRENCY_WORDS})\b", re.I)
_CURRENCY_IN = re.compile(CURRENCY, re.I)  # "12,000 kroner" (a quantity to the small model)
# The kind of date a question asks for: "which year" is answered by an entity that holds a year, not "Thursday" or
# "this year"; "what date" by a day of the calendar ("September 15", "6 May 2023"), "which day" by that or a weekday
# ("Tuesday, March 14", "Monday"), neither by "2023"; "which month" by a month. ("What day of the year" asks none.)
# A quiz's "... for the first time since:" asks for a year.
# A quiz's unfinished sentence ends with a colon or an ellipsis (see ``unfinished_asks``)
_UNFINISHED_END = r"(?:\s*(?::|…|\.\.\.))+\s*$"
_DATE_KIND_ASKED = re.compile(
    r"\b(?:what|which)\s+(year|date|day|month|time)\b(?!\s+of\s+(?:the\s+)?(?:year|month)\b)"
    rf"|\bsince(?={_UNFINISHED_END})",
    re.I,
)


def _date_kind(question: str) -> str:
    """The kind of date a question asks for ("year", "date", "day", "month", "time"; see ``_DATE_KIND_ASKED``),
    or "" when it does not say."""
    m = _DATE_KIND_ASKED.search(question)
    return "" if m is None else (m.group(1) or "year").lower()


_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# The words between "which"/"what" and the noun it asks for, when they only qualify that noun ("which European
# city"): no verb, article or preposition ("which mountain in the state" asks for a mountain, not a state).
_QUALIFIERS = (
    r"(?:(?!(?:in|of|on|at|to|for|from|near|by|with|the|a|an|that|this|did|does|do|is|was|were|are|has|have|had|"
    r"will|would|can|could)\b)[\w'’-]+\s+){0,3}"
)
# Places asked for inside a country, never answered by a country or union (`_PLACE_GROUPS`). A "state" only when it
# is one of a country's ("which state", "which US state", "which Indian state"): "which EU member state" and "which
# Gulf state" ask for a country.
_TOWN = r"city|cities|town|village|borough"  # a city asked (``_CITY_ASKED``), and a place within a country
_COUNTRY = r"country|countries|nation"
_WITHIN = rf"{_TOWN}|capital|county|counties|province|district"
_WITHIN_COUNTRY = re.compile(
    rf"\b(?:which|what)\s+(?:{_QUALIFIERS}(?:{_WITHIN}|neighbou?rhood)s?|(?:(?P<country>[\w'’]+)\s+)?states?)\b(?![-\w])",
    re.I,
)
_SITE_NAMED_AFTER = re.compile(
    r"(?:[-–\s]+[A-Z][\w'’.-]*){0,4}[-–\s]+(?:International\s+)?(?:Airport|Stadium|Arena|Park|Port|Harbou?r)\b"
)
# a site asked ("which airports", "what stadium"), never answered by a country; grounds, by no town either
_GROUNDS = r"airport|stadium|arena|park"
_GROUNDS_ASKED = re.compile(rf"\b(?:which|what)\s+{_QUALIFIERS}(?:{_GROUNDS})s?\b(?![-\w])", re.I)
_SITE_ASKED = re.compile(rf"\b(?:which|what)\s+{_QUALIFIERS}(?:{_GROUNDS}|port|harbou?r)s?\b(?![-\w])", re.I)
# A city asked for is no state's name (but the states a city shares its name with: "Washington", "New York")
_CITY_ASKED = re.compile(rf"\b(?:which|what)\s+{_QUALIFIERS}(?:{_TOWN})s?\b(?![-\w])", re.I)
_STATES_NO_CITY = US_STATES - {"washington", "new york"}
_OWNER_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s", re.I)  # "which state's capital"
# nor a country asked for (but Georgia, a country too)
_COUNTRY_ASKED = re.compile(rf"\b(?:which|what)\s+{_QUALIFIERS}(?:{_COUNTRY})s?\b(?![-\w])", re.I)
_STATES_NO_COUNTRY = US_STATES - {"georgia"}
# A country, state or city is a geopolitical entity (GPE): not a region, an island or a building (LOC, FAC).
_GPE_ASKED = re.compile(rf"\b(?:which|what)\s+{_QUALIFIERS}(?:{_COUNTRY}|state|{_WITHIN})s?\b(?![-\w])", re.I)
# the words of a body's name: an organisation so called is no work ("which books ...")
# a name written as a person's: two or three capitalised words of letters, none of them a body's word
_PERSON_LIKE = re.compile(
    r"(?!.*\b(?:Board|Trustees|Council|Committee|Department|Ministry|Agency|University|College|Library|Association|"
    r"Commission|Foundation|Institute|Inc|Corp|Corporation|LLC|Ltd|Authority|Bureau|Administration|Senate|Police|"
    r"Federation|House|Office|League|Party|Bank|Group|Company|Court|Times|News|Post|Network|Club|Service|Union|"
    r"Church|School|Center|Centre|Fund|Army|Force|Forces|Guard|Government|Parliament|Congress)\b)"
    r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?){1,2}"
)
_BODY_WORD = re.compile(
    r"\b(?:Board|Trustees|Council|Committee|Department|Ministry|Agency|University|College|Library|Libraries|"
    r"Association|Commission|Foundation|Institute|Inc|Corp|Corporation|LLC|Ltd|Authority|Bureau|Administration|"
    r"Senate|Police|Federation)\b\.?"
)  # not "House", "Office", "League", "Party": "House of the Dragon", "The Office", "A League of Their Own"


def _a_body(name: str) -> bool:
    """Whether an organisation's name is a body's: two of its words ("Library Board"), or one and "of" ("Department
    of Education"); not a title that has one ("Monsters University", "The Adjustment Bureau")."""
    found = len(_BODY_WORD.findall(name))
    return found >= 2 or (found == 1 and " of " in name)


_VENUE_ASKED = re.compile(rf"\b(?:which|what)\s+{_QUALIFIERS}(?:{_VENUE_NOUNS}|landmark|attraction)s?\b", re.I)
_VENUE_LABELS = frozenset({"FAC", "ORG", "LOC"})
# germs and diseases, which the small model now and then takes for an organisation or a person ("due to the
# potential of Salmonella contamination": no pet store chain)
_GERMS = frozenset(
    ["salmonella", "listeria", "e. coli", "covid", "covid-19", "coronavirus", "sars-cov-2", "mpox", "monkeypox"]
    + ["ebola", "zika", "rsv", "norovirus", "legionella", "legionnaires", "botulism", "measles", "polio", "cholera"]
    + ["h5n1", "bird flu", "omicron"]
)
_GERM_ASKED = re.compile(
    r"\b(?:virus|viruses|bacteri\w*|disease|illness|infection|strain|variant|pathogen|germ)s?\b", re.I
)
_PARTY_WORDS = frozenset(
    [
        "republican",
        "republicans",
        "democrat",
        "democrats",
        "tory",
        "tories",
        "labour",
        "conservative",
        "conservatives",
        "liberal",
        "liberals",
        "gop",
    ]
)
# an age group, no firm's or person's name ("Gen Z", an organisation to the small model)
_GENERATION = re.compile(
    r"(?:Gen(?:eration)?\s*[XYZ]|Gen\s+Alpha|Millennials|(?:Baby\s+)?Boomers|Zoomers)(?:ers)?", re.I
)
# "Which member of BTS ...": a person, whom the small model takes into the group's name ("Suga of BTS", an ORG)
_MEMBER_ASKED = re.compile(r"\b(?:which|what)\s+members?\s+of\b", re.I)
_MEMBER_OF_GROUP = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+of\s+\S.*")
_AGE_ASKED = re.compile(
    rf"\bhow\s+old\b|\b(?:what|which)\s+age\b|\bat\s+what\s+age\b|{_NAMED_AGE}"
    r"|\bwhat\s+(?:is|was)\s+(?:his|her|their|the)\s+age\b",  # "... a milestone birthday. What is his age?"
    re.I,
)
# an age the small model labels a date: "79", "80 years old", "the age of 96", "96-year-old"; not "30 years" (a length)
_AGE = re.compile(
    r"(?:(?:at\s+)?(?:the\s+)?aged?\s+(?:of\s+)?)?(?:1[0-2]\d|\d{1,2})(?:[\s-]+years?[\s-]+old)?", re.I
)  # up to 129: "WLW-AM (700)" is no one's age
# "how long" asks for a length of time ("45 days", "just six weeks": dates to the small model) or of a thing
# ("22-foot": a quantity), not a count or a sum; "how long ago" asks for a date.
_DURATION_ASKED = re.compile(r"\bhow\s+long\b(?!\s+ago\b)", re.I)
_DURATION = re.compile(
    r"\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))\b", re.I
)
# "how tall / far / deep / wide / heavy" asks for a measure ("314 feet", "12 miles"): a quantity, or a number
# written with its unit; not "one-third" of a replica ("how high" is also asked of prices and rates: left open).
# "how much is the phone", "how much are tickets", "how much is inflation": an amount (a sum, a share, a measure),
# not a bare number ("one" of "in one form or another")
_AMOUNT_ASKED = re.compile(r"\bhow\s+much\s+(?:is|are|was|were|will\s+be)\b", re.I)
_MEASURE_ASKED = re.compile(
    rf"\bhow\s+(?:tall|far|deep|wide|heavy|fast)\b|\b(?:measures|measured|weighs|weighed){_UNFINISHED_END}"
    r"|\bhow\s+much\s+(?:does|did|do|will|would|could|can)\b[^?]*\bweigh\b"
    r"|\bhow\s+much\s+(?:power|energy|electricity|rain|rainfall|snow|snowfall)\b",  # kilowatts, inches: no sum
    re.I,
)  # a quiz's "He measures:" too; "How much does the statue weigh?" (a weight: not the "$75,000" raised for it)
# "how long did it take", "how long will the strike last": a length of time, not of a thing ("the 21.3-mile
# length of Lake Tahoe" does not say how long the swim took)
# (the verb of the question's own clause: not "the bridge that opened last year", "which has been ...")
_TIME_TAKEN = re.compile(
    r"\bhow\s+long\s+(?!ago\b)(?:(?!\b(?:and|or|that|which|who|whom|where|when|while)\b)[^?,;]){0,60}?"
    r"\b(?:take|takes|took|taking|last(?=\s*[?.!]*\s*$|\s+(?:for|until|after|before|through|beyond|in|at|during|once)\b)|lasts|lasted|"
    r"lasting|stay|stays|stayed|wait|"
    r"waits|waited|spend|spends|spent|serve|serves|served|been|remain|remains|remained)\b"
    # "how long was rihanna's halftime set": an event lasts; "how long is the bridge" is left open
    r"|\bhow\s+long\s+(?:is|was|were|are|will\s+be)\s+(?:[\w'’.-]+\s+){0,5}?(?:set|show|speech|performance|game|"
    r"match|meeting|flight|trip|visit|concert|interview|hearing|trial|strike|shutdown|delay|wait|sentence|break|"
    r"season|tour|war|lockdown|ban|suspension|outage|ceremony|film|movie|episode|career|reign|tenure)s?"
    r"(?=\s*[?.!]*\s*$|\s+(?:on|in|at|for|during|last|this)\b)",
    re.I,
)
# "what percentage", "what share of": a share ("35%", "two-thirds"), not a count ("7.6 million")
_SHARE_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:percentage|percent|per\s+cent|share(?!\s+(?:price|holder))|proportion|fraction)\b"
    r"|\bhow\s+many\s+percent"
    r"|\b(?:by\s+)?what\s+%",
    re.I,
)
# "How much did vitamin D cut the risk?", "how much did the jobless rate fall": a risk, a rate or odds changes by a
# share ("22%", "two percentage points"), not by "1,000" (milligrams of a dose)
_RATE_CHANGE_ASKED = re.compile(
    r"\bhow\s+much\b(?=[^?]*\b(?:risks?|rates?|odds|chances?|likelihood|probability)\b)"
    r"(?=[^?]*\b(?:cut|cuts|reduc\w*|lower\w*|rais\w*|increas\w*|boost\w*|slash\w*|decreas\w*|ris(?:e|es|en)|rose|"
    r"f[ae]ll|fallen|drop\w*|climb\w*|jump\w*)\b)",
    re.I,
)
# A dateline: "WASHINGTON —", "KYIV, Ukraine (AP) —" opening a story says where it was filed, not what it tells
_DATELINE_AFTER = re.compile(r"(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*(?:\([\w\s.]{1,20}\)\s*)?[—–-]{1,2}\s")
_MONEY_COUNTED = re.compile(
    rf"(?:{CURRENCY_WORDS}|dollar|euro|pound|rubl|roubl|rupe|franc|cent|penni|buck|peso|shekel|lira|rand|won|real|"
    r"ringgit|baht|naira|dinar|dirham|riyal|million|billion|trillion|grand)",
    re.I,
)
# "One in five", "three out of 10" after a count: a share, which the short answer spans whole
_IN_EVERY_TEXT = r"\s+(?:in|out\s+of)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
_IN_EVERY = re.compile(_IN_EVERY_TEXT, re.I)
_FRACTION = re.compile(
    r"\b(?:(?:half|halves|thirds|quarters|fifths|tenths|(?:a|one)[\s-](?:third|quarter|fifth|tenth))\b"
    rf"|(?:third|quarter|fifth|tenth)\s+of\b|\w+{_IN_EVERY_TEXT})",
    re.I,
)
_POINTS_AFTER = re.compile(r"\s*(?:percentage|percent)(?:age)?[\s-]+points?\b", re.I)  # "7 percentage points"
_SHARE_IN = re.compile(r"%|\bper\s*cent\b|\bpercent(?:age)?\b", re.I)  # "58.5 per cent" (MONEY to the small model)
_SPEED_AFTER = re.compile(
    r"[\s-]*(?:\([^()]{1,40}\)\s*)?(?:mph|km/h|kph|m/s|knots?|"
    r"(?:(?:miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet)[\s-]+)?(?:an|a|per)[\s-]+(?:hour|second|minute))",
    re.I,
)
# A year that a list ties to an entity: "Houston (2023), Phoenix (2024)", "San Antonio in 2025, Indianapolis ..."
# (not "Biden in 2019 said ...": a year in a list ends with the list's punctuation)
_YEAR_AFTER = re.compile(
    r"(?<=\w)(?:\s?\(\s?((?:1[5-9]|20)\d\d)\s?\)|\s+in\s+((?:1[5-9]|20)\d\d)(?:\s?[,;.)]|\s+and\b))"
)
# After an entity, within its clause (up to a comma, colon or bracket), the years it is put in: "struck Florida
# as a Category 2 in 1985", "won Super Bowl 52 (2017)" (not "..., who won in 1986", nor "since 1986": a year it is
# measured from)
_CLAUSE = re.compile(r"(?:[^,;:!?()\"“”]|\((?:1[5-9]|20)\d\d\)){0,150}")
_IN_YEAR = re.compile(r"\bin\s+((?:1[5-9]|20)\d\d)\b(?![-–/]\d)|\(((?:1[5-9]|20)\d\d)\)")


def _in_another_year(sentence: str, end: int, years: set[str]) -> bool:
    """Whether the clause after an entity puts it in years, none of them the question's ("Hurricane Kate struck
    Florida as a Category 2 in 1985"; not "Messi won the Ballon d'Or in 2021 and the World Cup in 2022" for a 2022
    question)."""
    clause = _CLAUSE.match(sentence, end)
    put = {m.group(1) or m.group(2) for m in _IN_YEAR.finditer(clause.group(0))} if clause else set()
    return bool(put) and not put & years


_UNIT_AFTER = re.compile(
    r"[\s-]*(?:feet|foot|ft|inch(?:es)?|yards?|miles?|metres?|meters?|m|km|kilomet(?:re|er)s?|centimet(?:re|er)s?|"
    r"cm|mm|pounds?|lbs?|kilo(?:gram)?s?|kg|tons?|tonnes?|grams?|g|stor(?:y|ies)|storeys?|floors?|light[\s-]years?)\b",
    re.I,
)
_MONTHS = alternation(MONTHS + MONTH_ABBREVIATIONS)
_MONTH = re.compile(rf"\b(?:{_MONTHS})\b\.?", re.I)
_CALENDAR_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b",
    re.I,
)
_WEEKDAY = re.compile(rf"\b(?:{alternation(WEEKDAYS + RELATIVE_DAYS[:3])})\b", re.I)
# what a sum is of, said after it: "$1 billion in revenue", "$30 million in fines"
_SUM_OF = re.compile(
    r"\s+(?:\w+\s+)?(?:in|of)\s+((?:annual\s+|total\s+)?(?:revenue|sales|profits?|earnings|funding|investments?|"
    r"damages|fines|debt|losses|donations|bonuses|salary|wages|taxes|tips|refunds|grants?|subsidies|aid))\b",
    re.I,
)
# a company's takings before their sum ("net sales of $1.26 billion"): never what a price asks
_SUM_OF_BEFORE = re.compile(
    r"\b((?:annual\s+|total\s+|net\s+|quarterly\s+)?(?:revenue|sales|profits?|earnings|income|turnover))\s+"
    r"(?:of|at|totall?ing)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|more\s+than\s+|over\s+|some\s+)?$",
    re.I,
)
# a sum paid, asked ("how much is Fox paying to settle"), and one sought ("how much is Smartmatic suing for")
_PAY_ASKED = re.compile(r"\b(?:pay|pays|paying|paid|settle|settles|settled|settling|settlement)\b", re.I)
_SUE_ASKED = re.compile(r"\b(?:su(?:e|es|ed|ing)|seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|asking)\b", re.I)
_WON_ASKED = re.compile(r"\b(?:win|wins|won|winning|get|gets|got|receive[sd]?|receiving|award(?:s|ed)?)\b", re.I)
# "$1.6 billion defamation lawsuit" (not "$787.5 million over the lawsuit", "in the suit", "settlement claim")
_SOUGHT_AFTER = re.compile(
    r"\s+(?:(?!(?:in|over|of|for|to|from|settlement|settlements)\b)[\w-]+\s+){0,2}?(?:lawsuit|suit|claim|complaint)\b",
    re.I,
)
# a sum given away, as the object of the giving ("will donate $5 to the charity"; "up to $200,000 total" after it)
_GIFT_BEFORE = re.compile(
    r"\b(donate[sd]?|donating|pledge[sd]?|pledging|award(?:s|ed)?|awarding|grant(?:s|ed)?)\s+"
    r"(?:(?:[\w'’-]+\s+){0,3}|[^;:.!?]{0,60}?[$£€]\d[\d.,]*(?:\s+(?:million|billion))?[^;:.!?,]{0,60},\s+(?:up\s+to\s+)?)$",
    re.I,
)


def _given_sum(sentence: str, ent: Entity) -> str | None:
    """The verb of giving whose object the sum ``ent`` is ("donate", "awarded": no price, no sum sought); None."""
    m = _GIFT_BEFORE.search(sentence, max(0, ent.start - 160), ent.start)
    return m.group(1) if m is not None else None


_TEAM_SCORE_AFTER = re.compile(r"\s+\d{1,3}\s*,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+\d{1,3}\b")
_SCORE_BEFORE_TEAM = re.compile(r"[A-Z][\w.'’-]*\s+\d{1,3}\s*,\s*$")  # "Connecticut 73, " before the other team
_POINTS_AFTER_TEAM = re.compile(r"\s+\d{1,3}\b")
_HOW_MUCH = re.compile(r"\bhow\s+much\b(?!\s+of\b)", re.I)  # an amount, not "how much of the vote" (a share)
_PRICED_NOUN = re.compile(
    r"\b(?:rates?|prices?|costs?|fares?|fees?|wages?|salar(?:y|ies)|rents?|premiums?|tuition|bills?)\b", re.I
)
# a plural noun in small letters right after a number, past one word ("eight barges", "two new stores")
_COUNTED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?([a-z]{3,}(?<!ss)s)\b")
_PRICE_ASKED = re.compile(r"\b(?:cost|costs|costing|price|charge|charges)\b", re.I)
_SUM = re.compile(
    r"\b(?:cost|costs|costing|price|pay|pays|paid|paying|spend|spends|spent|spending|worth|fined?|salary|budget|"
    r"raise[ds]?|reward|bounty|bail|ransom|jackpot|payout|fetch(?:es|ed)?)\b"
    # "How much did the waffle maker sell for?", "How much did Maradona's shirt go for?": a price
    r"|\b(?:sell|sells|sold|selling|go|goes|went|going|retail|retails|retailed|auctioned)\s+for\s*(?:\?|$)",
    re.I,
)
# "how much prize money", "how much did she earn", "how much did the first movie make?": a sum too (not "70" players,
# nor "seven" wins); a sum or its share when it changes ("How much did revenue grow?" is answered by "12%", "How much
# did the price rise?" by "36%")
_SUM_NOUN = re.compile(
    r"\bhow\s+much\s+(?:[\w'’-]+\s+){0,2}?(?:money|prize|fees?|fares?|revenues?|profits?|wages?|bonus(?:es)?|"
    r"tuition|rents?|funding)\b|\bhow\s+much\b[^?]*\b(?:earn(?:s|ed)?|charge[sd]?|owe[sd]?|gross(?:es|ed)?)\b"
    r"|\bhow\s+much\s+(?:did|does|do|will|would|could)\s+(?:[\w'’.-]+\s+){1,5}?(?:make|bring\s+in|take\s+in)\s*\?"
    # "How big was that profit?": the size of a sum is a sum
    r"|\bhow\s+(?:big|large|huge|small)\s+(?:was|is|were|are|will\s+be|would\s+be)\s+(?:the|that|this|its|their|his|her)"
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:profits?|revenues?|earnings|deals?|fines?|settlements?|budgets?|"
    r"salar(?:y|ies)|bonus(?:es)?|payouts?|jackpots?|prizes?|contracts?|debts?|deficits?|donations?|grants?|loans?|"
    r"investments?|offers?|bills?|ransoms?|rewards?)\b",
    re.I,
)
_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|gr(?:ow|ew|own|ows|owing)|drop(?:s|ped)?|"
    r"(?:in|de)creas(?:e|es|ed|ing)|jump(?:s|ed)?|climb(?:s|ed)?|soar(?:s|ed)?|plunge[sd]?|decline[sd]?|shr[iau]nk|"
    r"gain(?:s|ed)?|cut)\b",
    re.I,
)
# A number that labels rather than counts: "stage 1" (cancer), "Game 7", "No. 1", "Category 4", "Article 5". It
# answers no "how many", "how old" or "how much" ("How old is Chris Evert?" is not answered by the "1" of "stage 1").
_LABEL_BEFORE = re.compile(
    r"\b(?:stage|phase|level|grade|category|game|round|week|no|number|chapter|section|article|title|route|highway|"
    r"interstate|flight|episode|part|page|gate|terminal|district|ward|precinct|room|suite|version|tier|type|model)"
    r"\.?\s*#?\s*$",
    re.I,
)

# A question about what happened before, after or on the same day as an event, and the words a sentence states
# that relation with.
_SPAN_OF_TIME = r"(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:weeks?|months?|years?)"
_RELATION_QUESTION = re.compile(
    r"\b(?:what|who|which)\b[^?]*\b(?:happen(?:ed|s)?|occur(?:red|s)?|(?:took|take|takes)\s+place|do|does|else)\b[^?]*"
    r"\b(?:(?:earlier|later)\s+(?:on\s+)?(?:the\s+same|that)\s+day|(?:on\s+|in\s+)?the\s+same\s+(?:day|week)|the\s+(?:day|week)"
    r"\s+(?:before|after)|(?:just|shortly|right|soon|immediately)?\s*(?:before|after|prior\s+to|following))\b"
    # (not a span of time after it: "why E.T. still holds up after 40 years")
    r"(?!\s+(?:more\s+than\s+|nearly\s+|almost\s+|about\s+|some\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many|decades|years)\s+(?:of\s+)?(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|"
    r"seasons?)\b)"
    # whatever the verb, "on the same day <an event>" and "right before <an event>" ask for a neighbour of it:
    # "Which ride closed on the same day Infinity Falls opened?", "What exhibit did it show right before the X?"
    r"|\b(?:what|who|which)\b[^?]*\b(?:on\s+the\s+same\s+day\s+(?:as\s+|that\s+|when\s+)?"
    r"|(?:just|right|immediately)\s+(?:before|after)\s+)(?:the|a|an|his|her|their|its|(?-i:[A-Z]))"
    # and a span of weeks, months or years: "Who did the Buccaneers sign a week after the Brady retirement news?"
    # (or its pronoun: "What were scientists saying about Mauna Loa a week before it started erupting?")
    rf"|\b(?:what|who|which|how)\b[^?]*\b{_SPAN_OF_TIME}\s+(?:before|after)\s+"
    r"(?:the|a|an|his|her|their|its|(?:it|he|she|they)\s+(?-i:[a-z]+(?:ed|s)\b)|(?-i:[A-Z]))"
    # "What did NASA's UFO panel get up to the week after its study kicked off?", whatever the verb
    r"|\b(?:what|who|which|how)\b[^?]*\bthe\s+(?:day|week|month)\s+(?:before|after)\s+(?!next\b|tomorrow\b|that\b|last\b)"
    r"(?!(?:christmas|thanksgiving|easter|halloween|hanukkah|new\s+year|independence\s+day|labor\s+day|memorial\s+day|"
    r"valentine|mother['’]s\s+day|father['’]s\s+day|super\s+bowl|election\s+day|black\s+friday)\b)\w"
    # ... and the weekend before an event (not a feast: "the weekend after Thanksgiving"; nor a weekday, which names
    # a day of its own: "the Monday after the Super Bowl", "the Thursday before Christmas")
    r"|\b(?:what|who|which|how)\b[^?]*\bthe\s+weekend\s+(?:before|after)\s+(?:the|a|an|his|her|their|its)\s"
    # "What did the WHO say the same day the US dropped its test?" (a time, not "the same day every year")
    r"|\b(?:what|who|which|how)\b[^?]*\bthe\s+same\s+(?:day|week)\s+(?:as\s+|that\s+|when\s+)?"
    r"(?:the|a|an|his|her|their|its|(?-i:[A-Z]))"
    # what came next after an event ("who did the bruins play next after clinching ...", "How did they do in their
    # next game after beating Australia?"), what happened once it had ("What happened once the caravan reached ...?")
    # (not a line or a ranking: "Who is next in line to the throne after Charles?")
    r"|\b(?:what|who|which|how)\b(?![^?]*\b(?:rank\w*|in\s+line|list)\b)[^?]*\bnext\b[^?]*\b(?:after|following)\s+\w"
    r"|\b(?:what|who|which)\b[^?]*\bhappen(?:ed|s)?\s+once\s+\w"
    # the span of time told first: "In the week before he announced his retirement, what was Breyer doing?"
    r"|^\W*(?:in|on|during|over)?\s*the\s+(?:(?:few|last|final|same)\s+)?(?:day|night|week|weekend|month|year|hour)s?\s+"
    r"(?:before|after|following|leading\s+up\s+to|prior\s+to)\s+[^,?]{3,80},\s*(?:what|who|which|how|where)\b",
    re.I,
)
# A sentence states a relation in its first words, as news does: "Earlier on the same day, ...", "Prior to this,
# ...", "The next day, ..."; an "after" inside a sentence ("due to begin in September, after the season ends") is
# not the relation asked about.
_OPENING = r"^\W*(?:(?:on|in|and|but|then)\s+)?"
# "The following day, ...", "The next week ...": a time after a sentence's opening "the next" or "the following" (not
# "The following contains details from the finale", "The next step is ...")
_TIME_NOUN = (
    r"(?:(?:few|couple\s+of|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:(?:day|night|morning|afternoon|evening|week|weekend|month|year|season|spring|summer|fall|autumn|winter|hour|"
    rf"minute)s?|{alternation(WEEKDAYS)}|{_MONTHS})"
)  # ("The following Tuesday", "The next few days", "The next 24 hours", "The following March")
_RELATION_KINDS: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    # (kind, how the question asks it, how a sentence states it)
    (
        "same-day",
        re.compile(r"\bsame\s+day\b|\bthat\s+day\b", re.I),
        re.compile(
            _OPENING
            + r"(?:(?:earlier|later)\s+(?:on\s+|in\s+)?(?:the\s+same|that)\s+day|(?:on\s+)?the\s+same\s+day)\b",
            re.I,
        ),
    ),
    (
        "same-week",
        re.compile(r"\bsame\s+week\b", re.I),
        re.compile(
            _OPENING
            + r"(?:(?:earlier|later)\s+(?:on\s+|in\s+)?(?:the\s+same|that|the)\s+(?:day|week)|(?:during\s+|in\s+)?"
            r"(?:the|that)\s+same\s+(?:day|week)|that\s+(?:day|week))\b(?!\s+(?:last|next|a)\s+(?:year|month)\b)",
            re.I,
        ),
    ),
    (
        "before",
        re.compile(r"\bbefore\b|\bearlier\b|\bprior\s+to\b|\bday\s+before\b", re.I),
        re.compile(
            _OPENING + rf"(?:(?:{_SPAN_OF_TIME}\s+)?(?:earlier|before)|prior\s+to|previously|the\s+day\s+before|"
            rf"the\s+previous\s+{_TIME_NOUN})\b",
            re.I,
        ),
    ),
    (
        "after",
        re.compile(r"\bafter\b|\blater\b|\bfollowing\b|\bday\s+after\b|\bonce\b", re.I),
        re.compile(
            _OPENING + rf"(?:(?:{_SPAN_OF_TIME}\s+)?(?:later|after)|afterwards|following|subsequently|"
            rf"the\s+(?:next|following)\s+{_TIME_NOUN}|the\s+day\s+after)\b",
            re.I,
        ),
    ),
]


# "the day before", "two days after", "the next day": a relation of days, which news states by naming the days as
# often as in words ("On Monday, the Bank doubled its limit" beside "On Tuesday, it added index-linked gilts"). It
# makes a relation question whatever the verb ("Who did Xi meet the day after ...?"). Not a title ("The Day After
# Tomorrow"), nor a day named by a holiday ("the day before Thanksgiving" is a date, not an event's neighbour).
_DAY_OFFSET = re.compile(
    r"\b(?:(?P<n>one|two|three|four|five|six|[1-6])\s+days?|(?:the|a)\s+(?:day|night))\s+(?P<way>before|after|earlier|"
    r"later)\b|\bthe\s+(?P<side>next|following|previous|prior)\s+(?:day|night)\b",  # a game "the night before"
    re.I,
)
_HOLIDAY = re.compile(
    rf"^\W*(?:the\s+)?(?:(?:{alternation(WEEKDAYS)})\b|(?:{_MONTHS})\.?\s+\d\d?(?!\d)|\d|"
    r"thanksgiving|christmas|easter|halloween|hanukkah|ramadan|eid|diwali|new\s+year|"
    r"(?:(?-i:[A-Z])[\w'’]+\s+)+(?-i:Day)\b|(?:tomorrow|yesterday|today)\b(?!['’]))",
    re.I,
)
_SMALL_NUMBERS = {w: i + 1 for i, w in enumerate(("one", "two", "three", "four", "five", "six"))}


def day_offset(question: str) -> tuple[int, str] | None:
    """How many days after (negative: before) the event the question names it asks about, and the words naming
    that event (to the clause's end: "the election" of "The day after the election, what did Trump say?"); None
    for a question that asks no such thing."""
    m = _DAY_OFFSET.search(question)
    if m is None or ("Day" in m.group(0) and m.start() > 0):
        return None  # "The Day After Tomorrow"
    event = re.split(r"[,;:?!]", question[m.end() :], maxsplit=1)[0]
    if _HOLIDAY.match(event):
        return None
    if m["side"]:
        return (1 if m["side"].lower() in ("next", "following") else -1), event
    n = (_SMALL_NUMBERS.get(m["n"].lower()) or int(m["n"])) if m["n"] else 1
    return (n if m["way"].lower() in ("after", "later") else -n), event


def _day_of_the_event(frame: Frame, sentence: str) -> bool:
    """Whether a sentence places what it tells on the day before or after the question's event, by that event's own
    word anywhere in it: "One photo shows Prince on April 20, 2016, the day before his death at the office of Dr.
    Michael Todd Schulenberg" for "who was the family doctor prince saw the day before he died"."""
    if frame.day_offset not in (-1, 1):
        return False
    way = "after" if frame.day_offset > 0 else "before"
    asked = as_events(tuple(key_terms(frame.event)))
    return any(
        asked & as_events(tuple(key_terms(m.group(1))))
        for m in re.finditer(
            rf"\bthe\s+(?:day|night)\s+{way}\s+(?:(?:his|her|their|its|the|a|an)\s+)?([\w'’-]+)", sentence, re.I
        )
    )


@functools.cache
def days_stated(offset: int) -> re.Pattern[str]:
    """How a sentence states a relation of ``offset`` days in words, in its first words: "The next day, ...",
    "A day earlier, ...", "Two days later, ..." (not "After the vote, ..." or "Following a meeting with Biden,
    ...": what those follow is their own clause, not the question's event)."""
    way = r"(?:later|after)" if offset > 0 else r"(?:earlier|before)"
    n = abs(offset)
    if n == 1:
        side = r"(?:next|following)" if offset > 0 else r"(?:previous|prior)"
        said = rf"the\s+{side}\s+(?:day|night)|the\s+(?:day|night)\s+{way}|(?:a|one|1)\s+day\s+{way}"
    else:
        word = next((w for w, i in _SMALL_NUMBERS.items() if i == n), str(n))
        said = rf"(?:{word}|{n})\s+days\s+{way}"
    return re.compile(_OPENING + rf"(?:{said})\b", re.I)


# a weekday, not one inside a name ("Saturday Night Live", "Black Friday", "Super Tuesday", "the Sunday Times")
_WEEKDAY_NAME = re.compile(
    r"(?<!Good )(?<!Black )(?<!Cyber )(?<!Super )(?<!Holy )(?<!Ash )(?<!Easter )(?<!Bloody )(?<!Giving )"
    rf"\b(?:{alternation(WEEKDAYS)})\b"
    r"(?!\s+(?-i:Night|Times|Telegraph|Mirror|Express|Post|Herald|Morning|Show|Club|Service|School)\b)",
    re.I,
)
Day = date | tuple[int, int] | int  # a date; a calendar day of no known year (month, day); a weekday (0: Monday)


def named_day(sentence: str, published: date | None) -> Day | None:
    """The day a sentence names first: a calendar day, as the date of that day nearest the article's ("Dec. 31" in
    a story of Jan. 2 is the year before, "Jan. 20" in one of Jan. 2 that year, "Feb. 29" the leap year's), or as
    (month, day) in an undated one; a weekday, as the last such day up to the article's date ("Tuesday" in a story
    of Wednesday, Dec. 14: Dec. 13; news tells of the past week, and a day of the week to come keeps its weekday),
    or as a weekday in an undated one; None when it names neither."""
    calendar = calendar_day_mentions(sentence)
    weekday = _WEEKDAY_NAME.search(sentence)
    if calendar and (weekday is None or calendar[0].start() < weekday.start()):
        m = calendar[0]
        month, day = month_number(m["month"] or m["month2"]), int(m["day"] or m["day2"])
        if published is None:
            return (month, day) if day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31) else None
        dates = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                dates.append(date(year, month, day))
            except ValueError:
                continue  # Feb. 29 of a common year
        return min(dates, key=lambda d: abs((d - published).days), default=None)
    if weekday is None:
        return None
    index = WEEKDAYS.index(weekday.group(0).lower())
    return published - timedelta(days=(published.weekday() - index) % 7) if published is not None else index


_RELATIVE_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE_DAY = re.compile(rf"\b(?:{alternation(RELATIVE_DAYS)})\b", re.I)
# the day's own clause tells of days to come: "will vote on Friday", "is set to open Monday", "ahead of his
# arraignment Tuesday", "must pass the bill by Tuesday"
_TO_COME = re.compile(
    r"\b(?:will|would|shall|must|(?:is|are|was|were)\s+(?:set|due|expected|scheduled|slated|going)\s+to|plans?\s+to|"
    r"upcoming|ahead\s+of|in\s+anticipation\s+of|in\s+time\s+for)\b|\bby\s+$",
    re.I,
)
_FRONTED_DAY = re.compile(r"\W*(?:(?:on|by|early|late|as\s+of|starting|from|beginning)\s+)*", re.I)
# where the day's own clause starts: after a comma, a semicolon or a word that opens another clause
_DAY_CLAUSE = re.compile(r"[,;:(—–]|\b(?:which|who|that|and|but|when|while|after|before)\b", re.I)


def day_meant(sentence: str, start: int, end: int, published: date | None) -> date | None:
    """The calendar date that ``sentence[start:end]`` (a short answer) stands for when it names a day without its
    year or only relative to its article ("Friday", "the early hours of Saturday", "May 6", "yesterday"), read from
    the article's date: a calendar day as the one nearest it, a weekday as the last one up to it (news tells of the
    past week; "last Friday" in a Friday's story, the week before) or, where its own clause tells of days to come
    ("will vote on Friday", "next Friday"), the next one after it. None when it names no such day, gives its year
    ("May 6, 2023"; "May 6, 2021, ..."), stands in a quotation ("today", in a statement of another day), or the
    article is undated. An article dated earlier than its text (a live page updated for days) misleads it."""
    text = sentence[start:end]
    if published is None or _YEAR.search(text) or re.match(r",?\s*(?:1[5-9]|20)\d\d\b", sentence[end:]):
        return None
    before = sentence[:start]
    quoted = before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
    if (relative := _RELATIVE_DAY.search(text)) is not None:
        return None if quoted else published + timedelta(days=_RELATIVE_OFFSET[relative.group(0).lower()])
    calendar = calendar_day_mentions(text)
    day = named_day(text[calendar[0].start() :] if calendar else text, published)  # "Sunday, March 12": March 12
    if not isinstance(day, date) or calendar:
        return day if isinstance(day, date) else None
    clause = before[max((m.end() for m in _DAY_CLAUSE.finditer(before)), default=0) :]
    said = f"{clause}{text}"
    if _FRONTED_DAY.fullmatch(before):
        # "On Monday, a NASA spacecraft will deliberately slam into ...": a day that opens its sentence is the day
        # of the clause after it
        rest = sentence[end:]
        opening = re.match(r"\s*,?", rest).end()
        cut = next((m.start() for m in _DAY_CLAUSE.finditer(rest, opening)), len(rest))
        if speech := re.search(rf"\b(?:{SAYING}|say)\b", rest[:cut]):
            cut = speech.start()  # "On Monday, the company said it will close 50 stores": said on Monday
        said += rest[:cut]
    named = f"{before[-5:]}{text}"  # "next Friday", "last Friday": the word right before the day
    if re.search(r"\blast\s+\w+day\b", named, re.I) and day == published:
        return day - timedelta(days=7)  # "last Friday" in a Friday's story
    if re.search(r"\bnext\s+\w+day\b", named, re.I) or _TO_COME.search(said) and day != published:
        return day + timedelta(days=7)  # the next one of that weekday, not the last
    return day


def names_day(sentence: str, day: Day) -> bool:
    """Whether a sentence names ``day``: a date as a calendar day or by its weekday; a calendar day of no known
    year as a calendar day; a weekday by name."""
    if isinstance(day, tuple):
        return day in calendar_days(sentence)
    if isinstance(day, date):
        if (day.month, day.day) in calendar_days(sentence):
            return True
        day = day.weekday()
    return any(WEEKDAYS.index(m.group(0).lower()) == day for m in _WEEKDAY_NAME.finditer(sentence))


def shift_day(day: Day, days: int) -> Day:
    """The day ``days`` after ``day`` (a calendar day of no known year is counted in a leap year)."""
    if isinstance(day, tuple):
        shifted = date(2000, *day) + timedelta(days=days)
        return (shifted.month, shifted.day)
    return day + timedelta(days=days) if isinstance(day, date) else (day + days) % 7


@dataclass(frozen=True)
class Frame:
    """What a question names and asks for."""

    text: str
    names: tuple[str, ...]  # named entities (and proper nouns outside them), as written in the question
    person_names: frozenset[str]  # those the recogniser took for persons
    asks: str | None  # a key of ANSWER_LABELS, or None
    relation: str | None  # "same-day", "same-week", "before" or "after", or None
    topic: tuple[str, ...]  # key terms (stems) that are not part of a name
    counted: str | None = None  # what "how many N" counts, stemmed ("month" for "after how many months")
    # the noun phrase after "which"/"what" ("former pope") or "how many" ("viewers"): what kind of answer is asked for
    head: str = ""
    several: bool = False  # it asks for several things of its kind ("which organizations", "which two banks")
    role: Role | None = None  # the role it asks the holder of ("Who is the president of Kazakhstan?"; rag/roles.py)
    speaker: str | None = None  # the person whose words it asks for ("What did Mishustin say ..."; rag/speakers.py)
    day: str | None = None  # the calendar day an event question asks about, as written ("What happened on May 3?")
    # "the day before", "two days after": the days from the named event (negative: before) and the event's words
    day_offset: int | None = None
    event: str = ""
    nouns: frozenset[str] = frozenset()  # the stems of its common nouns ("divorc", "rate"; not "demand" of "demanding")
    # the noun whose name it asks ("hotel" of "what was the name of the hotel"; "" for "what is it called"), or None
    named: str | None = None
    reason: bool = False  # it asks why ("Why did X resign?", "What caused the crash?"): a cause, not a kind of thing
    # its other common nouns, as written, which describe what it is about, not what it asks for ("champion" of "Which
    # player beat the defending champion?"); none where a copula makes them the answer's ("Which golfer is the
    # oldest man ...?", "Who is the ...?") or it asks for no kind of named thing
    described: tuple[str, ...] = ()
    who_is_the: bool = False  # "Who was the defending champion?": it asks whom a sentence calls by its head
    # topic words only of a scene the asker tells of themselves ("We're driving through Visalia this weekend and the
    # kids are begging for In-N-Out."): no article need say them (``chatter``)
    chat: frozenset[str] = frozenset()
    # two words in title case side by side that the recogniser did not tag ("Marcus Ellery"): a name that some stored
    # article must mention whole (each word is in ``names`` too)
    pairs: tuple[str, ...] = ()
    # the name whose words it asks for, where the small model took it for an organisation's ("What did Nicola
    # Sturgeon say ...?": ORG); a speaker when the passages call it by its last word alone, as news calls a person
    body_speaker: str | None = None
    adjectives: frozenset[str] = frozenset()  # its words tagged as adjectives, lower-cased ("true" of "true crime")
    terms: frozenset[str] = frozenset()  # acronyms it uses as common words ("EV"): spelt out in small letters too

    @property
    def names_a_thing(self) -> bool:
        """It asks for the name of a thing (not a person's: "the name of the defending champion" asks as "which
        defending champion" does)."""
        return self.named is not None and self.asks != "person"


# a score the small model took into a name ("beat Rennes 2-0"), or whose first number ends one
_SCORE_ENDING = re.compile(r"\s+\d{1,3}(?:\s*[-–]\s*\d{1,3})?$")
_YEAR_BEFORE = re.compile(r"^(?:19|20)\d\d(?:[-–/]\d\d)?\s+(?=\S)")
_DAYS_AND_MONTHS = frozenset(WEEKDAYS + WEEKDAY_ABBREVIATIONS + MONTHS + MONTH_ABBREVIATIONS)


# A word with a capital after a small letter is a name, whatever the tagger says ("ChatGPT", "iPhone", "BioNTech");
# not a plural of capitals ("SUVs", "MPs"), nor a short unit or degree ("PhD", "kWh", "mRNA").
_INNER_CAPITAL = re.compile(r"(?<![\w'’-])(?=\w{5})[A-Za-z]*[a-z][A-Z][\w]*(?![\w'’-])")


# "What happened on September 15?", "What is happening in Sudan?": the verb asks for an event, as "who" asks for a
# person; it is not the topic (an article says what happened, not that it "happened")
_EVENT_ASKED = re.compile(
    r"\bwhat(?:['’]s|\s+(?:has|had|is|was|else))?\s+(?:happen(?:ed|s|ing)?|occur(?:red|s|ring)?|(?:took|takes|taking)"
    r"\s+place|went\s+on|going\s+on)\b",
    re.I,
)
# The words that say what kind of answer is asked for, not what it is about: "How old is Bob Huggins?" needs no
# article saying "old" ("Huggins, 69, ..."), "What is Bob Huggins' age?" none saying "age", "How much does Netflix
# cost per month?" none saying "per" ("$8 a month"), "How much money did the state pay Walgreens?" none saying
# "money" ("paid Walgreens $1.5 billion"), "What kind of cancer does Chris Evert have?" none saying "kind"
# ("ovarian cancer").
_KIND_WORDS = re.compile(
    r"\bhow\s+(old|long|far|big|tall|high|often|fast|large|deep|wide|heavy)\b|\b(?:what|which)\s+(age)\b|\b(per)\b"
    r"|\bhow\s+much\s+(money|cash)\b"
    r"|\b(?:what|which)\s+(kinds?|types?|sorts?)\s+of\b",
    re.I,
)
# A verb of wanting, trying or deciding before the verb it governs: "What does Mishustin want to preserve?" is
# answered by "we need to do everything necessary to preserve historical memory", "Why did Putin decide to station
# nuclear weapons in Belarus?" by why he stations them; the articles need not say "want" or "decide" (not "plans
# to", whose noun is often the story's own word: "announced plans to ...").
_INTENT_WORDS = re.compile(
    r"\b(wants?|wanted|wanting|intends?|intended|intending|tr(?:y|ies|ied|ying)|hop(?:e|es|ed|ing)|aim(?:s|ed|ing)?"
    r"|seeks?|seeking|sought|decid(?:e|es|ed|ing)|cho(?:ose|oses|se|osing))\s+to\s+(?!be\b|do\b)[a-z]",
    re.I,
)
_OF_THE_FOLLOWING = re.compile(r"\bof\s+the\s+following\b", re.I)
# "right now", ...; "ended up winning" is "won"; "in the first place" places nothing
_NOW_PHRASES = re.compile(
    r"\b(?:right\s+now|so\s+far|these\s+days|as\s+of\s+now|at\s+the\s+moment|end(?:s|ed|ing)?\s+up|"
    r"in\s+the\s+first\s+place)\b",
    re.I,
)
_TAKES_PLACE = re.compile(r"\b(?:take|takes|took|taking|taken)\s+place\b", re.I)
_NAME_ASKED = re.compile(r"\b(?:what|which)(?:['’]s|\s+(?:is|was|are|were))\s+(?:the\s+)?names?\s+(?:of|for)\b", re.I)
# Words that say nothing of what a question is about: adverbs of time, degree and contrast ("Is Bessie Hendricks still
# alive?" needs no article saying "still", "exactly how many" none saying "exactly"; "Why isn't Eurovision held in
# Ukraine even though Ukraine won?"), "go", "put" and "come", which articles tell otherwise ("Did Xi go to Moscow?":
# "Xi Jinping is in Moscow"; "put nuclear weapons in Belarus": "station" them; "what share of sales comes from
# breakfast": "breakfast makes up about 6% of its sales"), "compare" ("how today's crisis compares with the 1970s":
# "much bigger than the oil crises of the 1970s"), the contractions of auxiliaries ("Why isn't ...", "he'd"), and a
# turn's change of subject ("unrelated, but who won ...", "btw", "anyway").
_NOT_TOPIC = (
    "even though although still yet ever already really actually currently nowadays now anymore exactly precisely "
    "unrelated anyway btw go goes going went gone put supposed happen happens happened happening "
    "come comes came coming compare compares compared comparing "
    "isn't wasn't aren't weren't doesn't didn't don't hasn't haven't hadn't won't wouldn't can't couldn't "
    "shouldn't he'd she'd they'd we'd i'd you'd it's he's she's that's there's"
)


@functools.cache
def _not_topic_terms() -> frozenset[str]:
    return frozenset(key_terms(_NOT_TOPIC))


_MONTH_AND_DAY = re.compile(rf"\b({alternation(MONTHS + MONTH_ABBREVIATIONS)})\.?\s+\d{{1,2}}(?!\d)", re.I)
# Capitalised abbreviations of a post, not a name an article must repeat: "Which senior Conservative MP ...?" is
# answered by "Theresa May, the former prime minister"; "Who is Tesla's CFO?" by "chief financial officer ..."
_POSTS = frozenset({"mp", "mps", "mep", "meps", "msp", "msps", "ceo", "ceos", "cfo", "coo", "cto", "pm"})


_TITLECASE = re.compile(r"[A-Z][a-z]{2,}")


def _two_word_name(question: str, first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` (each one word in title case) stand side by side in ``question`` with no
    other capitalised word beside them: a given name and a surname."""
    if not (_TITLECASE.fullmatch(first) and _TITLECASE.fullmatch(second)):
        return False
    pair = re.search(rf"(?<![\w'’.-]){re.escape(first)}\s+{re.escape(second)}(?![\w'’-])", question)
    if pair is None:
        return False
    before = question[: pair.start()].split()[-1:]
    after = question[pair.end() :].split()[:1]
    return not any(w[:1].isupper() for w in before + after if w[:1].isalpha())


_UNTAGGED_BODY = re.compile(
    r"\bthe\s+((?:(?-i:[A-Z])[\w'’-]*\s+){0,2}(?:Coalition|Alliance|Association|Council|Foundation|Institute|Society|"
    r"Federation|League|Committee|Fund|Campaign|Center|Centre|Network|Project|Union|Commission|Academy|Trust|"
    r"Partnership|Initiative|Movement)\s+(?:for|of|on|against)\s+(?:the\s+)?(?-i:[A-Z])[\w'’]*"
    r"(?:(?:\s+|-)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|"
    r"July|August|September|October|November|December)\b)(?-i:[A-Z])[\w'’]*){0,3})"
)


_VERB_BETWEEN_NAMES = re.compile(
    r"(?<=[a-z])\s+(?:say|says|said|tell|tells|told|ask|asks|asked|beat|beats|meet|meets|met|call|calls|called|"
    r"thank|thanks|thanked|invite|invited|sue|sued|replace|replaced|hire|hired|fire|fired)\s+(?=[A-Z])"
)
_OWNER_TYPED_BEFORE = re.compile(r"^(?!(?:des|los|las|les|dos|das)\s)[a-z][a-z]+s\s+(?=[A-Z])")  # (not "los Angeles")


_RANK_ASKED = re.compile(r"\b(?:rank|ranks|ranked|ranking|seed|seeded|number\s+(?:one|\d))\b", re.I)
_SHORT_NUMBER = re.compile(r"[$£€]?\d+(?:[.,]\d+)?(?:k|m|mn|bn|b)")  # "150k", "$1.5m", "2bn"


# a people-word (not a country's name: "China Eastern Airlines", "Mexico City Council" are one name), and a body of
# state after it ("British House of Commons", "Russian Defense Ministry"; not "American Music Awards")
_PEOPLE_WORD_OF = re.compile(r"[A-Z][a-z]+(?:an|ian|ish|ese|ic|i|ch)")
_BODY_OF_STATE = re.compile(
    r"(?:House|Parliament|Senate|Supreme|Constitutional|High|Foreign|Defen[cs]e|Interior|Health|Finance|Justice|"
    r"Economy|Education|Transport|Environment|Ministry|Government|Embassy|Navy|Army|Air\s+Force|Coast\s+Guard|Central"
    r"|Border|Federal|National\s+Assembly|Cabinet|Prime\s+Minister)\b[\w\s'’-]*"
)
# a question typed with capitals: its first letter one, and another (as typed, or as ``recase_names`` writes the names
# the articles write with capitals; "Why did lars berg quit the council?" shows none of its own)
_TYPED_CASED = re.compile(r"^[^A-Za-z]*[A-Z][^A-Z]*?(?<![.!?]\s)[A-Z]")


def _unnamed_small(question: str) -> Callable[[str], bool]:
    """Whether a word of ``question`` is in small letters where the question is typed with capitals of its own
    (``_TYPED_CASED``), and stands in no quotation of it (“war on wee”: words an article must write): no name."""
    cased = _TYPED_CASED.match(question) is not None
    quoted = " ".join(_QUOTED.findall(question)).lower()
    return lambda word: cased and word.islower() and re.search(rf"\b{re.escape(word)}\b", quoted) is None


_QUOTED = re.compile(r"[“\"]([^”\"]{1,80})[”\"]")


def frame_question(question: str, analysed: Analysed) -> Frame:
    """The question's names (from NER), what it asks for and any relation to an event it asks about."""
    names: list[str] = []
    persons: set[str] = set()
    peoples: set[str] = set()
    bodies: set[str] = set()  # what the small model tags an organisation (now and then a person: "Nicola Sturgeon")
    covered: list[tuple[int, int]] = []
    small = _unnamed_small(question)
    for ent in analysed.entities:
        if ent.label not in NAME_LABELS:
            continue
        # a year before a name is the year's ("the 2026 World Cup": the years rule reads it; articles write "2026
        # men's World Cup", "the World Cup in 2026")
        name = _YEAR_BEFORE.sub("", clean_name(ent.text))
        if re.search(r"\d\s*[-–]\s*\d{1,3}$", name) or _SCORE_AFTER.match(question, ent.end):
            name = _SCORE_ENDING.sub("", name)  # a score is no part of a name ("beat Rennes 2-0")
        # an owner's word in small letters before a name is none of it ("trumps Save America PAC": Trump's, typed
        # so; not a person's first name typed small, "tim Kaine")
        if ent.label != "PERSON":
            name = _OWNER_TYPED_BEFORE.sub("", name)
        # a possessive inside one span is two names: "Usher's Vegas residency" names Usher and Vegas; not a day's
        # or a work's name ("New Year's Eve", "Valentine's Day", "Grey's Anatomy")
        owner, _, owned = name.partition("'s ") if "'s " in name else name.partition("’s ")
        whole = ent.label in ("EVENT", "WORK_OF_ART", "LAW") or owned in ("Day", "Eve", "Night")
        parts = [owner, owned] if owned[:1].isupper() and not whole else [name]
        if not whole:
            # a verb in small letters between two names is none of them: "Adams say Jefferson" (one span to the
            # small model) names Adams and Jefferson
            parts = [q for p in parts for q in _VERB_BETWEEN_NAMES.split(p)]
        if ent.label != "PERSON" and len(parts) == 1 and re.fullmatch(r"[a-z][\w'’.-]*\s+[A-Z].*", parts[0]):
            # a word in small letters opening a name is none of it ("why was the uk Net Zero Strategy delayed"): a
            # place's name of its own, or nothing
            first, _, rest = parts[0].partition(" ")
            parts = [first, rest] if place_group(first) else [rest]
        if ent.label in ("ORG", "FAC", "GPE", "LOC") and len(parts) == 1:
            # a country's people-word before a body's name of two words or more is two names ("British House of
            # Commons": British, and the House of Commons, which articles write "the UK's House of Commons")
            first, _, rest = parts[0].partition(" ")
            if _PEOPLE_WORD_OF.fullmatch(first) and place_group(first) and _BODY_OF_STATE.fullmatch(rest):
                parts = [first, rest]
        # (a word in small letters in a question typed with capitals is no name: "after that church van rolled over")
        kept = [p for p in parts if p and p.lower() not in STOPWORDS and p.lower() not in _POSTS and not small(p)]
        names += kept
        if kept:
            covered.append((ent.start, ent.end))
            if ent.label == "PERSON" and kept[0] == parts[0]:
                persons.add(kept[0])
            if ent.label == "NORP":
                peoples.update(kept)
            if ent.label == "ORG" and kept[0] == parts[0]:
                bodies.add(kept[0])
    lowered = {n.lower() for n in names}
    # the days and months of the question's dates ("on Monday", "between Oct. 2006 and Sept. 2013"): tagged
    # proper nouns, but a day or a month is not a name an article must repeat, nor the question's topic ("May" of
    # "what did May say in May 2019" stays a name: only a word inside a date is left out)
    dated = {
        low
        for ent in analysed.entities
        if ent.label in ("DATE", "TIME")
        for w in ent.text.split()
        if (low := w.lower().rstrip(".")) in _DAYS_AND_MONTHS
    }
    # and a month before a day's number the small model did not take for a date ("the Jan 6 committee")
    dated |= {m.group(1).lower() for m in _MONTH_AND_DAY.finditer(question)}
    for m in _UNTAGGED_BODY.finditer(question):
        # a body's name with "for" or "of" inside that the small model did not tag: "the Coalition for Year-Round
        # Sunlight" is one name (not "Coalition", "Round" and "Sunlight"), which an article must name whole
        body = m.group(1)
        if not any(body.lower() in n or n in body.lower() for n in lowered):
            names.append(body)
            lowered.add(body.lower())
    untagged = []  # of those, the proper nouns the recogniser missed
    pairs: list[str] = []  # two of them side by side (``Frame.pairs``)
    for noun in analysed.proper_nouns:  # proper nouns the recogniser missed ("Tesla", "Mishustin")
        token = clean_name(noun)
        low = token.lower()
        if low in dated or _SHORT_NUMBER.fullmatch(low):
            continue  # (nor a number written short: "could bitcoin hit 150k", "a 25k bonus")
        if small(token):
            # a word in small letters in a question typed with capitals is no name: "the plus-size ballerina in Disney's
            # short Reflect" (in one typed in small letters, a name may be: "the us womens team"; nor one quoted:
            # "declared a “war on wee”")
            continue
        if (
            token
            and low not in STOPWORDS
            and low not in TITLES
            and low not in _POSTS
            and not any(low in n for n in lowered)
        ):
            if untagged and names[-1] == untagged[-1] and _two_word_name(question, untagged[-1], token):
                # two words the recogniser missed, side by side and alone, may be one name: "take Marcus Ellery with
                # the fifth pick", which no article may mention though each word is known (not "Marlow Peak Loop",
                # "US Coast Guard", "Austin NAACP"); but "this week's Masters Tournament" is two words an article
                # may write apart: they stay names of their own, and the pair only has to be in some article
                pairs.append(f"{untagged[-1]} {token}")
            if person := next((n for n in persons if " " not in n and _two_word_name(question, token, n)), None):
                # a given name the recogniser left out of the person's: "Anders Holm" (it tagged "Holm")
                names[names.index(person)] = f"{token} {person}"
                persons.discard(person)
                persons.add(f"{token} {person}")
            else:
                names.append(token)
                untagged.append(token)
            lowered.add(token.lower())
    for word in _INNER_CAPITAL.findall(question):  # "ChatGPT", "iPhone": names the tagger does not always know
        if not any(word.lower() in n for n in lowered):
            names.append(word)
            lowered.add(word.lower())
    asides = [a.group(0) for a in (*_ASKERS_ASIDE.finditer(question), *_ASIDE_OPENING.finditer(question))]
    if asides:  # "Random thought before the clocks change: ...": the asker's aside names no one
        names = [n for n in names if not any(re.search(rf"\b{re.escape(n)}\b", a) for a in asides)]
    # a person's name, or else one the small model calls a nationality that is no people-word ("what did Belichick
    # say": NORP; not "Russian" of "Russian President Putin", "Kenyans", "Republican"), or one it does not tag
    speaker = (
        asked_speaker(question, [n for n in names if n in persons])
        or asked_speaker(
            question,
            [n for n in names if n in peoples and not _PEOPLE_WORD.search(n) and n[-1:] != "s" and not place_forms(n)],
        )
        # or a name the small model did not tag at all ("what did Musk tweet about ...", "What did Pep Guardiola say")
        or asked_speaker(question, [n for n in (*pairs, *untagged) if not place_forms(n)], scene=False)
    )
    # a name written as a person's that it took for an organisation's ("what did Nicola Sturgeon say": ORG); the
    # passages tell whether it is a person's (``ExtractiveAnswerer._a_persons_name``)
    body_speaker = None
    if speaker is None:
        body_speaker = asked_speaker(question, [n for n in names if n in bodies and _PERSON_LIKE.fullmatch(n)], False)
    # "What did Liz Truss say when she resigned?" asks for her words, not a date ("say when" asks one elsewhere:
    # "Can you say when it opens?")
    asks = asked_type(question) if speaker is None else None
    if asks == "date" and _SAY_WHEN.search(question):
        asks = None  # "What did the judge say when he cleared ...?": the words, not a date
    asks = _within_head(question, asks, analysed)
    relation = None
    offset = day_offset(question)
    if offset is not None:
        relation = "after" if offset[0] > 0 else "before"
    elif _RELATION_QUESTION.search(question):
        relation = next((kind for kind, asked, _ in _RELATION_KINDS if asked.search(question)), None)
    name_terms = set(key_terms(" ".join(names)))  # not the topic, nor a date's day or month but in one case:
    day = None
    if event := _EVENT_ASKED.search(question):
        # "What happened on March 3?" asks for an event of that day, which the quoted article must name
        # (``Assessment.day_missing``); "What happened on Monday?" for one on a Monday, the topic
        name_terms |= set(key_terms(event.group(0)))
        day = next((m.group(0) for m in calendar_day_mentions(question)), None)
        if day is not None:
            name_terms |= set(key_terms(day))  # "September 15th": the rule reads the day, "15th" is no topic word
    if day is not None or event is None:
        name_terms |= set(key_terms(" ".join(dated)))
    name_terms |= {t for m in _KIND_WORDS.finditer(question) for t in key_terms(" ".join(filter(None, m.groups())))}
    name_terms |= {t for m in _INTENT_WORDS.finditer(question) for t in key_terms(m.group(1))}
    name_terms |= _not_topic_terms()
    if reason := _REASON_ASKED.search(question):  # "What was the reason ...", "What caused ...": no topic words
        name_terms |= set(key_terms(reason.group(0)))
    if asks == "number" and _AGE_ASKED.search(question):
        name_terms |= set(key_terms("age"))  # "What is Bob Huggins' age?"
    if asks == "number" and (share_asked := _SHARE_ASKED.search(question)):
        name_terms |= set(key_terms(share_asked.group(0)))  # "What share of sales ...": "about 6% of its sales"
    for now in _NOW_PHRASES.finditer(question):
        name_terms |= set(key_terms(now.group(0)))  # "who is the oldest person right now": no article says "right"
    if takes_place := _TAKES_PLACE.search(question):
        name_terms |= set(key_terms(takes_place.group(0)))  # "Where did the exchange take place?": "at Abu Dhabi"
    if _OF_THE_FOLLOWING.search(question):
        name_terms |= set(key_terms("following"))  # a quiz's "which of the following": no article says it
    if aside := set_aside(question):
        # "Besides its place on the best employers list, what else did Tromsvik Ferries do?": what it sets aside is
        # what the answer is not about (``tells_of``), no topic it must cover
        name_terms |= set(key_terms(f"{aside} besides apart aside other except addition else"))
    if _NAME_ASKED.search(question):
        name_terms |= {"name"}  # "What is the name of the hurricane ...": the articles need not say "name"
    for aside in asides:
        name_terms |= set(key_terms(aside))  # "Out of curiosity, what year was ...": no article says it
    if _CALLED.search(undotted(question)):  # "What's the gadget called ...?": nor "called", "renamed"
        name_terms |= set(key_terms("called named dubbed known renamed"))
    if asks == "date" and (kind := _DATE_KIND_ASKED.search(question)):
        name_terms |= set(key_terms(kind.group(0)))  # "What date was the Super Bowl played?": nor "date"
    topic = tuple(dict.fromkeys(t for t in key_terms(question) if t not in name_terms and not t.isdigit()))
    head = _asked_head(asks, analysed.asked_head) or analysed.counted
    chat = chatter(question) & set(topic)
    return Frame(
        question,
        tuple(dict.fromkeys(names)),
        frozenset(persons),
        asks,
        relation,
        topic,
        counted_noun(question, analysed.counted),
        head,
        analysed.asked_plural and asks not in (None, "number", "date"),
        asked_role(question) if asks == "person" else None,
        speaker,
        day,
        offset[0] if offset is not None else None,
        offset[1] if offset is not None else "",
        frozenset(key_terms(" ".join(analysed.common_nouns))),
        named_noun(question),
        reason is not None,
        _described(asks, head, analysed.common_nouns, question),
        _WHO_IS_THE.match(question) is not None,
        chat,
        tuple(pairs),
        body_speaker,
        frozenset(w.lower() for w in analysed.adjectives),
        # an acronym the tagger reads as a common word ("the new EV tax credit"; "GM", "AI" are proper nouns)
        frozenset(n for n in names if n.isupper() and n.isalpha() and n not in analysed.proper_nouns),
    )


# A sentence in which the asker speaks of themselves or to the reader: "I", "my", "we", "our", "us", "you" (not "US",
# nor the numeral of "Artemis I", "World War I": an "I" after a capitalised word)
_FIRST_PERSON = re.compile(
    r"\b(?:I['’](?:m|ve|d|ll)|[Mm]y|[Mm]e|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|us|[Yy]ou|[Yy]our)\b"
)
_I = re.compile(r"(?:^|(?<=\s))I(?=\s)")
# a sentence whose "I" goes without saying: "Just saw the pictures from Philly.", "Stayed up for the semis last
# night.", "Watching the highlights of City's win." (a news scene opens with its subject, or with "Following ...",
# "Looking ahead, ..."; no news sentence opens with "Been")
_ASKERS_OPENING = re.compile(
    # "Been stuck at home since Ducey closed the theaters.": an "I've" left out (not "Been forty years since ...")
    r"^\W*(?:been\s+(?![^.?!]*\b(?:years?|months?|weeks?|days?|decades?)\s+since\b)(?!\d)\w+|"
    r"(?:(?:just|finally|still|also|been|only)\s+)?(?:saw|seen|watched|watching|heard|hearing|stayed|listening|"
    r"listened|caught|noticed|wondering|came\s+across|got\s+back|(?:read|reading)\s+(?:a|an|the|that|this|about)|"
    r"thinking|(?:planning|booked)\s+(?:a|an|my|our|to)\b))",
    re.I,
)


# the asker's aside at a sentence's start: "Out of curiosity, what year was Waffle House founded?", "Just wondering,
# ...", "Quick question: ..."
_ASIDE_WORDS = r"(?:a\s+)?(?:quick|random|dumb|silly|honest|serious|stupid)\s+(?:question|thought)"
_ASKERS_ASIDE = re.compile(
    r"(?:^|(?<=[.!?]\s))\W*(?:(?:just\s+)?out\s+of\s+(?:pure\s+|sheer\s+)?curiosity|just\s+(?:wondering|curious)"
    rf"|{_ASIDE_WORDS}|i\s+wonder|i['’]m\s+curious)\s*[,:;-]",
    re.I,
)
# and its opening words, however the aside goes on ("Random thought before the clocks change in March: which ...")
_ASIDE_OPENING = re.compile(rf"^\W*{_ASIDE_WORDS}\b", re.I)


def _told_by_asker(sentence: str) -> bool:
    """Whether the asker speaks of themselves or to the reader in ``sentence`` (see above)."""
    if _FIRST_PERSON.search(sentence) or _ASKERS_OPENING.match(sentence):
        return True
    for m in _I.finditer(sentence):
        before = sentence[: m.start()].split()
        if not before or not before[-1][:1].isupper() or before[-1].lower() in STOPWORDS:  # "Then I saw it"
            return True
    return False


_SENTENCES = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=\S)")


def chatter(question: str) -> frozenset[str]:
    """The key terms that only the question's scenes told in the first or second person say ("My nephew is
    obsessed with megalodons and says ...", "We're driving through Visalia ..."), not its last sentence, which
    asks, and those of a setting it takes as given ("... now that Truss has quit?"). A news story's scene ("NASA
    launched Artemis I on Wednesday. Where is it headed?") is none."""
    premise = _NOW_THAT.search(question)
    granted: set[str] = set()
    if premise is not None:
        # what the asker takes as the setting, in a clause: "What's Keir Starmer saying now that Truss has quit?"
        # (the articles say "resignation")
        rest = question[: premise.start()] + " " + question[premise.end() :]
        granted = set(key_terms(premise.group(1))) - set(key_terms(rest))
    sentences = _SENTENCES.split(question.strip())
    if len(sentences) < 2:
        return frozenset(granted)
    asked = set(key_terms(sentences[-1])) - granted
    told = {t for s in sentences[:-1] if _told_by_asker(s) for t in key_terms(s)}
    return frozenset(
        (told - asked - {t for s in sentences[:-1] if not _told_by_asker(s) for t in key_terms(s)}) | granted
    )


_NOW_THAT = re.compile(r"\bnow\s+that\s+([^,;?]+)", re.I)


def _within_head(question: str, asks: str | None, analysed: Analysed) -> str | None:
    """The kind asked, read within the tagger's noun phrase after "which"/"what": "Which court put Biden's student
    loan program on hold?" asks for a court, not, past the verb "put", for a student. Where the pattern that found
    the kind matched past a verb after that phrase, the phrase's own kind is asked (None when it names none); past
    another word ("which member of the band", "which 23-time grand slam tennis champion": the tagger's phrase stops
    at "of", at "tennis") the pattern's kind stands."""
    head = analysed.asked_head
    word, tag = analysed.after_head
    if asks not in ("person", "place", "organisation", "event", "work") or not head or not _VERB_TAG.match(tag):
        return asks
    found = _ASKS_BY_KIND[asks].search(undotted(question))
    if found is None:
        return asks
    matched = " ".join(found.group(0).lower().split())
    if not re.search(rf"{re.escape(' '.join(head.lower().split()))}\s+{re.escape(word)}\b", matched):
        return asks
    return asked_type(f"which {head} ?")


_VERB_TAG = re.compile(r"VB(?!G)|MD")  # not "painting" of "which John Constable painting" (a verb to the tagger)


def _asked_head(asks: str | None, head: str) -> str:
    """The tagger's noun phrase after "which", cut after the noun that says the kind asked for: "which nonprofit
    tracks mass shootings" (a verb the small tagger took for a plural noun) asks for a nonprofit, not a shooting."""
    words = head.split()
    if asks not in _ASKS_BY_KIND or len(words) < 2:
        return head
    for i in range(1, len(words)):
        asked = f"which {' '.join(words[:i])}"
        if (m := _ASKS_BY_KIND[asks].search(asked)) is not None and m.end() == len(asked):
            return " ".join(words[:i])
    return head


# A sentence's end before the question proper: after a word of small letters or a number, not "U.S." or "Inc."
_SCENE_END = re.compile(r"(?<=[a-z0-9]{3}[.!?:])\s+(?=[\"“‘']?[A-Z])")


def _asking_sentence(question: str) -> str:
    """The question's last sentence, after any scene it sets ("A teenager spent his summer making history: He
    became ... How old is Mack Rutherford?"); "in the U.S. on March 7" ends no sentence."""
    return _SCENE_END.split(question.strip())[-1]


def _described(asks: str | None, head: str, nouns: Sequence[str], question: str) -> tuple[str, ...]:
    """``Frame.described``: the question's common nouns outside its head noun phrase, for a question that asks for a
    kind of named thing by a noun ("which player"), unless a copula makes them the answer's."""
    noun = _head_noun(head) if asks in ("person", "place", "organisation", "work", "event") else ""
    if not noun or _COPULAR_WHICH.search(undotted(as_question(question))):
        return ()
    head_words = {w.lower() for w in head.split()} | {noun, noun + "s"}
    return tuple(n for n in nouns if n.lower() not in head_words)


_WHO_IS_THE = re.compile(r"^\W*who\s+(?:is|was|are|were)\s+(?:the|a|an)\s", re.I)
# a copula and the article after it: "is the", "was a", "has been the", "became the", "remains now the"
_COPULA = r"(?:is|was|are|were|has\s+been|had\s+been|became|becomes|remains)\s+(?:now\s+)?(?:the|a|an)"
_COPULAR_WHICH = re.compile(rf"\b(?:(?:which|what)\s+(?:[\w'’-]+\s+){{0,4}}?|who\s+){_COPULA}\b", re.I)
# a word in small letters before an apposition's noun, no preposition (", executive vice president of"; not ", head of
# contracts", nor ", Canada company" of "the Waterloo, Canada company")
_NO_PREPOSITION = r"(?:(?!(?:of|for|at|in|on|to|with|from|by|and|or)\s)(?-i:[a-z][\w'’-]*)\s+)"
# news outlets, which the small model takes for a person now and then ("The lobby group ..., Politico reported")
_NEWS_OUTLETS = frozenset(
    ["politico", "reuters", "cnn", "ap", "associated press", "axios", "bbc", "nbc", "abc", "cbs", "npr", "fox news"]
    + ["guardian", "usa today", "washington post", "new york times", "wall street journal", "cnbc", "msnbc"]
    + ["sky news", "afp", "vox", "variety", "deadline", "tmz", "espn", "semafor", "business insider", "financial times"]
)  # (names as ``bare`` leaves them: no "the"; none a person's name too, as "Bloomberg" is)
# an outlet called so before its name ("trade publication Puck", "the tabloid Bild"; not "the website Mark
# Zuckerberg launched": a site is made by people)
_MEDIA_NOUN_BEFORE = re.compile(r"\b(?:publication|outlet|newspaper|tabloid|broadcaster|newsletter)\s+$", re.I)
# a question that asks who reported, published or broke a story: an outlet answers it
_REPORTING_ASKED = re.compile(
    r"\b(?:report(?:ed|s)?|broke|publish(?:ed|es)?|outlet|newspaper|magazine|scoop|interview(?:ed)?)\b", re.I
)
_NUMBERED_MEASURE = re.compile(r"(?:Bill|Act|Resolution|Proposition|Prop\.?|Measure|Amendment|Rule)\s+\d[\w-]*")
_BARE_ORDINAL = re.compile(r"(?:the\s+)?\d[\d,.]*(?:st|nd|rd|th)?", re.I)
_AUX = r"(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|may|might|of|in|on|at|to|for|there)"
_HOW_MANY = re.compile(rf"\bhow\s+many\s+((?:(?!{_AUX}\b)[\w'’-]+\s*){{1,3}})", re.I)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|millions"
)
_NUMBER = re.compile(
    rf"(?<![\w.,])(?:\d[\d,.]*\d|\d|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?)"
    r"(?:\s+(?:million|billion|trillion|thousand|hundred))?(?![\w])",
    re.I,
)
# A number says one: a digit, a number word or a fraction ("Qwerty keyboard" is no count, whatever its label)
_NUMERIC = re.compile(
    rf"\d|\b(?:{_NUMBER_WORDS}|thousand|million|billions?|trillions?|half|third|quarter|fifth|tenth|zero|once|twice)\b",
    re.I,
)
_NEXT_WORD = re.compile(r"[\s-]*([\w'’]+)")
# the amount of a change before a number ("saw an increase of 10.6 million", "up by 300"), and what asks for one
_CHANGE_OF_BEFORE = re.compile(
    r"\b(?:(?:increase|decrease|rise|drop|fall|jump|gain|decline|growth|surge|loss)\s+of|(?:up|down)\s+by|"
    r"(?:rose|fell|increased|decreased|grew|dropped|jumped|climbed|declined)\s+by)"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+)?$",
    re.I,
)
_MORE_ASKED = re.compile(
    r"\b(?:add(?:s|ed)?|lose|lost|loses|shed|cut|creat(?:e|es|ed)|more|fewer|additional|extra|new|another)\b", re.I
)
_AGE_BEFORE = re.compile(
    r"\b(?:as\s+(?:young|old)\s+as|aged|ages)\s+(?:\d+\s*(?:to|and|-|–)\s*)?$"  # "ages 22 to 55"
    # a life's event "at 22": "named world's oldest living dog at 22", "died at 94" (not "the toll stood at 22")
    r"|\b(?:died|dies|named|crowned|retired|retires|debuted|passed\s+away)"
    r"(?:\s+(?!(?:is|was|were|put|stood|estimated|set)\b)[\w'’-]+){0,6}\s+at\s+$",
    re.I,
)
# a number dialled ("call 911", "dial 988") and one written after a name, as a brand's ("Onions 52", "Studio 54"):
# no count (not after a month or a day: "May 5", nor a team's score, read elsewhere)
_DIALLED_BEFORE = re.compile(
    r"\b(?:call|calls|calling|called|dial|dials|dialing|dialled|dialed|text|texting)\s+$", re.I
)
_NAME_BEFORE_NUMBER = re.compile(
    rf"(?<![.!?]\s)(?<!^)\b(?!(?i:{alternation(MONTHS + MONTH_ABBREVIATIONS + WEEKDAYS)})\b)[A-Z][a-z]+\s+$"
)
# a street after a number: an address ("175 N. Main St.", "333 N. Oregon", "1600 Pennsylvania Avenue")
_ADDRESS_AFTER = re.compile(
    r"\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}?(?:St|Street|Ave|Avenue|Rd|Road|Blvd|"
    r"Boulevard|Dr|Drive|Ln|Lane|Way|Pl|Place|Hwy|Highway|Pkwy|Parkway|Ct|Court|Terrace|Plaza)\b|\s+[NSEW]\.\s+[A-Z]"
)
# a plural noun after a number, which it counts ("37 men", "12 young players"): not years of age
_PEOPLE_OR_THINGS_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?!years\b|yrs\b|this\b|his\b|has\b|was\b|plays\b|says\b|goes\b|does\b)"
    r"(?:men|women|people|children|[a-z]{3,}s)\b"
)
_MULTIPLE_AFTER = re.compile(r"(?:-and-a-half|\s+and\s+a\s+half)?\s+times\b", re.I)
# "three in four", "one out of every five": a share, no count (either number)
_FEW = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
_IN_EVERY_AFTER = re.compile(
    rf"\s+(?:in|out\s+of)\s+(?:every\s+)?{_FEW}\b(?!\s*(?:%|percent|years?|months?|weeks?|days?|states?|cities|"
    r"countries|games?|races?|seasons?)\b)",
    re.I,
)
_IN_EVERY_BEFORE = re.compile(rf"\b{_FEW}\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.I)
# a share in words alone ("half", "two-thirds", "about a quarter"): no count of anything
_SHARE_ONLY = re.compile(
    r"(?:(?:about|around|nearly|almost|roughly|more\s+than|less\s+than|over|under)\s+)?"
    r"(?:half|(?:a|one|two)[\s-]thirds?|(?:a|one|three)[\s-]quarters?|a\s+third|a\s+quarter)",
    re.I,
)
_BARE_NUMBER = re.compile(rf"\d[\d,]*|{_NUMBER_WORDS}", re.I)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")  # a count that large is written "2,024"
_KNOWN_PLACES = COUNTRIES | US_STATES
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|to|from|at|into|across|throughout|of)\s+(?:the\s+)?$", re.I)
_ONE_OF_THE = re.compile(
    r"\s+of\s+(?:(?:the|its|his|her|their|our|this|these)\s+(?:most|least|best|worst|few|first|last|only|[a-z]+est)"
    r"|(?:dozens|hundreds|thousands|millions|scores)\s+of|many|several|countless)\b",  # "one of dozens of companies"
    re.I,
)
_AVERAGE_ASKED = re.compile(r"\b(?:averag\w*|per|a\s+(?:game|night|season|year|day|week|month))\b", re.I)
# "averaged 14.1 points" (not "an average of 99.18 million viewers watched": how audiences are counted)
_AVERAGE_BEFORE = re.compile(r"\baverag(?:ed|es|ing)\s+(?:a\s+)?(?:[\w-]+-high\s+)?$", re.I)
_AVERAGE_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:per|a)\s+(?:game|night|contest|outing|match)\b", re.I)


def _an_average(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether a number a "how many" question is offered is an average ("averaged 14.1 points", "20 points per
    game"), where the question asks for no average or rate."""
    return (
        frame.counted is not None
        and not _AVERAGE_ASKED.search(frame.text)
        and bool(_AVERAGE_BEFORE.search(sentence, 0, ent.start) or _AVERAGE_AFTER.match(sentence, ent.end))
    )


# a game's tally told as one game's: "at least 29 points, seven rebounds and six assists in a game this season"
_ONE_GAME_AFTER = re.compile(
    r"[^.;]{0,80}?\bin\s+(?:a|one|the|his|her|their)\s+(?:single\s+)?(?:game|match|contest)(?![\w'’-])"
)
_AVERAGE_SAID = re.compile(r"\baverag\w*|\bper\s+(?:game|night|contest|match)\b|\b[prab]pg\b", re.I)
_PER_GAME_ASKED = re.compile(r"\bper\s+(?:game|night|contest|match)\b|\baverag\w*\b", re.I)


def _one_games(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether a number a question asks as an average ("How many rebounds per game did Lillard average?") is a
    single game's ("seven rebounds ... in a game this season"), in a sentence that says no average anywhere."""
    return (
        frame.counted is not None
        and bool(_PER_GAME_ASKED.search(frame.text))
        and not _AVERAGE_SAID.search(sentence)
        and bool(_ONE_GAME_AFTER.match(sentence, ent.end))
    )


_CLOCK_TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?")  # "8:16", "2:05:30": a time of day or a duration
_SCORE_AFTER = re.compile(r"[-–]\d")  # "2-1": a number and another after a dash
_SCORE_BEFORE = re.compile(r"\d[-–]$")
_SCORE = re.compile(r"\d+\s?[-–]\s?\d+")  # a whole score or tally
_SHARE_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|(?:per|a|for\s+every)\s+(?:100|1,?000|thousand|hundred|100,000|million)\b)", re.I
)  # ("3.1 per thousand": a rate)
_BIRTHDAY_AFTER = re.compile(r"\s+birthday\b", re.I)
# a person's birthday: not "the party's 100th birthday"
_BIRTHDAY_OF = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|\b[A-Z][\w-]*['’]s?)\s+$")
_NEXT_TOKEN = re.compile(r"\s*([\w'’-]+)")
_THING_AFTER = re.compile(r"\s+([a-z]{3,})\b")
# what holds a measured amount of something ("a five-pound bag"); not a thing measured itself ("a 350,000-acre blaze",
# "a 46-day walkout", "an 8-pound baby girl")
_CONTAINERS = frozenset(
    [
        "bag",
        "bags",
        "box",
        "boxes",
        "package",
        "packages",
        "pack",
        "packs",
        "bottle",
        "bottles",
        "can",
        "cans",
        "jar",
        "jars",
        "container",
        "containers",
        "carton",
        "cartons",
        "sack",
        "sacks",
        "tub",
        "tubs",
        "case",
        "cases",
        "crate",
        "crates",
        "pouch",
        "pouches",
        "tank",
        "tanks",
        "barrel",
        "barrels",
    ]
)
_CODE = re.compile(r"\d+[A-Za-z]{2,}\d+[\w-]*")  # digits, letters, digits: "28MAR2024"


def _measures_a_thing(frame: Frame, sentence: str, end: int) -> bool:
    """Whether a number joined to the asked unit, ending at ``end``, measures each of the containers of what the
    question asks about: "a five-pound bag" weighs each bag, no answer to how many pounds of flour were recalled (but
    "a five-pound bag" answers how many pounds a bag holds)."""
    if not re.search(r"-[a-z][\w'’]*$", sentence[:end]):
        return False
    thing = _THING_AFTER.match(sentence, end)
    return thing is not None and thing.group(1) in _CONTAINERS and not set(key_terms(thing.group(1))) & set(frame.topic)


_NAME_RUN_AFTER = re.compile(r"\s+[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|&)\s+)?[A-Z][\w'’.-]*)*")
_JOINED_NUMBER = re.compile(r"\d-([a-z][\w'’]*)", re.I)  # a number and the word it is joined to
_JOINED_WORD = re.compile(r"-([a-z][\w'’]*)", re.I)  # "-pound" of "140,000-pound piles"
# words a number joins and stays an amount: "$5-million", "20-percent", "$4-a-gallon", "a 3-to-1 margin"
_NUMBER_JOINS = re.compile(
    rf"(?:hundred|thousand|million|billion|trillion|percent|per|a|an|each|point|fold|to|plus|{CURRENCY_WORDS})s?", re.I
)
_COMPOUND_AFTER = re.compile(r"-(?!years?\b)[a-z]", re.I)
# things counted after a number, a plural in small letters of five letters or more ("20 gaming properties"), not
# years or a verb ("14 children", "30 kids" are not caught)
_THINGS_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?!(?:years|months|weeks|days|hours|minutes|seconds|does|this|thus|plus)\b)"
    r"(?-i:[a-z][\w-]{2,}[^\Wsu]s)\b"
)


def counted_noun(question: str, phrase: str = "") -> str | None:
    """The stem of what a "how many" question counts ("slam" for "how many grand slams has she won?"): the last
    word of ``phrase`` (the tagger's noun phrase after "how many": "people" of "how many people evacuated the
    town"), else of the words after "how many" up to an auxiliary verb."""
    if not phrase:
        m = _HOW_MANY.search(question)
        phrase = m.group(1) if m else ""
    stems = key_terms(phrase)
    return stems[-1] if stems else None


def counted_number(frame: Frame, sentence: str, analysed: Analysed | None = None) -> Entity | None:
    """A number the sentence gives for what the question counts: a number followed, within three words, by the
    counted noun ("23 grand slam singles titles", "six months"); the span runs from the number to that noun. The
    small recogniser labels these inconsistently (a DATE, a PRODUCT, "23 grand" a QUANTITY), so a pattern finds
    them. A question about the dead, the injured, the evacuated or the arrested is answered only by a number the
    sentence ties to that event ("12 people were killed", "at least 5,800 have died", "the death toll rose to
    35,418"; not "874,000 people affected by the earthquake", nor "killed a man and injured 12 people"). With the
    sentence's entities (``analysed``), not another person's tally ("Jasmine Carson scored 22 points" for "How many
    points did Caitlin Clark score?")."""
    if frame.counted is None:
        return None
    found = _counted_numbers(frame, sentence)
    if analysed is not None:
        found = (e for e in found if not _counted_for_another(frame, sentence, e, analysed))
    return next(found, None)


def _counted_numbers(frame: Frame, sentence: str) -> Iterator[Entity]:
    """``counted_number``'s numbers, in the sentence's order."""
    asked_verb = _asked_done(frame)
    asked = _events([asked_verb]) if asked_verb else set()
    event = next((group for group in _SAME_EVENT if asked & group), None)
    for m in _NUMBER.finditer(sentence):
        if (
            _month_before().search(sentence, 0, m.start()) and m.group(0).isdigit() and int(m.group(0)) <= 31
        ) or _said_in(frame.text.lower(), m.group(0)):
            continue  # "on Oct. 6 the county's lifeguards ...": a day, not six lifeguards; nor "the 1977 blizzard"
        if _SHARE_AFTER.match(sentence, m.end()):
            continue  # "98 percent of strikes": a share, not a count of strikes
        if m.group(0)[0].isupper() and sentence[: m.start()].strip():
            continue  # "a Final Four record 41 points": a number word in a name counts nothing
        before = set(key_terms(" ".join(_CLAUSE_START.split(sentence[: m.start()])[-1].split()[-10:])))
        if event and (said := _DONE_TO.match(sentence, m.end())) and set(key_terms(said.group(1))) & event:
            yield Entity(m.group(0), "CARDINAL", m.start(), m.end())  # "at least 5,800 have died"
            continue
        if (joined := _JOINED_WORD.match(sentence, m.end())) and key_terms(joined.group(1))[:1] != [frame.counted]:
            continue  # "52 concrete, 140,000-pound piles": the weight of each, not how many ("a 10-day trip" counts days)
        if joined and _measures_a_thing(frame, sentence, joined.end()):
            continue  # "a five-pound bag" (see below)
        pos = m.end()
        previous = ""
        for _ in range(4):
            word = _NEXT_WORD.match(sentence, pos)
            if not word or (word.group(1).isdigit() and (previous in ("and", "or") or previous.endswith("s"))):
                break  # "29 points and 11 rebounds": the rebounds are the other number's (not "32 F-35 jets")
            if word.group(1).lower() in ("who", "that", "which") or (
                len(word.group(1)) > 4 and word.group(1).lower().endswith("ing") and previous.endswith("s")
            ):
                break  # "two planes carrying migrants": a clause of its own, the number counts planes (a participle
                # before the noun qualifies it: "two winning tickets")
            if previous.endswith("s") and len(previous) > 3 and word.group(1).lower() in _PLURAL_THEN_PREPOSITION:
                break  # "five potential categories for sightings": the number counts the categories
            previous = word.group(1).lower()
            if key_terms(word.group(1))[:1] == [frame.counted]:
                said = _DONE_TO.match(sentence, word.end())
                done_to = set(key_terms(said.group(1))) if said else set()
                if event is None or done_to & event or before & event:
                    yield Entity(sentence[m.start() : word.end()], "CARDINAL", m.start(), word.end())
                break
            pos = word.end()
        after = _NEXT_WORD.match(sentence, m.end())
        if event is not None and before & event and not (after and after.group(1).isalpha()):
            yield Entity(m.group(0), "CARDINAL", m.start(), m.end())  # "the death toll rose to 35,418;"


_PLURAL_THEN_PREPOSITION = frozenset(["for", "of", "in", "on", "at", "from", "by", "with", "about", "among", "per"])
# "How many people ..." is answered by "12 victims", "30 residents", "How many times ..." by "15 races": any plural
_ANY_PLURAL_COUNTED = frozenset(key_terms("people persons individuals times"))
_PEOPLE_COUNTED = frozenset(key_terms("people persons individuals"))
# plurals that never count people
_NO_PEOPLE = frozenset(
    key_terms(
        "priorities things ways reasons steps goals areas issues ideas options questions factors changes rules "
        "categories topics items lessons tips signs trends problems challenges points percent products features "
        "policies plans projects programs models versions markets stores locations sites countries states cities "
        "counties districts regions provinces towns villages neighborhoods homes houses buildings vehicles acres miles "
        # measures ("a low of 54 degrees")
        "degrees inches feet yards pounds ounces kilograms grams tons tonnes gallons liters litres hectares calories "
        "seconds minutes hours days weeks months years decades"
    )
)
# a number of a group: "one of two major decisions", "three of the 12 jurors" (not "dozens of calories": a count)
_PART_OF = re.compile(
    rf"\s+of\s+(?:the|these|those|its|his|her|their|our|\d[\d,]*|{_NUMBER_WORDS})\s+(?:(?:\d[\d,]*|{_NUMBER_WORDS})\s+)?",
    re.I,
)


_ADJECTIVE = re.compile(
    r"\w+(?:ent|ant|ive|al|ous|ful|able|ible|ic|ary|less)|new|other|more|fewer|major|extra|big|small|large|several|various",
    re.I,
)


_INVARIANT_PLURALS = frozenset({"aircraft", "spacecraft", "sheep", "deer", "fish", "cattle", "personnel", "offspring"})
_ROUND_NUMBERS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens"})
_OF_PLURAL = re.compile(r"\s+of\s+(?:[a-z]+\s+)?([a-z]{3,}s)\b")  # "dozens of (catalytic) converters"


def other_counted(frame: Frame, sentence: str, ent: Entity) -> tuple[str, str] | None:
    """For "how many N", when the number ``ent`` counts another plural noun: N as the question writes it and that
    noun ("rebounds", "points" for "29 points"; "advisers", "doses" for "two 100-microgram doses": the number's
    first common word after it, past names and measures; "side" for "one side"); None when it counts N ("420 fires"
    for "wildfires"), nothing said, or when any plural may answer (people, a people: "How many Russians ..." by
    "300,000 reservists"; times). Whether the noun is N in other words ("3,000 soldiers" for "troops") is the
    answerer's to decide."""
    if frame.counted is None or frame.counted in _ANY_PLURAL_COUNTED and frame.counted not in _PEOPLE_COUNTED:
        return None
    written = re.search(rf"\b{re.escape(frame.counted)}\w*", frame.text, re.I)
    if written is None or (written.group(0)[0].isupper() and written.group(0).lower() not in _POSTS):
        return None  # a name ("How many Russians"), not a post's letters ("How many Conservative MPs")
    inner = ent.text.split()
    pos = ent.end
    # (the entity's last word, unless a number's: "at least seven" states)
    last = inner[-1] if len(inner) > 1 else ""
    noun = last if last.isalpha() and last.islower() and not _NUMERIC.fullmatch(last) else ""
    words: list[str] = []  # the words in small letters after it, up to a small word ("29 points and ...")
    joined = _JOINED_WORD.match(sentence, pos)
    # "a six-piece combo": six pieces, not six calories (the joined word is singular, so not left to the test of a
    # plural below); "a 10-day trip" counts days
    if (
        not noun
        and joined is not None
        and joined.group(1).isalpha()
        and joined.group(1).islower()
        and _counts_another(joined.group(1), frame.counted)
    ):
        return written.group(0).lower(), joined.group(1)
    if not noun and ent.text.strip().lower() in _ROUND_NUMBERS and (of := _OF_PLURAL.match(sentence, pos)):
        noun = of.group(1)  # "dozens of companies" counts companies
    if not noun and (done := _DONE_TO.match(sentence, pos)) is not None:
        # "more than 300 injured" counts the injured, not the firefighters sent (unless the question asks of the
        # injured: "how many victims were injured")
        said = key_terms(done.group(1))[:1]
        asked = _asked_done(frame)
        if (
            said
            and any(said[0].startswith(w) for g in _SAME_EVENT for w in g)
            and not (asked and _events([asked]) & _events(said))
        ):
            return written.group(0).lower(), done.group(1)
    part = _PART_OF.match(sentence, pos)
    if part is not None and not noun:
        pos = part.end()  # "one of two major business decisions": one of the decisions
    if not noun and (run := _NAME_RUN_AFTER.match(sentence, pos)) is not None:
        pos = run.end()  # a name before the noun, skipped whole: "two Montgomery County Board of Education hearings"
    for _ in range(3):
        if noun:
            break
        # a token with its hyphens ("100-microgram"): a measure before the noun, skipped whole
        word = _NEXT_TOKEN.match(sentence, pos)
        if word is None:
            break
        pos = word.end()
        if word.group(1).isalpha() and word.group(1).islower():
            if word.group(1) in STOPWORDS:
                break
            words.append(word.group(1))  # past "Grand Slam", "100-microgram"
    if not noun and words and part is not None:
        # a part of a group counts the group's noun, the last plural of the run: "one of two major business
        # decisions" counts decisions, not "major" (elsewhere the first word is taken: "34 felony counts" may answer
        # "how many charges", which static vectors do not put near "counts")
        noun = next((w for w in reversed(words) if len(w) > 3 and w.endswith("s") and not w.endswith("ss")), words[0])
    elif not noun and words:
        # past an adjective ("three different markets" counts markets, not calories); a noun before a noun stays
        # ("34 felony counts", see above)
        noun = words[0]
        if len(words) > 1 and _ADJECTIVE.fullmatch(words[0]):  # only where a plural follows: "one patient died"
            noun = next((w for w in words[1:3] if w.endswith("s") and not w.endswith("ss")), words[0])
    if not (len(noun) > 3 and noun.endswith("s")) and _COMPARED_TO.search(sentence, 0, ent.start):
        # "more than 8 million pounds of food in 2013, compared to 6.7 million last year": the noun left out is the
        # one of the number it is compared with
        compared = reversed(list(_NUMBER_AND_NOUN.finditer(sentence, 0, ent.start)))
        noun = next((m.group(1) for m in compared if m.group(1).endswith("s")), noun)
    # "on one side", "at least one split": one of another noun, written singular
    single = bool(inner) and inner[-1].lower() in ("one", "1")
    if not (len(noun) > 3 and (noun.endswith("s") or single or noun in _INVARIANT_PLURALS) and noun not in STOPWORDS):
        return None
    if frame.counted in _PEOPLE_COUNTED:
        # any plural may count people ("300,000 reservists", "12 arrests", "5,000 cases"), but not a thing of the
        # mind: "how many people is Snap laying off" is not answered by "three strategic priorities"
        stem = key_terms(noun)[:1]
        return (written.group(0).lower(), noun) if stem and stem[0] in _NO_PEOPLE else None
    return (written.group(0).lower(), noun) if _counts_another(noun, frame.counted) else None


_COMPARED_TO = re.compile(
    r"\b(?:compared\s+(?:to|with)|up\s+from|down\s+from|versus|vs\.|than)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$",
    re.I,
)
_NUMBER_AND_NOUN = re.compile(r"\d(?:[\d,.]*\d)?(?:\s+(?:thousand|million|billion|trillion))?\s+([a-z]{4,})\b")


def _counts_another(noun: str, counted: str) -> bool:
    """Whether ``noun`` (as written) is another thing than the stem ``counted`` ("fires" is "wildfire"'s)."""
    stem = key_terms(noun)[:1]
    if not stem:
        return False
    said, asked = stem[0].rstrip("e"), counted.rstrip("e")
    return not (said.endswith(asked) or asked.endswith(said))


@functools.cache
def _month_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(MONTHS + MONTH_ABBREVIATIONS)})\.?\s*$", re.I)


_CLAUSE_START = re.compile(r"[;:.!?]|,\s+(?:but|while|as)\b|\band\b")  # "killed a man and injured 12 people"
# What happened to the counted ones, said right after them: "874,000 people affected", "300 people who were
# evacuated", "12 people have died", "12 dead".
_DONE_TO = re.compile(r"\s+(?:(?:who|that)\s+)?(?:(?:were|was|are|is|have|has|had)\s+)?(?:been\s+)?([a-z]+)\b")
# One event, several words: a question about the people who died is answered by a count of the people killed.
_SAME_EVENT: tuple[frozenset[str], ...] = (
    frozenset({"die", "dead", "death", "kill", "perish", "fatal"}),
    frozenset({"injur", "wound", "hurt"}),
    frozenset({"evacu", "displac", "flee", "fled"}),
    frozenset({"arrest", "detain"}),
)


def _asked_done(frame: Frame) -> str | None:
    """What the question says happened to what it counts, stemmed: "die" for "how many people died", "kill" for
    "how many people were killed"; None when no such verb follows the counted noun ("how many months was her
    detention extended", "how many wins did she accumulate")."""
    m = re.search(r"\bhow\s+many\b", frame.text, re.I)
    pos = m.end() if m else len(frame.text)
    for _ in range(4):
        word = _NEXT_WORD.match(frame.text, pos)
        if not word:
            return None
        pos = word.end()
        if key_terms(word.group(1))[:1] == [frame.counted]:
            done = _DONE_TO.match(frame.text, pos)
            stem = key_terms(done.group(1))[:1] if done else []
            if stem and (done.group(1).endswith("ed") or any(stem[0] in group for group in _SAME_EVENT)):
                return stem[0]
            return None
    return None


def _events(stems: Sequence[str]) -> set[str]:
    """Stems with the others of their event ("die" -> "kill", "death", ...)."""
    out = set(stems)
    for group in _SAME_EVENT:
        if out & group:
            out |= group
    return out


# "Who is Denis Denisov?" asks who that person is (a description), not for another person's name: a question that
# is only "who is/was" and a name, in any case: words none of them a function word, the last no title or role ("Who
# is the US President?", "who is chelsea coach", "Who is the UN Secretary-General?" and "Who is the speaker of the
# House?" ask for a person).
_WHO_IS = re.compile(r"^\W*who\s+(?:is|was|are|were)\s+(?:the\s+)?(?P<name>[^\s?]+(?:\s+[^\s?]+){0,4})\s*\??\s*$", re.I)
_ROLES = frozenset(
    ["wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "partner", "spouse", "girlfriend"]
    + ["boyfriend", "successor", "predecessor", "replacement", "captain", "owner", "head", "boss", "spokesman"]
    + ["spokeswoman", "spokesperson", "manager", "editor", "anchor", "deputy"]
)  # besides the titles (TITLES) and the person nouns of the person pattern (_PERSON_NOUNS)


def _names_someone(words: str) -> bool:
    """Whether the words after "who is" are a name: no function word among them, the last no title or role."""
    parts = [w.lower().strip(".,'’\"“”") for w in words.split()]
    last = re.split(r"[-–]", parts[-1])[-1].removesuffix("'s").removesuffix("’s") if parts else ""
    return (
        bool(parts)
        and not any(p in STOPWORDS for p in parts)
        and last not in TITLES
        and last not in _ROLES
        # (as typed: "the Proud Boys" is a name, "the boys" none)
        and not _PERSON_NOUN.fullmatch(words.split()[-1].strip(".,'’\"“”").removesuffix("'s").removesuffix("’s"))
    )


# "What is the name of the new podcast?", "What is the mission called?", "What's it called?" ask for a name. Its
# noun says which kind where it can ("the name of the hurricane" asks for an event, as "which hurricane" does).
_NAME_OF = re.compile(
    r"\bwhat(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+(?:the\s+)?names?\s+(?:of|for)\s+"
    r"(?:the|this|that|these|those|its|his|her|their|a|an)\b",
    re.I,
)
# (also before a clause that tells the thing: "what's the radar gadget called that us marshals use ...", and as a
# new name: "What was it going to be renamed?")
_CALLED = re.compile(
    r"\bwhat(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+will|\s+would)\s+(?:(?:the|this|that|these|those|its|his|her|"
    r"their)\s+(?P<noun>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)|it|they)\s+(?:be\s+|being\s+|going\s+to\s+be\s+)?(?:now\s+|"
    r"officially\s+|informally\s+)?(?:called|named|dubbed|known\s+as|renamed)\s*(?:\?|$|(?:that|which|who|by|in|on|"
    r"after)\s)",
    re.I,
)


_AFTER_NOUN = re.compile(
    rf"{_AUX}|that|which|who|whom|whose|where|when|by|with|from|about|after|before|as|and|or|the|a|an", re.I
)


def _name_phrase(question: str, m: re.Match[str]) -> list[str]:
    """The words of the noun phrase after "what is the name of the": up to a function word, a verb's form or the
    subject of a clause ("the memoir Prince Harry released": "memoir"); after its last possessive ("the
    president's dog": "dog")."""
    words: list[str] = []
    tokens = [w for w in re.findall(r"[\w'’-]+|[^\s\"“”‘’']", question[m.end() :]) if w[0] != "'"][:7]
    for i, word in enumerate(tokens[:6]):
        if not words and word.lower() in ("one", "only", "sole", "single"):
            continue  # "the one FDA-approved drug": the only one
        participle = word.endswith(("ed", "ing")) and "-" not in word  # not "FDA-approved drug", "long-running show"
        if _AFTER_NOUN.fullmatch(word) or not word[0].isalnum() or words and participle:
            break  # a verb's form after the noun ("the podcast launched by"; "the defending champion" is one noun)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if words and words[-1][:1].islower() and word.istitle() and following.istitle():
            break  # a name after the noun starts a clause ("the company Elon Musk bought"; not "Windsor property")
        words.append(word)
    owned = [i for i, w in enumerate(words) if re.search(r"['’]s?$", w)]
    return words[owned[-1] + 1 :] if owned else words


def named_noun(question: str) -> str | None:
    """The noun whose name a question asks ("hotel" for "what was the name of the hotel", "mission" for "what is
    the mission called"); "" for none ("What is it called?"); None for a question that asks no name."""
    question = undotted(question)
    if m := _CALLED.search(question):
        return m["noun"].split()[-1] if m["noun"] else ""
    if m := _NAME_OF.search(question):
        phrase = _name_phrase(question, m)
        return phrase[-1] if phrase else ""
    return None


def asked_type(question: str) -> str | None:
    """What the question asks for (a key of ANSWER_LABELS), or None: where several patterns match, the one that
    ends first ("which country's lawmakers" asks for a country). Acronyms are read without their dots ("which U.S.
    city" asks for a place). "Who is" and a name asks for no kind of thing: what the articles say of that name.
    "What is the name of the X" and "what is the X called" ask as "which X" does, else for a name of any kind."""
    question = as_question(undotted(question))  # "This former Japanese prime minister ..." asks "which"
    question = _WHAT_IS.sub(r"\1 is", question)  # "What's the price of ...?" asks as "What is the price of ...?"
    if (m := _WHO_IS.match(question)) and _names_someone(m["name"]):
        return None
    named = _NAME_OF.search(question) or _CALLED.search(question)
    if named is not None:
        noun = named.groupdict().get("noun")
        if named.re is _NAME_OF:  # asked as "which <its noun phrase>", "the president's dog" as "which dog"
            which = "which " + " ".join(_name_phrase(question, named)) + " ?"
        else:
            which = f"which {noun} ?" if noun else ""
        question = question[: named.start()] + which
    if _HOW_MANY_OR_MUCH.search(question):
        return "number"  # "... a search during which officers received how many sightings?": "which" relates there
    found = [(m.end(), order, kind) for order, (kind, p) in enumerate(_ASKS) if (m := p.search(question))]
    if found:
        return min(found)[2]
    return "name" if named is not None else unfinished_asks(question)


_HOW_MANY_OR_MUCH = re.compile(r"\bhow\s+(?:many|much)\b", re.I)
_WHAT_IS = re.compile(r"\b(what|which)['’]s\b", re.I)


# A quiz's unfinished sentence asks for the words that would finish it, and its last words say what kind: "...
# for the first time since:" a date, "a record previously held by:" a person, "a new song this week, titled:" a
# name, "the top prize amount ballooned to:" a sum, "He measures:" a measure. Other endings ("... because of:",
# "... in:", "since the:") are left to the sentences.
_UNFINISHED = re.compile(_UNFINISHED_END)
_FINISHED_BY: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(r"\bsince$", re.I)),
    (
        "person",
        re.compile(
            r"\b(?:held|set|owned|broken|written|directed|founded|created|hosted|coached|led|played)\s+by$", re.I
        ),
    ),
    ("name", re.compile(r"\b(?:titled|entitled|called|named|dubbed|known\s+as)$", re.I)),
    (
        "number",
        re.compile(
            r"\b(?:measures|measured|weighs|weighed|costs|cost)$"
            r"|\b(?:amount|sum|price|cost|total|jackpot|prize|wage|salary|fee|fine|bill|tab)\b[^.!?:;]*"
            r"\b(?:to|be|at|is|was|of|reached|hit|tops?|topped)$",
            re.I,
        ),
    ),
]


def unfinished_asks(question: str) -> str | None:
    """The kind of thing a quiz's unfinished sentence asks for (a key of ``ANSWER_LABELS``), by the words before
    its closing colon or ellipsis; None for any other text, or where they do not say."""
    m = _UNFINISHED.search(question)
    if m is None:
        return None
    before = question[: m.start()].rstrip()
    return next((kind for kind, p in _FINISHED_BY if p.search(before)), None)


# The words of a relation question that say the relation, not the event it is relative to (stemmed at first use:
# importing a module does no work).
_RELATION_WORDS = (
    "happened happens happen occurred occurs occur took take takes place same day earlier later before after prior "
    "following next previous week else"
)


@functools.cache
def _relation_terms() -> frozenset[str]:
    return frozenset(key_terms(_RELATION_WORDS))


def states_relation(frame: Frame, sentence: str) -> bool:
    """Whether a sentence states the relation the question asks about ("Earlier on the same day, ..."), about
    another event than the question's own: "Earlier on the same day, a telephone conversation took place" states
    what happened before something else, so for "What happened before the telephone conversation?" it is the event
    itself (its clause after the opening holds every word of the question's event), not the answer."""
    if frame.relation is None:
        return False
    if frame.day_offset is not None:  # "the day before": said in words of days, or by naming them (see named_day)
        return bool(days_stated(frame.day_offset).search(sentence)) or _day_of_the_event(frame, sentence)
    for kind, _, stated in _RELATION_KINDS:
        if kind == frame.relation:
            m = stated.search(sentence)
            if m is None:
                return False
            event = {t for t in frame.topic if t not in _relation_terms()}
            if (relative := _RELATIVE_TO.match(sentence)) is not None and not _refers_back(relative["what"], event):
                return False  # "After a similar stint on "The Mary Tyler Moore Show," she ...": after its own event
            comma = sentence.find(",", m.end())
            clause = sentence[comma + 1 :] if comma != -1 else sentence[m.end() :]
            return not event or not event <= set(key_terms(clause))
    return False


# A sentence opening with what it happened before or after ("After the session, ...", "Following that, ..."): the
# phrase up to the comma
_RELATIVE_TO = re.compile(_OPENING + r"(?:after|before|following|prior\s+to)\s+(?P<what>[^,;:]{1,150}?)\s*,", re.I)
_SHORT_REFERENCE = re.compile(
    r"^(?:that|this|it|these|those|which|then|(?:the|that|this|such\s+an?)\s+\S+(?:\s+\S+)?)$", re.I
)


def _refers_back(what: str, event: set[str]) -> bool:
    """Whether the phrase a sentence is placed after or before ("After <what>, ...") can be the question's event:
    a short reference ("that", "the meeting", "this week's talks") or one sharing a word with the event's; not a
    phrase of another event ("a somewhat similar stint as Mary's new neighbor on ...")."""
    return bool(_SHORT_REFERENCE.match(what.strip())) or bool(event & set(key_terms(what)))


_NOT_TO_COME = r"(?![^?]*\b(?:expected|due|scheduled|set\s+to|supposed|slated|planned)\b)"
_PAST_WHEN = re.compile(rf"\bwhen\s+(?:did|was|were|had)\b{_NOT_TO_COME}", re.I)
# (not "When was the bridge expected to reopen?": a time to come then)
_IN_A_WHILE = re.compile(r"\b(?:in|within)\s+(?:about\s+|around\s+|nearly\s+|just\s+|another\s+)?$", re.I)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|['’]s)\s+$", re.I)
_WORDS_AFTER = re.compile(r"\s+([\w'’-]+)(?:\s+([\w'’-]+))?(?:\s+([\w'’-]+))?")
# a document, dated by the year before it ("a 2017 Vice article", "the 2019 report"), up to two names before it
_DOCUMENT_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’.-]*){0,2}\s+(?:article|report|story|interview|book|memoir|film|documentary|study|survey|"
    r"paper|column|op-ed|episode|podcast|video|post|tweet|letter|memo|headline|profile|review|analysis|poll)s?(?![\w-])"
)
_TIME_NOUNS = frozenset({"fiscal", "financial", "season", "year", "quarter", "half", "academic", "school", "calendar"})


# a death's cause: "what did harper lee die of", "how did he die", "what killed them"
_DEATH_CAUSE = (
    r"\bwhat\s+(?:did|does|do|has|have)\b[^?.!]*\bdie[ds]?\s+(?:of|from)\b|\bhow\s+did\b[^?.!]*\bdie\s*(?:\?|$)"
    r"|\bwhat\s+killed\b|\bcause\s+of\s+(?:his|her|their|the)?\s*death\b"
    # "What illness did Raquel Welch die from?"
    r"|\bwhat\s+(?:illness|disease|ailment|condition|cancer|(?:kind|type|form)\s+of\s+(?:illness|disease|cancer))\s+"
    r"(?:did|does|do|has|had|was|is)\b[^?.!]*\b(?:die[ds]?|pass(?:ed)?\s+away|kill(?:ed)?)\b"
    r"|\bwhat\s+(?:illness|disease|ailment|condition|cancer)\s+killed\b"  # "What illness killed Ann Vik?"
)
# the illness asked by its name ("What illness did she die from?"), which "a brief illness" does not give
ILLNESS_ASKED = re.compile(
    r"\bwhat\s+(?:illness|disease|ailment|condition|cancer|(?:kind|type|form)\s+of\s+(?:illness|disease|cancer))\b",
    re.I,
)
_UNNAMED_ILLNESS = re.compile(
    r"\b(?:a|an|his|her|their)\s+(?:(?:brief|short|long|lengthy|undisclosed|unspecified|sudden|terminal|serious|"
    r"prolonged|unnamed|private|recent|months-long|years-long)\s+){0,2}(?:illness|disease|ailment|health\s+(?:issues?|"
    r"problems?))\b",
    re.I,
)
# "why" as a question word (not "that's why"), and the other ways of asking for a cause
_REASON_ASKED = re.compile(
    r"(?:^|[.!?:;][\"”’)]*\s+)\W*(?:and\s+|but\s+|so\s+)?why\b|\b(?:know|tell\s+(?:me|us)|explain|wonder)\s+why\b"
    r"|,\s*(?:and\s+|but\s+|so\s+)?why\b(?=[^,.;:!?]*\??\s*$)"  # after a scene: "with the storm coming, why ..."
    r"|\bwhat\s+(?:actually\s+)?(?:caused|causes|led\s+to|leads\s+to|prompted|triggered|sparked"
    r"|started(?=\s+(?:the|a|an|this|that|it|these|those)\b)|was\s+behind"
    r"|is\s+behind)\b"
    r"|\b(?:what|which)\s+(?:was|is|were|are)\s+the\s+(?:reasons?|causes?|motives?)\b|\bfor\s+what\s+reasons?\b"
    # "What was Francisco Oropeza's motive for killing ...?"
    r"|\bwhat\s+(?:was|is|were|are)\s+(?:[\w.'’-]+\s+){1,4}?(?:reasons?|motives?|motivations?)\s+(?:for|behind)\b"
    r"|\bhow\s+come\b"
    # "What reason did the group give?", "What explanation has the company offered?"
    r"|\bwhat\s+(?:reasons?|explanations?|justifications?|rationale)\s+(?:did|does|do|has|have|had|was|were|is)\b"
    r"|" + _DEATH_CAUSE,
    re.I,
)
DEATH_CAUSE_ASKED = re.compile(_DEATH_CAUSE, re.I)
# what a death's cause is told in, beside a plain cause (``states_reason``): "after suddenly contracting bacterial
# meningitis", "was killed in a car crash"; and what is no cause, though "after" comes before it: a span of time
# ("died ... after 70 years on the throne": an order of events)
_DEATH_CAUSE_TOLD = re.compile(
    r"\b(?:kill(?:ed|ing)|murder(?:ed)?|complications|illness|disease|contract(?:ed|ing)|cancer|tumou?r|leukemia|"
    r"lymphoma|aneurysm|heart\s+(?:attack|failure|disease)|cardiac\s+arrest|meningitis|influenza|pneumonia|sepsis|"
    r"overdose|suicide|natural\s+causes|old\s+age)\b",
    re.I,
)
_AFTER_A_SPAN = re.compile(
    r"\bafter\s+(?:more\s+than\s+|nearly\s+|almost\s+|some\s+|a\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many|long|decades|years)(?:\s+(?:\w+-)?(?:years?|decades?|months?|weeks?|days?|seasons?))?"
    r"\b(?:\s+(?:on|in|at|of|as)\b)?",
    re.I,
)


_NAMED_AFTER = re.compile(
    r"\b(?:of|from|with|(?:linked|related|due)\s+to)\s+(?:[\w-]+\s+){0,3}?(?:[A-Z]{2,}\b|[A-Z][a-z]+['’]s\b)"
)


def states_death_cause(sentence: str, named: bool = False) -> bool:
    """Whether a sentence gives a death's cause: a cause, plain or hinted ("died of a stroke", "the cause of death
    was not disclosed", "died after a fall at his home"), or a cause's own words ("suddenly contracting bacterial
    meningitis"); not "after" a span of time ("died Thursday at age 96 after 70 years on the throne"). ``named``:
    the illness is asked by its name ("What illness did she die from?"), which "after a brief illness" does not
    give, unless the sentence names one too."""
    if named and _UNNAMED_ILLNESS.search(sentence):
        told = _UNNAMED_ILLNESS.sub(" ", sentence)
        if not _DEATH_CAUSE_TOLD.search(told) and not _NAMED_AFTER.search(told) and states_reason(told) < 1.0:
            return False  # ("after a long battle with ALS", "of Parkinson's" name it)
    return states_reason(_AFTER_A_SPAN.sub(" ", sentence)) > 0 or bool(_DEATH_CAUSE_TOLD.search(sentence))


# A sentence that gives a cause ("because", "due to", "as a result of", "in response to", "banned ... for slapping"), or
# says that none is known ("No reason was given", "did not say why", "the cause remains under investigation"): what
# a "why" question is answered by. Weaker: "fired after he called for a pause", "amid fears", "over concerns", which
# often tell only an order or a setting. A reason or a "why" asked is no cause ("When asked why ..."), nor is a
# purpose's bare "to" (too common) or "citing" (sources more often than causes) but for "citing concerns over ...".
_STATES_REASON = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|in\s+light\s+of|as\s+a\s+result\s+of|caused\s+by|blamed?\s+(?:on|for)|blaming"
    r"|in\s+(?:response|reaction|retaliation|protest)\b|to\s+protest|in\s+order\s+to|so\s+that|motivated"
    r"|citing\s+(?:\w+\s+){0,2}(?:concerns?|fears?|worries|risks?|threats?)\b"
    r"|(?:the|a|no|any|one|main|key|his|her|their|its)\s+(?:\w+\s+)?(?:reasons?|motives?|explanation)"
    r"|(?:reasons?|motives?)\s+(?:for|behind|was|were|is|are|given|cited)|explanation\s+(?:for|of)"
    r"|(?:not|never|unclear|declined\s+to\s+say|didn't\s+say|no\s+word\s+on)\s+why"
    r"|(?:the\s+)?cause[sd]?\b(?!\s+(?:celebre|célèbre))|causing|led\s+to|prompt(?:ed|ing)|trigger(?:ed|ing)"
    r"|(?:died|dies|die|dying)\s+(?:of|from)|complications\s+(?:of|from)"
    r"|spark(?:ed|ing)|result(?:ed|ing)\s+(?:in|from)|fu?ell?ed\s+by|driven\s+by|under\s+threat\s+of"
    # "Unsafe road conditions have prevented us from returning to school", "the storm forced them to close"
    r"|prevent(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){1,3}?from\s+(?-i:[a-z]+ing)|forc(?:ed|ing)\s+(?:[\w'’-]+\s+){1,3}?to"
    r"\s+(?-i:[a-z]+)\b"
    r"|(?:banned|barred|fired|sued|arrested|charged|convicted|punished|fined|suspended|critici[sz]ed|praised|jailed"
    r"|sentenced|disqualified|expelled|ousted|censured|penali[sz]ed|sanctioned|indicted|apologi[sz]ed|honou?red)"
    r"\s+(?:[\w'’-]+\s+){0,6}?for\s+(?:allegedly\s+|his\s+|her\s+|their\s+|its\s+)?(?-i:[a-z]+ing)\b)",
    re.I,
)
_HINTS_REASON = re.compile(
    r"\b(?:after|amid|following|over\s+(?:concerns?|fears?|allegations?|claims?|worries)|fears?\s+(?:of|that|about)"
    r"|in\s+an\s+effort\s+to|thanks\s+to)\b",
    re.I,
)
HINT_WEIGHT = 0.25  # of a word that may tell a cause or only an order of events


def reason_clause_terms(question: str) -> set[str]:
    """The key terms of the clause that asks for a cause, from its "why" on, when a scene comes before it in the
    same sentence ("with that storm bringing tornado risk to the gulf coast, why are overnight tornadoes more
    dangerous": overnight, tornado, danger); empty when the question opens with it (its coverage says as much) or
    the clause has fewer than two."""
    m = _REASON_ASKED.search(question)
    if m is None or not question[: m.start()].strip():
        return set()
    terms = set(key_terms(question[m.end() :]))
    return terms if len(terms) >= 2 else set()


def states_reason(sentence: str, asked: frozenset[str] = frozenset()) -> float:
    """How plainly a sentence gives a cause, or says that none is known: 1 (``_STATES_REASON``), ``HINT_WEIGHT``
    for a word that may tell a cause or only an order of events (``_HINTS_REASON``), else 0. A hint followed by the
    event asked about (``asked``: the question's topic stems) tells only what came after it ("Why did Harry make a
    surprise appearance?": "... after his surprise appearance last week")."""
    if _STATES_REASON.search(sentence):
        return 1.0
    for m in _HINTS_REASON.finditer(sentence):
        following = _WORDS_AFTER.match(sentence, m.end())
        if following is None or not asked & set(key_terms(following.group(0))):
            return HINT_WEIGHT
    return 0.0


# a date that dates the telling: right after a verb of telling ("the company announced on Thursday", "said Tuesday")
# (a verb of saying, as ``rag/speakers.py`` reads speech)
_TOLD_ON = re.compile(
    rf"\b(?:{SAYING}|disclosed|unveiled)"
    r"\s+(?:(?:on|late|early|last|this|in\s+a\s+statement|in\s+an\s+interview|in\s+a\s+tweet)\s+){0,2}$",
    re.I,
)
# the attribution that closes a sentence: ", the company announced on Thursday." (a few words after a comma)
_TRAILING_SUBJECT = re.compile(r",\s+(?:[\w'’.-]+\s+){1,5}$")
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|would|(?:is|are|was|were)\s+(?:set|scheduled|expected|due|going)\s+to|plans?\s+to)\b", re.I
)
# "announced a string of concerts around the world " before a day: a verb of telling and its object, a few words
# without a clause's mark or a verb's small word between (not "said the plant will close on")
_ANNOUNCED_OBJECT_BEFORE = re.compile(
    r"\b(?:announced|unveiled|revealed|disclosed|confirmed|reported)\s+"
    r"(?:(?!(?:that|to|will|would|which|who|when|after|before|and|but|as|on|by|for|since|until)\b)[\w'’-]+\s+){0,7}"
    # the object's last word a noun, not a word that ties the day to it ("a concert in Tokyo in February", "a
    # coronation date of May 6", "a tour starting June 5")
    r"(?!(?:of|in|on|at|for|from|until|through|starting|beginning|opening|date|dates|day|days)\s)[\w'’-]+\s+"
    r"(?:(?:this|last|late|early)\s+)?$",
    re.I,
)
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?]|$)")
_THAT_AFTER = re.compile(r"\s*,?\s+that\b", re.I)
# a plan before a time, in the same clause ("plan to spend a day ... and parachuting to a splashdown ... at"; not
# "was expected to launch Monday but launched")
_PLANNED_BEFORE = re.compile(
    r"\b(?:plans?|planned|planning|expected|scheduled|set|due|slated)\s+to\b"
    r"(?:(?!\b(?:but|instead|yet|however|although|though|actually|finally)\b)[^,;.!?])*$",
    re.I,
)
_ON_BEFORE = re.compile(r"(?:^|[.;:!?]\s+)\W*(?:On|on)\s+$")  # a sentence's opening "On ..."
# "..., Buckingham Palace announced": a few words (the teller) and a verb of telling after the opening date
_TELLER_AFTER = re.compile(
    r"\s*,\s+(?:[\w'’.&-]+\s+){1,5}(?:announced|revealed|confirmed|disclosed|unveiled|said|told)\b", re.I
)
_PAST_ASKED = re.compile(rf"\b(?:did|was|were|had)\b{_NOT_TO_COME}", re.I)  # (``_PAST_WHEN`` without "when")
# a question that asks when something was told
_TELLING_ASKED = re.compile(
    r"\b(?:say|said|says|announce[ds]?|tell|told|report(?:ed|s)?|confirm(?:ed|s)?|reveal(?:ed|s)?|write|wrote|tweet"
    r"(?:ed|s)?|post(?:ed|s)?|disclose[ds]?|unveil(?:ed|s)?|explain(?:ed|s)?|warn(?:ed|s)?|statement|announcement|news|"
    r"word|learn(?:ed|s)?|hear|heard|know|knew|publish(?:ed|es)?|release[ds]?)\b",
    re.I,
)


def _of_another_thing(sentence: str, ent: Entity, q_terms: set[str]) -> bool:
    """Whether ``ent`` is a year that says which of a thing the sentence means ("the 2020 presidential election"),
    a thing the question does not ask about: neither the thing's words nor the few words before it are the
    question's ("Fox agreed to settle the suit over ... the outcome of the 2020 presidential election" for "When did
    Fox settle?"; but "Biden won the 2020 presidential election" answers "When did Biden win the presidency?", and
    "its 2022 fiscal year" is a time)."""
    text = re.sub(r"^the\s+", "", ent.text.strip(), flags=re.I)
    start = ent.end - len(text)
    determiner = _DETERMINER_BEFORE.search(sentence, 0, start)
    if not _YEAR.fullmatch(text) or determiner is None:
        return False
    after = _WORDS_AFTER.match(sentence, ent.end)
    if after is None or after.group(1).lower() in STOPWORDS or after.group(1).lower() in _TIME_NOUNS:
        return False
    before = " ".join(sentence[: determiner.start()].split()[-4:])
    near = event_terms(" ".join(w for w in after.groups() if w)) | event_terms(before)
    return not _says_any(q_terms, near)


# a relative clause's verb right before a date: ", who died Saturday", "which opened on May 3"
_RELATIVE_DATED = re.compile(
    r",\s*(?:who|which)\s+(?:(?:had|has|was|were|is|are)\s+)?([a-z]+)\s+(?:on\s+|in\s+|last\s+|this\s+)?$"
)
_WHEN_DID = re.compile(
    r"^\W*(?:when|(?:in\s+)?what\s+(?:year|date|day|month))\s+(?:did|does|do|will|would|has|have|had)\s+(?P<rest>.+)",
    re.I,
)


@functools.lru_cache(maxsize=256)
def _main_verb(frame: Frame) -> str | None:
    """The stem of the verb a "when did ..." question asks about: its first word in small letters past the subject
    that is a topic word and no noun ("write" of "when did Pope Benedict write the spiritual testament that was
    published after he died"); None for another question, or none found. Read once per question (``offered`` asks
    it of every sentence)."""
    m = _WHEN_DID.match(frame.text)
    if m is None:
        return None
    for word in re.findall(r"[\w'’-]+", m["rest"]):
        terms = key_terms(word)
        if not word.islower() or not terms or terms[0] not in frame.topic:
            continue
        if terms[0] in frame.nouns or word in frame.adjectives or word.endswith("ly"):
            continue  # "the old bridge", "officially", "the Nordvik company": not the verb
        return terms[0]
    return None


def _tells_the_event(frame: Frame, sentence: str) -> bool:
    """Whether a sentence says something of the event a "when" question asks about, beyond its names: one of the
    question's topic words, or a word of the same stem's family ("settle" and "settlement"); true when the
    question has no topic words ("When is the Super Bowl?"). A date in a sentence about another event of the same
    names (the suit, not the settlement) does not say when the asked one happened."""
    # all of the topic: "The writers went on strike. When did they last hit the picket lines?" is answered by "the
    # guild walked off ... in 2007", whose "strike" is in the scene the question sets; "shot" is "shoot" too
    if _NAMED_EVENT_ASKED.match(frame.text):
        return True  # "what date is the Super Bowl that Rihanna is doing the halftime show for": the Super Bowl's
    # (not a light verb: "getting married" is not told by "got engaged")
    topic = as_events(t for t in frame.topic if t not in _LIGHT_VERBS)
    if topic & _STARTS and _SHOWN.search(frame.text):
        topic |= _PREMIERES  # "when does glass onion start streaming on netflix": "premieres on Netflix Dec. 23"
    if not topic or topic <= _ANY_EVENT:
        return True  # "When did Putin and Lukashenko meet in Sochi?": a meeting is told as "negotiations", "talks"
    if not _NEGATED.search(frame.text):
        denied = {t for m in _NEGATED.finditer(sentence) for t in event_terms(m.group(1) or m.group(2))}
        if _says_any(topic, denied):
            return False  # "Trump pleaded not guilty Tuesday" tells of no guilty plea ("When did Cohen plead guilty?")
    return _says_any(topic, event_terms(sentence))  # "Musk bought Twitter" tells of buying


# the day of a named event asked, told of in a relative clause: "when is the Super Bowl that Rihanna is playing"
_NAMED_EVENT_ASKED = re.compile(
    r"^\W*(?:what\s+(?:date|day|time|year)|when)\s+(?:is|will\s+be|are)\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:that|which|where|in\s+which)\b"
    # (not an act done to it at the end: "When is the Accord that ended the strike to be signed?")
    r"(?![^?]*\b(?:signed|held|cancell?ed|postponed|announced|opened|closed|played|launched|released)\s*\??\s*$)",
    re.I,
)
# a word denied: "not guilty", "never married", "didn't win", and the words after it to the third ("weren't on the
# menu" denies the menu)
_NEGATED = re.compile(r"\b(?:not|never)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)|n['’]t\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)


# a show's start told as its premiere or debut (not a job's: "When does Vik start her new job?")
_STARTS = frozenset(key_terms("start begin began"))
_PREMIERES = frozenset(key_terms("premiere premieres debut debuts"))
_SHOWN = re.compile(
    r"(?:stream\w*|air(?:s|ed|ing)?|show|series|season|film|movie|episode|tour|concert|broadcast\w*|netflix|hulu|hbo)",
    re.I,
)
# words of any event at all, said in many ways: a question asking only them asks of the event its names make
_ANY_EVENT = frozenset(key_terms("meet met happen occur take place start begin hold held"))


def _says_any(terms: set[str], said: set[str]) -> bool:
    """Whether ``said`` (stems) holds one of ``terms`` or a word of its stem's family: one of four letters or more
    that starts the other ("settl" and "settlement")."""
    return any(
        t in said or any(len(t) >= 4 and len(w) >= 4 and (w.startswith(t) or t.startswith(w)) for w in said)
        for t in terms
    )


# "Where in Ukraine ...?": a place inside the country named (not a continent or a union, ``_CONTINENTS`` and
# ``_UNIONS``: "Where in Europe ...?" is answered by a country, "Where in the UK ...?" by Scotland)
# (or "in" it after the verb: "Where exactly did Hurricane Fiona come ashore in Puerto Rico?")
_WHERE_IN_COUNTRY = re.compile(
    r"\b(?i:where\s+(?:[\w'’.-]+\s+){0,8}?in\s+(?:the\s+)?)(?P<country>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"(?![\w'’-])"
)


def _where_in_country(question: str) -> str | None:
    """The country a "where in <country>" question names (``_WHERE_IN_COUNTRY``), or None."""
    m = _WHERE_IN_COUNTRY.search(question)
    if m is None:
        return None
    country = m.group("country")
    return country if _a_country(country) and country.lower() not in (*_CONTINENTS, *_UNIONS) else None


def _a_country(name: str) -> bool:
    """Whether ``name`` names a country or a union of them ("Ukraine", "the US", "Puerto Rico")."""
    return place_group(name) is not None or bare(name).lower() in COUNTRIES


def _told_day(sentence: str, ent: Entity) -> bool:
    """Whether a date is the day the news was told: a weekday right after what was announced ("Suga of BTS
    announced a string of concerts around the world Tuesday"), the day after a verb of telling and before "that"
    ("announced Tuesday that the tour opens April 26"), or an opening date of a telling ("On April 9, Buckingham
    Palace announced ...")."""
    return bool(
        (
            _WEEKDAY.fullmatch(ent.text)
            and _ANNOUNCED_OBJECT_BEFORE.search(sentence, 0, ent.start)
            and _CLAUSE_END.match(sentence, ent.end)
        )
        or (_TOLD_ON.search(sentence, 0, ent.start) and _THAT_AFTER.match(sentence, ent.end))
        or (_ON_BEFORE.search(sentence, 0, ent.start) and _TELLER_AFTER.match(sentence, ent.end))
    )


def _within_country(question: str) -> bool:
    """Whether the question asks for a place inside a country (a city, a county; a state of a country)."""
    m = _WITHIN_COUNTRY.search(question)
    if m is None:
        return _SITE_ASKED.search(question) is not None  # "which airports" is never answered by "US"
    return m.group("country") is None or place_group(m.group("country")) is not None


# "exactly how many", "the exact number of", "precisely how much": a number, not "thousands" or "dozens"
_EXACT_ASKED = re.compile(
    r"\b(?:exactly|precisely)\s+how\s+(?:many|much)\b|\bexact\s+(?:number|amount|figure|count)\b", re.I
)
_VAGUE = re.compile(
    r"\b(?:tens|dozens|hundreds|thousands|millions|billions|several|many|scores|half|third|quarter)\b", re.I
)
_ROUGHLY = re.compile(
    r"\b(?:roughly|about|around|nearly|almost|approximately|some|over|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"up\s+to|upwards\s+of|close\s+to|estimated)\s+$",
    re.I,
)


def _vague(sentence: str, ent: Entity) -> bool:
    """Whether a number is no exact one: a round word without a figure ("tens of thousands", "roughly half"), or
    one said to be near ("about 1,000", "more than 900,000")."""
    if _ROUGHLY.search(sentence[max(0, ent.start - 16) : ent.start]) or _ROUGHLY.match(ent.text + " "):
        return True
    return not re.search(r"\d", ent.text) and bool(_VAGUE.search(ent.text))


# a time of day: "7:14 p.m. ET", "9 a.m.", "noon", "midnight"
_CLOCK = re.compile(r"\d:\d\d|\b\d{1,2}\s*(?:a\.?m\b|p\.?m\b)|\b(?:noon|midnight)\b", re.I)
_IN_WHAT_TIME = re.compile(r"\bin\s+what\s+time\b", re.I)  # "solved the cube in what time?": how long it took
# a time someone has, not a point in time: "her extra year", "his first season", "their 40s"
_POSSESSED = re.compile(r"(?:his|her|their|its|my|our|your)\s", re.I)
_EVERY = re.compile(
    r"(?:each|every|per|a)\s+(?:day|night|week|month|year|season|summer|winter|spring|fall|autumn)\b", re.I
)
_BARE_LENGTH = re.compile(r"(?:the\s+)?(?:days|weeks|months|years|decades|centuries)", re.I)


def _length_of_time(text: str) -> bool:
    """ "45 days", "12½ hours", "decades": a unit of time, counted or plural; not a day's name ("Memorial Day",
    "Independence Day"), a point in time ("this year", "the day", "night", "two weeks ago", "a second day") nor an
    age ("17-year-old")."""
    return (
        _LENGTH_UNIT.search(text) is not None
        and _POINT_IN_TIME.fullmatch(text.strip()) is None
        and _YEARS_OLD.search(text) is None
        and _NOT_A_LENGTH.search(text) is None
        and (_HOW_MANY_UNITS.search(text) is not None or _PLURAL_UNIT.search(text) is not None)
    )


_LENGTH_UNIT = re.compile(_DURATION.pattern)  # lower case: a capital "Day" names one
# counted: "45 days", "an hour", "all night", "half a day"; not "the 10th day" (an ordinal) nor a bare "night"
_HOW_MANY_UNITS = re.compile(
    rf"\d(?![\d,.]*(?:st|nd|rd|th)\b)|½|\b(?:a|an|{_NUMBER_WORDS}|half|all|entire|whole)\b", re.I
)
_PLURAL_UNIT = re.compile(r"\b(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)\b", re.I)
_YEARS_OLD = re.compile(r"\b(?:years?|months?|weeks?|days?)[\s-]+olds?\b", re.I)  # an age: "17-year-old(s)"
# "two weeks ago", "a second day", "the third straight year": a point in time or a count of days, not a length
_NOT_A_LENGTH = re.compile(
    r"\bago\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|straight|consecutive)\b", re.I
)
_POINT_IN_TIME = re.compile(rf"(?:this|that|last|next|the|each|every|same)\s+(?:{_DURATION.pattern})", re.I)


# Whose age a question asks: "How old is Ann Lesley Smith?", "What is Bob Huggins' age?"; in "How old is Murdoch's
# fiancee?" someone of Murdoch's.
_AGE_SUBJECT = re.compile(rf"\bhow\s+old\s+(?:is|was|are|were|will\s+be)\s+(?P<subject>[^?]+)|{_NAMED_AGE}", re.I)
# "Murdoch's fiancee", "media mogul Rupert Murdoch's son": the capitalised name before a possessive that opens
# the question's subject (not "he's", not "when she met Murdoch's mother")
_POSSESSOR = re.compile(
    r"(?:[a-z]+\s+){0,3}(?P<name>(?:[A-Z][\w.'’-]*?\s+){0,3}[A-Z][\w.'’-]*?)['’]s?\s+(?!age\b)[a-z]"
)
# A person's age written right after their name: "Rupert Murdoch, 92, ...", "Ann Lesley Smith (66)", "..., 66."
_BEFORE_AGE = re.compile(r"\s*[,(]\s*")
_AFTER_AGE = re.compile(r"\s*(?:[,;).]|$)")
_DIES_AT = re.compile(r"\b(?:dies|died|dead|turns|turned)\s+(?:at\s+)?(?:(?:the\s+)?age\s+(?:of\s+)?)?$", re.I)
_SUBJECT_END = re.compile(r",|\b(?:when|while|after|before|since|during|as|at|in|on|if|who|that)\b")
_DESCRIBED = re.compile(r"(?:the|a|an|his|her|their|its)\s", re.I)  # "the fiancee of ...": a description, no name
_OF_NAME = re.compile(r"\bof\s+((?:[A-Z][\w.'’-]*\s*)+)")


def _whose_age_asked(frame: Frame, sentence: str, ent: Entity, analysed: Analysed) -> bool:
    """Whether an age may be the one an age question asks: not one the sentence gives another person. An age written
    right after a person's name ("Rupert Murdoch, 92,") is theirs, as is one a person "dies at" or "turns" (someone
    named before it: "Irene Cara, Oscar-winning singer, dies at 63" is no age of Christine McVie's); "How old is Ann
    Lesley Smith?" needs hers, and "How old is Rupert Murdoch's fiancee?" anyone's but his. A possessor excludes
    only that very name: "Biden's son" may be Hunter Biden, so "Murdoch's fiancee" keeps Rupert Murdoch's age (the
    ranker weighs it)."""
    owner = _person_before(sentence, ent, analysed, _BEFORE_AGE)
    if owner is not None and not _AFTER_AGE.match(sentence, ent.end):
        owner = None
    if owner is None and _DIES_AT.search(sentence, 0, ent.start):
        # "Irene Cara, Oscar-winning 'Flashdance' singer and actress, dies at 63": hers, one of the people named
        # before it, not Christine McVie's
        before = [p.text for p in analysed.entities if p.label == "PERSON" and p.end <= ent.start]
        asked_people = frame.person_names
        return not (before and asked_people) or any(same_person(b, p) for b in before for p in asked_people)
    if owner is None:
        return True
    asked = _AGE_SUBJECT.search(frame.text)
    if asked is None:
        return True
    # the subject ends where a clause about something else begins ("... when she met Murdoch's mother")
    subject = _SUBJECT_END.split(asked.group("subject") or asked.group("named") or "", maxsplit=1)[0].strip()
    # "Murdoch's fiancee", "the fiancee of Rupert Murdoch": the person named is not the one asked about
    opening = _POSSESSOR.match(subject) if asked.group("subject") else None
    possessors = [opening.group("name")] if opening is not None else []
    described = _DESCRIBED.match(subject) is not None
    if described:
        possessors += _OF_NAME.findall(subject)
    if any(name_key(owner) == name_key(p) for p in possessors):
        return False
    if possessors or described:
        return True  # whoever it is, the sentence may name them without their name in the question
    people = [p for p in frame.person_names if says(subject.lower(), p.lower())]
    return not people or any(same_person(owner, p) for p in people)


def _person_before(sentence: str, ent: Entity, analysed: Analysed, gap: re.Pattern[str]) -> str | None:
    """The person named right before ``ent``, with only ``gap`` between them ("Rupert Murdoch, 92", "Jasmine Carson
    scored 22 points"); None when there is none."""
    return next(
        (
            p.text
            for p in analysed.entities
            if p.label == "PERSON" and p.end <= ent.start and gap.fullmatch(sentence, p.end, ent.start)
        ),
        None,
    )


# a person's own tally: "Jasmine Carson scored 22 points", "Jokic had a career-high 16 assists", past a clause
# about the person ("Lilly Meister, who notched her first career start with Mackenzie Holmes limited, has 7 points")
_TALLY_BEFORE = re.compile(
    r"(?:,\s+(?:who|whose|a|an|the)\b[^,]{0,120},)?"
    r"\s+(?:(?:also|then|only|just|now|still|already)\s+)?(?:scored|had|has|have|made|hit|threw|caught|won|earned|"
    r"grabbed|recorded|added|posted|"
    r"finished\s+with|racked\s+up|ran\s+for|passed\s+for)\s+(?:a\s+|an\s+)?(?:[\w-]+-high\s+)?$",
    re.I,
)


def _counted_for_another(frame: Frame, sentence: str, ent: Entity, analysed: Analysed) -> bool:
    """Whether "how many" is answered by another person's tally: the question names people, and the number
    follows a person the sentence gives it to ("Jasmine Carson scored 22 points", "Lilly Meister, who ..., has 7
    points") who is none of them."""
    # the question's people, or (where the recogniser took none of its names for a person: "how many points did
    # mackenzie holmes score", "how many 50 point games did Wilt have") its names: a tally given to a person none of
    # them names is not theirs
    people = frame.person_names or set(frame.names)
    if not people:
        return False
    owner = _person_before(sentence, ent, analysed, _TALLY_BEFORE) or _name_before(sentence, ent)
    if owner is None and not any(mentions(sentence.lower(), p) for p in people):
        # the sentence gives its first tally to another and never names the asked: "Bryant scored 60 or more points
        # six times ..., where he dropped 60" tells none of Wilt's
        first = next((e for e in analysed.entities if e.label == "CARDINAL" or e.text[:1].isdigit()), None)
        if first is not None and first.start < ent.start:
            owner = _person_before(sentence, first, analysed, _TALLY_BEFORE) or _name_before(sentence, first)
    return owner is not None and not any(same_person(owner, p) for p in people)


# a relative clause about a name, up to a number in it: "The Shape of Water, which had its highest grossing frame
# with $5.7 million" (the clause runs to the number without a comma, a semicolon or a new clause's "and")
_CLAUSE_OF_NAME = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’.:&-]*\s+(?:(?:of|the|and|de|for|&)\s+)*)*[A-Z][\w'’.&-]*),\s+(?:which|who)\s+"
    r"[^,;]*$"
)


# A sum's own noun, a gain or a loss, and the other side of each: "How big was that profit?" is not answered by "a
# loss of $2.31 billion", nor "How much did the company lose?" by "a profit of $1.1 billion".
_GAINS = r"profits?|gains?|surplus(?:es)?"
_LOSSES = r"loss(?:es)?|deficits?"
_GAIN_ASKED = re.compile(rf"\b(?:{_GAINS}|profitable|earn(?:s|ed)?)\b", re.I)
_LOSS_ASKED = re.compile(rf"\b(?:{_LOSSES}|lose|loses|lost|losing)\b", re.I)
_SUM_QUALIFIER = (
    r"(?:(?:net|quarterly|annual|operating|pre-?tax|after-?tax|record|surprise|bigger|smaller|huge|"
    r"[\w-]+-(?:quarter|year))\s+){0,2}"
)
_ABOUT_A_SUM = r"(?:about|around|nearly|almost|roughly|more\s+than|over|some|just|an\s+estimated)\s+"
_GAIN_BEFORE = re.compile(rf"\b{_SUM_QUALIFIER}(?:{_GAINS})\s+of\s+(?:{_ABOUT_A_SUM})?$", re.I)
_LOSS_BEFORE = re.compile(rf"\b{_SUM_QUALIFIER}(?:{_LOSSES})\s+of\s+(?:{_ABOUT_A_SUM})?$", re.I)
_GAIN_AFTER = re.compile(rf"\s+{_SUM_QUALIFIER}(?:{_GAINS})\b", re.I)
_LOSS_AFTER = re.compile(rf"\s+{_SUM_QUALIFIER}(?:{_LOSSES})\b", re.I)


def _side_asked(asking: str) -> str | None:
    """ "gain" or "loss", the side of a sum the question asks ("How big was that profit?"); None for neither or both."""
    gain, loss = bool(_GAIN_ASKED.search(asking)), bool(_LOSS_ASKED.search(asking))
    return None if gain == loss else "gain" if gain else "loss"


def _the_other_side(side: str | None, sentence: str, ent: Entity) -> bool:
    """Whether a sum the sentence names a loss is given for a gain the question asks (``side``: ``_side_asked``),
    or the other way round ("How big was that profit?" against "the bank posted a loss of $2.31 billion"); a sum
    the sentence does not name either way is never refused here."""
    if side is None:
        return False
    before, after = sentence[max(0, ent.start - 60) : ent.start], sentence[ent.end : ent.end + 40]
    if side == "gain":
        return bool(_LOSS_BEFORE.search(before) or _LOSS_AFTER.match(after))
    return bool(_GAIN_BEFORE.search(before) or _GAIN_AFTER.match(after))


def _in_clause_of_another(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether ``ent`` is told in a relative clause about a name that is none of the question's ("How much did Maze
    Runner make?": "... contenders like The Shape of Water, which had its highest grossing frame with $5.7 million"):
    that name's number, not the asked one's. Only for a question that names something."""
    if not frame.names:
        return False
    m = _CLAUSE_OF_NAME.search(sentence, 0, ent.start)
    if m is None:
        return False
    clause = sentence[m.end(1) : ent.start].lower()
    if any(mentions(clause, n) for n in frame.names):
        return False  # "Denver, which pays Nikola Jokic $47 million": the clause tells of the asked name
    owner = m.group(1).lower()
    return not any(mentions(owner, n) or mentions(n.lower(), m.group(1)) for n in frame.names)


def _name_before(sentence: str, ent: Entity) -> str | None:
    """A person's name the recogniser missed right before a tally ("Bryant scored 60 or more points": no entity to
    the small model): one or two capitalised words after a word in small letters or the sentence's start, not a
    pronoun or a small word ("He scored 60"), nor the end of a longer name or a "the" name ("The US Cybersecurity and
    Infrastructure Security Agency has 127 ...", "The Lakers scored 110")."""
    tally = _TALLY_BEFORE.search(sentence, 0, ent.start)
    if tally is None or tally.end() != ent.start:
        return None
    words = sentence[: tally.start()].split()
    run = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(words)))[::-1]
    before = words[: len(words) - len(run)]
    if not 1 <= len(run) <= 2 or run[0].lower() in STOPWORDS or (before and before[-1].lower() == "the"):
        return None
    return " ".join(run)


_NOT_BEFORE = re.compile(r"(?:,|\bbut)\s+not\s+(?:the\s+)?$|\b(?:rather\s+than|instead\s+of)\s+(?:the\s+)?$", re.I)
# a name, a noun of another organisation's relation to it, and that organisation: "FTX competitor Binance",
# "Google parent Alphabet" (not "Buffalo Bills safety Damar Hamlin", where the team is his)
_RELATED_GAP = re.compile(
    r"\s+(?:competitor|rival|parent|owner|subsidiary|unit|partner|peer|affiliate|spinoff|spin-off|challenger|"
    r"acquirer|buyer|suitor)\s+"
)


def _qualifies_a_name(sentence: str, ent: Entity, entities: Sequence[Entity]) -> bool:
    """Whether a name is followed by a noun of another organisation's relation to it and that organisation's name,
    which it qualifies: "FTX competitor Binance", "Google parent Alphabet" (not "Buffalo Bills safety Damar Hamlin":
    the team is his)."""
    gap = _RELATED_GAP.match(sentence, ent.end)
    return gap is not None and any(e.start == gap.end() and e.label in NAME_LABELS for e in entities)


# A place before a person's title or post and the person's name is theirs, not a place where anything happens:
# "South Carolina forward-center Aliyah Boston", "Texas Gov. Greg Abbott", "Florida Sen. Marco Rubio"
_POSITIONS = (
    r"forward|guard|center|centre|defender|midfielder|linebacker|receiver|safety|tackle|outfielder|catcher|"
    r"shortstop|pitcher|closer|freshman|sophomore|junior|senior|star|native|resident|legend|great"
)
_POST = rf"{alternation(sorted(TITLES))}|{_PERSON_NOUNS}|{_POSITIONS}"  # a title, a person's noun, a position
_AFFILIATION_GAP = re.compile(
    # (past a team's name, plural as most are: "Denver Broncos quarterback Russell Wilson"; not "in Hiroshima
    # Japanese Prime Minister Fumio Kishida")
    r"(?-i:(?:\s+[A-Z][a-z]+)?\s+[A-Z][a-z]+s)?"
    rf"(?:\s+(?:Democratic|Republican|Democrat|GOP|state|State|head|assistant|{_POST})(?:-[\w-]+)?\.?)+\s+",
    re.I,
)


_DELEGATES = r"committee(?:wo)?man|committee\s+member|delegate|congress(?:wo)?man"
_POST_FROM_BEFORE = re.compile(rf"\b(?:{_POST}|{_DELEGATES})s?\s+from\s+(?:the\s+)?$", re.I)
_FROM_ASKED = re.compile(r"\bwhere\b.*\bfrom\b", re.I)  # "Where is the forward from?"
_POST_WORD = re.compile(rf"\b(?:governor|senator|{_DELEGATES}|{_POST})\b", re.I)


# "where in Asheville is ...", "where is the In-N-Out in Fort Collins going": a place inside it
_WHERE_IN = re.compile(
    r"\bwhere\s+in\s+(?:the\s+)?[A-Z]"
    # (not "in March", "in the Super Bowl": a place's name, without "the")
    r"|\bwhere\s+(?:is|are|was|were|will|would|does|do|did)\s+(?:[\w'’.-]+\s+){1,6}?in\s+"
    rf"(?!(?:{alternation(MONTHS + WEEKDAYS)})\b)(?-i:[A-Z])",
    re.I,
)
_REGION_AFTER = re.compile(r"\b[A-Z][\w'’.-]*,\s*$")  # "Apex, NC": the region a place is written with
_UNIONS = ("uk", "u.k", "britain", "great britain", "united kingdom", "eu", "european union")  # of countries
_UK_PARTS = ("england", "scotland", "wales", "northern ireland")
_CONTINENTS = ("europe", "asia", "africa", "americas", "north america", "south america", "latin america",
               "middle east", "world", "oceania", "scandinavia", "caribbean")  # fmt: skip
_REGION_NAMED = re.compile(r",\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")


def _contains_asked_place(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether a place is written right after one the question names and a comma ("SANTOS, Brazil", "Visalia,
    California"): the region around the asked place, no answer to where in it; for "where in X", after any place
    ("a Peak Charter Academy in Apex, NC" for "where in Asheville ..."), a region, not a place inside X, and the
    place before it, a town of its own."""
    where_in = _WHERE_IN.search(frame.text)
    if where_in is not None:
        inside = frame.text[where_in.end() - 1 :].split("?")[0].lower()  # "Asheville is peak academy going ..."
        # a country or a continent asked within holds countries and states ("where in Europe": Spain; "where in the
        # US": Ohio); a city or a state none, and a country no other country
        # ("inside" starts past "the": "where in the UK" reads "uk did it snow")
        country = inside.startswith(_CONTINENTS + _UNIONS + ("us ", "u.s", "usa", "america")) or any(
            inside.startswith(c) for c in COUNTRIES
        )
        name = bare(ent.text).lower()
        # (by any of its names: "US" for "where in England")
        is_country = any(bare(form).lower() in COUNTRIES for form in place_group(ent.text) or (ent.text,))
        if (is_country and not inside.startswith(_CONTINENTS + _UNIONS)) or (name in US_STATES and not country):
            return True  # "where in Asheville" is not answered by "North Carolina", "where in Turkey" by "Syria"
        region = _REGION_NAMED.match(sentence, ent.end)
        if (
            region is not None
            and (region.group(1).lower() in _KNOWN_PLACES or region.group(1).isupper())
            and not inside.startswith(region.group(1).lower())
        ):
            return True  # "Apex, NC": a town of its own, not a place in Asheville (but "Antakya, Turkey" is in Turkey)
    before = sentence[: ent.start].rstrip()
    if not before.endswith(","):
        return False
    if (
        where_in is not None
        and _REGION_AFTER.search(sentence, 0, ent.start)
        and (bare(ent.text).lower() in _KNOWN_PLACES or ent.text.isupper())
    ):
        return True  # "Apex, NC" (not "On Monday, Biltmore Village ...")
    before = before[:-1].rstrip().lower()
    return any(before.endswith(name.lower()) for name in frame.names)


_OF_BEFORE = re.compile(r"\s+of\s+$")


def _affiliates_a_person(
    sentence: str, ent: Entity, entities: Sequence[Entity], asked_terms: set[str] | frozenset[str] = frozenset()
) -> bool:
    """Whether a place is followed by a person's title or post and the person's name (see above; the small model
    calls some people an organisation: "Aliyah Boston"), follows a post and "from" ("Barnett, the committeeman
    from Arkansas") or a person's name and "of" ("Gloria Johnson of Knoxville"): where the person is from, not where the event is (unless ``asked_terms``, the question's, hold
    the post: "which hospital were the authors from")."""
    if (post := _POST_FROM_BEFORE.search(sentence, 0, ent.start)) is not None:
        # unless the question speaks of them: "which hospital were the authors of the study from"
        return not set(key_terms(post.group(0))) & asked_terms
    gap = _AFFILIATION_GAP.match(sentence, ent.end)
    if gap is not None and any(e.start == gap.end() and e.label in ("PERSON", "ORG") for e in entities):
        return True
    # "Justin Pearson of Memphis and Gloria Johnson of Knoxville": where each is from
    of = _OF_BEFORE.search(sentence, max(0, ent.start - 8), ent.start)
    return of is not None and any(e.end == of.start() and e.label == "PERSON" for e in entities)


def _said_in(question_lower: str, text: str) -> bool:
    """Whether the question itself says ``text`` (as a whole phrase)."""
    phrase = " ".join(text.lower().split())
    return bool(phrase) and says(question_lower, phrase)


# "Who plays Archie Bunker?", "Who will play Princess Diana in The Crown?": asked for the actor, which a sentence
# gives as "Woody Harrelson as Archie": the role's first or last word after "as" (not a title: "Princess Diana"
# is written "as Diana")
_PLAYS = re.compile(
    r"\bwho\s+(?:(?:will|is\s+set\s+to|is\s+going\s+to)\s+)?(?:plays?|played|playing|portray(?:s|ed)?|voices?|voiced|"
    r"stars?\s+as|starred\s+as)\s+(?:the\s+(?:role|part)\s+of\s+)?(?P<role>[\w'’.-]+(?:\s+[\w'’.-]+){0,3})",
    re.I,
)


def actor_of(frame: Frame, sentence: str, analysed: Analysed) -> Entity | None:
    """For "who plays X", the person a sentence gives as playing X ("Woody Harrelson as Archie"); None when the
    question asks no such thing or the sentence says it of no one."""
    m = _PLAYS.search(frame.text)
    if frame.asks != "person" or m is None:
        return None
    role: list[str] = []
    for word in m.group("role").split():  # the role's name: "Archie Bunker" of "archie bunker in kimmel's special"
        low = word.lower().rstrip(".?,")
        if low in STOPWORDS and role:
            break
        if low not in TITLES and low not in STOPWORDS:
            role.append(low)  # past a leading "the": "Who plays the Joker?"
    if not role:
        return None
    first = {role[0], role[-1]}
    for said in re.finditer(r"\bas\s+(?:the\s+)?([\w'’.-]+)", sentence, re.I):
        if said.group(1).lower().rstrip(".") in first:
            actor = [
                e
                for e in analysed.entities
                if e.label == "PERSON" and e.end <= said.start() and not sentence[e.end : said.start()].strip(" ,")
            ]
            if actor:
                return actor[-1]
    return None


# Words that make a name another one: "Texas Tech", "Kansas State", "Mexico City", "Virginia Beach", "Texas A&M".
_OTHER_NAME_WORDS = frozenset(
    ["city", "state", "tech", "a&m", "university", "college", "county", "beach", "island", "islands", "bay", "valley"]
    + ["north", "south", "east", "west", "new", "republic", "democratic", "federal", "national", "central", "times"]
    + ["northern", "southern", "eastern", "western", "atlantic", "international", "coastal", "christian", "baptist"]
    + ["for", "alternative", "reform", "united", "free", "saint", "st", "organization", "organisation"]
)
_NAME_WORD = re.compile(r"[\w&'’.-]+")


def _holds_name(frame: Frame, name: str) -> bool:
    """Whether an organisation candidate opens with one of the question's names as the question's own entity
    ("Denver Nuggets" for "which team did Denver beat"); not a person's name ("Trump Organization" for "which company
    did Trump run"), nor a name that qualifies a noun of the question ("the Boston mayor", "which New York team",
    "which team in Los Angeles", "in the UK's election"), nor where the rest of the candidate makes it another name
    ("Texas Tech", "Texas A&M", "Alternative for Germany")."""
    if frame.asks != "organisation":
        return False
    head, name = fold_accents(frame.head).lower(), fold_accents(name)
    question = fold_accents(frame.text)
    for given in frame.names:
        if given in frame.person_names:
            continue
        pattern = rf"(?<![\w'’-]){re.escape(fold_accents(given))}(?![\w-])"
        if not re.match(rf"(?:the\s+)?{pattern}", name, re.I) or re.search(pattern, head, re.I):
            continue  # the name opens the candidate ("the Denver Nuggets"; not "Suga of BTS", one of its members)
        if re.search(rf"\b(?:in|from|of|at|near|around|across)\s+(?:the\s+)?(?:[a-z]+\s+)?{pattern}", question, re.I):
            continue  # "which newspaper in New York", "in eastern Germany": one of the place's
        if re.search(rf"{pattern}['’]s?\s", question) or re.search(rf"\b(?:the|a|an)\s+{pattern}\s+[a-z]", question):
            continue  # "the Boston mayor", "Tesla's CEO": the name qualifies another noun ("Denver beat" does not)
        rest = {w.lower() for w in _NAME_WORD.findall(re.sub(pattern, " ", name, flags=re.I))} - {"the"}
        if rest and not rest & _OTHER_NAME_WORDS:
            return True
    return False


def question_entities(frame: Frame, analysed: Sequence[Analysed]) -> list[frozenset[str]]:
    """The words of the sentences' organisations that hold one of the question's names whole ("Denver Nuggets"
    for "which team did Denver beat"): a candidate within one ("Nuggets") is the question's own entity."""
    if frame.asks != "organisation" or not frame.names:
        return []
    out = set()
    for found in analysed:
        for ent in found.entities:
            if ent.label == "ORG" and _holds_name(frame, bare(ent.text)):
                out.add(frozenset(words(fold_accents(bare(ent.text)).lower())))
    return list(out)


def within(text: str, entities: Sequence[frozenset[str]]) -> bool:
    """Whether every word of ``text`` is a word of one of ``entities`` (``question_entities``)."""
    mine = set(words(fold_accents(bare(text)).lower()))
    return bool(mine) and any(mine <= ent for ent in entities)


_FAST = re.compile(r"\bhow\s+fast\b", re.I)
_YEAR_SPAN = re.compile(r"(?<![\d-])((?:1[5-9]|20)\d\d)[-–/](\d\d)(?![\d-])")  # "2023-24": both years (not a date)


@functools.lru_cache(maxsize=256)
def _time_taken(question: str) -> bool:
    """Whether "how long" asks for a length of time ("how long did the swim take"), read once per question."""
    return bool(_TIME_TAKEN.search(question))


def _years_asked(question: str) -> set[str]:
    """The years a question names ("the 2024 Final Four"; both of "the 2023-24 season")."""
    years = set(_YEAR.findall(question))
    for m in _YEAR_SPAN.finditer(question):
        second = int(m.group(1)[:2] + m.group(2))
        years.add(str(second if second > int(m.group(1)) else second + 100))  # "1999-00" is 1999 and 2000
    return years


def asked_years(question: str) -> tuple[str, ...]:
    """The years a question names, in order, for ``years_unsaid``: not a decade ("the 1960s"), nor a follow-up's
    bracketed context (an earlier turn's)."""
    question = TRAILING_CONTEXT.sub("", question)
    return tuple(sorted(y for y in _years_asked(question) if not re.search(rf"(?<!\d){y}['’]?s\b", question)))


def years_unsaid(question: str, article: str, published: date | None) -> tuple[str, ...]:
    """The years a question names ("at the 2023 Laureus awards", "the 2022-23 season") when the quoted article
    names none of them and was published in none (nor the year before, saying "next year", or after, saying "last
    year"): it tells of another time. Not a decade ("the 1960s"); a count ("2000 people") is said by its comma
    form too ("2,000"). A follow-up's bracketed context is not read: its years are an earlier turn's."""
    years = asked_years(question)
    if not years:
        return ()
    if published is not None:
        near = {published.year}
        if _NEXT_YEAR.search(article):
            near.add(published.year + 1)
        if _LAST_YEAR.search(article):
            near.add(published.year - 1)
        if any(int(y) in near for y in years):
            return ()
    for y in years:
        if re.search(rf"(?<!\d)(?<!\d[,.])(?:{y}|{y[0]},{y[1:]})(?!\d|[,.]\d)", article):
            return ()
    return tuple(years)


# An event the question dates by its year, and a sentence that dates the same event otherwise: "Which country won the
# 2023 Eurovision Song Contest?" is not answered by "This year's Eurovision Song Contest winner, Ukraine, ..." (an
# article of 2022), nor by "Ukraine won the 2022 Eurovision Song Contest", though the article names 2023 elsewhere
# (``years_unsaid`` passes it). The event is a run of capitalised words right after the year ("the 2023 Eurovision
# Song Contest") or right before it ("Eurovision 2023"); the sentence writes a run that starts like it (one is the
# other's first words: "Eurovision" is "Eurovision Song Contest"), right after a year or "this/last/next year's", or
# right before a year. Not a month ("March 2020"), nor an owner ("Trump's 2024 pitch").
_NAME_RUN = r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}"
_YEAR_OF = r"(?<![\d,.$£€])((?:1[5-9]|20)\d\d)(?!\d|,\d|[-–/]\d|['’]?s\b)"
_YEAR_THEN_EVENT = re.compile(rf"{_YEAR_OF}\s+({_NAME_RUN})")
_EVENT_THEN_YEAR = re.compile(rf"({_NAME_RUN})\s+{_YEAR_OF}")
_THIS_YEARS_EVENT = re.compile(rf"\b((?i:this|last|next))\s+(?i:year)['’]s\s+({_NAME_RUN})")
_NOT_AN_EVENT_WORD = frozenset({"the", "a", "an", "in", "on", "at", "by", "for", "of", "and", "since", "until"})


def _event_words(run: str, before_year: bool) -> tuple[str, ...]:
    """The lower-cased words of a run of capitalised words, without a sentence's opening article or preposition
    ("The 2022 FIFA World Cup"); for a run before a year, its last words only, up to a possessive or a month ("Euro
    2022" of "Uefa Women's Euro 2022"; none for "Trump's 2024", "March 2020"). An event's name after its year is two
    words or more ("the 2023 Ukraine counteroffensive" names Ukraine, no event); one before its year, one word that
    is no country or state ("Eurovision 2023", not "Ukraine 2022")."""
    words = [w.strip(".").lower() for w in run.split()]
    if before_year:
        if not words or words[-1].endswith(("'s", "’s")) or words[-1] in MONTHS + MONTH_ABBREVIATIONS:
            return ()
        cut = max((i + 1 for i, w in enumerate(words) if w.endswith(("'s", "’s"))), default=0)
        words = words[cut:]
    while words and words[0] in _NOT_AN_EVENT_WORD:
        words = words[1:]
    if len(words) < (1 if before_year else 2) or " ".join(words) in _KNOWN_PLACES:
        return ()
    return tuple(words)


def _dated_events(text: str, published: date | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """The (year, event words) pairs a text writes: "the 2022 Eurovision Song Contest", "Eurovision 2023", and with
    the text's date, "this year's Eurovision Song Contest"."""
    found = [(m.group(1), _event_words(m.group(2), False)) for m in _YEAR_THEN_EVENT.finditer(text)]
    found += [(m.group(2), _event_words(m.group(1), True)) for m in _EVENT_THEN_YEAR.finditer(text)]
    if published is not None:
        shift = {"this": 0, "last": -1, "next": 1}
        for m in _THIS_YEARS_EVENT.finditer(text):
            found.append((str(published.year + shift[m.group(1).lower()]), _event_words(m.group(2), False)))
    return [(y, words) for y, words in found if words]


def _same_event(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one run of event words is the other's start ("eurovision" and "eurovision song contest")."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


@functools.lru_cache(maxsize=256)
def _events_asked(question: str) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]:
    """The events a question dates, and every year it names ("The 2022 World Cup kicked off. Where will it be held
    in 2026?": 2026 is the question's too), read once per question (``event_of_another_year`` is asked of every
    candidate sentence)."""
    return tuple(_dated_events(TRAILING_CONTEXT.sub("", question))), frozenset(asked_years(question))


def event_of_another_year(question: str, sentence: str, published: date | None) -> tuple[str, str] | None:
    """(the year the sentence gives, the question's) when the sentence dates an event that the question dates by
    another year, and never by a year the question names (see ``_dated_events``); None otherwise. ``published``: the
    sentence's article's date, for "this year's"."""
    asked, named = _events_asked(question)
    if not asked:
        return None
    told = _dated_events(sentence, published)
    for year, event in asked:
        years = [y for y, words in told if _same_event(words, event)]
        if years and not named & set(years):
            return years[0], year
    return None


def other_day(question: str, sentence: str, article: str, published: date | None) -> str | None:
    """The calendar day the question names ("in the Jan. 5 drawing") when the quoted sentence names other calendar
    days and not it ("drawn on Monday, Jan. 3"), its article never names it, and the article was not published
    that day or the day after: the sentence tells of another day. None otherwise (a sentence that names no day may
    well tell of the question's)."""
    asked = calendar_day_mentions(TRAILING_CONTEXT.sub("", question))
    told = calendar_days(sentence)
    if not asked or not told:
        return None
    days = {d for m in asked for d in calendar_days(m.group(0))}
    if days & told or days & calendar_days(article):
        return None
    if published is not None:
        near = {(d.month, d.day) for d in (published, published - timedelta(days=1))}
        if days & near:
            return None
    return asked[0].group(0)


_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.I)
_LAST_YEAR = re.compile(r"\blast\s+year\b", re.I)


def _years_tied(sentence: str) -> dict[int, str]:
    """The years a list in the sentence ties to its entities, by the character where the year's words start
    after an entity ("Houston (2023), Phoenix (2024)", "San Antonio in 2025,"); empty unless two or more years are
    tied so, as a list does (one "(2023)" after a film is its release, not the award's year)."""
    tied = {}
    for m in _YEAR_AFTER.finditer(sentence):
        tied[m.start()] = m.group(1) or m.group(2)
    return tied if len(set(tied.values())) >= 2 else {}


# A quotation followed by who says it is speech: "“I met Elvis Presley in Palm Springs,” she said."
_SAID_AFTER = re.compile(rf"[\s,]*(?:[\w.'’-]+\s+){{0,3}}?(?:{SAYING}|say|asks|joked)\b", re.I)
_TITLE_BREAK = re.compile(r"[,.;:!?]\s")  # a quotation that runs on as a sentence is speech, not a title


_NAMING = r"(?:called|named|dubbed|titled|known\s+as)"


_PEOPLE_WORD = re.compile(r"(?:an|ese|ish|i)$", re.I)  # "Chinese", "Malaysian", "Pakistani" (not "Artemis")
# A word of naming used otherwise: "the company named Linda Yaccarino as its chief" (an appointment), "the network
# called Georgia for Warnock" (a race called)
_NAMED_BEFORE = re.compile(rf"\b{_NAMING}\s+(?:the\s+)?[\"“‘']?$", re.I)  # right before a name
_NOT_A_NAMING = re.compile(r"\s*,?\s*(?:as|to|for)\b", re.I)
# The last word of an institution's name: "the National Hurricane Center" names no hurricane, nor "the Storm
# Prediction Center" a storm, nor "the Food and Drug Administration" a drug
_INSTITUTION = frozenset(
    ["center", "centre", "institute", "administration", "agency", "service", "office", "department", "authority"]
    + ["commission", "council", "association", "foundation", "bank", "company", "corporation", "group", "university"]
    + ["college", "school", "museum", "hospital", "program", "programme", "fund", "society", "network", "league"]
    + ["festival", "awards", "prize", "ceremony"]  # "the Heartland International Film Festival" is no film
    + ["contest", "competition", "tournament", "championship", "championships"]  # "Eurovision Song Contest": no song
)


# before a noun in small letters that names what follows it, a word qualifying it ("fast-food chain Chipotle"), not
# an article or a preposition ("During the mission NASA will map the moon": a clause of its own follows)
_QUALIFIED = (
    r"(?:^\W*|(?<![\w'’-])(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|during|in|on|at|of|for|by|with"
    r"|after|before|from|to|into|than)\b)[\w'’-]+\s+)"
)


@functools.lru_cache(maxsize=512)
def _noun_patterns(noun: str, person: bool) -> tuple[re.Pattern[str] | None, ...]:
    """``names_the``'s patterns for one noun, compiled once: right after the name, in apposition or after a copula,
    before it, the noun as a word, and set off by commas after it."""
    word = rf"{re.escape(noun)}(?:s|es)?"
    # "the Psyche mission", "the Artemis I mission" (the small model leaves the numeral out), "the Halvard Open chess
    # tournament" (one word between that is no function word nor a verb's form: not "Sinn Féin at a hotel", "Biden
    # tours hurricane damage", "Israel launched operation Shield"); the noun as asked, one: "All 32 NFL teams" makes
    # the NFL no team
    after = (
        None
        if person
        else re.compile(rf"[\s\"”’']*(?:[IVX]+\s+|\d+\s+)?(?P<between>[a-z][\w-]*\s+)?{re.escape(noun)}\b", re.I)
    )
    # ", the deputy county administrative officer", ", director of contracts at ...", ", spokesman for the mayor";
    # "is the defending champion", "was the oldest living person" (a copula says what it is)
    apposition = re.compile(
        rf",\s+(?:(?:a|an|the)\s+(?:\S+\s+){{0,3}}{word}|{_NO_PREPOSITION}{{0,2}}(?-i:{word.lower()}))\b"
        rf"|\s+{_COPULA}\s+(?:\S+\s+){{0,3}}{word}\b",
        re.I,
    )
    # not "The mission, NASA said", "During the mission NASA will", nor "a man known as Bill" for a hotel
    before = re.compile(
        rf"\b(?:{word},?\s+or\s+|{word}\W+(?:[\w'’-]+\W+){{0,3}}{_NAMING}\s+(?:the\s+)?)[\"“‘']?$"
        # (and a title in quotation marks right after its noun: "the song “Stefania,”")
        + (rf"|\b{word}\s+$" if person else rf"|{_QUALIFIED}(?-i:{word.lower()})\s+$|\b{word}\s+[\"“‘]$"),
        re.I,
    )
    # set off by commas after its noun: "the defending champion, Grete Solberg, in the final round" (not "After
    # beating the champion, Solberg went home": no comma closes it)
    bracketed = re.compile(rf"\b(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}{word},\s+$", re.I)
    return after, apposition, before, re.compile(word, re.I), bracketed


_BRACKET_CLOSES = re.compile(r"\s*(?:,|—|–|\)|\s-\s)")


def names_the(noun: str, sentence: str, ent: Entity, inside: bool = True, person: bool = False) -> bool:
    """Whether the sentence gives ``ent`` as the name of a ``noun``: the noun right after it ("the Psyche mission";
    not for a ``person``: "TikTok CEO Shou Zi Chew" makes TikTok no CEO), in apposition ("Adelaide Cottage, a modest
    property"; without an article, its title in small letters: ", spokesman for ..."), after a copula ("Scottie
    Scheffler is the defending champion"), right before it ("the philanthropist MacKenzie Scott", "Labour MP Emily
    Thornberry"; in small letters before anything but a person: "fast-food chain Chipotle"), set off by commas after
    it ("the defending champion, Grete Solberg,"), before "or" ("the mission, or DART"), or before a word of naming
    ("a hotel called the Culloden"); with ``inside``, as the name's first or next-to-last word ("Storm Nicole",
    "Tropical Storm Nicole", "the Psyche Mission"; not an institution's, "the National Hurricane Center"). With no
    noun ("What is it called?"), a name after a word of naming ("a service called Max")."""
    rest = sentence[ent.end :]
    named = _NAMED_BEFORE.search(sentence, 0, ent.start) is not None
    if named and _NOT_A_NAMING.match(rest):
        return False  # "named Linda Yaccarino as its new chief executive"
    if not noun:
        return named
    after_p, apposition_p, before_p, word_p, bracketed_p = _noun_patterns(noun, person)
    after = after_p.match(rest) if after_p is not None else None
    if after is not None:
        between = (after["between"] or "").strip()
        possessive = re.match(r"['’]s\b", rest) or re.search(r"['’]s$", ent.text)  # "the Union's Minor Planet Center"
        if not (
            possessive
            or ent.label == "NORP"
            and _PEOPLE_WORD.search(ent.text)  # "the Chinese company", "Malaysian actress"
            or between.lower() in STOPWORDS
            or between.endswith(("ed", "ing"))
            or between.lower().endswith("s")
            and not between.lower().endswith("ss")
        ):
            return True
    apposition = apposition_p.match(rest)
    if apposition is not None and not _SAID_AFTER.match(rest, apposition.end()):
        return True  # not "via FaceTime, the team said": who says it, no apposition
    if before_p.search(sentence[: ent.start]) is not None:
        return True
    words = ent.text.lower().split()
    if (
        inside
        and len(words) > 1
        and (words[-1] not in _INSTITUTION or word_p.fullmatch(words[-1]))  # "Silicon Valley Bank" is a bank
        and any((i == 0 or i >= len(words) - 2) and word_p.fullmatch(w) for i, w in enumerate(words))
    ):
        return True
    return bracketed_p.search(sentence[: ent.start]) is not None and _BRACKET_CLOSES.match(rest) is not None


# The kinds a noun's thing is often named by instead: "What are the ships called?" is answered by "the guided-missile
# cruisers USS Antietam and USS Chancellorsville", "what is the storm called" by "Hurricane Ian"
_KINDS = {
    "ship": (
        "vessel",
        "warship",
        "cruiser",
        "destroyer",
        "frigate",
        "carrier",
        "submarine",
        "tanker",
        "ferry",
        "yacht",
    ),
    "boat": ("vessel", "yacht", "ferry"),
    "storm": ("hurricane", "typhoon", "cyclone", "tropical storm"),
    "book": ("memoir", "novel", "biography"),
    "film": ("movie", "documentary"),
    "movie": ("film", "documentary"),
    "show": ("series", "sitcom", "programme", "program"),
    "song": ("single", "track", "anthem"),
    "album": ("record", "EP"),
    "plane": ("aircraft", "jet"),
    "contest": ("competition",),
    "competition": ("contest",),
}


def kinds_of(noun: str) -> tuple[str, ...]:
    """The noun and the kinds its thing is often named by instead (``_KINDS``; "ships": "cruisers" too)."""
    singular = noun[:-1] if noun.endswith("s") and noun[:-1] in _KINDS else noun
    return (noun, *_KINDS.get(singular.lower(), ()))


def asked_noun(frame: Frame) -> str:
    """The noun of what a "which" question asks for, singular ("philanthropist" of "which philanthropist",
    "candidate" of "which two candidates"); "" for none."""
    return _head_noun(frame.head)


def _head_noun(head: str) -> str:
    """A head noun phrase's last word, singular ("candidates" -> "candidate")."""
    words = head.split()
    if not words:
        return ""
    noun = words[-1].lower()
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3 else noun


@functools.lru_cache(maxsize=256)
def _of_a_person(question: str, word: str) -> bool:
    """Whether ``word`` (a people-word) qualifies a person in the question: a title, a person's noun or a name
    within two words after it ("Sri Lankan President Rajapaksa", "the Turkish leader"; not "the Turkish earthquake")."""
    m = re.search(rf"(?<![\w-]){re.escape(word)}\s+((?:[\w'’.-]+\s+){{0,2}}?)([\w'’.-]+)", question, re.I)
    if m is None:
        return False
    following = [w.lower().strip(".") for w in (m.group(1).split() + [m.group(2)])]
    named = not m.group(1) and m.group(2)[:1].isupper()  # "Sri Lankan Rajapaksa"
    return named or any(w in TITLES or _PERSON_NOUN.fullmatch(w) for w in following)


_RENAMED = NAME_LABELS - {"NORP", "GPE", "LOC"}  # labels a sentence's own words may overrule (see offered)
# a name before the title of whoever heads it names the organisation, not the person ("the SpaceX CEO")
_HEADED_BY = re.compile(
    r"\s+(?:co-?)?(?:ceo|cfo|coo|chief|founder|co-founder|chairman|chairwoman|chair|owner|boss|spokesman|spokeswoman"
    r"|spokesperson|executive|president)s?\b(?!\s+(?:of|at|for)\b)",
    re.I,
)
# "Who did Argentina beat in the final?", "whom will the Chiefs face": who the question's subject plays against
_OPPONENT_ASKED = re.compile(
    r"^\W*who(?:m)?\s+(?:did|does|do|will|would|could|can|has|have|had)\s+(?P<subject>.+?)\s+"
    r"(?:beat|defeat|play|face|meet|top|edge|eliminate|knock|upset|host|tie|draw|oust|overcome|outlast|sweep)\b",
    re.I,
)


def _opponent_asked(frame: Frame) -> bool:
    """Whether the question asks whom a team or a country (a name the recogniser took for no person) plays against:
    the answer is one of its kind, not a person ("Messi" is no answer to "Who did Argentina beat?")."""
    m = _OPPONENT_ASKED.match(frame.text)
    if m is None:
        return False
    subject = m["subject"].lower()
    named = [n for n in frame.names if n.lower() in subject]
    return bool(named) and not any(n in frame.person_names for n in named)


_QUALIFIER_BEFORE = re.compile(r"(?:\b(?:the|a|an|and|its|their|his|her|former)|&|['’]s)\s+$", re.I)


def _heads_it(sentence: str, ent: Entity) -> bool:
    """Whether ``ent`` names what the title after it heads: "the SpaceX CEO", "SpaceX CEO Elon Musk"; not a person
    given the title ("elected Lula president")."""
    title = _HEADED_BY.match(sentence, ent.end)
    if title is None:
        return False
    named_after = re.match(r"\s+[A-Z]", sentence[title.end() :])
    return bool(named_after or _QUALIFIER_BEFORE.search(sentence, 0, ent.start))


# a person's name before these names a thing, whether the small model takes the noun in or not ("the Bill Russell
# trophy", "Bill Russell Trophy" as a person)
_HONOUR_NOUNS = r"troph(?:y|ie)|award|prize|medal|scholarship|foundation|institute|act|law"
_HONOUR_END = re.compile(rf"\s(?:{_HONOUR_NOUNS})s?$", re.I)
# the noun of a place named after someone: "the Brouckere station", "Kennedy airport", "Lincoln Memorial"; an honour
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:station|street|avenue|boulevard|road|square|bridge|airport|tunnel|stadium|arena|memorial|monument|"
    r"hospital|park|church|cathedral|library|museum|building|tower|hall|center|centre|highway|freeway|"
    rf"{_HONOUR_NOUNS})s?\b",
    re.I,
)
_AGENT_LABELS = frozenset({"ORG", "GPE", "NORP"})  # who may do what "who" asks besides a person (see does_the_act)
# after an agent: an apposition ("UBS, Credit Suisse's rival, agreed") or the end of its own ("Credit Suisse's
# rival, UBS, agreed"), then the verb, after at most three auxiliaries or adverbs ("has agreed to buy")
_AGENT_AFTER = re.compile(
    r"(?:\s*,[^,.;:!?]{1,60},|,)?\s+(?:(?:has|have|had|was|were|is|are|will|would|could|did|also|then|later|most"
    r"|just|already|first|again|never|once|agreed|agrees|plans|planned|set|been|to|not|now|(?-i:[a-z]+ly))\s+){0,3}"
    r"([\w'’-]+)(\s+by\b)?",
    re.I,
)
# a name after a preposition or a verb of telling qualifies or receives, it does not act ("a chef in Canada has
# been accused", "the father told the New York Post he wants")
_NOT_AGENT_BEFORE = re.compile(
    r"\b(?:in|of|from|at|on|for|to|with|into|near|against|told|tells|telling)\s+(?:the\s+)?$", re.I
)
# before an agent: "a takeover of Swiss bank Credit Suisse by rival UBS", "was bought by the Swiss bank UBS"
_AGENT_BEFORE = re.compile(
    r"((?:[\w'’-]+\s+){1,6})by\s+(?:(?:the|a|an|its|rival|fellow)\s+)?(?:[\w'’-]+\s+){0,2}$", re.I
)


def does_the_act(done: set[str], sentence: str, ent: Entity) -> bool:
    """Whether the sentence has ``ent`` do what the question asks who did (``done``: its topic's stems): the verb
    within a few words after it ("Dominion sued Fox News", "UBS agreed to buy it"), or the act done by it ("a
    takeover of Swiss bank Credit Suisse by rival UBS"). An organisation, a country or a people, named beside the act,
    is who did it."""
    after = _AGENT_AFTER.match(sentence, ent.end)
    # not after a preposition, nor done to it ("China was sanctioned by the United States"); a verb is written in
    # small letters ("NBA TRADE DEADLINE TRACKER" has no verb "trade")
    acting = after is not None and not after.group(2) and after.group(1).islower()
    if acting and not _NOT_AGENT_BEFORE.search(sentence, 0, ent.start) and _says_any(done, event_terms(after.group(1))):
        return True
    before = _AGENT_BEFORE.search(sentence, 0, ent.start)
    return before is not None and _says_any(done, event_terms(before.group(1)))


_NAMED_AS = re.compile(
    rf"\b{_NAMING}\s+(?:the\s+)?[\"“‘']?([A-Z][\w'’.+&-]*(?:\s+(?:[A-Z0-9][\w'’.+&-]*|of|the|and|for)){{0,5}})"
)


def named_as(sentence: str, entities: Sequence[Entity]) -> list[Entity]:
    """Names the sentence gives with a word of naming that the recogniser did not take ("a service called Max",
    "the BA.5 subvariant, known as BA.5"), as entities of no particular kind (WORK_OF_ART)."""
    out = []
    for m in _NAMED_AS.finditer(sentence):
        text = re.sub(r"(?:\s+(?:of|the|and|for))+$", "", m.group(1)).rstrip(".")
        start = m.start(1)
        if (
            text
            and text.lower() not in TITLES  # "he was named CEO"
            and not _NOT_A_NAMING.match(sentence, start + len(text))  # "named Linda Yaccarino as its new chief"
            and not any(e.start < start + len(text) and start < e.end for e in entities)
        ):
            out.append(Entity(text, "WORK_OF_ART", start, start + len(text)))
    return out


def quoted_title(sentence: str, ent: Entity) -> Entity | None:
    """The title in quotation marks that an entity stands in, whole: “Leave It to Beaver” for "Beaver", “Powering up
    Britain” for "Powering" (the small model cuts titles at their small words); None outside quotation marks, or
    where the quotation is speech (over eight words, a clause break, a small first letter: “modest”)."""
    start = ent.start + 1 if sentence[ent.start : ent.start + 1] in '"“‘' else ent.start  # the quote taken in
    before = sentence[:start]
    if before.count('"') % 2 == 1:
        opening, closing = before.rfind('"'), '"'
    elif before.rfind("“") > before.rfind("”"):
        opening, closing = before.rfind("“"), "”"
    elif before.rfind("‘") > before.rfind("’"):
        opening, closing = before.rfind("‘"), "’"  # ‘The Whale’
    else:
        return None
    end = sentence.find(closing, start)
    if end == -1 or _SAID_AFTER.match(sentence, end + 1):
        return None  # “Brendan Fraser deserved this,” Aronofsky said: speech
    title = sentence[opening + 1 : end].rstrip(" ,.")
    if not title[:1].isupper() and not title[:1].isdigit() or len(title.split()) > 8 or _TITLE_BREAK.search(title):
        return None
    return Entity(title, ent.label, opening + 1, opening + 1 + len(title))


_REGION_WORDS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower"]
    + ["greater", "inner", "outer", "downtown"]
)


def _shortened_to(place: str, given: str) -> bool:
    """Whether the question's one-word ``given`` is ``place`` without its first word ("Vegas" for "Las Vegas"), not
    a region of it ("South Florida" is no "Florida")."""
    words = place.split()
    return len(words) == 2 and " " not in given and words[1] == given and words[0].lower() not in _REGION_WORDS


# a share of a whole, right before the whole's number: "some 20% of its more than 6,400", "half of the 300"
_SHARE_OF_BEFORE = re.compile(
    rf"(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|\bhalf|\ba\s+(?:third|quarter|fifth|tenth)"
    rf"|\b(?:\d+|{_NUMBER_WORDS})\s+in\s+(?:\d+|{_NUMBER_WORDS}))"  # "one in five of its"
    r"\s+of\s+(?:its|the|their|his|her|our|all)\s+(?:(?:more\s+than|about|nearly|roughly|some|over|almost|around|"
    r"approximately|estimated)\s+)?$",
    re.I,
)


def _whole_of_a_share(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether a number is the whole that a share of it is said of, and the question's act is done to the share:
    "Snap announced plans to lay off some 20% of its more than 6,400 global employees" does not say how many it lays
    off (one of the question's verbs in the sentence), though it says how many it employs."""
    share = _SHARE_OF_BEFORE.search(sentence, 0, ent.start)
    if share is None:
        return False
    verbs = {t for t in frame.topic if t not in frame.nouns and t not in _LIGHT_VERBS}
    return bool(as_events(verbs) & as_events(key_terms(sentence)))  # "20% of its 9,000 tickets will be sold"


_JOINED_TO_A_NAME = re.compile(r"-(?-i:[A-Z])[\w'’]*")
# a share said of a whole: "roughly 5% of its workforce" (its whole's first word)
_SHARE_OF_WHOLE = re.compile(
    r"\s*(?:(?:%|percent\b|per\s+cent\b)\s*)?of\s+(?:(?:its|the|their|his|her|our|all|total)\s+)*([a-z][\w-]*)", re.I
)
_CHANGED_BY = re.compile(
    r"\b(?:lost|lose|loses|losing|shed|sheds|gained|gains|added|adds|wiped|erased|cut|slashed)\s+"
    r"(?:(?:about|around|nearly|almost|roughly|more\s+than|over|some|another|an\s+additional)\s+)?$",
    re.I,
)
_OWN_WORTH = frozenset(key_terms("value worth price"))  # "fell 3 percent of their value": the change itself


def _share_of_another(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether a share offered for a change the question asks ("how far did Microsoft shares drop", and no share:
    the caller's to tell) is a share of another whole ("the layoffs would affect roughly 5% of its workforce"): its
    whole's word is none of the question's."""
    if not _SHARE_IN.search(ent.text) and not _SHARE_AFTER.match(sentence, ent.end):
        return False
    if _CHANGE.search(sentence, max(0, ent.start - 40), ent.start) or _CHANGED_BY.search(sentence, 0, ent.start):
        return False  # the change itself: "The deficit grew to 5.8% of GDP", "Tesla lost 12% of its market value"
    whole = _SHARE_OF_WHOLE.match(sentence, ent.end)
    return whole is not None and not set(key_terms(whole.group(1))) & (set(frame.topic) | _OWN_WORTH)


_EVENTS_YEAR = re.compile(r"(?:the\s+)?((?:19|20)\d\d)\s+(?=[A-Z])")


def _years_of_events(sentence: str, entities: Sequence[Entity], verb: str | None) -> list[Entity]:
    """The year that opens an event's name, as a date of its own ("the 1990 U.S. Open", one event to the small
    model, was held in 1990), for a question that asks in what year someone did ``verb`` (a stem), where the sentence
    does it to that event: right before it ("won the 1990 U.S. Open") or in a clause right after it ("the 1990 U.S.
    Open, which he later won"; not "a veteran of the 1990 Open, won the title on his tenth try")."""
    out = []
    for ent in entities:
        if verb is None or ent.label not in ("EVENT", "WORK_OF_ART", "LAW"):
            continue
        if (m := _EVENTS_YEAR.match(ent.text)) is None:
            continue
        after = _WHICH_CLAUSE.match(sentence, ent.end)
        said = event_terms(" ".join(sentence[max(0, ent.start - 30) : ent.start].split()[-2:]))
        if after is not None:
            said |= event_terms(after.group(1))
        if _says_any({verb}, said):
            out.append(Entity(m.group(1), "DATE", ent.start + m.start(1), ent.start + m.end(1)))
    return out


_WHICH_CLAUSE = re.compile(r",?\s*(?:which|that)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)")


# a person's noun before a name, or before the list of names it opens ("judges Simon Cowell, Heidi Klum and"): a
# person the small model tags so is one, no work that a title would be
_CALLED_A_PERSON = re.compile(
    rf"\b{_PERSON_NOUNS}\s+(?:(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){{0,2}}(?:,\s+and\s+|,\s+|\s+and\s+))*$",
    re.I,
)


# a team's score beside another's ("Bucks 138, Heat 122"): the number after a name, before or after another
_SCORE_NEXT = re.compile(r"\s*,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+\d{1,3}\b")
_SCORE_PREVIOUS = re.compile(r"[A-Z][\w.'’-]*\s+\d{1,3}\s*,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+$")
# a count added to one before ("24 more people"), where the question asks the whole ("now", "in total", "so far")
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|extra)\b", re.I)
_TOTAL_ASKED = re.compile(r"\b(?:now|in\s+total|total|so\s+far|overall|altogether|to\s+date|in\s+all)\b", re.I)


def _an_increment(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether a count is one added to another before ("24 more people", in its words or right after them) where the
    question asks the whole ("How many people are sick now?")."""
    number = re.match(r"[\d.,]+|\w+", ent.text)
    at = ent.start + (number.end() if number else len(ent.text))
    return bool(_INCREMENT_AFTER.match(sentence, at) and _TOTAL_ASKED.search(frame.text))


# a name and its number in a question ("iPhone 14", "Windows 11"), not a year
_MODEL = re.compile(r"\b([A-Z][\w-]*)\s+(\d{1,3})\b(?![-–:.,]\d)")


@functools.lru_cache(maxsize=256)
def _models_asked(question: str) -> dict[str, str]:
    """The names the question gives with their numbers, lower-cased ("iphone": "14"); read once per question."""
    return {m.group(1).lower(): m.group(2) for m in _MODEL.finditer(question)}


def _another_model(question: str, sentence: str, ent: Entity) -> bool:
    """Whether the sentence's last mention, within the 60 characters before ``ent``, of a name the question gives
    with a number gives it another number ("the iPhone 13 Pro starts at $999" for "the iPhone 14 Pro's price")."""
    asked = _models_asked(question)
    if not asked:
        return False
    before = [m for m in _MODEL.finditer(sentence, max(0, ent.start - 60), ent.start) if m.group(1).lower() in asked]
    return bool(before) and before[-1].group(2) != asked[before[-1].group(1).lower()]


_OWNED_ROLE = re.compile(r"['’]s?\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def _owner_of_asked(question: str, sentence: str, ent: Entity) -> bool:
    """Whether a person is named as the owner of a person the question asks for by a noun of its own ("Boris
    Johnson’s finance minister" for "who did Truss sack as her finance minister")."""
    m = _OWNED_ROLE.match(sentence, ent.end)
    if m is None:
        return False
    nouns = [
        w for w in re.findall(r"[\w-]+", m.group(1)) if _PERSON_NOUN.fullmatch(w) or asked_role(f"who is the {w}?")
    ]
    return any(re.search(rf"\b{re.escape(w)}\b", question, re.I) for w in nouns)


def _team_of(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether a place is the home of a team the question names, written right before its name ("the Cleveland
    Browns" for a question that names the Browns)."""
    nxt = re.match(r"\s+([A-Z][\w'’-]+)", sentence[ent.end :])
    words = {w.lower() for n in frame.names for w in n.split()}
    return nxt is not None and nxt.group(1).lower() in words and nxt.group(1).lower() != ent.text.lower()


# a date the small model tags that names no day, month or year: "the day", "the year"
_NO_DAY = re.compile(r"(?i:the\s+(?:day|year|week|month|night|time|moment|decade|season|weekend))")
# an institution's noun: "Orange Superior Court" is no town, though "the county of" comes before it
_INSTITUTION_WORD = re.compile(
    r"\b(?:Court|Police|Department|Council|Commission|School|Hospital|University|College|Board|Office)\b"
)
# a place's own noun before its name: "the Cornish coastal town of Newquay" (an organisation to the small model)
_TOWN_OF = re.compile(r"\b(?:town|city|village|hamlet|suburb|borough|county|port|municipality)\s+of\s+$", re.I)
# a name the small model missed, which an apposition calls by the noun asked: "the Bulletin of the Atomic Scientists,
# a nonprofit group that sets the clock" for "Which group sets the Doomsday Clock?"
_APPOSED_NAME = (
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of|the|for|and|&|on|[A-Z][\w.'’&-]*)){0,6}?\s*(?<=[\w.])(?<!\s))"
    r",\s+(?:a|an|the)\s+(?:(?!(?:of|for|at|in|with|on|from|by|to)\b)[\w'’-]+\s+){0,3}?"
)
_APPOSED_LABEL = {"organisation": "ORG", "person": "PERSON", "place": "GPE"}
# a body by any of its general nouns: "Which group sets the clock?" by "the Bulletin ..., the nonprofit that sets it"
_BODY_NOUNS = r"(?:group|organi[sz]ation|nonprofit|non-profit|charity|body|association|institute|think\s+tank|agency)"
_BODY_NOUN = re.compile(_BODY_NOUNS, re.I)


def _apposed(sentence: str, entities: Sequence[Entity], noun: str, label: str) -> list[Entity]:
    """Names ``sentence`` gives the asked ``noun`` (a pattern) in an apposition ("the Bulletin of the Atomic
    Scientists, a nonprofit group ..."), where the small model tagged no entity there."""
    out: list[Entity] = []
    if ", " not in sentence:
        return out
    for m in re.finditer(_APPOSED_NAME + rf"{noun}(?:e?s)?\b", sentence):
        start, end = m.span("name")
        one_opening = " " not in sentence[start:end] and not sentence[:start].strip(" \"“‘'(")
        if (
            sentence[start:end].split()[-1][:1].isupper()
            and not one_opening  # "Meanwhile, the group said ...", "Organizers, a loose group of students"
            and not any(e.start < end and start < e.end for e in entities)
        ):
            out.append(Entity(sentence[start:end], label, start, end))
    return out


# another event's toll: "just a week after another tornado outbreak killed 21 people" (unless another is asked)
_ANOTHER_EVENTS_TOLL = re.compile(
    r"\b(?:(?:after|before|since|following|than)\s+another|a\s+previous|an\s+earlier|last\s+year['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,3}?"
    r"(?:killed|left|injured|destroyed|damaged|sickened|displaced|claimed)\s+"
    r"(?:at\s+least\s+|about\s+|nearly\s+|more\s+than\s+|some\s+|roughly\s+)?$",
    re.I,
)
_ANOTHER_ASKED = re.compile(r"\b(?:another|previous|earlier|separate|last\s+year)\b", re.I)


def _of_another_event(frame: Frame, sentence: str, ent: Entity) -> bool:
    """Whether ``ent`` is another event's toll (``_ANOTHER_EVENTS_TOLL``), where the question asks of no other."""
    told = _ANOTHER_EVENTS_TOLL.search(sentence, max(0, ent.start - 80), ent.start)
    return told is not None and not _ANOTHER_ASKED.search(frame.text)


# a distance told ("pass Earth at a distance of 26.4 million miles", "20 miles away"): it answers "how far" only
_FAR_ASKED = re.compile(r"\bhow\s+(?:far|close|near)\b|\bdistance\b", re.I)
_DISTANCE_BEFORE = re.compile(
    r"\b(?:distance|within|away)\s+(?:of\s+)?(?:about\s+|some\s+|roughly\s+|nearly\s+)?$", re.I
)
_AWAY_AFTER = re.compile(r"\s+(?:away|from|off(?:\s+the)?\s+coast)\b", re.I)


def offered(frame: Frame, sentence: str, analysed: Analysed) -> list[Entity]:
    """Entities of the sentence that offer what the question asks for, other than what the question names (in any
    of its forms). What is asked narrows the kinds: "which year" takes an entity that holds a year; "which country /
    state / city" a geopolitical entity (GPE: not the island or the region in it); "which state / city / county" is
    never answered by a country or union."""
    if frame.asks is None:
        return []
    exact = frame.asks == "number" and bool(_EXACT_ASKED.search(frame.text))
    if (
        frame.asks == "number"
        and (counted := counted_number(frame, sentence, analysed)) is not None
        and not _whole_of_a_share(frame, sentence, counted)
    ):
        # what "how many N" counts, stated with N; "exactly how many" is not answered by "tens of thousands of fans"
        return (
            []
            if (exact and _vague(sentence, counted))
            or _an_average(frame, sentence, counted)
            or _one_games(frame, sentence, counted)
            or _an_increment(frame, sentence, counted)
            or _of_another_event(frame, sentence, counted)
            else [counted]
        )
    if (actor := actor_of(frame, sentence, analysed)) is not None:
        return [actor]  # "Woody Harrelson as Archie": the one playing the role, not the show's creator
    if frame.asks == "date" and not _tells_the_event(frame, sentence):
        return []  # "When did Fox settle with Dominion?" is not answered by "Dominion sued Fox ... in 2021"
    labels = ANSWER_LABELS[frame.asks]
    if frame.names_a_thing:
        # a name given the thing asked about, of whatever kind ("Storm Nicole": a person to the small model)
        labels = ANSWER_LABELS["name"]
    asked = undotted(frame.text)
    if frame.asks == "place" and _GPE_ASKED.search(asked):
        labels = frozenset({"GPE"})
    elif frame.asks == "place" and _VENUE_ASKED.search(asked):
        labels = _VENUE_LABELS
    age_asked = frame.asks == "number" and bool(_AGE_ASKED.search(frame.text))
    duration_asked = frame.asks == "number" and bool(_DURATION_ASKED.search(frame.text))
    # a sum is asked by the question proper, not its scene ("A teenager spent his summer ... How old is he?")
    asking = _asking_sentence(TRAILING_CONTEXT.sub("", frame.text))  # the question proper, not a follow-up's context
    sum_asked = frame.asks == "number" and not (age_asked or duration_asked) and bool(_SUM.search(asking))
    money_asked = frame.asks == "number" and not sum_asked and bool(_SUM_NOUN.search(frame.text))
    price_asked = frame.asks == "number" and frame.counted is None and bool(_PRICE_ASKED.search(asking))
    # "how much" asks an amount or a share, not a count of things ("How much did Maradona's shirt go for?" is not
    # answered by "Maradona's two memorable contributions"), but where a count changes ("How much did enrolment
    # drop?": "by 500 students"), unless of a price or a rate ("By how much have barge rates gone up?")
    # a verb of change in small letters: "did the price of eggs rise" ("Rose Zhang", "Nordvik Rising" are names)
    changed = any(m.group(0).islower() for m in _CHANGE.finditer(frame.text))
    how_much = (
        frame.asks == "number" and bool(_HOW_MUCH.search(asking)) and (bool(_PRICED_NOUN.search(asking)) or not changed)
    )
    change_asked = (sum_asked or money_asked) and changed
    kind = _date_kind(frame.text) if frame.asks == "date" else ""
    measure_asked = frame.asks == "number" and bool(_MEASURE_ASKED.search(frame.text))
    # "how fast was the car going" asks a speed; "how fast did the economy grow" a rate ("3%")
    speed_asked = measure_asked and bool(_FAST.search(frame.text)) and not _CHANGE.search(frame.text)
    time_asked = duration_asked and _time_taken(frame.text)
    share_asked = frame.asks == "number" and bool(
        _SHARE_ASKED.search(frame.text) or _RATE_CHANGE_ASKED.search(asking) or _SHARE_RATE_ASKED.search(asking)
    )
    amount_asked = frame.asks == "number" and bool(_AMOUNT_ASKED.search(frame.text))
    # a change asked, not a share: "how far did shares drop" (not answered by "5% of its workforce")
    change_not_share = frame.asks == "number" and changed and not _SHARE_ASKED.search(frame.text)
    side = _side_asked(asking) if frame.asks == "number" else None  # a gain or a loss asked ("that profit")
    # a coming event's day asked (not the telling's, nor a past act's), and a past act's
    coming_asked = frame.asks == "date" and not _TELLING_ASKED.search(asking) and not _PAST_ASKED.search(asking)
    past_date_asked = frame.asks == "date" and bool(_PAST_ASKED.search(asking))
    per = _PER_ASKED.search(asking) if sum_asked or money_asked or amount_asked else None
    years = _years_asked(frame.text) if frame.asks not in ("date", "work") else set()
    tied = _years_tied(sentence) if years else {}
    dateline_end = 0
    # "Sri Lankan President Rajapaksa fled to which country": not Sri Lanka; "Which countries did the Turkish
    # earthquake hit?": Turkey too (a people-word of a person, not of an event)
    people_of = [g for g in frame.names if _of_a_person(frame.text, g)]
    head_noun = asked_noun(frame) if frame.asks in ("person", "place", "organisation", "work", "event") else ""
    # an office asked ("which judge"), whose other offices a title refuses (``given_role`` read per name only then)
    office_asked = frame.asks == "person" and bool(head_noun) and refused_offices(head_noun, frame.text) is not None
    reporting_asked = bool(_REPORTING_ASKED.search(frame.text))  # an outlet answers "who reported it first"
    within_country = frame.asks == "place" and _within_country(asked)
    where_in = frame.asks == "place" and _where_in_country(asked) is not None
    site_asked = frame.asks == "place" and _SITE_ASKED.search(asked) is not None
    # "where in Britain": a union of countries, answered by one of its own ("Scotland"), never another
    where_in_uk = (
        frame.asks == "place"
        and (m := _WHERE_IN_COUNTRY.search(asked)) is not None
        and place_group(m.group("country")) == place_group("UK")
    )
    # (not "which state's capital city": a state)
    owner_asked = _OWNER_ASKED.search(asked) is not None
    city_asked = frame.asks == "place" and not owner_asked and _CITY_ASKED.search(asked) is not None
    country_asked = frame.asks == "place" and not owner_asked and _COUNTRY_ASKED.search(asked) is not None
    # "The governor of which state signed ...?", "Where is the forward from?": a person's place is what is asked, and
    # "California Gov. Gavin Newsom" gives it (see ``_affiliates_a_person``; not "Where did the governor sign it?")
    post_asked = (
        frame.asks == "place"
        and bool(_POST_WORD.search(asked))
        and bool(_GPE_ASKED.search(asked) or _FROM_ASKED.search(asked))
    )
    member_asked = frame.asks == "person" and bool(_MEMBER_ASKED.search(asked))
    # a bare "who" asks for whoever did it: "Who took over Credit Suisse?" is answered by "UBS agreed to buy it"
    who_acts = set()
    if frame.asks == "person" and _opponent_asked(frame):
        labels = _AGENT_LABELS  # "Who did Argentina beat?": a team or a country beat one of its kind
    elif frame.asks == "person" and not head_noun and frame.role is None:
        who_acts = as_events(t for t in frame.topic if t not in frame.nouns)  # its verbs ("sued", "took over")
    q_terms = set(key_terms(asked))
    question = fold_accents(frame.text).lower()
    # "Who is Commander Moonikin Campos named after?": a namesake shares the name, so a person is the question's
    # own only when the question says the whole name ("Arturo Campos" is an answer, "Campos" is not)
    namesake = frame.asks == "person" and bool(_NAMESAKE_ASKED.search(frame.text))
    rank_asked = frame.asks == "number" and bool(_RANK_ASKED.search(frame.text))  # "ranked?": "#3" answers
    # a sum sought ("how much is Smartmatic suing for"), paid ("paying to settle"), won; a gift is none of the first
    sought = frame.asks == "number" and bool(_SUE_ASKED.search(asking))
    paid = frame.asks == "number" and not sought and bool(_PAY_ASKED.search(asking))
    gift_refused = (price_asked or sought) and not _WON_ASKED.search(asking)
    main_verb = _main_verb(frame) if frame.asks == "date" else None  # "write" of "when did Benedict write ..."
    out = []
    entities = analysed.entities
    if frame.names_a_thing:
        entities = (*entities, *named_as(sentence, entities))  # "a service called Max", untagged
    if head_noun and frame.asks in _APPOSED_LABEL:
        apposed = (
            _BODY_NOUNS if frame.asks == "organisation" and _BODY_NOUN.fullmatch(head_noun) else re.escape(head_noun)
        )
        entities = (*entities, *_apposed(sentence, entities, apposed, _APPOSED_LABEL[frame.asks]))
    if kind == "year":
        entities = (*entities, *_years_of_events(sentence, entities, main_verb))  # "the 1990 U.S. Open": in 1990
    for ent in entities:
        if frame.asks in ("work", "name") and (title := quoted_title(sentence, ent)) is not None:
            if any(e.start == title.start for e in out):
                continue  # another name in the same title
            ent = title
        if frame.names_a_thing and not any(names_the(n, sentence, ent) for n in kinds_of(frame.named)):
            continue  # "the name of the hotel" is a name the sentence gives the hotel, not any name in it
        birthday = (
            age_asked
            and ent.label == "ORDINAL"
            and bool(_BIRTHDAY_AFTER.match(sentence, ent.end) and _BIRTHDAY_OF.search(sentence, 0, ent.start))
            and (digits := re.match(r"\d+", ent.text)) is not None
        )
        if birthday:
            ent = Entity(digits.group(0), "CARDINAL", ent.start, ent.start + len(digits.group(0)))  # "69" of "69th"
        if (
            frame.asks == "place"
            and ent.label in ("ORG", "PERSON", "NORP")
            and bare(ent.text).lower() in _KNOWN_PLACES
            # a person called so only after a preposition of place: "Jordan", "Chad", "India" are people's names too
            and (ent.label != "PERSON" or _PLACE_PREPOSITION_BEFORE.search(sentence, 0, ent.start))
        ):
            ent = Entity(ent.text, "GPE", ent.start, ent.end)  # a country or a state, whatever the small model took it
            # for ("fled to the Maldives": ORG; "Sri Lanka": PERSON)
        if (
            frame.asks == "place"
            and ent.label in ("ORG", "PERSON", "NORP", "FAC")
            and _TOWN_OF.search(sentence, 0, ent.start)
            and not _INSTITUTION_WORD.search(ent.text)
        ):
            ent = Entity(ent.text, "GPE", ent.start, ent.end)  # "the Cornish coastal town of Newquay" (ORG to it)
        if member_asked and ent.label == "ORG" and (member := _MEMBER_OF_GROUP.fullmatch(ent.text)):
            ent = Entity(member.group(1), "PERSON", ent.start, ent.start + member.end(1))  # "Suga of BTS": Suga
        if (
            frame.asks in ("person", "organisation", "place")
            and bare(ent.text).lower() in _GERMS
            and not _GERM_ASKED.search(frame.head)
        ):
            continue  # "Salmonella" (an organisation to the small model) is no chain, company or agency
        if frame.asks in ("person", "organisation") and _GENERATION.fullmatch(bare(ent.text)):
            continue  # "Gen Z" (an organisation to the small model) is an age group, no firm's or person's name
        if frame.asks == "person" and ent.text.lower() in _PARTY_WORDS:
            continue  # "Republican" (a person to the small model now and then) is a party's member, no one's name
        if frame.asks == "person" and _heads_it(sentence, ent):
            continue  # "The Tesla and SpaceX CEO bought Twitter": SpaceX (a person to the small model) heads no one
        if office_asked and another_role(head_noun, given_role(sentence, ent), frame.text):
            continue  # "Which judge ordered ...?" is not answered by "Australia's immigration minister Alex Hawke"
        if (
            frame.asks == "person"
            and not namesake  # "Who is the Bill Russell trophy named after?"
            and (_PLACE_NOUN_AFTER.match(sentence, ent.end) or _HONOUR_END.search(ent.text))
        ):
            continue  # "intercepted at the Brouckere station": a person's name before a place's noun names the place
        if frame.asks == "date" and _NO_DAY.fullmatch(ent.text):
            continue  # "Monday (the day the Met Gala would've taken place)", "athlete of the year": no date
        if frame.asks not in ("number", "date") and _BARE_ORDINAL.fullmatch(ent.text):
            continue  # "the 308th mass shooting": an organisation to the small model, and no name
        if (
            frame.asks == "person"
            and not reporting_asked
            and (
                bare(ent.text).lower() in _NEWS_OUTLETS
                or _MEDIA_NOUN_BEFORE.search(sentence, max(0, ent.start - 40), ent.start)
            )
        ):
            # "Politico", "trade publication Puck" (a person to the small model now and then) report; no one's name
            continue
        if frame.asks == "person" and _NUMBERED_MEASURE.fullmatch(ent.text):
            continue  # "Senate Bill 475" (its "Bill 475" a person to the small model) is a bill
        if _NOT_BEFORE.search(sentence, 0, ent.start):
            continue  # "declared John Hanson, not Barack Obama, the first Black president": what it is not
        if frame.asks == "organisation" and _qualifies_a_name(sentence, ent, entities):
            continue  # "the CEO of FTX competitor Binance": Binance is the exchange he runs, FTX qualifies it
        if frame.asks == "place" and (
            _TEAM_SCORE_AFTER.match(sentence, ent.end)
            or (_SCORE_BEFORE_TEAM.search(sentence, 0, ent.start) and _POINTS_AFTER_TEAM.match(sentence, ent.end))
        ):
            continue  # "Connecticut 73, San Diego State 61": a team and its score, not where it was played
        if frame.asks == "place" and _contains_asked_place(frame, sentence, ent):
            continue  # "SANTOS, Brazil (AP)" for "where in Santos ...": the country around the question's place
        if frame.asks == "place" and not post_asked and _affiliates_a_person(sentence, ent, entities, q_terms):
            continue  # "South Carolina forward-center Aliyah Boston": her team, not where it happens
        if frame.asks == "work" and ent.label == "ORG" and _a_body(ent.text):
            continue  # "the Smithtown Library Board of Trustees" is a body, no book, film or song
        if frame.asks == "work" and ent.label == "PERSON" and _CALLED_A_PERSON.search(sentence, 0, ent.start):
            continue  # "to impress judges Simon Cowell, Heidi Klum and Howie Mandel": people, no song
        if frame.asks == "number" and not birthday and not _NUMERIC.search(ent.text):
            continue  # "a physical Qwerty keyboard" (a quantity to the small model) says no number
        if frame.counted is not None and (
            _SHARE_ONLY.fullmatch(ent.text.strip())
            or (frame.counted != "time" and _MULTIPLE_AFTER.match(sentence, ent.end))
            # "almost three in four Americans": a share, no count
            or _IN_EVERY_AFTER.match(sentence, ent.end)
            or _IN_EVERY_BEFORE.search(sentence, 0, ent.start)
        ):
            # "half black, half white" counts no grandchildren, "two-and-a-half times more" no people: a share or a
            # multiple of something, not a count
            continue
        if exact and _vague(sentence, ent):
            continue  # "exactly how many readers answered" is not answered by "hundreds" or "roughly half"
        if (
            frame.asks == "number"
            and re.fullmatch(r"\d+", ent.text.strip())
            and _ADDRESS_AFTER.match(sentence, ent.end)
        ):
            continue  # "175 N. Main St.", "333 N. Oregon": an address, no count, sum or age
        if age_asked and _BARE_NUMBER.fullmatch(ent.text.strip()) and _PEOPLE_OR_THINGS_AFTER.match(sentence, ent.end):
            continue  # "researchers analyzed 37 men" counts men: no age
        if (
            frame.counted is not None
            and _CHANGE_OF_BEFORE.search(sentence, 0, ent.start)
            and not _CHANGE.search(frame.text)
            and not _MORE_ASKED.search(frame.text)
        ):
            continue  # "how many people watched" is not answered by "an increase of 10.6 million": a change, no count
        if (
            frame.asks == "number"
            and _BARE_NUMBER.fullmatch(ent.text.strip())
            and (
                _LABEL_BEFORE.search(sentence, 0, ent.start)
                or _DIALLED_BEFORE.search(sentence, 0, ent.start)
                or (frame.counted is not None and _NAME_BEFORE_NUMBER.search(sentence, 0, ent.start))
            )
        ):
            # "stage 1", "Game 7", "call 911", "Onions 52" (a brand in a list): a label, not a count, an age or a sum
            continue
        if (
            frame.counted is not None
            and _BARE_NUMBER.fullmatch(ent.text.strip())
            and _AGE_BEFORE.search(sentence, 0, ent.start)
        ):
            continue  # "children as young as 5": an age, no count
        if (
            frame.asks == "number"
            and _BARE_NUMBER.fullmatch(ent.text.strip())
            and (_SCORE_AFTER.match(sentence, ent.end) or _SCORE_BEFORE.search(sentence, 0, ent.start))
        ):
            continue  # "beating Germany 2-1", "a 368-57 vote": one side of a score or tally, no count of its own
        if (
            frame.asks == "number"
            and not age_asked
            and _BARE_YEAR.fullmatch(ent.text.strip())
            and not (_UNIT_AFTER.match(sentence, ent.end) or _CURRENCY_AFTER.match(sentence, ent.end))
        ):
            continue  # "the 2024 Republican presidential candidate" (a cardinal to the small model) counts no jurors
        joined = _JOINED_NUMBER.search(ent.text) or (ent.text[-1:].isdigit() and _JOINED_WORD.match(sentence, ent.end))
        if frame.counted is not None and joined and key_terms(joined.group(1))[:1] != [frame.counted]:
            continue  # "140,000-pound piles" weighs each pile, counts none
        if frame.asks == "number" and _CODE.fullmatch(ent.text.strip()):
            continue  # a code ("Better If Used By" dates "28MAR2024", lot numbers): no count, sum or measure
        if frame.counted is not None and _measures_a_thing(frame, sentence, ent.end):
            continue  # "a 5-pound bag" (see below)
        if (
            frame.asks == "number"
            and frame.counted is None
            and joined
            and not (age_asked or duration_asked or measure_asked)
            and not _NUMBER_JOINS.fullmatch(joined.group(1))
            and not _UNIT_AFTER.match(sentence, ent.end)
        ):
            continue  # "How much of the playoff pool did they get?" is not answered by "the 16-team playoff format"
        if frame.counted is not None and _SCORE.fullmatch(ent.text.strip()):
            continue  # "How many points did Caitlin Clark score?" is not answered by the game's "102-85"
        if how_much and ent.label == "CARDINAL" and _JOINED_WORD.match(sentence, ent.end):
            continue  # "The two-time NCAA champion": a number in a word, no amount
        if (
            how_much
            and ent.label == "CARDINAL"
            and (counted := _COUNTED_AFTER.match(sentence, ent.end)) is not None
            and not _UNIT_AFTER.match(sentence, ent.end)
            and not _CURRENCY_AFTER.match(sentence, ent.end)
            and counted.group(1).lower() not in ("points", "times", "cents", "pence")
        ):
            # "By how much have barge rates gone up?" is not answered by "eight barges running aground": a count
            # of things, where "how much" asks an amount ("12 inches" of snow is a quantity, "$5" a sum)
            continue
        if frame.asks == "number" and sentence[max(0, ent.start - 1) : ent.start] == "#" and not rank_asked:
            continue  # "the #1 plush brand" (a sum to the small model): a rank, no count or price
        if (sum_asked or money_asked or how_much) and (
            _MULTIPLE_AFTER.match(sentence, ent.end)
            or (
                ent.label == "CARDINAL"
                and (
                    _SCORE_NEXT.match(sentence, ent.end)
                    or _SCORE_PREVIOUS.search(sentence, max(0, ent.start - 60), ent.start)
                )
            )
        ):
            continue  # "a mass 6.5-billion times larger", "Bucks 138, Heat 122": no sum, no price
        if frame.counted is not None and _an_increment(frame, sentence, ent):
            continue  # "How many people are sick now?" is not answered by "24 more people" (the total is asked)
        if _another_model(frame.text, sentence, ent):
            continue  # "the iPhone 14 Pro's price" is not answered by "the iPhone 13 Pro starts at $999"
        if frame.asks == "person" and ent.label == "PERSON" and _owner_of_asked(frame.text, sentence, ent):
            continue  # "who did Truss sack as her finance minister": not "Boris Johnson’s finance minister"
        if frame.asks == "place" and ent.label == "GPE" and _team_of(frame, sentence, ent):
            continue  # "where is the Bills vs Browns game being played": not "Cleveland" of "the Cleveland Browns"
        if frame.asks == "number" and ent.text.strip().lower() == "one" and _ONE_OF_THE.match(sentence, ent.end):
            continue  # "In one of the most consequential weeks": a phrase, no count of people
        if frame.asks == "number" and not share_asked and _whole_of_a_share(frame, sentence, ent):
            continue  # "to lay off some 20% of its more than 6,400 employees": the whole, not how many are laid off
        if frame.asks == "number" and _JOINED_TO_A_NAME.match(sentence, ent.end):
            continue  # "a zero-Covid policy", "the one-China policy": a number in a name's word, no count
        if (
            price_asked
            and (
                (sum_of := _SUM_OF.match(sentence, ent.end)) is not None
                or (sum_of := _SUM_OF_BEFORE.search(sentence, max(0, ent.start - 60), ent.start)) is not None
            )
            and not set(key_terms(sum_of.group(1))) & set(frame.topic)
        ):
            # "how much does the app cost" is not answered by "$1 billion in revenue", nor "what price did the stock
            # fall to" by "net sales of $1.26 billion"
            continue
        if (
            gift_refused
            and (gift := _given_sum(sentence, ent)) is not None
            and not as_events(key_terms(gift)) & as_events(frame.topic)
        ):
            # "how much does the birthday meal cost" is not answered by "the company will donate $5", nor "how much is
            # Depp suing Heard for" by "the jury awarded Heard $2 million"
            continue
        if paid and _SOUGHT_AFTER.match(sentence, ent.end):
            continue  # "how much is Fox paying to settle" is not answered by "Dominion's $1.6 billion defamation lawsuit"
        if _an_average(frame, sentence, ent) or _one_games(frame, sentence, ent):
            continue  # "Boston averaged 14.1 points" gives no game's points: a rate, not a count (and the reverse)
        if frame.counted is not None and _CLOCK_TIME.fullmatch(ent.text.strip()):
            continue  # "in the final 8:16" (a cardinal to the small model) is a time, no count of assists
        if duration_asked:
            if ent.label != "QUANTITY" and not (ent.label in ("DATE", "TIME") and _length_of_time(ent.text)):
                continue  # "how long" is answered by "45 days" (a date to the small model), not "81,326" (votes)
            if time_asked and not _length_of_time(ent.text):
                continue  # "how long did the swim take" is not answered by its "21.3-mile" length
        elif (
            ent.label not in labels
            and not birthday  # "Speaking on his 69th birthday" gives an age ("How old was Xi when ...?")
            and not (age_asked and ent.label == "DATE" and _AGE.fullmatch(ent.text))
            # a name the sentence calls what is asked, whatever the small model took it for ("the philanthropist
            # MacKenzie Scott", an organisation to it, for "which philanthropist"): beside the noun, not holding it
            # ("Player of the Year" is no player) unless an event is asked ("Storm Tamsin", a person to it, is a
            # storm), and no people-word or place, which qualifies a noun rather than names it ("the German
            # discount supermarket chain", "the Waterloo, Canada company")
            and not (
                head_noun
                and ent.label in _RENAMED
                and names_the(head_noun, sentence, ent, inside=frame.asks == "event", person=frame.asks == "person")
            )
            and not (who_acts and ent.label in _AGENT_LABELS and does_the_act(who_acts, sentence, ent))
            # a venue's name for "where" ("The Colosseum at Caesars Palace", an organisation to the small model)
            and not (frame.asks == "place" and ent.label == "ORG" and _VENUE_NAME.search(ent.text))
            # a name that calls itself what is asked ("the Pat McAfee Show", a facility to the small model)
            and not (
                head_noun and frame.asks != "person" and ent.label in NAME_LABELS and _calls_itself(ent.text, head_noun)
            )
        ):
            continue  # an age is a number, though the small model labels "79" in "Biden's age, 79" a date
        if (
            age_asked
            and not birthday
            and not _AGE.fullmatch(re.sub(r"^(?:about|nearly|almost|around|only|just)\s+", "", ent.text))
        ):
            continue  # "How old is Taylor Swift?" is not answered by "2022"
        if age_asked and (_COMPOUND_AFTER.match(sentence, ent.end) or _THINGS_AFTER.match(sentence, ent.end)):
            continue  # "18-time major winner Chris Evert", "owns 20 gaming properties": a count, not an age
        if frame.counted is not None and _counted_for_another(frame, sentence, ent, analysed):
            continue  # "How many points did Caitlin Clark score?" is not answered by "Jasmine Carson scored 22 points"
        if change_not_share and _share_of_another(frame, sentence, ent):
            continue  # "How far did Microsoft shares drop?" is not answered by "roughly 5% of its workforce"
        if _the_other_side(side, sentence, ent):
            continue  # "How big was that profit?" is not answered by "posted a loss of $2.31 billion"
        if frame.asks == "number" and _in_clause_of_another(frame, sentence, ent):
            continue  # "How much did Maze Runner make?": not "The Shape of Water, which had its best frame with $5.7m"
        if frame.asks == "number" and _of_another_event(frame, sentence, ent):
            continue  # "a week after another tornado outbreak killed 21 people": another event's toll
        if age_asked and not _whose_age_asked(frame, sentence, ent, analysed):
            continue  # "How old is Rupert Murdoch's fiancee?" is not answered by "Rupert Murdoch, 92,"
        if share_asked and ent.label == "CARDINAL" and (ratio := _IN_EVERY.match(sentence, ent.end)) is not None:
            ent = Entity(sentence[ent.start : ratio.end()], "CARDINAL", ent.start, ratio.end())  # "One in five"
        if share_asked and not (
            ent.label == "PERCENT"
            or _SHARE_IN.search(ent.text)
            or _SHARE_AFTER.match(sentence, ent.end)
            or _POINTS_AFTER.match(sentence, ent.end)
            or (ent.label == "CARDINAL" and _FRACTION.search(f"{ent.text}{sentence[ent.end : ent.end + 4]}"))
        ):
            continue  # "what percentage did marriages drop" is answered by "6.1%", not "7.6 million"
        # (not the "m" of "£2.9m": millions of a sum, no metres)
        unit = _UNIT_AFTER.match(sentence, ent.end) if ent.label != "MONEY" else None
        currency_after = _CURRENCY_AFTER.match(sentence, ent.end)
        if (
            amount_asked
            and ent.label not in ("MONEY", "PERCENT", "QUANTITY")
            and not (unit or currency_after or _SHARE_AFTER.match(sentence, ent.end))
        ):
            continue  # "how much is the phone" is answered by "$649", not by "one" ("in one form or another")
        speed = speed_asked and _SPEED_AFTER.match(sentence, ent.end)
        if measure_asked and ent.label not in ("QUANTITY", "PERCENT") and not (unit or speed):
            continue  # "how tall is the tower" is answered by "314 feet", not by "one-third" (of a replica)
        if speed_asked and not (speed or _SPEED_AFTER.search(ent.text)):
            continue  # "how fast was the car going" is answered by "50 mph", not by "six" (people hurt)
        if (
            measure_asked
            and not _FAR_ASKED.search(frame.text)
            and (
                _DISTANCE_BEFORE.search(sentence, max(0, ent.start - 40), ent.start)
                or _AWAY_AFTER.match(sentence, ent.end)
            )
        ):
            continue  # "How wide is the comet's nucleus?" is not answered by "at a distance of 26.4 million miles"
        if ent.end in tied and tied[ent.end] not in years:
            continue  # "where is the 2024 Final Four" is not answered by "Houston (2023)" in a list of hosts
        if years and _in_another_year(sentence, ent.end, years):
            continue  # "which hurricane hit Florida in November 2022" is not answered by "Hurricane Kate struck
            # Florida as a Category 2 in 1985": its own clause puts it in another year
        if per is not None and not _states_per(sentence, ent, per.group(1) or per.group(2)):
            continue  # "how much per share is Kroger paying" is answered by "$34.10 a share", not "$25 billion"
        sums = ("MONEY", "PERCENT") if change_asked else ("MONEY",)  # "How much did revenue grow?": "12%"
        currency = currency_after or _CURRENCY_IN.search(ent.text)
        if (sum_asked or money_asked) and ent.label not in sums and not currency:
            continue  # "how much will it cost" asks for a sum ("41 million euros"), not for a length
        if frame.counted is not None and ent.label == "PERCENT" and not (change_asked or measure_asked):
            continue  # "how many N" asks for a count, not a share ("98 percent of wildlife strikes")
        if (
            frame.counted is not None
            and (ent.label == "MONEY" or currency)
            and not _MONEY_COUNTED.fullmatch(frame.counted)
        ):
            continue  # "how many votes did she win by" is not answered by "$104 million" (but "how many dollars" is),
            # "how many homes" not by "41 million euros" (a cardinal to the small model)
        if (
            frame.asks == "place"
            and ent.label in ("GPE", "LOC", "FAC")
            and not sentence[: ent.start].strip()
            and ent.text.isupper()
            and (dash := _DATELINE_AFTER.match(sentence, ent.end)) is not None
        ):
            dateline_end = dash.end()  # "WASHINGTON —", "ROCHESTER, N.Y. (AP) —": where the story was filed
        terms = set(key_terms(undotted(ent.text)))
        if frame.asks in ("number", "date") and _said_in(question, ent.text):
            continue  # "How many died in the 1977 blizzard?" is not answered by "1977", nor "... this year?" by it
        name = bare(ent.text)  # "the United Kingdom" names the question's "UK"
        if frame.asks not in ("number", "date") and (
            not terms
            or terms <= q_terms
            or mentions(question, fold_accents(name), ent.label == "PERSON" and not namesake)
            or any(
                same_place(name, given) or abbreviates(name, given) or abbreviates(given, name) for given in frame.names
            )
            or (ent.label in ("GPE", "LOC", "NORP") and any(demonym_of(name, given) for given in people_of))
            or (ent.label in ("GPE", "LOC") and any(_shortened_to(name, given) for given in frame.names))
        ):
            continue  # the question's own name ("Putin" for "Vladimir Putin") is not its answer
        if ent.label == "ORG" and _holds_name(frame, name):
            continue  # "which team did Denver beat" is not answered by "the Denver Nuggets"
        if frame.asks == "date" and not re.search(r"\d|day|week|month|year|[A-Z][a-z]+", ent.text):
            continue
        if frame.asks == "date" and _AGE.fullmatch(ent.text.strip()):
            continue  # "When did she join the band?" is not answered by "79" (her age, a date to the small model)
        if (
            main_verb
            and (rel := _RELATIVE_DATED.search(sentence, max(0, ent.start - 40), ent.start)) is not None
            and not _says_any({main_verb}, set(event_terms(rel.group(1))))
        ):
            continue  # "Pope Benedict XVI, who died Saturday, asked ... in the testament": not when he wrote it
        if frame.asks == "date" and _BARE_LENGTH.fullmatch(ent.text.strip()):
            continue  # "When did Musk buy Twitter?" is not answered by "months" ("after spending months ...")
        if (
            frame.asks == "date"
            and _length_of_time(ent.text)
            and not (_IN_A_WHILE.search(sentence, 0, ent.start) and not _PAST_WHEN.search(frame.text))
        ):
            # "When did Greggs open its shop?" is not answered by "24 hours" (how long it opens a day), nor "when did
            # the wall come down" by "agreed to pay ... within 90 days" (a time from then, for what is still to come)
            continue
        if (
            frame.asks == "date"
            and (kind != "year" or _DOCUMENT_AFTER.match(sentence, ent.end))
            and _of_another_thing(sentence, ent, q_terms)
        ):
            # "When did Fox settle with Dominion?" is not answered by "the outcome of the 2020 election"; "in which
            # year" (asked of a year, which a year dates) not by "a 2017 Vice article", which dates what tells of it
            continue
        if kind == "year" and not _YEAR.search(ent.text):
            continue  # "in which year" is not answered by "Thursday" or "this year"
        if kind in ("date", "day") and not (
            _CALENDAR_DAY.search(ent.text) or (kind == "day" and _WEEKDAY.search(ent.text))
        ):
            continue  # "on what date" is not answered by "2023" or "Tuesday" (when it was announced)
        if kind == "month" and not _MONTH.search(ent.text):
            continue
        if kind == "time" and not _IN_WHAT_TIME.search(frame.text) and not _CLOCK.search(ent.text):
            continue  # "what time did the spacecraft hit" is answered by "7:14 p.m. ET", not by "Monday"
        if frame.asks == "date" and _POSSESSED.match(ent.text):
            continue  # "When did Aliyah Boston say she was going pro?" is not answered by "her extra year"
        if (
            frame.asks == "date"
            and (told := _TOLD_ON.search(sentence, 0, ent.start)) is not None
            and _TRAILING_SUBJECT.search(sentence, 0, told.start())
            and not sentence[ent.end :].strip(' .”"’)')
            and _FUTURE.search(sentence, 0, told.start())
            and not _TELLING_ASKED.search(frame.text)
        ):
            # "When does Glass Onion start streaming?" is not answered by "it will debut ... a month before it streams
            # on Netflix, the company announced on Thursday": the day a coming event was told of, not its day (unless
            # the telling is what is asked)
            continue
        if coming_asked and _told_day(sentence, ent):
            # "When is the opening show?" is not answered by "Suga of BTS announced a string of concerts around the
            # world Tuesday": the day the news was told, not the day of what it tells of (unless the telling is
            # asked; a past act asked, "When did the university ban TikTok?", is told the day it is done as often)
            continue
        if past_date_asked and _PLANNED_BEFORE.search(sentence, max(0, ent.start - 240), ent.start):
            # "What time did the capsule splash down on Monday?" is not answered by "They now plan to ... splash
            # down off the coast of Florida at about 1 pm ET Monday": the time planned, not the time it happened
            continue
        if frame.asks == "date" and _EVERY.fullmatch(ent.text.strip()):
            continue  # "When did he lose his phone?" is not answered by "each year" (how often phones vanish)
        if site_asked and _SITE_NAMED_AFTER.match(sentence, ent.end):
            pass  # "Dallas-Fort Worth International Airport": the place names the site asked
        elif within_country and place_group(name):
            continue  # "which state" is not answered by "the United States", nor "which city" by "France"
        elif site_asked and (name.lower() in US_STATES or (ent.label == "GPE" and _GROUNDS_ASKED.search(asked))):
            continue  # "what stadium are the games at" is not answered by "Florida", nor by "Boca Raton"
        if where_in and _a_country(name):
            continue  # "Where in Ukraine did Russia first use the Kinzhal?" is not answered by "US officials"
        if where_in_uk and _a_country(name) and bare(name).lower() not in _UK_PARTS:
            continue  # "Where in Britain is Virgin Orbit launching from?": Scotland may answer, not "a US subsidiary"
        if city_asked and name.lower() in _STATES_NO_CITY:
            continue  # "Which US city has the worst soot pollution?" is not answered by "California"
        if country_asked and name.lower() in _STATES_NO_COUNTRY:
            continue  # "Which country had the polio patient visited?" is not answered by "New York"
        if frame.described and any(names_the(n, sentence, ent, inside=False, person=True) for n in frame.described):
            # the question's other nouns describe what it is about: an entity the sentence calls by one ("the
            # defending champion, Grete Solberg") is that thing ("Which player beat the defending champion?")
            continue
        out.append(ent)
    if dateline_end and any(e.start >= dateline_end for e in out):
        out = [e for e in out if e.start >= dateline_end]  # a dateline is the place only when the story gives no other
    if head_noun and frame.asks != "person" and len(out) > 1:
        # "On which show did Rodgers announce ...": of "the Pat McAfee Show" and "the New York Jets" in one
        # sentence, the name that calls itself a show
        calling = [e for e in out if _calls_itself(e.text, head_noun)]
        out = calling or out
    return out


# a sum asked for each of something: "how much per share", "how much an hour" (not "per cent")
_PER_ASKED = re.compile(
    r"\bper\s+(?!cent\b)((?-i:[a-z]{3,}))\b|\b(?:an?|each|every)\s+(hour|day|night|week|month|year|share|"
    r"gallon|barrel|litre|liter|ounce|pound|kilo|ton|tonne|mile|person|head|ticket)\b"
    r"(?!\s+(?:ago|earlier|later|after|before|from|since)\b)",  # not "a year ago"
    re.I,
)


def _states_per(sentence: str, ent: Entity, unit: str) -> bool:
    """Whether a sum is said for each ``unit`` ("$34.10 a share", "$15 per hour", "$5/gallon", "$50 each"), in the
    entity or right after it."""
    stem = re.escape(unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit)
    per = rf"(?:\s*/\s*|\s+(?:per|an?|each|every)\s+){stem}|\s+(?:each|apiece)\b"
    if re.search(per, ent.text, re.I) or re.match(per, sentence[ent.end :], re.I):
        return True
    # "the price of a gallon of regular stood at $3.54": the unit named before it, in its clause, not another sum's
    # ("a $15 per hour wage after a $2 million fund")
    window = sentence[max(0, ent.start - 120) : ent.start]
    named = re.search(rf"\b(?:per|an?|each|every)\s+{stem}\w*\b[^.;:!?]{{0,60}}$", window, re.I)
    return named is not None and not re.search(
        r"(?:\d|\b(?:million|billion|trillion|cents?))\s*$", window[: named.start()]
    )


_NAMESAKE_ASKED = re.compile(r"\bnamed\s+(?:after|for)\b|\bin\s+hono(?:u)?r\s+of\s+(?:who|whom)\b", re.I)


def _calls_itself(name: str, noun: str) -> bool:
    """Whether a name's own noun, capitalised, is the asked noun: its last word or the word before its "of" ("the
    Pat McAfee Show", "Silicon Valley Bank", "University of Michigan" for "show", "bank", "university"; not "the
    State University of New York" nor "the New York State Thruway" for "state")."""
    words = re.findall(r"[\w'’]+", name)
    heads = [words[-1]] if words else []
    heads += [w for w, after in zip(words, words[1:], strict=False) if after == "of"]
    return any(w[:1].isupper() and w.lower().rstrip("s") == noun.rstrip("s") for w in heads)


FEATURES = (
    "dense",  # the best passage's cosine to the question
    "similarity",  # the quoted sentence's cosine to the question
    "coverage",  # weighted share of the question's key terms in the sentence (and the sentences just before it)
    "names_article",  # share of the question's names found in the sentence's article (1 when it names none)
    "names_sentence",  # share of the question's names in the sentence's passage
    "names_section",  # share of them in the sentence's section of its article (under its heading; a roundup's story)
    "has_names",  # the question names something
    "topic_article",  # share of the question's other key terms in the sentence's article
    "topic_sentence",  # share of them in the sentence
    "topic_section",  # share of them in the sentence's section of its article
    "asks_type",  # the question asks for a person, place, number, date, organisation, event or work
    "type_match",  # the sentence offers one (other than what the question names)
    "consensus",  # share of the other retrieved articles that state the short answer too
    "recency",  # exp(-days between the article and the question's as-of date / 30); unknown without dates
    "rank",  # the sentence's passage rank among the hits, 0 for the first, divided by their number
    "short_confidence",  # the entity ranker's probability for the short answer (0: none, or no kind asked for)
    "numbers_article",  # share of the question's numbers (not years) in the sentence's article (1 when it has none)
)

# A number as written in digits ("23,000", "$3.99", "15th", "1.3"), read without its commas; not a year, which
# dates the story rather than picking it out.
_DIGITS = re.compile(r"(?<![\w.,:-])\d[\d,]*(?:\.\d+)?(?![:\d])")  # not "COVID-19" or "9:30"
_A_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def numbers_in(text: str) -> set[str]:
    """The numbers ``text`` writes in digits, without their commas and years ("recall of 23,000 cars since 2005"
    -> {"23000"})."""
    out = set()
    for m in _DIGITS.finditer(text):
        number = m.group(0).rstrip(",").replace(",", "")
        if "." in number:
            number = number.rstrip("0").rstrip(".")  # "5.50%" says what "5.5%" does
        if not _A_YEAR.fullmatch(number):
            out.add(number)
    return out


@dataclass(frozen=True)
class Assessment:
    """The answerability decision for a draft answer: the features, the model's probability, and what is missing."""

    features: dict[str, float | None]
    score: float
    unknown_names: tuple[str, ...] = ()  # names no stored article mentions
    missing_names: tuple[str, ...] = ()  # names the quoted article does not mention
    missing_topic: tuple[str, ...] = ()  # the question's words (as written) the quoted article lacks
    relation_missing: bool = False  # a relation question with no sentence stating the relation
    day_missing: bool = False  # an event question's day, neither named in the quoted article nor its date
    years_missing: tuple[str, ...] = ()  # the question's years, none named in the quoted article nor its date
    other_day: str | None = None  # the question's calendar day, where the quote tells of others (``other_day``)
    other_year: tuple[str, str] | None = None  # the year the quote dates the asked event by, and the question's
    stale_from: date | None = None  # the quoted article's date, when too old for a question about "this week"
    denied: str | None = None  # the quote's words that deny what the question takes for granted (``denied_premise``)
    cause_missing: bool = False  # a death's cause asked, and no quote gives one
    unknown: str | None = None  # the quote's article's sentence that says what is asked is not known (``unknown_told``)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AnswerabilityModel:
    """Logistic regression over ``FEATURES``: p = 1 / (1 + exp(-(bias + sum(w * x)))). A feature that is unknown
    for a question (``None``: recency without an as-of date or a publication date) takes its mean over the rows the
    model was fitted on, so that a question asked without a date is neither favoured nor penalised."""

    weights: dict[str, float]
    bias: float
    fitted_on: str = ""
    threshold: float = 0.5  # the threshold the fit chose (the ``min_answerability`` default)
    means: dict[str, float] = field(default_factory=dict)  # each feature's mean over the fitted rows
    # the probability from which the fit found a short answer as often right as wrong (``min_short_answer``)
    short_answer_threshold: float = 0.0

    def probability(self, features: dict[str, float | None]) -> float:
        z = self.bias
        for name, w in self.weights.items():
            value = features.get(name)
            z += w * (self.means.get(name, 0.0) if value is None else value)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    @classmethod
    def load(cls, path: str | Path | None = None) -> AnswerabilityModel:
        data = read_model("answerability.json", path)
        refuse_unknown(data["weights"], FEATURES, "answerability model")
        return cls(
            {k: float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            str(data.get("fitted_on", "")),
            float(data.get("threshold", 0.5)),
            {k: float(v) for k, v in data.get("means", {}).items()},
            float(data.get("short_answer_threshold", 0.0)),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "weights": self.weights,
            "bias": self.bias,
            "means": self.means,
            "fitted_on": self.fitted_on,
            "threshold": self.threshold,
            "short_answer_threshold": self.short_answer_threshold,
        }


def recency(published: date | None, as_of: date | None, period: tuple[date, date] | None = None) -> float | None:
    """exp(-days between the article and the question's as-of date / 30); without one, the days between the article
    and the month or day the question names (``rag.query.period_of``; 1 within it); None when the dates are unknown
    or the question names only a year (a year says too little of when: "who will run in 2024?")."""
    if published is None:
        return None
    if as_of is not None:
        return math.exp(-abs((as_of - published).days) / 30.0)
    if period is None or (period[1] - period[0]).days > 31:
        return None
    start, end = period
    return math.exp(-max((start - published).days, (published - end).days, 0) / 30.0)


# Words by which a question asks about the news of its as-of date ("this week", "recently", "the latest")
_OF_NOW = re.compile(
    r"\b(?:(?:this|last)\s+(?:past\s+)?(?:week(?:end)?|month|year)|recent(?:ly)?|latest|today|yesterday|tonight)\b",
    re.I,
)
STALE_DAYS = 365  # an article older than this, before the as-of date, tells no news of "this week"


def stale(question: str, published: date | None, as_of: date | None) -> bool:
    """Whether the quoted article is too old for a question about the news of its as-of date: "Which nation became
    the latest to legalise same-sex marriage?" asked in September 2022 is not answered by Ireland's referendum of
    2015. Only with an as-of date (without one, "recently" is whenever the archive ends), and only more than
    ``STALE_DAYS`` before it. On rtqa-train no answer shown from such an article was right (6 wrong, and 12 of the
    rejection run). A follow-up's bracketed context is not read."""
    if as_of is None or published is None or (as_of - published).days <= STALE_DAYS:
        return False
    return _OF_NOW.search(TRAILING_CONTEXT.sub("", question)) is not None


def share(found: Sequence[bool]) -> float:
    return sum(found) / len(found) if found else 1.0


def topic_words(frame: Frame, missing_stems: set[str]) -> list[str]:
    """The question's words (as written) whose stems are missing, for a message."""
    out: list[str] = []
    for word in words(frame.text):
        stem = key_terms(word)
        if stem and stem[0] in missing_stems and word not in out:
            out.append(word)
    return out


def join_words(items: Sequence[str], conjunction: str = "or") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


# the names no stored article mentions, outside the articles a query leaves out (``Store.unknown_names``)
UnknownNames = Callable[[Sequence[str], Sequence[str]], tuple[str, ...]]


# A sentence that denies what the question takes for granted: "Why did Angel Reese accept Jill Biden's apology?" is
# not answered by "I don't accept that apology": the question's own verb, negated, beside one of its other words.
# Not "did not sign it until Friday" (it was signed), nor "not only", "not just"; a question that is itself negative
# ("Why didn't ...", "refused to") asks about the denial.
_DENIED_VERB = re.compile(
    r"\b(?:not|never|no\s+longer|n[o']t|(?<=n)'t|(?<=n)’t)\s+(?:(?:yet|even|ever|actually|really|to|be|been|being|have|"
    r"had|has|able(?=\s+to\b)|managed(?=\s+to\b))\s+)*([a-z]+)(?:\s+(?:or|nor)\s+([a-z]+))?\b",  # "not arrested or charged"
    re.I,
)
_NEGATIVE_QUESTION = re.compile(
    r"n[’']t\b|\b(?:not|never|no|nobody|nothing|without|didnt|doesnt|dont|wont|cant|isnt|wasnt|werent|arent|havent|"
    # (the verbs' own forms: "Missouri", "missile", "mission" deny nothing)
    r"hasnt|refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing)|reject(?:s|ed|ing|ions?)?|fail(?:s|ed|ing|ures?)?|"
    r"den(?:y|ied|ies|ying|ials?)|stop(?:s|ped|ping)?|avoid(?:s|ed|ing)?|skip(?:s|ped|ping)?|miss(?:es|ed|ing)?|lost|lose|"
    r"instead)\b",
    re.I,
)
_AUXILIARY = AUXILIARY
_AUXILIARY_BEFORE = re.compile(rf"\b{_AUXILIARY}\s+$", re.I)
_NOT_DENIED = frozenset({"only", "just", "merely", "simply", "least", "all", "because"})  # "not only", "not just"
_NOT_DENIAL_AFTER = re.compile(r"[^.;!?]*\buntil\b", re.I)
_LIGHT_VERBS = frozenset(
    key_terms("say said says tell told do does did make made get got go went come came take took give gave know knew")
)


# Where the question's verb takes nothing for granted that a negation could deny: the verb's subject is what it asks
# ("Which state was the first to recognize Juneteenth ...?" is not denied by "... don't recognize Juneteenth as an
# annual state holiday": other states don't), or the question writes it passive or as a participle ("a surge ... is
# expected next week" by "does not expect Mexico to match the troops"; "commonly known as the PSL").
_ASKED_SUBJECT = re.compile(
    rf"\b(?:who|which|what|whose|how\s+many|how\s+much)\s+(?:(?!{_AUXILIARY}\b)[\w'’-]+\s+){{0,4}}"
    rf"(?:{_AUXILIARY}\s+(?:(?:not|been|be|ever|already|now|just|also|the\s+(?:first|last|only|latest)(?:\s+\w+)?\s+to|"
    r"(?:set|going|about|expected|likely|able|trying)\s+to)\s+)*)?$",
    re.I,
)
# "is expected", "was beaten by", "got knocked out"; after a comma, a participle ("..., commonly known as")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|was|were|are|been|be|being|get|got|gets)\s+(?:\w+\s+)?$", re.I)
_PARTICIPLE_BEFORE = re.compile(r",\s*(?:\w+ly\s+)?$")
# A relative clause picks out whom it speaks of, and denies nothing of the others ("Individuals who make less than
# $125,000 a year but did not receive Pell Grants are eligible"): "who" or "which" earlier in its clause, "that"
# right before it ("She said that she did not sign it" denies)
_RELATIVE_BEFORE = re.compile(r"\b(?:(?:who|whom|which)\b(?:[^,;:.!?—–()]|[,.](?=\d)){0,60}|that\s+)$", re.I)


# "If someone hits Wednesday's Powerball ..., how much do they get?" supposes, takes nothing for granted: an "if",
# "whether" or "unless" earlier in the verb's clause
_CONDITIONAL_BEFORE = re.compile(r"\b(?:if|whether|unless|suppose|supposing)\b[^,;:.!?]*$", re.I)
# "What did the historian say about the claim that armed citizens kept Japan from invading the US?" reports a claim,
# takes nothing for granted: a verb in a "claim/rumor/theory that ..." clause
_CLAIMED_BEFORE = re.compile(
    r"\b(?:claims?|claimed|rumou?rs?|theory|theories|allegations?|alleged|myth|notion|idea|conspiracy)\s+that\b"
    r"[^,;:.!?]*$",
    re.I,
)


# an "-ing" form as the topic of talk: "What did Trump tell reporters about inviting the Cavaliers?" (he did not)
_TOPIC_PREPOSITION_BEFORE = re.compile(
    r"\b(?:about|regarding|concerning|(?<!keep\s)(?<!kept\s)(?<!went\s)(?<!goes\s)(?<!carry\s)(?<!insist\s)on)\s+$",
    re.I,
)


def _takes_no_premise(question: str, verb: str) -> bool:
    """Whether every place ``question`` writes the stem ``verb`` asks its subject, writes it passive, supposes it or
    reports it as a claim (see ``_ASKED_SUBJECT``, ``_PASSIVE_BEFORE``, ``_CONDITIONAL_BEFORE``,
    ``_CLAIMED_BEFORE``); a form in "-ing" after "is" is no passive but a verb going on ("on what grounds is Pence
    appealing the subpoena" takes the appeal for granted), unless the question asks whether it goes on ("Is Vik
    running for mayor?")."""
    yes_no = re.match(r"\W*(?:is|are|was|were)\b", question, re.I) is not None  # "Is Vik running for mayor?"
    at = [
        (m.start(), m.group(0).lower().endswith("ing"))
        for m in re.finditer(r"[\w'’-]+", question)
        if key_terms(m.group(0))[:1] == [verb]
    ]
    return bool(at) and all(
        (going and (yes_no or _TOPIC_PREPOSITION_BEFORE.search(question, 0, i)))
        or (_PASSIVE_BEFORE.search(question, 0, i) and not going)
        or _PARTICIPLE_BEFORE.search(question, 0, i)
        or _ASKED_SUBJECT.search(question, 0, i)
        or _CONDITIONAL_BEFORE.search(question, 0, i)
        or _CLAIMED_BEFORE.search(question, 0, i)
        for i, going in at
    )


def _premise_verbs(frame: Frame, done: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The stems of the question's verbs that take something for granted (not a light verb, not one whose subject
    it asks, supposes or reports, ``_takes_no_premise``); ``done``: words to read as verbs though the small model
    tagged them nouns (``_done_after_did``)."""
    verbs = {t for t in frame.topic if (t not in frame.nouns or t in done) and t not in _LIGHT_VERBS}
    return {v for v in verbs if not _takes_no_premise(frame.text, v)}


def _denied_stems(m: re.Match[str]) -> list[tuple[str, str]]:
    """The words a ``_DENIED_VERB`` match denies, lower-cased, with their stems ("not only" denies nothing)."""
    words = [w.lower() for w in m.groups() if w and w.lower() not in _NOT_DENIED]
    return [(w, t[0]) for w in words if (t := key_terms(w)[:1])]


def _denial_start(sentence: str, m: re.Match[str]) -> int | None:
    """Where a denial's words start: the whole word ("don't", not "'t"), from its auxiliary ("did not agree", not
    "not agree"); None for one in a relative clause, which denies nothing of others ("borrowers who did not
    receive Pell Grants are eligible ..."), or one undone by "until" ("did not sign it until Friday")."""
    if _NOT_DENIAL_AFTER.match(sentence, m.end()):
        return None
    start = sentence.rfind(" ", 0, m.start()) + 1
    if aux := _AUXILIARY_BEFORE.search(sentence, 0, start):
        start = aux.start()
    return None if _RELATIVE_BEFORE.search(sentence, 0, start) else start


_SINCE = re.compile(r"\bsince\s+((?:1[5-9]|20)\d\d|[A-Z][\w.]*(?:\s+\d{1,4})?)")
_LAST_TIME = re.compile(r"\blast\s+time\b", re.I)


# a belief set aside: "Contrary to the original "cold start" belief that Pluto was once a block of ice"
_CONTRARY_TO = re.compile(
    r"\bcontrary\s+to\s+(?:the\s+|a\s+|an\s+|popular\s+|common\s+)?(?:[\w'’\"“”-]+\s+){0,4}?(?:beliefs?|ideas?|"
    r"notions?|views?|assumptions?|theor(?:y|ies)|claims?|expectations?|rumou?rs?|myths?|perceptions?)\s+that\s+"
    r"([^,;:]+)",
    re.I,
)
# an act tried and failed: "The effort to expel Johnson failed" (the act and what it was done to)
_EFFORT_NOUNS = r"(?:efforts?|bids?|attempts?|push|move|motion|plans?|campaign)\s+to"
_FAILED_EFFORT = re.compile(
    # (the nouns first, then what comes before them: a lookbehind tried at every letter is slow)
    rf"\b(?={_EFFORT_NOUNS}\s)"
    r"(?<!\bfirst\s)(?<!\bearly\s)(?<!\bearlier\s)(?<!\bprevious\s)(?<!\binitial\s)(?<!\bprior\s)"
    rf"{_EFFORT_NOUNS}\s+([a-z]+)\b"
    r"((?:(?!\b(?:that|which|who|whom|when|before|after|in\s+(?:19|20)\d\d)\b)[^.,;:!?]){1,60}?)\s+"
    r"(?:failed|fell\s+short|was\s+defeated|collapsed|fizzled)\b(?![^.;!?]*\bbut\b)",
    re.I,
)


def denied_premise(frame: Frame, sentence: str) -> str | None:
    """The words of ``sentence`` that deny the question's own verb, to the end of their clause ("don't accept that
    apology because she said what she said", for "Why did Angel Reese accept Jill Biden's apology?"), or the noun
    it asks for as a verb done ("was not arrested or charged in connection with the incident" for "What charges was
    Pitt hit with after the plane incident?"), when another of the question's topic words or names follows the
    negated verb in that clause; None when none does, or when the question is itself negative."""
    for m in _CONTRARY_TO.finditer(sentence):
        # "Contrary to the original 'cold start' belief that Pluto was once a block of ice ..." for "why does the study
        # say Pluto began as a frozen block of ice with no ocean": the belief the sentence sets aside, in the
        # question's words (whether or not the question denies something itself)
        said = set(key_terms(m.group(1)))
        if len(set(frame.topic) & said) + sum(n.lower() in m.group(1).lower() for n in frame.names) >= 3:
            return m.group(0).strip()
    if _NEGATIVE_QUESTION.search(frame.text):
        return None
    # (an irregular past form with its verb: "admit that Starbucks broke labor law" is denied by "did not break"; not
    # a base form after "did": "Why did Bezos found Blue Origin?" is no "find")
    verbs = _premise_verbs(frame)
    verbs |= as_events(verbs - _done_after_did(frame))
    # the noun asked for, done to someone: "What charges was Pitt hit with?" is denied by "was not charged"
    asked = set(key_terms(frame.head)[-1:]) - _LIGHT_VERBS
    if not verbs and not asked:
        return None
    for m in _FAILED_EFFORT.finditer(sentence):
        # "The effort to expel Johnson failed on a 65-30 vote" for "... when the House expelled Gloria Johnson?"
        done = key_terms(m.group(1))[:1]
        if (
            done
            and done[0] in verbs
            and (
                (set(frame.topic) - set(done)) & set(key_terms(m.group(2)))
                or any(
                    n.lower() in m.group(2).lower() or n.split()[-1].lower() in m.group(2).lower() for n in frame.names
                )
            )
        ):
            return m.group(0).strip()
    for m in _DENIED_VERB.finditer(sentence):
        stems = _denied_stems(m)
        if not any(t in verbs or (t in asked and w.endswith("ed")) for w, t in stems):
            continue
        if (start := _denial_start(sentence, m)) is None:
            continue
        denied = {t for _, t in stems}
        end = next((b.start() for b in _CLAUSE_BOUNDARY.finditer(sentence, m.end())), len(sentence))
        clause = sentence[m.end() : end]  # what it denies, in its own clause: not "..., though many won't be"
        if (since := _SINCE.search(clause)) is not None and (
            _LAST_TIME.search(frame.text) or _said_in(frame.text.lower(), since.group(1))
        ):
            # "has not played for the NBA championship since 1951" tells that 1951 was the last time ("What was the
            # franchise called the last time it played for an NBA title, back in 1951?")
            continue
        others = set(frame.topic) - denied
        if others & set(key_terms(clause)) or any(n.lower() in clause.lower() for n in frame.names):
            return sentence[start:end].strip(" \"“”'‘’").rstrip(" .")
    return None


# A question that asks who did something: "Which politician announced this week that she's running for president?"
_NOT_A_COPULA = r"(?!(?:is|was|are|were)\b)"
_ASKS_THE_DOER = re.compile(rf"^\W*(?:who|which\s+[\w'’-]+(?:\s+{_NOT_A_COPULA}[\w'’-]+)?)\s+{_NOT_A_COPULA}", re.I)


def denies_asked_act(frame: Frame, sentence: str) -> bool:
    """Whether ``sentence`` denies the act a question asks the doer of (“I am announcing today I will not run for
    reelection in 2024,” Feinstein said, for "Which politician announced this week that she's running for
    president in 2024?"): whoever it names did not do it, so it offers no one. Not a question that asks about a
    denial ("Which tennis star won't play ...?"), nor a denial in a relative clause ("those who did not run")."""
    if not _ASKS_THE_DOER.match(frame.text) or _NEGATIVE_QUESTION.search(frame.text):
        return False
    verbs = {t for t in frame.topic if t not in frame.nouns and t not in _LIGHT_VERBS}
    matches = list(_DENIED_VERB.finditer(sentence))
    denials = [
        denied
        for m in matches
        if (denied := {t for _, t in _denied_stems(m)} & verbs) and _denial_start(sentence, m) is not None
    ]
    if not denials:
        return False  # (most sentences: the words below are stemmed only for one that denies)
    # the verbs the sentence also writes undenied: "Jon Rahm won the Masters, a title Rory McIlroy has never won"
    # offers Rahm
    denied_at = [(m.start(), m.end()) for m in matches]
    done = {
        t[0]
        for w in _WORD.finditer(sentence)
        if not any(a <= w.start() < b for a, b in denied_at) and (t := key_terms(w.group(0))[:1]) and t[0] in verbs
    }
    return any(denied - done for denied in denials)


# a full stop, not an abbreviation's ("No. 1 seed", "St. Louis", "Mr. Smith", "J. Smith")
_STOP = r"(?<!\bNo)(?<!\bno)(?<!\bSt)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])[.!?]"
_SENTENCE_BOUNDARY = re.compile(rf"[;\n]|{_STOP}[\"”’)]*\s")
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;:]*,")  # ", which was off the charts last year,"
_CLAUSE_BOUNDARY = re.compile(rf"[,;:—–\n]|{_STOP}[\"”’)]*\s|\b(?:but|though|although|while|whereas)\b", re.I)


# A contest's result told the other way round: "how did casper ruud beat djokovic in the french open final" is
# not answered by "Djokovic did it by beating Casper Ruud": the sentence puts the question's loser before the verb
# of winning and its winner after it (not "Ruud was beaten by Djokovic", which keeps them in the question's order).
_WIN_VERB = (
    r"(?:beat|beats|beating|beaten|defeat|defeats|defeated|defeating|top|tops|topped|topping|edge[sd]?|edging|"
    r"rout(?:s|ed|ing)?|thrash(?:es|ed|ing)?|down(?:s|ed|ing)|overc[oa]me|overcoming|upset(?:s|ting)?|"
    r"outlast(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)|knock(?:s|ed|ing)?\s+out|sweep(?:s|ing)?|swept|crush(?:es|ed|ing)?|"
    r"stun(?:s|ned|ning)?|hold\s+off|held\s+off|outplay(?:s|ed|ing)?|oust(?:s|ed|ing)?|trounc(?:e|es|ed|ing)|"
    r"clobber(?:s|ed|ing)?|clos(?:e|es|ed|ing)\s+out)"
)
_WIN = re.compile(rf"\b{_WIN_VERB}\b", re.I)
# "lost to the Heat" (not the season: "coming back to Indiana this fall to play with ...")
_LOSE_VERB = (
    # ("lost the mayoral race to", "lose their opener to": a contest's words between)
    r"(?:(?:lose|loses|losing|lost)(?:\s+(?:the|their|his|her|its|a|an)(?:\s+[\w'’-]+){0,2}?\s+(?:race|election|vote|"
    r"finals?|match|game|series|title|seat|opener|bid|tie|leg|battle|contest|fight|bout|championship|primary|runoff|"
    r"playoff|semifinal|showdown|rematch|nomination))?|loss|"
    r"(?<!this\s)(?<!last\s)(?<!next\s)(?<!the\s)(?<!that\s)(?<!past\s)(?<!every\s)(?<!early\s)(?<!late\s)(?<!in\s)"
    r"fall|falls|fell|falling|"
    r"bow(?:ed|s)?\s+out)\s+to"
)
_LOSE = re.compile(rf"\b{_LOSE_VERB}\b", re.I)
# (a win told as a noun in a sentence too: "opened the season with a 112-94 victory over the Pelicans")
_RESULT = re.compile(
    rf"\b(?:(?P<win>{_WIN_VERB}|(?P<noun>(?:victory|win|triumph)\s+(?:over|against)))|{_LOSE_VERB})\b", re.I
)
# the owner of a win told as a noun: "Poland's ... 2-0 win against", "the Blazers' 112-94 victory over"
_OWNER_BEFORE_NOUN = re.compile(r"\b([A-Z][\w.-]*['’]s?)\s+(?:[\w-]+\s+){0,5}$")


# (a modal, or "to" after a word of expecting or trying: not "rallied from 21 down to beat", which tells a result)
_UNTOLD_BEFORE = re.compile(
    r"\b(?:will|would|could|should|might|may|can|must|cannot|can['’]t)\s+$"
    r"|\b(?:expect\w*|favou?red|tipped|predict\w*|likely|hop(?:e|es|ed|ing)|wants?|wanted|tr(?:y|ies|ied|ying)|"
    r"aim\w*|seek\w*|chance)\b[^.;,]{0,40}\bto\s+$",
    re.I,
)
_BY_AFTER = re.compile(r"\s+(?:by|at\s+the\s+hands\s+of)\b", re.I)
_BEATEN_BY = re.compile(rf"(?:\s+\d{{1,3}}\s*[-–]\s*\d{{1,3}})?{_BY_AFTER.pattern}", re.I)  # ("beaten 2-0 by")
# "was not beaten by", "has never been beaten by", "were almost beaten by", "hoped to avoid being beaten by"
_NOT_BEATEN = re.compile(
    r"\b(?:not|never|n['’]t|almost|nearly|narrowly\s+avoided|avoid(?:ed|ing)?\s+being|without\s+being)\b(?:\s+\w+){0,2}\s+$",
    re.I,
)
_MAY_BE = re.compile(r"\b(?:will|would|could|should|might|may|can|must|to)\s+(?:be|get)\s+$", re.I)  # not told
_WIN_NOUN = re.compile(r"\b(?:win|victory|triumph)\s+(?:over|against)\b", re.I)  # a win told as a noun
_PARTICIPLE_CLAUSE = re.compile(r"\s*(?:ending|finishing|capping|closing|wrapping|sealing)\b", re.I)


def _with_home(words: set[str], text: str) -> set[str]:
    """``words`` (lower-cased) with each capitalised word that ``text`` writes right before one of them written with a
    capital ("Boston Bruins": the Bruins' "boston"), not a stopword, a day or a month."""
    if not words:
        return words
    names = alternation([w.capitalize() for w in words])
    home = re.finditer(rf"(?<![\w'’.-])([A-Z][a-z]{{2,}})\s+(?:{names})(?![\w-])", text)
    return words | {low for m in home if (low := m.group(1).lower()) not in STOPWORDS and low not in _DAYS_AND_MONTHS}


def _spelt_out(words: set[str], question: str, sentence: str) -> set[str]:
    """``words`` (lower-cased) with the words of each name in ``sentence`` that one of them, typed in capitals in
    ``question``, abbreviates ("psg" and "paris", "saint-germain" of "Paris Saint-Germain")."""
    out = set(words)
    for w in words:
        if 2 <= len(w) <= 5 and re.search(rf"\b{re.escape(w.upper())}\b", question):
            for m in _CAPITALISED_RUN.finditer(sentence):
                run = m.group(0).split()  # (any run within it: "On Sunday Paris Saint-Germain")
                for i, j in itertools.combinations(range(len(run) + 1), 2):
                    if abbreviates(w.upper(), " ".join(run[i:j]).replace("-", " ")):
                        out |= {x.lower() for x in run[i:j]}
    return out


_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'’-]*){0,4}")


def _named_in(words: set[str], text: str) -> int:
    """Where ``text`` first writes one of ``words`` (lower-cased) with a capital, as a name; -1 when it does not."""
    found = [
        m.start()
        for m in re.finditer(r"(?<![\w'’-])[A-Z][\w'’-]*", text)
        if (name := re.sub(r"['’]s?$", "", m.group(0)).lower()) in words  # "The Bucks’ season": the Bucks
        # a team's short name: "Cavs" for the Cavaliers
        or any(len(w) > 3 and w.endswith("s") and name.startswith(w[:-1]) and len(name) > len(w) for w in words)
    ]
    return found[0] if found else -1


_PRONOUNS = frozenset(["he", "she", "they", "it"])


def swapped_result(frame: Frame, sentence: str) -> str | None:
    """The clause of ``sentence`` that tells the question's contest the other way round (a word the question puts
    after its verb of winning, written as a name before the sentence's, and one it puts before it after the
    sentence's: see ``_WIN``; a verb of losing, in the question or the sentence, puts them the other way: "why did
    the top seeded heat lose to the 8th seeded bucks" against "The Milwaukee Bucks ... bowed out ... with a 128-126
    overtime loss to the Miami Heat"); None when none does. Words, not the question's names, so that "how did casper
    ruud beat djokovic" is read too."""
    asked = _WIN.search(frame.text)
    lost = _LOSE.search(frame.text)
    noun = _WIN_NOUN.search(frame.text) if asked is None and lost is None else None
    if asked is None and lost is None and noun is None:
        return None
    verb = lost or asked or noun  # "lose to" is never an adjective ("the top seeded heat lose to ...": "top" is)
    assert verb is not None
    # the four words on each side, without their punctuation ("Djokovic?"); for a win told as a noun ("How did the
    # Bucks pull out the overtime win against Miami?"), the question's names on each side in its sentence
    # (an owner's "'s" or "'" off: "the Cavaliers' overtime loss to the Bulls")
    words_before = [_owner_word(w) for w in _WORD.findall(frame.text[: verb.start()])[-4:]]
    words_after = [_owner_word(w) for w in _WORD.findall(frame.text[verb.end() :])[:4]]
    before = {w for w in words_before if w.isalpha() and len(w) > 2}
    after = {w for w in words_after if w.isalpha() and len(w) > 2}
    named_before = [n for n in frame.names if 0 <= frame.text.find(n) < verb.start()]
    if noun is None and words_before and words_before[-1].lower() in _PRONOUNS and len(named_before) == 1:
        # "Kimiko Date-Krumm is 43 and still on tour. Why did she lose to Paula Ormaechea?": the one name before it
        before = {w.lower() for w in _WORD.findall(named_before[0]) if len(w) > 2}
    if noun is not None:
        start = max((b.end() for b in _SENTENCE_BOUNDARY.finditer(frame.text, 0, verb.start())), default=0)
        before = {
            w.lower()
            for n in frame.names
            if frame.text.find(n, start) in range(start, verb.start())
            for w in _WORD.findall(n)
            if len(w) > 2
        }
        after = {
            w.lower()
            for n in frame.names
            if frame.text.find(n, verb.end()) >= 0
            for w in _WORD.findall(n)
            if len(w) > 2
        }
    # a verb of losing, or one of winning made passive ("did the bucks get knocked out by the heat"), puts the
    # winner after it
    passive = lost is None and _PASSIVE_BEFORE.search(frame.text, 0, verb.start()) is not None
    passive = passive and re.match(r"\s+by\b", frame.text[verb.end() :]) is not None
    winner, loser = (after, before) if lost is not None or passive else (before, after)
    shared = winner & loser  # "michael van gerwen ... beating michael smith": "michael" tells neither
    winner -= STOPWORDS | shared
    loser -= STOPWORDS | shared
    if not winner or not loser:
        return None
    # an acronym the question types for a name the sentence spells out ("PSG": "Paris Saint-Germain")
    winner, loser = _spelt_out(winner, frame.text, sentence), _spelt_out(loser, frame.text, sentence)
    # a team's city the article writes before its name ("Boston Bruins"): "Boston rallied ... to beat Detroit" tells
    # of the Bruins; not a word both sides have
    homes = _with_home(winner, sentence), _with_home(loser, sentence)
    winner, loser = homes[0] - homes[1], homes[1] - homes[0]  # not "York" of the New York Rangers and Islanders
    words = sentence.split()
    headline = sum(w[:1].isupper() for w in words) > 0.6 * len(words)  # "Bergen Kings Beat Tromsvik Rovers"
    for m in _RESULT.finditer(sentence):
        if m.start() > 0 and m.group(0)[0].isupper() and not headline:
            continue  # a word of a name: "NPR's “From the Top”", "Top Gun"
        # "Paris Saint-Germain was beaten 2-0 by Rennes": the loser first, the winner after "by"
        beaten_by = (
            m.group("win") is not None
            and m.group("noun") is None
            and _PASSIVE_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) is not None
            and _BEATEN_BY.match(sentence, m.end()) is not None
            and not _MAY_BE.search(sentence, max(0, m.start() - 30), m.start())
            and not _NOT_BEATEN.search(sentence, max(0, m.start() - 40), m.start())
        )
        if not beaten_by and (
            _PASSIVE_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
            or (m.group("win") and _BY_AFTER.match(sentence, m.end()))
            or _UNTOLD_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
        ):
            # "Argentina’s 2-1 defeat by Saudi Arabia" (a noun); and a result not told as one: "expected Argentina to
            # sweep aside Saudi Arabia", "could beat"
            continue
        # "X beat Y" / "X lost to Y" / "X was beaten by Y"
        first, second = (winner, loser) if beaten_by or not m.group("win") else (loser, winner)
        owner = _OWNER_BEFORE_NOUN.search(sentence, max(0, m.start() - 60), m.start()) if m.group("noun") else None
        if owner is not None and _owner_word(owner.group(1)) not in first:
            continue  # "Poland's second goal in the 2-0 win against Saudi Arabia": Poland's win, whoever the clause names
        # the clause's start, within the 300 characters before the verb (an article is read, not only a sentence)
        window = max(0, m.start() - 300)
        bounds = [b.end() for b in _CLAUSE_BOUNDARY.finditer(sentence, window, m.start())]
        start = bounds[-1] if bounds else window
        if len(bounds) >= 2 and not sentence[start : m.start()].strip() and sentence[bounds[-2] - 1] == ",":
            # the verb right after an apposition between commas: "Kimiko Date-Krumm, more than a quarter of a
            # century Bencic's senior at the age of 43, overcame Paula Ormaechea" (its subject before it)
            start = bounds[-3] if len(bounds) >= 3 else window
        # past a comma: "beat the defending champion, Grete Solberg," (the 40 characters after the verb are read)
        end = next((b.start() for b in _SENTENCE_BOUNDARY.finditer(sentence, m.end())), len(sentence))
        first_at = _named_in(first, sentence[start : m.start()])
        if first_at < 0 and _PARTICIPLE_CLAUSE.match(sentence, start):
            # "The Bucks' season fizzled, ending with a ... loss to the Miami Heat": the sentence's subject
            start = max(0, m.start() - 300)
            first_at = _named_in(first, sentence[start : m.start()])
        if first_at >= 0 and 0 <= _named_in(second, sentence[m.end() : end]) <= 40:
            return sentence[start + first_at : end].strip().rstrip(" .")
    return None


# A change told the other way: "why did mortgage rates climb back above 5% this week" is not answered by "Mortgage
# rates dropped for the second week in a row, falling below 5%".
_CHANGE_AFTER = (
    r"(?=\s+(?:by|to|at|in|for|from|more|less|faster|slower|much|significantly|sharply|steadily|rapidly|strongly|"
    r"slightly|again|annually|about|nearly|almost|roughly|over)\b|\s*[\d$€£,.;?!]|\s*$)"
)
# a change someone makes to a rate or a price ("the Bank of England raised interest rates", "cut rates"): only before
# such an object ("cut jobs", "raised concerns" are no change of a figure)
_RATE_NOUN = (
    r"\s+(?:(?:its|their|the|his|her|key|benchmark|interest|borrowing|lending|policy|base|tax|gas|fuel|ticket)\s+){0,3}"
    r"(rates?|prices?|tax(?:es)?|fees?|fares?|tariffs?|wages?|forecasts?|outlook|guidance)\b"
)
_RATE_OBJECT = rf"(?={_RATE_NOUN})"
_RATE_NOUN_AFTER = re.compile(_RATE_NOUN, re.I)
_MADE_CHANGE = re.compile(r"\b(?:rais|hik|cut|lower|slash|reduc)", re.I)  # a change made to a rate or a price
_UP = (
    rf"(?:rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)){_RATE_OBJECT}|"
    r"ris(?:e|es|ing|en)|rose|climb(?:s|ed|ing)?|sp(?:eed|eeds|eeding|ed)\s+up|accelerat(?:e|es|ed|ing)|"
    r"increas(?:e|es|ed|ing)|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|"
    # "prices doubled", "why did lobster prices double this year" (not "a double bogey"); "is up 7%"
    r"doubl(?:ed|es|ing)|tripl(?:ed|es|ing)|double(?=\s*[?.!]*\s*$|\s+(?:in|since|over|this|last|from)\b)|"
    r"(?:is|are|was|were|been)\s+up\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?[\d$£€]|"
    # an economy that grew, by or to a figure or faster (not "grow up", "grown-ups", "investors grew worried")
    rf"gr(?:ow|ows|ew|own|owing){_CHANGE_AFTER}|"
    # "the pound gained 0.75%" (not "gained popularity")
    rf"gain(?:s|ed|ing)?{_CHANGE_AFTER}|"
    r"surg(?:e|es|ed|ing)|spik(?:e|es|ed|ing)|rebound(?:s|ed|ing)?|(?:go|goes|went|gone)\s+up|up\s+from|"
    # a market's move: "Meta's stock opened more than 5% higher" (not "had traded as much as 2% higher")
    r"(?:clos|open|end|finish)(?:e|es|ed|ing|s)?\s+(?!as\s+much)(?:[\w.%$-]+\s+){0,4}?higher"
)
_DOWN = (
    rf"(?:cut|cuts|cutting|lower(?:s|ed|ing)?|slash(?:es|ed|ing)?|reduc(?:e|es|ed|ing)){_RATE_OBJECT}|"
    rf"fall(?:s|en|ing)?|fell|slow(?:s|ed|ing)?\s+down|slow(?:s|ed|ing)?{_CHANGE_AFTER}|decelerat(?:e|es|ed|ing)|"
    r"drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|dip(?:s|ped|ping)?|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?|"
    r"plummet(?:s|ed|ing)?|nosediv(?:e|es|ed|ing)|"
    # a market's fall ("stocks crashed"; not "a fatal crash", "car crashes", "storage tanks", "a stock market crash";
    # the question's "did ... stock crash", ``_DID_CRASH``)
    r"(?:shares?|stocks?|prices?|markets?|index|bitcoin|currency|bonds?|yields?)\s+(?:crash(?:ed|ing)|tank(?:ed|ing))|"
    r"sink(?:s|ing)?|sank|sunk|tumbl(?:e|es|ed|ing)|slid(?:e|es|ing)?|decreas(?:e|es|ed|ing)|(?:go|goes|went|gone)\s+down|"
    rf"shr(?:ink|inks|ank|unk|inking){_CHANGE_AFTER}|"
    r"down\s+from|(?:clos|open|end|finish)(?:e|es|ed|ing|s)?\s+(?!as\s+much)(?:[\w.%$-]+\s+){0,4}?(?:lower|down)|"
    # "has come down to half the price", "halved"; "The cost of lobster is down 7.2%"
    r"(?:come|comes|came|coming)\s+down|halv(?:ed|es|ing)|"
    r"(?:is|are|was|were|been)\s+down\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?[\d$£€]"
)
# "averaged 6.94% in the week ending October 20, up from 6.92%": its subject is the sentence's
_FROM_CHANGE = re.compile(r"(?:up|down)\s+from", re.I)
_CHANGE_UP = re.compile(rf"\b(?:{_UP})\b", re.I)
_CHANGE_DOWN = re.compile(rf"\b(?:{_DOWN})\b", re.I)
# the question's "did ... stock crash" (a crash as a market's verb, not its noun: see ``_DOWN``)
_DID_CRASH = re.compile(
    r"\b(?:did|does|do|will|would)\s+(?:[\w'’.-]+\s+){0,4}?(?:shares?|stocks?|prices?|markets?|index|bitcoin)\s+"
    r"(?P<verb>crash|tank)\b",
    re.I,
)
_CRASH_VERB = re.compile(r"crash|tank", re.I)
# a level against a figure, where the question asks one ("drop back below 30 trillion"): "debt is now above $30
# trillion" (not "was under $500 a year ago", "is still under 40,000": a rise's start)
_LEVEL_ASKED = re.compile(r"\b(?:below|above|under|over)\s+[\d$£€]", re.I)
_LEVEL_UP = r"(?:is|are)\s+now\s+(?:above|over)\s+[\d$£€](?:[\d.,]*\d)?"
_LEVEL_DOWN = r"(?:is|are)\s+now\s+(?:below|under)\s+[\d$£€](?:[\d.,]*\d)?"
_LEVEL_CHANGE_UP = re.compile(rf"\b(?:{_UP}|{_LEVEL_UP})\b", re.I)
_LEVEL_CHANGE_DOWN = re.compile(rf"\b(?:{_DOWN}|{_LEVEL_DOWN})\b", re.I)
_DETERMINER = re.compile(r"(?i:the|a|an|its|their|his|her|our|this|that|these|those)")
_NOT_SUBJECT = frozenset(key_terms("why how what when where which much many did does do has have had will would is"))


def _same_rate(asking: str, asked: re.Match[str], sentence: str, told: re.Match[str]) -> bool:
    """Whether a change told and the one asked are of the same thing where either is made to a rate or a price
    ("raised interest rates" against "cut rates"; not "lowered its outlook" against "shares rise", nor "cut its
    forecast" against "raise interest rates"); true where neither is."""
    made = [bool(_MADE_CHANGE.match(m.group(0))) for m in (asked, told)]
    if not any(made):
        return True
    nouns = [_RATE_NOUN_AFTER.match(text, m.end()) for text, m in ((asking, asked), (sentence, told))]
    if not all(made) or nouns[0] is None or nouns[1] is None:
        return False
    return key_terms(nouns[0].group(1))[:1] == key_terms(nouns[1].group(1))[:1]


_PUSHED = re.compile(
    r"\b(?:push|drive|drove|driven|send|sent|pull|drag|bring|brought|knock)(?:s|es|ed|ing)?\s+"
    r"(?P<what>(?:the|a|an|its|their)\s+(?:(?!to\b)[\w'’.-]+\s+){0,5}?(?:prices?|index|rates?|stocks?|shares|yields?|"
    r"inflation|costs?|sentiment|values?|valuation|demand|sales|numbers)\s+)(?P<way>up|down)\b",
    re.I,
)


def reversed_change(frame: Frame, sentence: str) -> str | None:
    """The clause of ``sentence`` that tells the question's change the other way (its subject's words, within the
    clause's four words before a verb of falling where the question's rises, or the reverse; for "up from" and "down
    from", within the sentence's first six words), when the sentence
    tells of no change the question's way; None otherwise, and for a question that asks both ways or is negative."""
    # the question proper's change, not its scene's ("Grocery prices keep climbing. Why did hot dogs see the
    # biggest price jump?")
    asking = _asking_sentence(frame.text)
    if not (_CHANGE_UP.search(asking) or _CHANGE_DOWN.search(asking)):
        asking = frame.text  # "Meta stock fell sharply on Thursday. Why?": the scene tells the change asked about
    # a change caused, told of what changed: "What pushed the sentiment index up?" as "the sentiment index went up"
    asking = _PUSHED.sub(r"\g<what> went \g<way>", asking)
    up, down = _CHANGE_UP.search(asking), _CHANGE_DOWN.search(asking)
    if down is None and (crash := _DID_CRASH.search(asking)) is not None:
        down = _CRASH_VERB.search(asking, crash.start("verb"))  # "Why did Country Garden's stock crash after ...?"
    if bool(up) == bool(down) or _NEGATIVE_QUESTION.search(frame.text):
        return None
    asked, other, same = (up, _CHANGE_DOWN, _CHANGE_UP) if up else (down, _CHANGE_UP, _CHANGE_DOWN)
    if _LEVEL_ASKED.search(asking):
        other, same = (_LEVEL_CHANGE_DOWN, _LEVEL_CHANGE_UP) if up else (_LEVEL_CHANGE_UP, _LEVEL_CHANGE_DOWN)
    assert asked is not None
    # (not a verb before the subject's article: "the numbers showing the birthrate fell" is the birthrate's fall)
    window = asking[: asked.start()].split()[-4:]
    kept = [w for i, w in enumerate(window) if i + 1 == len(window) or not _DETERMINER.fullmatch(window[i + 1])]
    subject = set(key_terms(" ".join(kept))) - _NOT_SUBJECT
    if not subject or same.search(sentence):
        return None
    for m in other.finditer(sentence):
        start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(sentence, 0, m.start())), default=0)
        # (the clause's subject, past what is said of it: "Meta's stock opened more than 5% higher")
        before = sentence[start : m.start()].split()[-7:]
        if _FROM_CHANGE.fullmatch(m.group(0)):
            start = max((b.end() for b in _SENTENCE_BOUNDARY.finditer(sentence, 0, m.start())), default=0)
            before = sentence[start : m.start()].split()[:6]
        # not where the verb itself is denied ("Egg prices did not fall")
        denied = any(d.start(1) == m.start() for d in _DENIED_VERB.finditer(sentence, start, m.end()))
        if not _same_rate(asking, asked, sentence, m):
            continue  # "Why did Apple shares rise?" is not denied by "Apple lowered its outlook"
        aside = next((a for a in _RELATIVE_ASIDE.finditer(sentence, 0, m.start()) if a.end() >= start), None)
        if not subject & set(key_terms(" ".join(before))) and aside is not None:
            # past a relative clause between the subject and its verb: "Lobster, which was off the charts last
            # year, has come down to half the price"
            start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(sentence, 0, aside.start())), default=0)
            before = (sentence[start : aside.start()] + " " + sentence[aside.end() : m.start()]).split()[-7:]
        if subject & set(key_terms(" ".join(before))) and not denied:
            end = next((b.start() for b in _CLAUSE_BOUNDARY.finditer(sentence, m.end())), len(sentence))
            told = sentence[start:end].strip().rstrip(" .")
            return told[:-1].rstrip(" .") if told.endswith(")") and "(" not in told else told  # "(After ..., ...)"
    return None


# A comparison told the other way: "Why is the 2022 flu season starting so much later than usual?" against "as flu
# season sweeps through the country weeks earlier than usual". A comparative against a norm ("than usual", "than
# expected", "than last year") in the question; its opposite against a norm in the sentence, which names two of the
# question's other topic words.
_OPPOSITE_COMPARATIVES = {
    "earlier": ("later",),
    "sooner": ("later",),
    "later": ("earlier", "sooner"),
    "higher": ("lower",),
    "lower": ("higher",),
    "more": ("fewer", "less"),
    "fewer": ("more",),
    "less": ("more",),
    "bigger": ("smaller",),
    "larger": ("smaller",),
    "smaller": ("bigger", "larger"),
    "faster": ("slower",),
    "slower": ("faster",),
    "longer": ("shorter",),
    "shorter": ("longer",),
    "warmer": ("colder", "cooler"),
    "hotter": ("colder", "cooler"),
    "colder": ("warmer", "hotter"),
    "cooler": ("warmer", "hotter"),
    "stronger": ("weaker",),
    "weaker": ("stronger",),
}
_NORM = (
    r"than\s+(?:usual|normal|average|expected|anticipated|predicted|forecast|planned|scheduled|originally\s+\w+"
    r"|last\s+(?:year|season|time)|(?:in\s+)?(?:previous|past|recent|prior)\s+(?:years|seasons)|before)\b"
)
_COMPARED_TO_NORM = re.compile(rf"\b({alternation(list(_OPPOSITE_COMPARATIVES))})\s+{_NORM}", re.I)


_DENIED_BEFORE = re.compile(r"\b(?:not|never|n['’]t)\b[^,;]*$", re.I)


def reversed_comparison(frame: Frame, sentence: str) -> str | None:
    """The clause of ``sentence`` that tells the question's comparison with a norm the other way (see above); None
    where none does, or the question is negative."""
    asked = _COMPARED_TO_NORM.search(_asking_sentence(frame.text))
    if asked is None or _NEGATIVE_QUESTION.search(frame.text):
        return None
    opposite = _OPPOSITE_COMPARATIVES[asked.group(1).lower()]
    compared = set(key_terms(asked.group(0)))
    told_ways = {m.group(1).lower() for m in _COMPARED_TO_NORM.finditer(sentence)}
    if asked.group(1).lower() in told_ways:
        return None  # the asked way told too ("gas prices are higher than last year, though diesel prices are lower")
    for m in _COMPARED_TO_NORM.finditer(sentence):
        if m.group(1).lower() not in opposite:
            continue
        start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(sentence, 0, m.start())), default=0)
        if _DENIED_BEFORE.search(sentence, start, m.start()):
            continue  # "did not start earlier than usual"
        told = sentence[start : m.end()]
        if len((set(frame.topic) - compared) & set(key_terms(told))) >= 2:
            return told.strip()
    return None


# A winner told otherwise: "How did Lindsey Vonn celebrate winning Sunday's super-G in Cortina?" takes for granted
# that Vonn won; her article says "Mikaela Shiffrin, Vonn’s American teammate, won Sunday’s race." The question's
# name before its verb of winning; a sentence of the article whose own verb of winning has another name before it
# and the question's name at most as an owner ("Vonn’s teammate"), with a word of what was won in common (within six
# words); and no clause of the article that puts the question's name before a word of winning (it won something
# there too: "Vonn claimed victory", not "Vonn, who holds the record of 12 wins in Cortina").
# "won", "wins", "win"; "winning" after a preposition or a verb ("after winning", "celebrate winning"), not as an
# adjective ("the winning ticket holders", "Oscar-winning")
_ASKED_WON = re.compile(
    r"(?<![\w-])(?:won|wins|win)\b|\b(?:after|for|by|on|upon|since|before|about|following|celebrat\w*)\s+winning\b",
    re.I,
)
# a pronoun's win ("the film for which he won", "before he won best actor"): it may be the question's name's (not
# "Ann Vik said she won": the speaker's; nor "Emma Stone, who won")
_PRONOUN_BEFORE = re.compile(
    r"(?<!\bsaid\s)(?<!\bsays\s)(?<!\btold\s)(?<!\bwrote\s)(?<!\badded\s)(?<!\bclaimed\s)(?<!\binsisted\s)"
    r"\b(?:he|she|they)\s+(?:[a-z]+\s+)?$",
    re.I,
)
_BY_NAME = re.compile(r"\b(?:by|to|over|against|from|with|of|at|for|beat|beating|defeat|defeated|defeating)\s+$", re.I)
_WON = r"won|took\s+home|takes\s+home|claimed|captured|clinched|earned|secured|sealed"
_TOLD_WON = re.compile(rf"\b(?:{_WON})\b", re.I)
# the question's name winning, two words before at most ("Vonn won", "Vonn has won", "Vonn claimed victory"; not
# "Vonn needs five more wins", nor "Vonn was met by Olympic downhill champion Sofia Goggia")
_WINNING = re.compile(
    rf"\b(?:{_WON}|wins|win|winning|triumphed|beat|beats|defeated|defeats|edged|topped|victorious)\b", re.I
)
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")


@functools.lru_cache(maxsize=4)
def _small_words(article: str) -> frozenset[str]:
    """The words ``article`` writes in small letters (a sentence's first word is a name where it never does), read
    once for the rules that ask (``other_winner``, ``other_doer``: both read the quote's article)."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", article))


@functools.lru_cache(maxsize=4)
def _article_terms(article: str) -> frozenset[str]:
    """The key terms of ``article``, read once, and only where a rule needs them (``other_winner``)."""
    return frozenset(key_terms(article))


def _as_owner(word: str) -> bool:
    return word.lower().endswith(("'s", "’s", "s'", "s’"))


def other_winner(frame: Frame, article: str) -> str | None:
    """The sentence of ``article`` that names another winner of what the question says its name won (see above);
    None when none does, when the article has the question's name win anything, or when the question asks who won."""
    asked = _ASKED_WON.search(frame.text)
    if asked is None or _NEGATIVE_QUESTION.search(frame.text):
        return None
    before = frame.text[: asked.start()]
    clause = before[max((b.end() for b in _SENTENCE_BOUNDARY.finditer(before)), default=0) :]
    if _ASKED_SUBJECT.search(clause):
        return None  # "Which artist won the show's biggest prize?"
    winner = {
        w.lower()
        for name in frame.names
        if name in clause
        and len(clause[clause.rfind(name) + len(name) :].split()) <= 3
        and not _BY_NAME.search(clause, 0, clause.rfind(name))  # "a 7-0 defeat by Liverpool a week after winning"
        for w in re.findall(r"[\w-]+", name)
        if len(w) > 2
    } - STOPWORDS
    won = set(key_terms(" ".join(frame.text[asked.end() :].split("?")[0].split()[:4]))) - _NOT_SUBJECT
    if not winner or not won:
        return None
    lower = _small_words(article)
    other = None
    for sentence in filter(None, _SENTENCE_BOUNDARY.split(article)):
        for m in _WINNING.finditer(sentence):
            window = max(0, m.start() - 60)  # three words back, within a bounded window (an article is long)
            start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(sentence, window, m.start())), default=window)
            words = sentence[start : m.start()].split()[-3:]
            if any(w.lower().strip('.,"“”') in winner for w in words if not _as_owner(w)):
                return None  # the question's name wins something here
        if other is not None:
            continue
        for m in _TOLD_WON.finditer(sentence):
            if _PASSIVE_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
                continue
            if _PRONOUN_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "the film for which he won his best actor award": he may be the question's name
            # a sentence's first word is a name where the article never writes it in small letters ("Even if I won")
            names = [
                w
                for w in _CAPITALISED.findall(sentence[max(0, m.start() - 300) : m.start()])
                if w.lower() not in STOPWORDS and w.lower() not in lower
            ]
            if any(w.lower() in winner for w in names if not _as_owner(w)):
                continue
            if not any(w.lower() not in winner and not _as_owner(w) for w in names):
                continue
            then = " ".join(sentence[m.end() :].split()[:6])
            # what was won, or the contest's prize in a word where the article names the contest ("Jon Rahm earned
            # the victory at 12 under for the tournament" in a Masters story)
            if won & set(key_terms(then)) or (
                _PRIZE.match(then) and won <= _article_terms(article) and not _OTHER_CONTEST.match(sentence, m.end())
            ):
                other = sentence.strip().rstrip(" .")
                break
        if other is None:
            # the question's name losing it: "The Panthers ... fell to the deep Golden Knights"
            for m in _LOSE.finditer(sentence):
                # the sentence's subject (its first name), which a clause after "but" may share; a name it fell to
                # (not "fell to 40%"), in a sentence of the contest ("to reach the Final"; not "in Game 4")
                subject = next(
                    (w for w in _CAPITALISED.findall(sentence, 0, m.start()) if w.lower() not in STOPWORDS), ""
                )
                if (
                    _named_in(winner, subject) == 0
                    and _NAME_AFTER.match(sentence, m.end())
                    and (won <= set(key_terms(sentence)) or _FINAL.search(sentence))
                    and won <= _article_terms(article)
                ):
                    other = sentence.strip().rstrip(" .")
                    break
    return other


_NAME_AFTER = re.compile(r"\s+(?:the\s+)?(?:\w+\s+){0,2}?[A-Z]")  # "fell to the deep Golden Knights"
_FINAL = re.compile(r"\b(?:finals?|title|championship|crown|cup)\b", re.I)
# another contest named after the prize: "secured the title at last year's Players Championship"
_OTHER_CONTEST = re.compile(r"[^,;.]{0,40}?\b(?:at|in)\s+(?:the\s+|last\s+year['’]s\s+|this\s+year['’]s\s+)?[A-Z]")
_PRIZE = re.compile(
    r"(?:the\s+|a\s+|its\s+|their\s+|his\s+|her\s+)?(?:victory|title|crown|championship|trophy)\b", re.I
)


# An act told the other way in other words: "Why did AMC fire Ellen Copaken?" when the article has AMC hire her ("will
# start at AMC Friday as the company's vice president", "the Copaken hiring"). The question's verb (stemmed) and the
# verbs that undo or contradict it; the question asks why or how (not for a name: "Who did AMC fire?" may be
# answered by a sentence of the article that the words of the act miss).
_UNDONE_BY = {
    "fire": "hire appoint join promot recruit",
    "sack": "hire appoint join promot recruit",
    "dismiss": "hire appoint join promot recruit",
    "oust": "hire appoint join promot recruit elect reelect",
    "hire": "sack dismiss oust laid",  # not "fire": "a fire broke out"
    "approv": "reject veto",
    "reject": "approv accept agre agreement",  # "why did the pga tour turn down the merger": "an agreement to merge"
    "accept": "reject refus",
    "ban": "allow",
    "cancel": "renew",
    "renew": "cancel",
    "expel": "spare surviv",
    "keep": "stop quit halt paus ceas abandon",  # "Why did PBS keep tweeting?": "PBS ... has also stopped tweeting"
    "continu": "stop quit halt paus ceas abandon",
    "acquit": "convict",
    "convict": "acquit",
    "lose": "won win",  # "why did south carolina lose in the sec tournament": "South Carolina won its seventh SEC ..."
    "stay": "resign quit",  # "Why did Bankman-Fried stay on as chief executive?": "resigned as chief executive"
    "resign": "continu remain stay",  # "Why is Pat Sajak also stepping down as chairman?": "continuing ... as chairman"
    "sell": "remov pull recal discontinu",
    "skip": "debut walk pose arriv appear",
    "veto": "sign approv",  # "why did nikki haley veto the bill": "Haley signed a bill ordering the removal of ..."
    "sign": "veto",
    "defend": "blame critic attack accus",  # "Why did Kadyrov defend Lapin?": "Kadyrov personally blamed ... Lapin"  # "Why did Uzo Aduba skip the red carpet?": "debuts baby bump at the ..."  # "why is walmart still selling the ice cream": "removed it from the shelves"
}
_VOTED_DOWN = re.compile(r"\bvot(?:e|es|ed|ing)\s+(?:(?:it|them)\s+)?down\b", re.I)  # a rejection told
# two words for one verb of ``_UNDONE_BY``'s (the pattern finds them in a sentence too)
_PHRASAL_VERBS = (
    (re.compile(r"\bturn(?:s|ed|ing)?\s+(?:(?:it|them|him|her)\s+)?down\b", re.I), "reject"),
    (re.compile(r"\bcall(?:s|ed|ing)?\s+(?:(?:it|them)\s+)?off\b", re.I), "cancel"),
    (re.compile(r"\bstep(?:s|ped|ping)?\s+down\b", re.I), "resign"),
    (_VOTED_DOWN, "reject"),  # "why did the florida house vote down the bill": "was passed by Florida's House"
    # "how did kalush orchestra react to finishing second behind the uk": a loss ("has won this year's Eurovision")
    (
        re.compile(
            r"\b(?:finish(?:es|ed|ing)?|c(?:a|o)m(?:e|es|ing))\s+(?:in\s+)?(?:second|third|fourth|last|runners?-up)\b"
            r"(?!\s+(?:season|week|weekend|year|month|night|time)\b)",  # not "finish last season with ..."
            re.I,
        ),
        "lose",
    ),
)
# "Why is Pat Sajak also stepping down as chairman?": the act done to something else is no sign that the premise holds
# (he steps down as host); "why is walmart still selling it": an act done before is none either, where it was undone
_WAS_BEFORE = re.compile(r"\b(?:was|were|had)(?:\s+(?:still|also|reportedly))?\s*$", re.I)
# an undoing word not told done: denied, wished or planned ("did not appear", "was expected to arrive")
_NOT_DONE_BEFORE = re.compile(
    r"(?:\b(?:not|never|no|to|would|could|might|may|should)|n['’]t)(?:\s+[\w'’-]+){0,2}\s*$", re.I
)
_ALSO = re.compile(r"\b(?:also|too|as\s+well)\b", re.I)
_STILL = re.compile(r"\bstill\b", re.I)
# verbs undone only where the question says "still" (a sale) or "also" (a resignation)
_ONLY_WITH = {"sell": _STILL, "resign": _ALSO}
# an offer taken up: "will be the new host", "was named host", "agreed to host"
_TAKEN_UP = re.compile(r"\b(?:will|new|named|agreed|tapped|chosen|picked|set\s+to|to\s+be)\b", re.I)
# what was turned down, an offer to do something ("the chance to host", "an invitation to speak"): doing it undoes that
_OFFER_TO = re.compile(
    r"\s+(?:the|an?|his|her|their|its)\s+(?:[\w'’-]+\s+)?(?:chance|offer|opportunity|invitation|invite|job|role|bid)"
    r"\s+to\s+([a-z]+)",
    re.I,
)
_SAY_WHEN = re.compile(
    r"\bwhat\s+(?:did|does|do|will|would|has|have|had)\s+(?:[\w.'’-]+\s+){1,6}?(?:say|said|tell|told|write|wrote|"
    r"tweet|tweeted|post|posted)\s+(?:[\w'’-]+\s+){0,2}?when\b",
    re.I,
)
_AFTER_DID = re.compile(r"\b(?:did|does|do|will|would|has|have|had)\s+(?:[\w'’.-]+\s+){1,5}?([a-z]+)\b")  # ("Gov.")
_WHY_OR_HOW = re.compile(
    r"^\W*(?:\w+\W+){0,12}?(?:why|how)\s+(?:did|does|do|was|were|is|are|has|have|had|will|would)\b", re.I
)


def _words_before(words: Sequence[str], i: int) -> str:
    """The three words before ``words[i]``, joined: what the patterns of a word's tense and mood read
    (``_WAS_BEFORE``, ``_NOT_DONE_BEFORE``)."""
    return " ".join(words[max(0, i - 3) : i])


def _undone_beside(stems: Sequence[str], undone: set[str], objects: set[str]) -> bool:
    """Whether a word whose stem (of a sentence's ``stems``, in order) is in ``undone`` has a word of ``objects``
    within six words of it."""
    return any(t in undone and objects & set(stems[max(0, i - 6) : i + 7]) for i, t in enumerate(stems) if t)


def _done_after_did(frame: Frame) -> set[str]:
    """The stems of the question's verbs after "did" and its subject: the small model tags "fire" or "sue" a noun
    now and then, but a word there is a verb."""
    return {key_terms(m.group(1))[0] for m in _AFTER_DID.finditer(frame.text) if key_terms(m.group(1))}


def asks_why_or_how(frame: Frame) -> bool:
    """Whether the question asks why or how something happened (a reason or a manner, no kind of thing): "Why did
    PBS keep tweeting?", "How did the Bucks win?" (not "How many ...")."""
    return frame.asks is None and (frame.reason or _WHY_OR_HOW.match(frame.text) is not None)


# where a sentence goes on with another subject: "Missouri legalizes weed, Kentucky rejects anti-abortion amendment"
_NEW_SUBJECT = re.compile(r",\s+(?=[A-Z])|[;:]\s*")
_HEADLINE = re.compile(r"[^.!?\"”’)\s]\s*$")  # a line that ends without a sentence's stop (a headline)


def opposite_act(frame: Frame, article: str) -> str | None:
    """The sentence of ``article`` that names one of the question's names and has a verb that undoes the question's
    (``_UNDONE_BY``) within six words of a word of what the question's verb is done to ("stopped tweeting from its
    main account" for "keep tweeting from its main account"; "the Copaken hiring" for "fire Ellen Copaken"), where
    no sentence of the article names one of them beside a form of the question's verb; None otherwise, for a
    negative question, or one that does not ask why or how."""
    if not asks_why_or_how(frame):
        return None
    done = _done_after_did(frame)
    verbs = [t for t in frame.topic if t in _UNDONE_BY and (t not in frame.nouns or t in done)]
    # the question's own verb, not its scene's ("Just read Tromsvik Cinemas is selling popcorn. Why did they fire ...")
    own_verbs = set(key_terms(_asking_sentence(frame.text)))
    verbs = [t for t in verbs if t in own_verbs] or verbs
    # a verb of two words: "Why did Biden turn down Pelosi's invitation?" rejects it
    phrasal = next(((m, verb) for pattern, verb in _PHRASAL_VERBS if (m := pattern.search(frame.text))), None)
    if phrasal is not None:
        verbs = [phrasal[1]]
    if not verbs or not frame.names:
        return None
    if any(key_terms(m.group(0))[:1] != verbs[:1] for m in _NEGATIVE_QUESTION.finditer(frame.text)):
        return None  # a negative question ("Why did Netflix decline to renew the show?"), but for its own verb ("Why
        # did Missouri voters reject it?" may be undone by "approved")
    undone = set(_UNDONE_BY[verbs[0]].split())
    # what the act is done to: the question's words after its verb ("Ellen Copaken", "tweeting from its main account")
    at = next((w.end() for w in _WORD.finditer(frame.text) if key_terms(w.group(0))[:1] == [verbs[0]]), None)
    if phrasal is not None:
        at = phrasal[0].end()
    if at is None:
        return None
    objects = set(key_terms(frame.text[at:].split("?")[0])) - set(verbs) - _NOT_SUBJECT
    offered_act = ""
    if verbs[0] == "reject" and (offer := _OFFER_TO.match(frame.text, at)) and (act := key_terms(offer.group(1))):
        # "Why did Tyra Banks turn down the chance to host Dancing With the Stars?": "will be the new host of ..."
        offered_act = act[0]
        undone.add(offered_act)
        objects.discard(offered_act)
    if not objects:
        return None
    own = as_events((verbs[0],))
    past = past_forms(own)  # "kept" of "keep"
    starts = {f[:3] for f in own | past}
    # whom the act is told of: the name right after "did" ("Why did PBS keep tweeting ..."), else every name
    # ("Why did they fire Ellen Copaken?")
    rest = m.group("rest") if (m := _ASKED_DOER.search(frame.text)) else ""
    doer = [n for n in frame.names if re.match(rf"(?:the\s+)?{re.escape(n)}(?![\w'’-])", rest, re.I)]
    mine = _name_words(doer or frame.names)
    also = _ALSO.search(frame.text) is not None
    still = _STILL.search(frame.text) is not None
    if (needed := _ONLY_WITH.get(verbs[0])) is not None and not needed.search(frame.text):
        return None  # a sale undone only where still told ("Tesla removed bitcoin as a payment option" is no sale
        # undone), a resignation only where also told ("Sajak will continue as host through June" before he goes)
    # what "also" sets apart: the object's own words, not a name the other act may share ("host of the Tromsvik Show")
    apart = objects - set(key_terms(" ".join(frame.names))) or objects
    other = None
    headlines = {line.strip() for line in article.splitlines() if _HEADLINE.search(line)}

    def holds(said: list[tuple[str, str]]) -> bool:
        """Whether words of a sentence (with their stems) tell the question's act as the question does."""
        told = [w for w, _ in said]
        for i, (w, t) in enumerate(said):
            if not t or w[:3].lower() not in starts or not (as_events((t,)) & own or w.lower() in past):
                continue
            if still and (w.lower() in past or w.lower().endswith("ed") or _WAS_BEFORE.search(_words_before(told, i))):
                continue  # "still": only a form of now holds it ("Walmart is still selling"; not "was selling")
            return True
        return False

    for sentence in filter(None, _SENTENCE_BOUNDARY.split(article)):
        words = _WORD.findall(sentence)
        if not any(_owner_word(w) in mine for w in words):
            continue  # both tests below read only a sentence naming one of them
        stems = [(key_terms(w)[:1] or [""])[0] for w in words]  # each word's, once
        # the question's act done by one of its names: a headline's parts have subjects of their own ("Missouri
        # legalizes weed, Kentucky rejects anti-abortion amendment"), a sentence's commas list names ("Voters in
        # Missouri, Arkansas and North Dakota rejected ...")
        parts = [len(_WORD.findall(p)) for p in _NEW_SUBJECT.split(sentence)] if sentence.strip() in headlines else []
        at = 0
        for size in parts or [len(words)]:
            said = list(zip(words[at : at + size], stems[at : at + size], strict=True))
            at += size
            if (
                any(_owner_word(w) in mine for w, _ in said)
                and holds(said)
                and (not also or apart & {t for _, t in said})
            ):
                return None  # the article has one of the question's names do the question's act: the premise may hold
        told_so = phrasal[0].re.search(sentence) if phrasal is not None and not still else None
        if told_so is not None and (
            re.search(r"\b(?:it|them|him|her)\b", told_so.group(0), re.I) or (apart if also else objects) & set(stems)
        ):
            return None  # ... in the question's two words, of what it is done to ("turned it down"; not "finished
            # second in Ukraine's national selection" for "finishing second behind the uk at eurovision")
        # an act still done is undone by one told done ("removed it from the shelves"), not one called for
        told = [
            ""
            if t in undone
            and ((still and not w.lower().endswith("ed")) or _NOT_DONE_BEFORE.search(_words_before(words, i)))
            else t
            for i, (w, t) in enumerate(zip(words, stems, strict=True))
        ]
        if "reject" in undone and told:
            for m in _VOTED_DOWN.finditer(sentence):  # "voted down a draft agreement" rejects it (not "amendments to")
                at_word = len(_WORD.findall(sentence[: m.start()]))
                what = set(key_terms(" ".join(sentence[m.end() :].split()[:3])))
                if (
                    at_word < len(told)
                    and what & objects
                    and not _NOT_DONE_BEFORE.search(_words_before(words, at_word))
                ):
                    told[at_word] = "reject"
        if other is None and _undone_beside(told, undone, objects):
            if (
                offered_act
                and not _undone_beside(told, undone - {offered_act}, objects)
                and not _TAKEN_UP.search(sentence)
            ):
                continue  # the offered act done before ("hosted it for three seasons"), not taken up now
            other = sentence.strip().rstrip(" .")
    return other


# Another doer told: "how much did cnn agree to pay dominion voting systems in the settlement" takes for granted that
# CNN agreed; the quoted article says "Fox News had just agreed to an 11th-hour settlement with Dominion Voting
# Systems" and never names CNN beside a form of the verb. The question's name right after "did"/"does"/"has" and
# its verb (a base form or a participle: "did US employers add" puts a plural noun there, and asks nothing of the
# kind); a sentence of the article whose form of that verb has another name before it in its clause and a word of
# the question's object after it; and no sentence of the article that names the question's doer beside a form of
# the verb, wherever ("'As a result, I am resigning today,' Zucker wrote": the premise may hold).
_ASKED_DOER = re.compile(r"\b(?:did|does|do|has|have|had|will|would)\s+(?P<rest>.+)", re.I)
_ADVERB = re.compile(
    r"(?:also|ever|just|recently|finally|officially|first|really|actually|"
    r"(?!(?:apply|supply|reply|rally|comply|rely|ally|bully|tally|multiply)$)\w{3,}ly)$",  # not "did Ukraine apply"
    re.I,
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.I)


def _near_numbers(asked: set[str], told: set[str]) -> bool:
    """Whether a sentence's numbers (``told``) leave the question's (``asked``) possible: it gives none, or one within a
    quarter of one asked ("about 4.2 million" for "4 million"; not "39" for "more than 600")."""
    if not told:
        return True
    values = [float(n) for n in told if re.fullmatch(r"\d+(?:\.\d+)?", n)]
    return (
        any(
            abs(v - float(a)) <= 0.25 * max(float(a), 1.0)
            for a in asked
            if re.fullmatch(r"\d+(?:\.\d+)?", a)
            for v in values
        )
        or not values
    )


_PARTICLES = frozenset({"back", "over", "off", "out", "up", "down", "away", "in", "on"})
_NOT_DONE = frozenset(key_terms("say tell think know want feel mean call react respond describe plan"))
_WORD = re.compile(r"[\w'’-]+")


def _name_words(names: Sequence[str]) -> set[str]:
    """The words of ``names`` that tell them, lower-cased (of three letters or more, no stop word)."""
    return {w.lower() for n in names for w in re.findall(r"[\w-]+", n) if len(w) > 2} - STOPWORDS


def _owner_word(word: str) -> str:
    """A word without its possessive ending, lower-cased ("Zucker's" -> "zucker")."""
    return re.sub(r"['’]s?$", "", word.lower())


_BY_AFTER_VERB = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+by\b", re.I)
_RECIPROCAL = frozenset(
    key_terms("meet met marry married date hug kiss face play call talk trade divorce fight debate join")
)


def other_doer(frame: Frame, article: str) -> str | None:
    """The sentence of ``article`` that has another name do what the question says its name did (see above); None
    when none does, when the article names the question's doer beside a form of the verb, or the question is
    negative."""
    m = _ASKED_DOER.search(frame.text)
    if m is None or _NEGATIVE_QUESTION.search(frame.text):
        return None
    rest = m.group("rest")
    who = next(
        (
            n
            for n in sorted(frame.names, key=len, reverse=True)
            if re.match(rf"(?:the\s+)?{re.escape(n)}(?![\w'’-])", rest, re.I)
        ),
        None,
    )
    if who is None:
        return None
    words = _WORD.findall(rest[rest.lower().find(who.lower()) + len(who) :].split("?")[0])
    while words and _ADVERB.match(words[0]):
        words = words[1:]
    if not words or not words[0].isalpha() or not words[0].islower() or re.search(r"[^s]s$", words[0]):
        return None
    if words[0] in frame.adjectives:
        return None  # "When does the Elizabeth Olsen true crime series ... come out?": Olsen does nothing "true"
    stem = key_terms(words[0])[:1]
    # a light verb only with its particle: "take back" (not "take")
    particle = words[1].lower() if len(words) > 1 and words[1].lower() in _PARTICLES else ""
    if not stem or (stem[0] in _LIGHT_VERBS and not particle) or stem[0] in _NOT_DONE:
        return None
    forms = as_events(tuple(stem))
    done_to = set(key_terms(" ".join(words[1 + bool(particle) : 7]))) - set(key_terms(who)) - forms
    mine = {w.lower() for w in re.findall(r"[\w-]+", who) if len(w) > 2} - STOPWORDS
    if not done_to or not mine:
        return None
    lower = _small_words(article)
    # a word is stemmed only where it may be a form of the verb ("paid" of "pay" too): an article is long
    starts = {f[:3] for f in forms | past_forms(forms)}
    objects = _name_words(frame.names)
    object_terms = set(key_terms(" ".join(objects)))
    other = None
    # the numbers the question gives its object ("take back more than 600 ISIS fighters"): the doer's act of another
    # number ("the US has taken back 39 Americans") is no sign that the premise holds
    counted = numbers_in(" ".join(words[1:]))
    for sentence in filter(None, _SENTENCE_BOUNDARY.split(article)):
        named = None  # whether the sentence names the question's doer, read once
        for v in _WORD.finditer(sentence):
            if v.group(0)[:3].lower() not in starts or not as_events(tuple(key_terms(v.group(0))[:1])) & forms:
                continue
            if particle and not re.match(rf"(?:\s+[\w'’-]+){{0,3}}?\s+{particle}\b", sentence[v.end() :], re.I):
                continue  # "taken back", "took the 600 fighters back"
            if named is None:
                named = any(_owner_word(w) in mine for w in _WORD.findall(sentence))
                named = named and (not counted or _near_numbers(counted, numbers_in(sentence)))
            passive = _PASSIVE_BEFORE.search(sentence, max(0, v.start() - 40), v.start()) is not None
            window = max(0, v.start() - 300)
            start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(sentence, window, v.start())), default=window)
            clause = sentence[start : v.start()]
            if not clause.strip():  # "Northfold Railways, which owns the line, paid for the repairs": the subject
                # is the sentence's first clause, before the one that describes it
                first = next(_CLAUSE_BOUNDARY.finditer(sentence), None)
                clause = sentence[: first.start() if first is not None else v.start()]
            # the doer named only after the verb, as what it is done to, does not do it: "Will Smith slapped Chris
            # Rock" for "why did chris rock slap will smith" (not "Rock was slapped by ...", nor "How long is
            # Goldberg suspended from 'The View'": no ABC after the verb there)
            done_to_doer = any(_owner_word(w) in mine for w in _WORD.findall(sentence[v.end() :])[:4])
            nearest = (
                next(
                    (
                        w
                        for w in reversed(_WORD.findall(sentence[max(0, v.start() - 200) : v.start()]))
                        if w[:1].isupper() and w.lower() not in lower
                    ),
                    "",
                )
                if done_to_doer
                else ""
            )
            swapped = (
                not passive
                and not _BY_AFTER_VERB.match(sentence, v.end())  # "Kamala Harris, endorsed by Taylor Swift"
                and not forms & _RECIPROCAL  # "Xi Jinping met Joe Biden": each did it
                and done_to_doer
                and _owner_word(nearest) not in mine
                and bool(set(key_terms(nearest)[:1]) & done_to & object_terms)
            )
            doers = [
                w
                for w in _WORD.findall(clause)[-6:]
                if w[:1].isupper()
                and _owner_word(w) not in STOPWORDS
                and w.lower() not in lower
                # not "Syria" of the camps in Syria; but what the question's doer does it to may do it back ("Will
                # Smith slapped Chris Rock" for "why did chris rock slap will smith")
                and (
                    _owner_word(w) in mine
                    or _owner_word(w) not in objects
                    or (done_to_doer and set(key_terms(w)[:1]) & done_to)
                )
            ]
            # the question's doer named only after a verb that has another subject is not its doer: "Iraq has taken
            # back more than 600 fighters ..., according to ... the acting US special envoy"
            another = (
                not passive
                and bool(doers)
                and not any(_owner_word(w) in mine for w in _WORD.findall(sentence[: v.start()]))
                and (credit := _ACCORDING_TO.search(sentence, v.end())) is not None
                and any(_owner_word(w) in mine for w in _WORD.findall(sentence[credit.end() :]))
            )  # (not "Baghdad has taken back ... fighters, Iraq said": the doer telling of its own act)
            if named and not another and not swapped:
                return None  # the question's doer may do it here
            if other is not None or passive:
                continue
            if (
                doers
                and not any(_owner_word(w) in mine for w in doers)
                and done_to & set(key_terms(" ".join(sentence[v.end() :].split()[:8])))
            ):
                other = sentence.strip().rstrip(" .")
    return other


_SET_ASIDE = re.compile(
    r"\b(?:besides|apart\s+from|aside\s+from|other\s+than|except\s+for|in\s+addition\s+to)\s+(?P<what>[^,?]+?)"
    r"(?=\s*(?:,|\?|$|\b(?:what|who|which|where|when|how)\b))",
    re.I,
)


def set_aside(question: str) -> str:
    """What a question that asks what *else* happened sets aside, as it writes it: "Besides the Marmolada glacier
    collapse, what else happened in Italy on July 3?" sets aside "the Marmolada glacier collapse". A sentence about
    that is no answer. "" for a question without "else". (For "who else", the answerer does not use it: the names
    it sets aside are the question's own, never its answer.)"""
    if not re.search(r"\belse\b", question, re.I):
        return ""
    m = _SET_ASIDE.search(question)
    return m.group("what").strip() if m else ""


def tells_of(sentence_terms: set[str] | frozenset[str], aside: str) -> bool:
    """Whether a sentence (its key terms) tells of what a question sets aside (``set_aside``): its noun, the last
    key term before any words that qualify it ("Italian Prime Minister, Mario Draghi, blamed the collapse on ..."),
    or two thirds of its key terms."""
    terms = key_terms(aside)
    # the noun before what qualifies it: "the Marmolada glacier collapse in Italy" is a collapse, not Italy
    head = key_terms(_ASIDE_QUALIFIED.split(aside, 1)[0])[-1:]
    return bool(terms) and (bool(set(head) & sentence_terms) or len(set(terms) & sentence_terms) * 3 >= 2 * len(terms))


_ASIDE_QUALIFIED = re.compile(r"\s(?:in|at|on|of|near|during|for|from|with|by|over|after|before)\s", re.I)


# a question that negates its own act: narrower than ``_NEGATIVE_QUESTION``, whose verbs of stopping, refusing,
# failing would keep "why did mohela sue to stop ..." from the denial its doer's article gives (``subject_denies``)
_NEGATED_QUESTION = re.compile(r"n[’']t\b|\b(?:not|never|no|nobody|didnt|doesnt|dont|wont|isnt|wasnt)\b", re.I)


def subject_denies(frame: Frame, article: str) -> str | None:
    """For a question that asks why or how its name did something ("why did mohela sue to stop bidens student loan
    forgiveness"), the clause of ``article`` in which that name is said not to have done it ("MOHELA itself didn't
    sue"): the question's verb denied, one of the names the question puts before that verb within the four words
    before the denial; None otherwise, or for a negated question."""
    if not asks_why_or_how(frame) or _NEGATED_QUESTION.search(frame.text):
        return None
    verbs = _premise_verbs(frame, _done_after_did(frame))
    if not verbs:
        return None
    at = min(
        (m.start() for m in re.finditer(r"[\w'’-]+", frame.text) if key_terms(m.group(0))[:1] in ([v] for v in verbs)),
        default=-1,
    )
    subjects = {
        w.lower() for n in frame.names if 0 <= frame.text.find(n) < at for w in _WORD.findall(n) if len(w) > 2
    } - STOPWORDS
    if not subjects:
        return None
    objects = set(key_terms(frame.text[at:].split("?")[0])) - verbs - _NOT_SUBJECT  # what the act is done to
    for sentence in filter(None, _SENTENCE_BOUNDARY.split(article)):
        for m in _DENIED_VERB.finditer(sentence):
            if not any(t in verbs for _, t in _denied_stems(m)) or (start := _denial_start(sentence, m)) is None:
                continue
            clause = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(sentence, 0, start)), default=0)
            before = [w.lower() for w in _WORD.findall(sentence[clause:start])[-4:]]
            if not subjects & set(before):
                continue
            end = next((b.start() for b in _CLAUSE_BOUNDARY.finditer(sentence, m.end())), len(sentence))
            rest = sentence[m.end() : end]
            # the act denied whole ("MOHELA itself didn't sue."), or done to what the question's is, without a
            # purpose or a time that narrows it ("Musk did not buy Twitter to make money", "never delayed a product
            # launch before 2020"; "Nadal didn't win a set in the quarterfinal" is not the French Open)
            said = set(key_terms(rest))
            if said and (not objects & said or _NARROWED.search(rest)):
                continue
            return sentence[clause:end].strip(" \"“”'‘’").rstrip(" .")
    return None


_NARROWED = re.compile(r"\b(?:to|because|for|before|until|since|as|in\s+order|so\s+that|without)\b", re.I)


# The nouns a sum names the spending by, not a thing bought: "a $44 billion deal", "a $500 million renovation"
_SPENDING = frozenset(
    key_terms(
        "deal contract agreement package plan program programme project budget fund funding loan settlement fine "
        "penalty bill payment offer bid investment acquisition purchase sale renovation expansion upgrade overhaul "
        "rebuild construction makeover bailout stimulus grant bonus salary raise lawsuit verdict award jackpot prize "
        "price tag check donation gift pledge bond loss profit revenue tax fee fare tab cut increase hike deficit "
        "debt valuation round spending effort initiative campaign legislation worth value cost pay annual "
        "total estimated additional federal public private initial cheque purse payout paycheck reward ransom "
        "compensation windfall haul sum amount"
    )
)
_PLACED_AT = re.compile(r"\s+(?:in|at|near|outside)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
_PER_WORDS = frozenset(
    {"per", "a", "an", "each", "every", "apiece", "annually", "monthly", "yearly", "weekly", "upfront"}
)
_WORDS_AFTER_SUM = re.compile(r"(?:\s+([a-z][\w-]*))(?:\s+([a-z][\w-]*))?(?:\s+([a-z][\w-]*))?")


def other_priced(frame: Frame, sentence: str, ent: Entity) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """For a question that asks a sum spent on or paid for a thing it names in small letters ("How much is
    In-N-Out planning to spend on its Fort Collins restaurant?"), when the sum ``ent`` is the price of a thing the
    sentence names right after it, in a place the question does not name ("a $19.5 million distribution facility
    in Colorado Springs"): its words and the question's nouns
    (whether they are the same thing in other words is the answerer's to decide, as for ``other_counted``). None
    when the sum names no thing after it ("$30 million in fines" is ``_SUM_OF``'s), names the spending itself ("a
    $44 billion deal", ``_SPENDING``), or the question's thing is only a name."""
    if (
        frame.asks != "number"
        or frame.counted is not None
        or not _CURRENCY_IN.search(ent.text + sentence[ent.end : ent.end + 12])
    ):
        return None
    if not (_SUM.search(frame.text) or _SUM_NOUN.search(frame.text)):
        return None
    nouns = {t for t in frame.topic if t in frame.nouns and t not in _SPENDING}
    # the nouns as the question writes them ("movie", not its stem "movi"), for their vectors
    things = tuple(
        dict.fromkeys(w.lower() for w in _WORD.findall(frame.text) if key_terms(w)[:1] and key_terms(w)[0] in nouns)
    )
    end = ent.end
    if currency := _CURRENCY_AFTER.match(sentence, end):
        end = currency.end()  # "405 million euros ($402 million)"
    after = _WORDS_AFTER_SUM.match(sentence, end)
    if not things or after is None:
        return None
    words = []
    for w in after.groups():
        if w is None or w in STOPWORDS or w in _PER_WORDS:
            break  # "$19.99 per month"
        words.append(w)
    if not words:
        return None
    # the thing priced is in another place than the question's: "a $19.5 million distribution facility in Colorado
    # Springs" (a synonym in the question's place, "a $20 billion chip factory" for "the Intel plant", is left be)
    where = _PLACED_AT.match(sentence, after.start(1) + len(" ".join(words)))
    if where is None or where.group(1).lower() in frame.text.lower():
        return None
    stems = {t for w in words for t in key_terms(w)[:1]}
    if not stems or stems & _SPENDING or stems & set(frame.topic):
        return None
    return tuple(words), things


_RANGE_VALUE = r"(?:No\.\s*|number\s+|#)?\$?\d(?:[\d,.]*\d)?%?"
_FROM_TO = re.compile(rf"\bfrom\s+({_RANGE_VALUE})\s+to\s+({_RANGE_VALUE})", re.I)
_TO_FROM = re.compile(rf"\bto\s+({_RANGE_VALUE})\s+from\s+({_RANGE_VALUE})", re.I)


def _range_value(text: str) -> str:
    """A value of a move's "from ... to ...", its digits: "No. 1", "#1", "number 1" and "1" are one."""
    return re.sub(r"[^\d.]", "", re.sub(r"^(?:No\.|number|#)\s*", "", text, flags=re.I)).strip(".")


# A verdict asked against the one told: "Why did the jury find Gwyneth Paltrow at fault?" where "a jury found Paltrow
# not responsible"
_FAULT = r"(?:at\s+fault|guilty|liable|responsible|to\s+blame)\b"
_VERDICT_ASKED = re.compile(
    rf"\b(?:find|finds|found|rule|ruled|deem|deemed|hold|held)\b(?!\s+(?:out|who|whom|what|whether|how)\b)"
    rf"[^?.;]{{0,60}}?\b{_FAULT}",
    re.I,
)
_VERDICT_NOT = re.compile(
    rf"\b(?:found|finds|ruled|deemed|held)\b[^.;]{{0,60}}?\bnot\s+{_FAULT}|\bacquitted\b|\bcleared\s+of\b", re.I
)
_VERDICT_SO = re.compile(r"\b(?:convicted|but\s+guilty)\b", re.I)  # "convicted on four counts", "... but guilty of"


def reversed_verdict(frame: Frame, article: str) -> str | None:
    """For a question that asks why or how one of its names was found at fault, guilty or liable, the sentence of
    ``article`` that finds that name not so, or acquits or clears them ("On Thursday, a jury found Paltrow not
    responsible ..."); None when the article finds them so anywhere (an appeal, another count), or the question
    negates its own verdict."""
    # found so, of some count at least, anywhere: the premise may hold
    return _ruled_otherwise(
        frame,
        article,
        _VERDICT_ASKED,
        lambda s: (
            bool(_VERDICT_SO.search(s))
            or any(not re.search(r"\bnot\b", v.group(0), re.I) for v in _VERDICT_ASKED.finditer(s))
        ),
        lambda s: _VERDICT_NOT.search(s) is not None,
    )


def _ruled_otherwise(
    frame: Frame,
    article: str,
    asked: re.Pattern[str],
    holds: Callable[[str], bool],
    otherwise: Callable[[str], bool],
) -> str | None:
    """For a question that asks why or how a ruling (``asked``) was made, and does not negate it, the first sentence
    of ``article`` about one of the question's names that rules ``otherwise``; None where none does, or where one
    about them rules as asked (``holds``) anywhere."""
    if not asks_why_or_how(frame) or _NEGATIVE_QUESTION.search(frame.text) or not asked.search(frame.text):
        return None
    mine = _name_words(frame.names)
    told = None
    for sentence in filter(None, _SENTENCE_BOUNDARY.split(article)):
        if not any(_owner_word(w) in mine for w in _WORD.findall(sentence)):
            continue
        if holds(sentence):
            return None
        if told is None and otherwise(sentence):
            told = sentence.strip().rstrip(" .")
    return told


# A ruling asked against the one told: "Why did the High Court strike down the Rwanda deportation plan as unlawful?"
# where "The UK's controversial policy to deport some asylum seekers to Rwanda was deemed lawful by the country's
# High Court"
_UNLAWFUL = r"(?:unlawful|illegal|unconstitutional|invalid)\b"
_STRUCK_DOWN = re.compile(
    rf"\b(?:strike|strikes|struck|striking)\s+(?:it\s+)?down\b|\b(?:overturn(?:s|ed|ing)?)\b"
    rf"|\b(?:invalidat(?:e|es|ed|ing)|vacat(?:e|es|ed|ing)|(?:threw|throws|throw|thrown)\s+out|blocked|ended)\b"
    rf"|\b(?:rule|rules|ruled|deem|deems|deemed|declare|declares|declared|find|finds|found|hold|holds|held|judge[ds]?)"
    rf"\b[^?.;]{{0,60}}?\b{_UNLAWFUL}",
    re.I,
)
# (the ruling's own words: "deemed lawful", "ruled that the plan was legal"; not "held a news conference with his
# legal team", nor what a lower court "had upheld")
_LAWFUL = re.compile(
    r"\b(?:ruled|deemed|declared|found|held|judged)\s+(?:(?:it|them|that\s+(?:it|the\s+[\w-]+)\s+(?:was|is|were))\s+)?"
    r"(?:to\s+be\s+)?(?:lawful|legal|constitutional|valid)\b|(?<!had\s)\bupheld\b",
    re.I,
)
_LOWER_COURT = re.compile(r"\blower\s+courts?\b|\bappeals?\s+court\b", re.I)


def reversed_ruling(frame: Frame, article: str) -> str | None:
    """For a question that asks why or how something was struck down or ruled unlawful, the sentence of ``article``
    about it (one of the question's names in it) that rules it lawful or upholds it; None when the article tells of it
    struck down or unlawful anywhere, or the question negates its own ruling."""
    # struck down, of some part at least, anywhere: the premise may hold
    return _ruled_otherwise(
        frame,
        article,
        _STRUCK_DOWN,
        lambda s: _STRUCK_DOWN.search(s) is not None,
        lambda s: _LAWFUL.search(s) is not None and not _LOWER_COURT.search(s),
    )


def reversed_range(frame: Frame, sentence: str) -> str | None:
    """The words of ``sentence`` that tell the question's move between two values the other way: "Why did Salesforce
    drop from No. 1 to No. 8?" against "The company jumped to No. 1 from No. 8 last year" (from 8 to 1); None
    when the sentence tells no such move, or tells it the question's way."""
    asked = _FROM_TO.search(frame.text)
    if asked is None:
        return None
    start, end = _range_value(asked.group(1)), _range_value(asked.group(2))
    if not start or not end or start == end:
        return None
    for m in _FROM_TO.finditer(sentence):
        if (_range_value(m.group(1)), _range_value(m.group(2))) == (end, start):
            return m.group(0)
    for m in _TO_FROM.finditer(sentence):
        if (_range_value(m.group(1)), _range_value(m.group(2))) == (start, end):
            return m.group(0)
    return None


# A repeat taken for granted where the article tells the first time: "Why is the 2028 Final Four going back to Las
# Vegas for a second time?" against "2028 will be the first time the Final Four will be played in Las Vegas and the
# state of Nevada". The question asks why or how, names two things or more, and asks a second time, "again" or a
# return; the sentence tells "the first time" with every one of those names after it in its clause (not "Messi scored
# for the first time in Barcelona" for "Why is Messi going back to Barcelona?": Messi comes before it).
_REPEAT_ASKED = re.compile(
    r"\b(?:a|the)\s+(?:second|third|fourth|fifth|\d+(?:nd|rd|th))\s+time\b|\bagain\b"
    r"|\b(?:go(?:es|ing)?|went|gone|com(?:e|es|ing)|came|head(?:s|ed|ing)?)\s+back\s+to\b|\breturn(?:s|ed|ing)?\s+to\b",
    re.I,
)
_QUALIFIED_FIRST = re.compile(
    r"\b(?:since|as\s+(?:a\s+|an\s+|the\s+)?[a-z]+|in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+ty)\s+"
    r"(?:years|decades)|in\s+(?:years|decades)|this\s+(?:year|season))\b",
    re.I,
)
_FIRST_TIME = re.compile(r"\b(?:the|its|their|his|her)\s+first\s+time\b|\bfor\s+the\s+first\s+time\b", re.I)


def first_time_told(frame: Frame, article: str) -> str | None:
    """The sentence of ``article`` that tells as the first time what the question asks as a repeat (see above);
    None where none does."""
    if not asks_why_or_how(frame) or len(frame.names) < 2 or not _REPEAT_ASKED.search(frame.text):
        return None
    for sentence in filter(None, _SENTENCE_BOUNDARY.split(article)):
        for m in _FIRST_TIME.finditer(sentence):
            clause = re.split(r"[;:,]\s", sentence[m.end() :], maxsplit=1)[0]
            if _QUALIFIED_FIRST.search(clause):
                continue  # "the first time she performed in Tokyo since she returned", "... as president"
            if all(mentions(clause.lower(), name) for name in frame.names):
                return sentence.strip().rstrip(" .")
    return None


# What the article itself says no one knows: "It is unclear how the individual accessed the intercom system." for
# "How did the student get into the intercom system?", "Honda did not say how much of the $3.5 billion it would
# contribute." for "How much of the $3.5 billion is Honda putting in?". A word of not knowing or not telling, then
# the question word the question asks with (``_ASKED_WH``: "how much" for "how much", "when" for "what year").
_HOW_WORDS = r"how\s+(?:much|many|long|far|big|large|old|fast|often|soon|high|deep)\b"  # each its own kind
_UNKNOWN_WH = re.compile(
    r"\b(?:(?:it\s+)?(?:is|was|are|were|['’]s|remains?|remained|seems?)\s+(?:still\s+|also\s+|as\s+yet\s+)?"
    r"(?:unclear|unknown|not\s+(?:yet\s+|immediately\s+|entirely\s+|publicly\s+)?(?:clear|known))"
    r"|(?:did|does|do|has|have|had|would|could|will)\s*(?:not|n['’]t)\s+(?:yet\s+|immediately\s+|publicly\s+)?"
    r"(?:say|disclose|reveal|specify|explain|confirm|indicate|detail|elaborate\s+on)"
    r"|won['’]t\s+(?:say|disclose|reveal|specify)|(?:declined|refused)\s+to\s+(?:say|disclose|reveal|specify|explain)"
    r"|no\s+one\s+knows|nobody\s+knows|(?:there\s+(?:is|was)\s+)?no\s+word\s+(?:yet\s+)?(?:on|about)"
    r"|(?:officials|police|authorities|investigators)\s+(?:are|were)\s+(?:still\s+)?(?:trying\s+to\s+)?"
    r"(?:determine|determining|investigating|working\s+to\s+determine))"
    rf"\s+(?:exactly\s+|precisely\s+|yet\s+)?(?P<wh>{_HOW_WORDS}|how|why|who|whom|whose|when|where|what|which)\b",
    re.I,
)
_ASKED_WH = re.compile(
    rf"\b(?:{_HOW_WORDS}|how|why|who|whom|whose|when|where|(?:what|which)\s+(?:year|date|day|month|time)\b|what|which)\b",
    re.I,
)


def _wh_kind(words: str) -> str:
    """A question word's kind: "how much", "how many", "how long", "how", "why", "who", "when", "where" or "what"
    ("whom", "whose" are "who"; "which" and "what" are one; "what year", "what date" ask "when")."""
    low = " ".join(words.lower().split())
    if low.startswith(("what ", "which ")):
        return "when"
    if low in ("whom", "whose"):
        return "who"
    return "what" if low == "which" else low


# A cause not known: "The cause of the fire remains under investigation", "investigators are looking into what
# caused it", "No motive has been given" (for a "why" or "what caused" question).
_CAUSE_UNKNOWN = re.compile(
    r"\b(?:cause|causes|reason|reasons|motive|motives)\b[^.;]{0,60}?\b(?:is|are|was|were|remains?|remained)\s+"
    r"(?:still\s+|not\s+yet\s+|as\s+yet\s+|also\s+)?(?:unknown|unclear|undetermined|undisclosed|under\s+investigation"
    r"|being\s+investigated|not\s+(?:yet\s+|immediately\s+)?(?:known|clear|determined|released|disclosed))"
    r"|\b(?:investigat\w*|looking\s+into|probing|trying\s+to\s+determine|working\s+to\s+determine|not\s+(?:yet\s+)?"
    r"determined)\s+(?:what\s+(?:caused|sparked|started|triggered|led\s+to)|the\s+(?:cause|reason|motive)s?)\b"
    r"|\bno\s+(?:cause|motive|reason)\s+(?:has|have|had|was|were)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:given|released|disclosed|established|determined|identified|offered)\b",
    re.I,
)
# What is not told yet: "The company's new name will be announced soon after", "The victim's name has not been
# released", "an as yet unnamed book" (its subject's words before it must name what the question asks: see
# ``_NOT_YET_SUBJECT``).
_NOT_YET_TOLD = re.compile(
    r"\b(?:(?:has|have|had)\s*(?:not|n['’]t)\s+(?:yet\s+)?been|(?:is|are|was|were)\s+(?:not\s+)?(?:yet|still)\s+to\s+be"
    r"|(?:is|are|was|were)\s+not\s+(?:yet\s+)?(?:being\s+)?)\s+"
    r"(?:announced|revealed|released|disclosed|named|decided|confirmed|identified|made\s+public|unveiled|set)\b"
    r"|\bwill\s+be\s+(?:announced|revealed|released|disclosed|named|decided|unveiled)\s+(?:soon|later|at\s+a\s+later"
    r"\s+date|in\s+the\s+coming|in\s+due\s+course|shortly)"
    r"|\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+|as\s+yet\s+)?(?:unknown|undisclosed|unannounced|unnamed"
    r"|to\s+be\s+(?:determined|announced|decided))\b",
    re.I,
)
# the words by which a subject says it is the kind of thing asked ("The victim's name", "the date of the hearing")
_NOT_YET_SUBJECT = {
    "person": r"names?|identit(?:y|ies)",
    "name": r"names?|titles?",
    "work": r"names?|titles?",
    "date": r"dates?|days?|times?|schedule|timing",
    "place": r"locations?|sites?|venues?|places?",
    "number": r"amounts?|figures?|prices?|costs?|terms|numbers?|tolls?|totals?|sums?|values?",
}


def _cause_of_asked(text: str, m: re.Match[str], wanted: set[str]) -> bool:
    """Whether the thing whose cause ``m`` says is not known is the question's: the last word before the verb after
    "cause of" ("The cause of the Tromsvik fire remains unclear": fire) or after "cause of" following the verb
    ("probing the cause of the fire") is one of its topic words; true where none is written ("looking into the
    cause")."""
    of = _CAUSE_OF.search(text, m.start(), min(len(text), m.end() + 60))
    if of is None:
        return True
    words = key_terms(re.split(r"\s+(?:at|in|on|of|near|from|during|over)\s+", of.group(1), maxsplit=1)[0])
    return bool(words) and words[-1] in wanted  # (its head: "the fire at the Tromsvik Dairy" is a fire)


_CAUSE_OF = re.compile(
    r"\b(?:cause|causes|reason|reasons|motive|motives)\s+(?:of|for|behind)\s+(?:the\s+)?([^,;.]{1,60}?)"
    r"(?=\s+(?:is|are|was|were|remains?|remained|has|have|had)\b|[,;.]|$)",
    re.I,
)


def unknown_of_asked(frame: Frame, sentence: str) -> str | None:
    """What ``sentence`` itself says is not known of the very thing a "how many"/"how much" question counts (its
    counted noun in the words said unknown, with the question's verb), else None."""
    counted = key_terms(frame.counted)[-1:] if frame.counted else []
    if not counted or not _HOW_MANY_OR_MUCH.search(frame.text):
        return None
    verbs = as_events(t for t in frame.topic if t not in frame.nouns and t not in counted)
    for m in _HOW_MANY_OR_MUCH.finditer(sentence):
        # the counted noun within four words ("how many missile launchers"), and the question's verb in the clause
        # ("will be sent" for "is the US sending"; not "how many people were injured" for "how many people died")
        said = sentence[m.end() :].split()
        if counted[0] in key_terms(" ".join(said[:4])) and verbs & as_events(key_terms(" ".join(said[:9]))):
            return unknown_told(frame, sentence)
    return None


def unknown_told(frame: Frame, sentence: str, article: str = "") -> str | None:
    """The sentence (``sentence`` first, then those of its article) that says what the question asks is not known
    or not told: the question word the question asks with after words of not knowing (``_UNKNOWN_WH``; not "what"
    nor "which", which ask too many things: "doesn't explain what may be causing" any of them), the clause from it
    naming one of the question's topic words or names, two of them in the whole sentence (one, where the article
    names all the question's names); a cause not known, for a
    question that asks one and a ``sentence`` that gives none (``_CAUSE_UNKNOWN``); or what is not told yet whose
    subject names the kind asked (``_NOT_YET_TOLD``, ``_NOT_YET_SUBJECT``), with two of the question's topic words
    or names in the sentence. None where none does. Then the articles say they don't know, and the answer says so
    rather than quote around it."""
    focus = focus_text(frame.text)
    asked = _ASKED_WH.search(focus)
    kind = _wh_kind(asked.group(0)) if asked is not None else None
    cause = frame.reason and not (states_reason(sentence) >= 1.0 and not _CAUSE_UNKNOWN.search(sentence))
    subject = _NOT_YET_SUBJECT.get(frame.asks or "")
    if subject is None and re.search(r"\b(?:names?|titles?)\b|\bcalled\s*\??\s*$", focus, re.I):
        subject = _NOT_YET_SUBJECT["name"]  # "So what's Aunt Jemima's new name going to be?" (no kind, to the tagger)
    if (kind is None or kind == "what") and not cause and subject is None:
        return None
    wanted = set(frame.topic)

    def named(text: str) -> int:
        return len(wanted & set(key_terms(text))) + sum(mentions(text.lower(), n) for n in frame.names)

    # (one of them, where the article names all the question's names: "The company's new name ... will be announced
    # soon after" in an article about Aunt Jemima)
    need = 1 if frame.names and all(mentions(f"{sentence}\n{article}".lower(), n) for n in frame.names) else 2
    for text in itertools.chain([sentence], filter(None, _SENTENCE_BOUNDARY.split(article))):
        if (told := named(text)) < need:
            continue
        topical = told >= 2 and bool(wanted & set(key_terms(text)))  # (a topic word, not only the names)
        for m in _UNKNOWN_WH.finditer(text) if topical else ():
            if kind is None or kind == "what" or _wh_kind(m["wh"]) != kind:
                continue
            end = next((b.start() for b in _CLAUSE_BOUNDARY.finditer(text, m.end())), len(text))
            if named(text[m.start("wh") : end]) >= 1:
                return text.strip().rstrip(" .")
        if cause and topical and (m := _CAUSE_UNKNOWN.search(text)) and _cause_of_asked(text, m, wanted):
            return text.strip().rstrip(" .")
        if subject is not None:
            for m in _NOT_YET_TOLD.finditer(text):
                start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(text, 0, m.start())), default=0)
                if re.search(rf"\b(?:{subject})\b", text[start : m.start()], re.I):
                    return text.strip().rstrip(" .")
    return None
