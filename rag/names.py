"""Names as news writes them: whether a text names something, whether two names name one thing.

A question says "the US", its article "the United States" or "American officials"; "SVB" is Silicon Valley Bank;
"Tesla Inc." is Tesla but "US Steel" is not the US. The answerability decision (``rag/answerability.py``), the role
rules (``rag/roles.py``) and the answerer (``rag/answer.py``) all compare names through this module. The name is
rewritten, never the text: a question's few names, not each article's every sentence.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rag.text import STOPWORDS, undotted

# Titles and honorifics: capitalised before a name, but not themselves what a question is about.
TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "governor",
        "gov",
        "mayor",
        "senator",
        "sen",
        "rep",
        "representative",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "general",
        "gen",
        "judge",
        "justice",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lady",
        "lord",
        "st",
        "saint",
        "director",
        "commissioner",
        "ambassador",
        "speaker",
        "leader",
        "chief",
        "premier",
        "sheikh",
        "emir",
        "sultan",
    ]
)


def bare(text: str) -> str:
    """An entity's words without a leading article or a possessive ("the United Kingdom's" -> "United Kingdom"); its
    titles stay ("General Motors", "Premier League" are names, not a general's or a premier's)."""
    return re.sub(r"['’]s$", "", re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I))


def clean_name(text: str) -> str:
    """An entity as a name to look for: without a leading article, a possessive, a leading title or surrounding
    punctuation."""
    parts = bare(text).split()
    while len(parts) > 1 and parts[0].lower().rstrip(".") in TITLES:
        parts = parts[1:]  # "Gov. Kristi Noem" is Kristi Noem
    name = " ".join(parts).strip(" \t\n\"'“”‘’.,;:()[]")
    return _DESCRIBING_SUFFIX.sub("", name)  # "Boris Johnson-era" is Boris Johnson


# a word joined to a name that makes it describe something else: "a Boris Johnson-era slogan", "Kremlin-backed"
_DESCRIBING_SUFFIX = re.compile(
    r"(?<=\w)[-–](?:era|led|backed|based|style|born|linked|owned|run|made|funded|controlled|aligned|sponsored|themed|"
    r"inspired|related|affiliated|bound)$"
)


def name_variants(name: str, person: bool) -> list[str]:
    """Lower-cased forms of a name to find in a text: the whole name; for a person also the surname."""
    out = [name.lower()]
    parts = name.split()
    if person and len(parts) > 1:
        out.append(parts[-1].lower())
    return out


# acronyms whose letters spell a common word: matched without their dots, "U.S." would be found in "tell us"
_WORD_ACRONYMS = STOPWORDS | frozenset({"us", "we", "me", "he", "am", "pm", "ad", "go", "oh", "ok", "hi"})


_CAPS = re.compile(r"(?<![\w.])[A-Z]{2,4}(?![\w.])")


def acronym_forms(name: str) -> list[str]:
    """``name`` with its acronyms written the other way, dots added or removed ("U.K. Space Agency" -> "UK Space
    Agency", "US" -> "U.S."); never a form that is a common word ("U.S." is not looked for as "us")."""
    plain = undotted(name)
    dotted = _CAPS.sub(lambda m: ".".join(m.group(0)) + ".", plain)
    return [f for f in dict.fromkeys((plain, dotted)) if f != name and f.lower() not in _WORD_ACRONYMS]


# One country or union, several names: a question says "the US", its article "the United States" or "American
# officials"; "Which Italian city" is answered by an article about Italy. General knowledge, not fitted: the
# country, union and demonym forms of the places news names most. Left out where a form is a common word once
# lower-cased ("Turkey"/"turkey", "Polish"/"polish") or names several places ("Georgia", "Korea").
_PLACE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("US", "U.S.", "USA", "U.S.A.", "United States", "America", "American", "Americans"),
    ("UK", "U.K.", "United Kingdom", "Britain", "Great Britain", "British", "Briton", "Britons", "Brits"),
    ("EU", "E.U.", "European Union"),
    ("UN", "U.N.", "United Nations"),
    ("England", "English"),
    ("Scotland", "Scottish", "Scots"),
    ("Wales", "Welsh"),
    ("Ireland", "Irish"),
    ("France", "French"),
    ("Spain", "Spanish", "Spaniards"),
    ("China", "Chinese"),
    ("Japan", "Japanese"),
    ("Netherlands", "Dutch"),
    ("Switzerland", "Swiss"),
    ("Sweden", "Swedish", "Swedes"),
    ("Denmark", "Danish", "Danes"),
    ("Finland", "Finnish", "Finns"),
    ("Philippines", "Filipino", "Filipinos"),
    ("Thailand", "Thai"),
    ("Vietnam", "Vietnamese"),
    ("Lebanon", "Lebanese"),
    ("Portugal", "Portuguese"),
    ("New Zealand", "New Zealander", "New Zealanders"),
    ("South Korea", "South Korean", "South Koreans"),
    ("North Korea", "North Korean", "North Koreans"),
    ("Saudi Arabia", "Saudi", "Saudis"),
    ("Afghanistan", "Afghan", "Afghans"),
    ("Kazakhstan", "Kazakh", "Kazakhs"),
    ("Greece", "Greek", "Greeks"),
    *(
        (country, demonym, demonym + "s")
        for country, demonym in (
            ("Italy", "Italian"),
            ("Germany", "German"),
            ("Russia", "Russian"),
            ("Ukraine", "Ukrainian"),
            ("Belarus", "Belarusian"),
            ("India", "Indian"),
            ("Pakistan", "Pakistani"),
            ("Iran", "Iranian"),
            ("Iraq", "Iraqi"),
            ("Israel", "Israeli"),
            ("Syria", "Syrian"),
            ("Egypt", "Egyptian"),
            ("Mexico", "Mexican"),
            ("Canada", "Canadian"),
            ("Brazil", "Brazilian"),
            ("Argentina", "Argentinian"),
            ("Colombia", "Colombian"),
            ("Venezuela", "Venezuelan"),
            ("Australia", "Australian"),
            ("Austria", "Austrian"),
            ("Belgium", "Belgian"),
            ("Norway", "Norwegian"),
            ("Hungary", "Hungarian"),
            ("Romania", "Romanian"),
            ("Nigeria", "Nigerian"),
            ("South Africa", "South African"),
            ("Indonesia", "Indonesian"),
            ("Europe", "European"),
            ("Africa", "African"),
            ("Asia", "Asian"),
        )
    ),
)
_PLACE_OF: dict[str, tuple[str, ...]] = {form.lower(): group for group in _PLACE_GROUPS for form in group}


def place_group(name: str) -> tuple[str, ...] | None:
    """The forms of the country or union ``name`` names, with or without its acronym's dots; None for any other."""
    return _PLACE_OF.get(undotted(name).lower()) or _PLACE_OF.get(name.lower())


def place_forms(name: str) -> tuple[str, ...]:
    """The other names of the country or union ``name`` names ("US" -> "United States", "American", ...; "Italian"
    -> "Italy"), none a common word once lower-cased ("US" is not looked for as "us"); () for any other name."""
    return tuple(f for f in place_group(name) or () if f != name and f.lower() not in _WORD_ACRONYMS)


# The regular endings that make a place's people-word: "Sri Lankan", "Kenyan", "Chilean", "Ukrainian" (of
# "Ukraine"), "Bostonian", "Sudanese", "Qatari". The irregular ones of the places news names most are
# in _PLACE_GROUPS.
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i")
# irregular ones left out of _PLACE_GROUPS for their common words ("turkey", "polish"): a question's capitalised
# "Turkish" still names Turkey
_IRREGULAR_DEMONYMS = {"turkish": "turkey", "polish": "poland", "peruvian": "peru", "cypriot": "cyprus"}


def demonym_of(place: str, word: str) -> bool:
    """Whether ``word`` is the people-word of ``place`` by a regular ending ("Sri Lankan" of "Sri Lanka",
    "Ukrainian" of "Ukraine", "Qatari" of "Qatar"), or by the forms of _PLACE_GROUPS ("British" of "UK")."""
    place, word = place.strip(), word.strip()
    if word.endswith(("ns", "is")):
        word = word[:-1]  # "Sri Lankans", "Qataris"
    if same_place(place, word) or _IRREGULAR_DEMONYMS.get(word.lower()) == place.lower():
        return True
    if place_group(word) is not None:
        return False  # another place's own people-word: "Nigerian" is Nigeria's, not Niger's
    if len(place) < 4 or not place[:1].isupper() or not word.startswith(place[:-1]):
        return False
    stems = (place, place[:-1]) if place[-1] in "aeiouy" else (place,)  # "Ital-ian", "Ukrain-ian"
    return any(word.startswith(stem) and word[len(stem) :] in _DEMONYM_ENDINGS for stem in stems)


_REGION_IN_IA = re.compile(r"[A-Z][a-z]{3,}ia")  # "Calabria", "Siberia", "Bavaria", "Patagonia"
# given names in "-ia", whose "-ian" words are others' ("patrician", "Victorian", "Octavian", "Julian")
_GIVEN_IN_IA = frozenset(
    ["victoria", "patricia", "octavia", "olivia", "sophia", "amelia", "claudia", "cecilia", "gloria", "natalia"]
    + ["alicia", "felicia", "letitia", "ophelia", "cornelia", "virginia", "georgia", "columbia", "antonia", "valeria"]
    + ["emilia", "cynthia", "sylvia", "silvia"]
)


def people_word(name: str) -> str | None:
    """The people-word of a place in "-ia" ("Calabrian" of "Calabria", "Siberian" of "Siberia"), the regular form
    that articles write beside a place's own name ("the Calabrian coast"); None for another name."""
    return name + "n" if _REGION_IN_IA.fullmatch(name) and name.lower() not in _GIVEN_IN_IA else None


def same_place(a: str, b: str) -> bool:
    """Whether two names name the same country or union ("America" and "US")."""
    group = place_group(a)
    return group is not None and group is place_group(b)


# The states news abbreviates (AP style: "Duck, N.C.", "Tampa, Fla."), where the abbreviation is no common word
# once lower-cased ("Ill.", "Miss.", "Wash.", "Ore.", "Ark." of Noah's, "Mont." are left out).
_STATES: tuple[tuple[str, str], ...] = (
    ("Alabama", "Ala."), ("Arizona", "Ariz."), ("California", "Calif."),
    ("Colorado", "Colo."), ("Connecticut", "Conn."), ("Florida", "Fla."), ("Kentucky", "Ky."),
    ("Michigan", "Mich."), ("Minnesota", "Minn."), ("Nebraska", "Neb."), ("Nevada", "Nev."),
    ("New Hampshire", "N.H."), ("New Jersey", "N.J."), ("New Mexico", "N.M."), ("New York", "N.Y."),
    ("North Carolina", "N.C."), ("North Dakota", "N.D."), ("Oklahoma", "Okla."), ("Rhode Island", "R.I."),
    ("South Carolina", "S.C."), ("South Dakota", "S.D."), ("Tennessee", "Tenn."), ("Vermont", "Vt."),
    ("West Virginia", "W.Va."), ("Wisconsin", "Wis."), ("Wyoming", "Wyo."),
)  # fmt: skip
_STATE_FORM: dict[str, str] = {
    **{state.lower(): short for state, short in _STATES},
    **{short.lower(): state for state, short in _STATES},
    **{short.replace(".", "").lower(): state for state, short in _STATES if short.count(".") > 1},  # "NC"
}
_APOSTROPHE = re.compile(r"['’]")
# The world's countries by the names news writes them: the small model now and then takes one for an organisation
# or a person ("fled to the Maldives": ORG; "Sri Lanka": PERSON), and a place asked is still answered by it
COUNTRIES = frozenset((
    "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
    "belize", "benin", "bhutan", "bolivia", "bosnia and herzegovina", "botswana", "brazil", "brunei", "bulgaria",
    "burkina faso", "burundi", "cambodia", "cameroon", "canada", "cape verde", "central african republic", "chad",
    "chile", "china", "colombia", "comoros", "congo", "costa rica", "croatia", "cuba", "cyprus", "czech republic",
    "czechia", "denmark", "djibouti", "dominica", "dominican republic", "east timor", "ecuador", "egypt",
    "el salvador", "equatorial guinea", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland", "france",
    "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea", "guinea-bissau",
    "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel",
    "italy", "ivory coast", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait",
    "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania",
    "luxembourg", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "marshall islands", "mauritania",
    "mauritius", "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique",
    "myanmar", "namibia", "nauru", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria",
    "north korea", "north macedonia", "norway", "oman", "pakistan", "palau", "palestine", "panama",
    "papua new guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
    "rwanda", "saint lucia", "samoa", "san marino", "saudi arabia", "senegal", "serbia", "seychelles",
    "sierra leone", "singapore", "slovakia", "slovenia", "solomon islands", "somalia", "south africa",
    "south korea", "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
    "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidad and tobago", "tunisia", "turkey",
    "turkmenistan", "tuvalu", "uganda", "ukraine", "united arab emirates", "united kingdom", "united states",
    "uruguay", "uzbekistan", "vanuatu", "vatican city", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
    "england", "scotland", "wales", "northern ireland", "greenland", "puerto rico", "hong kong",
))  # fmt: skip


US_STATES = frozenset((
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
    "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
    "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
))  # fmt: skip


# the plural nouns that end names of things counted ("Super Bowls", "Grand Slams", "Golden Globes"): their singular
# is the name too
_PLURAL_HEADS = frozenset(
    ["bowls", "slams", "awards", "cups", "titles", "championships", "globes", "medals", "trophies", "prizes"]
    + ["majors", "opens", "classics", "marathons", "derbies", "grammys", "oscars", "emmys", "tonys", "games"]
)


def name_forms(name: str) -> tuple[str, ...]:
    """``name`` and the other ways articles write it: its acronyms with or without dots, a country's other names, a
    state's abbreviation ("N.C."), its apostrophes either way or none ("Indigenous Peoples’ Day", "Peoples Day"),
    a plural name's singular ("Super Bowls": "Super Bowl"), and a place's comma before its state or country
    ("Deadhorse, Alaska" for "Deadhorse Alaska")."""
    forms = [name, *acronym_forms(name), *place_forms(name)]
    if state := _STATE_FORM.get(name.lower()):
        forms.append(state)
    if _APOSTROPHE.search(name):
        forms += [name.replace("’", "'"), name.replace("'", "’"), _APOSTROPHE.sub("", name)]
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _PLURAL_HEADS:  # "How many Super Bowls ...": "a Super Bowl" (not
        # "Serena Williams", whose "s" is her name's)
        one = words[-1][:-3] + "y" if words[-1].endswith("ies") else words[-1][:-1]
        forms.append(" ".join([*words[:-1], one]))
    elif len(words) > 1 and words[-1][:1].isupper() and f"{words[-1].lower()}s" in _PLURAL_HEADS:
        forms.append(f"{name}s")  # "the Golden Globe nominations": "the Golden Globes" (not "John Edwards")
    for n in (2, 1):  # a place and its state or country, typed without the comma: "Deadhorse Alaska"
        place, region = " ".join(words[:-n]), " ".join(words[-n:])
        if not place or "," in place or name.lower() in US_STATES or not place.split()[-1][0].isupper():
            continue  # not "Bank of, America"
        group = place_group(region)
        if region.lower() in US_STATES or (group is not None and region == group[0] and len(region) > 3):
            forms.append(f"{place}, {region}")  # a state, or a country by its name ("Paris, France"; not "French")
            break
    return tuple(dict.fromkeys(forms))


def mentions(text_lower: str, name: str, person: bool = False) -> bool:
    """Whether a lower-cased text names ``name`` (as a whole word or phrase; its acronyms with or without dots, a
    country's other names; a long name with a few words more, ``_loose_name``). The name is rewritten, never the
    text: a question's few names, not each article's every sentence."""
    if any(says(text_lower, variant) for form in name_forms(name) for variant in name_variants(form, person)):
        return True
    if not person and any(says(text_lower, form) for form in _possessive_forms(name)):
        return True  # "taco johns" typed for "Taco John's" (not for a person: "Williams" is not "Prince William's")
    if not person and (people := people_word(name)) and says(text_lower, people.lower()):
        return True  # "the shipwreck off Calabria": "the Calabrian coast"
    loose = None if person else _loose_name(name.lower())
    return loose is not None and any(len(_WORD.findall(m.group(0))) <= loose[1] for m in loose[0].finditer(text_lower))


_WORD = re.compile(r"[\w'’]+")


@lru_cache(maxsize=1024)
def _possessive_forms(name: str) -> tuple[str, ...]:
    """A name's words that end in "s" written with an apostrophe before it, lower-cased ("Taco Johns": "taco
    john's", "taco john’s"): the name as typed without it."""
    words = name.split()
    return tuple(
        " ".join([*words[:i], word[:-1] + mark + "s", *words[i + 1 :]]).lower()
        for i, word in enumerate(words)
        if len(word) > 3 and word[0].isupper() and word.endswith("s") and word[-2].isalpha() and word[-2] != "s"
        for mark in "'’"
    )


MIN_LOOSE_WORDS = 4  # a name of this many words is found with a few more words inside it ...
MAX_INSERTED = 4  # ... at most this many, and two fewer than the name has ("New York Times" is not "New York City
# Times Square")


@lru_cache(maxsize=1024)
def _loose_name(name_lower: str) -> tuple[re.Pattern[str], int] | None:
    """A long name's words in order with a few more among them, and the most words a match may have: a question
    says "the Nathan's Famous Hot Dog Eating Contest", the article "Nathan's Famous International Hot Dog Eating
    Contest". None for a shorter name: "New York Times" is not "New York City Times Square"."""
    words = _WORD.findall(name_lower)
    if len(words) < MIN_LOOSE_WORDS:
        return None
    inserted = min(MAX_INSERTED, len(words) - 2)
    gap = rf"\W+(?:[\w'’]+\W+){{0,{inserted}}}?"
    parts = [re.sub(r"['’]", "['’]", re.escape(w)) for w in words]
    return re.compile(rf"(?<!\w){gap.join(parts)}(?!\w)"), len(words) + inserted


def says(haystack: str, needle: str) -> bool:
    """Whether ``haystack`` holds ``needle`` as a whole word or phrase (both as given: lower-case them first)."""
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if (start == 0 or not haystack[start - 1].isalnum()) and (end == len(haystack) or not haystack[end].isalnum()):
            return True
        start = haystack.find(needle, start + 1)
    return False


# Words after a company's name that leave it the same company ("Tesla Inc.", "Twitter Inc", "Penn State University").
_COMPANY_SUFFIXES = frozenset(
    ["inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group", "holdings", "sa", "ag", "university"]
)


def same_name(a: str, b: str) -> bool:
    """Whether two names name one thing: alike but for case, "the" and a possessive; one country's names ("UK",
    "British"); initials ("SVB"); or a company with and without its designation ("Tesla", "Tesla Inc."). Not a
    name inside another ("US Steel", "New York Times", "West Virginia", "South Sudan", "Google DeepMind")."""
    x, y = bare(a).lower().rstrip("."), bare(b).lower().rstrip(".")
    if not x or not y:
        return False
    if x == y or same_place(bare(a), bare(b)):
        return True
    initials = abbreviates(bare(a), bare(b)) or abbreviates(bare(b), bare(a))
    if initials and x not in y.split() and y not in x.split():
        return True  # "SVB" for "Silicon Valley Bank", not "US" of "US Steel"
    if place_group(bare(a)) is not None or place_group(bare(b)) is not None:
        return False
    short, long = sorted((x, y), key=len)
    rest = long[len(short) :].split() if long.startswith(short + " ") else None
    return bool(rest) and all(w.strip(".,") in _COMPANY_SUFFIXES for w in rest)


def name_key(name: str) -> str:
    """A name as written, for telling whether two are the same words: lower-cased, without a leading article or a
    possessive, apostrophes straight, spaces single."""
    return " ".join(bare(name).lower().replace("’", "'").split())


def same_person(a: str, b: str) -> bool:
    """Whether two names written of people name one: alike but for a suffix ("Jr.") or a middle name, or one of them
    a surname or a first name alone ("Murdoch", "Rupert Murdoch"); not two people of one family ("Joe Biden",
    "Hunter Biden")."""
    x, y = _person_words(a), _person_words(b)
    if not x or not y:
        return False
    if len(x) == 1 or len(y) == 1:
        one, other = (x, y) if len(x) == 1 else (y, x)
        return one[0] in (other[0], other[-1])
    return x[-1] == y[-1] and x[0] == y[0]


_PERSON_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _same_given(a: str, b: str) -> bool:
    """Whether two given names may be one person's: one the other's short form or spelling ("Joe", "Joseph";
    "Steve", "Stephen"; "Frances", "Francis"; "Jon", "John"), not "Carrie" and "Claire", "Jaylen" and "Jason",
    "Markieff" and "Marcus"."""
    short = min(len(a), len(b))
    shared = len(os.path.commonprefix([a, b]))
    return short > 1 and shared >= min(3, short - 1) and (short <= 5 or shared >= short - 1 or _edits(a, b) <= 2)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions) between two short words."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


# Capitalised words before a surname that give no other first name: jobs and ranks ("Coach Kerr", "Guard
# Nowell", "Sgt. Lopez"), besides TITLES
_ROLE_WORDS = frozenset((
    "coach", "guard", "forward", "center", "centre", "rookie", "veteran", "captain", "capt", "quarterback",
    "pitcher", "striker", "goalkeeper", "keeper", "manager", "boss", "star", "officer", "detective", "sergeant",
    "sgt", "lieutenant", "lt", "col", "colonel", "maj", "major", "cpl", "private", "deputy", "sheriff", "agent",
    "attorney", "lawyer", "professor", "prof", "democrat", "republican", "independent", "labour", "tory",
    "conservative", "rev", "reverend", "father", "brother", "sister", "nurse", "chef", "actor", "actress", "singer",
    "rapper", "host", "anchor", "reporter", "author", "former", "late",
))  # fmt: skip
_CAPITALISED = re.compile(r"[^\W\d_][\w'.-]*")
_OPENS = re.compile(r"(?:^|[.!?:;\"“(]\s*)$")


def _given_before(text: str, start: int, limit: int = 3) -> list[tuple[str, bool]]:
    """The capitalised words right before ``start`` on its line, nearest last, each with whether it opens its
    sentence: "Forward Markquis" of "Forward Markquis Nowell"; none past a clause's or a sentence's end ("Texas,
    Nowell", "on Friday. Rowling")."""
    line_start = text.rfind("\n", 0, start) + 1
    tokens = list(re.finditer(r"\S+", text[line_start:start]))
    words: list[tuple[str, bool]] = []
    for token in reversed(tokens):
        word = token.group(0)
        if len(words) == limit or not _CAPITALISED.fullmatch(word) or not word[0].isupper():
            break
        if word.endswith(".") and len(word.rstrip(".")) > 1 and word.rstrip(".").lower() not in TITLES | _ROLE_WORDS:
            break  # a sentence's end, not an initial ("J.") or a title ("Sen.")
        words.append((word, bool(_OPENS.search(text[line_start : line_start + token.start()].rstrip(" \t") + " "))))
    return words[::-1]


def _headline_case(line: str) -> bool:
    """Whether a line capitalises most of its words, as headlines do ("Grizzlies Sign Nowell To Two-Way Deal")."""
    found = re.findall(r"[^\W\d_][\w'-]*", line)
    ends = line.rstrip().endswith((".", '"', "”", "'"))  # a sentence, not a headline
    return not ends and len(found) >= 4 and sum(w[0].isupper() for w in found) >= 0.75 * len(found)


def names_person(text: str, name: str) -> bool:
    """Whether a text (capitals as written) names the person ``name``: by the whole name, or by the surname unless
    every time the text gives that surname a first name it is another's. An article about Markquis Nowell ("Nowell
    took on an even larger role") does not name Jaylen Nowell; one that says "President Biden" beside "Hunter Biden"
    names Joe Biden, and one that says "Biden" alone does too. For an article's text: a passage about a relative
    ("Biden said the pardon of his son Hunter Biden ...") may name the person only by surname."""
    text = text.replace("’", "'")
    low = text.lower()
    if mentions(low, name):
        return True
    words = _person_words(name)
    if len(words) < 2:
        return mentions(low, name, person=True)
    given, surname = words[0], words[-1]
    if not says(low, surname):
        return False
    if re.search(rf"(?<![\w'-]){re.escape(surname)}(?![\w'-])", text):
        return True  # written in lower case, it is a word, not a surname: "Tony Award" was no person's name
    others = False
    for m in re.finditer(rf"(?<![\w'-])(?i:{re.escape(surname)})(?![\w'-])", text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if _headline_case(text[line_start : line_end if line_end != -1 else len(text)]):
            continue  # a headline's capitals are no first names
        before = _given_before(text, m.start())
        lowered = [w.rstrip(".").lower() for w, _ in before]
        if any(w in words or _same_given(w, given) for w in lowered):
            return True  # "John Fitzgerald Kennedy"; "Joseph Kennedy" may be Joe Kennedy
        nearest = next((w for w in reversed(lowered) if len(w) > 1), "")  # past initials
        if nearest in TITLES or nearest in _ROLE_WORDS:
            return True  # "President Biden", "Coach Kerr" (not "Former President Donald Trump" for Melania)
        for (word, opens), w in zip(before, lowered, strict=True):
            neutral = (
                len(w) < 2
                or w in STOPWORDS
                or w.endswith(("'s", "'"))  # "Timberwolves' Nowell"
                or word.rstrip(".").isupper()  # "NBA Nowell"
                or (opens and re.search(rf"(?<![\w'-]){re.escape(w)}(?![\w'-])", text) is not None)  # "Later Nowell"
            )
            others = others or not neutral  # "Markquis Nowell"
    return not others


def _person_words(name: str) -> list[str]:
    """A person's name as words, without a trailing suffix ("Martin Luther King Jr." -> martin luther king)."""
    words = [w.strip(".,") for w in name_key(name).split()]
    while words and words[-1] in _PERSON_SUFFIXES:
        words.pop()
    return [w for w in words if w]


@lru_cache(maxsize=256)
def _spelled(short: str) -> re.Pattern[str]:
    """Capitalised words whose initials are ``short``'s letters, small linking words between them allowed."""
    link = r"(?:\s+(?:of|and|for|the|de|del|la|le)(?=\s))*\s+"
    return re.compile(r"(?<![\w'’])" + link.join(rf"{c}[a-z][\w'’.-]*" for c in short) + r"(?![\w'’])")


@lru_cache(maxsize=256)
def _spelled_small(short: str) -> re.Pattern[str]:
    """Words in small letters whose initials are ``short``'s letters, side by side."""
    first, *rest = short
    letters = [f"[{first.lower()}{first}][a-z]+", *(rf"{c.lower()}[a-z]+" for c in rest)]  # "Artificial intelligence"
    return re.compile(r"(?<![\w'’-])" + r"\s+".join(letters) + r"(?![\w'’-])")


def spells_out(text: str, short: str, small: bool = False) -> bool:
    """Whether ``text`` (as written) names what a short capital abbreviation stands for: "SF" is named by "San
    Francisco", "NYC" by "New York City", "SVB" by "Silicon Valley Bank". Not a country's or a state's ("US" is
    named by its own forms, ``place_forms``, and not by "Upper Silesia"). With ``small`` (an acronym a question uses
    as a common word: "the new EV tax credit"), also by a term in small letters spelt out twice or more ("electric
    vehicles"; "Artificial intelligence" opening a sentence), of words of three letters or more and no stop word
    (not "is the" for "IT")."""
    if not (2 <= len(short) <= 4 and short.isalpha() and short.isupper()) or place_forms(short):
        return False
    if _spelled(short).search(text) is not None:
        return True
    if not small:
        return False
    told = [m.group(0).lower().split() for m in _spelled_small(short).finditer(text)]
    told = [t for t in told if all(len(w) > 2 and w not in STOPWORDS for w in t)]
    return len(told) >= 2


def abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of ``name``, a name of two or more words ("SVB", "Silicon Valley Bank";
    "NHS", "the National Health Service"; "SDSU", "San Diego State"); small words do not count ("of", "and")."""
    initials = [w[0] for w in re.findall(r"[\w’']+", re.sub(r"^the\s+", "", name, flags=re.I)) if w[0].isupper()]
    if len(initials) < 2 or not short.isupper() or not short.isalpha():
        return False
    # a state university's initials, as its teams are named without "University": "SDSU" for "San Diego State",
    # "LSU" for "Louisiana State" (not "NYU" for "New York": the city)
    state_u = short.endswith("U") and name.endswith(" State") and short[:-1] == "".join(initials)
    return short == "".join(initials) or state_u
