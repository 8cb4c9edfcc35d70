"""The lexical index: SQLite FTS5 over the stored chunks (English stop words, Snowball stemming), in one file
under the store folder (``lexical.sqlite``), ranked by FTS5's own ``bm25()``.

One SQLite file holds, per chunk, its id, article, date, text, metadata (JSON) and the reranker's features
(``passage_terms``: key terms and names, computed once when the chunk is written), and an FTS5 table of the chunk's
stems (space-joined, so FTS5's ``unicode61`` tokenizer sees exactly the stems that ``bm25s.tokenize`` made; the
question is tokenised the same way). An ``articles`` table maps each article to its outlet for the source filter.

The index updates in place: the store's write path replaces an article's rows in one SQLite transaction beside its
Chroma writes (``replace_articles``, ``delete_articles``), and ``apply`` brings it level with Chroma's chunks after
a crash, a migration or another process's write (server mode). A ``generation`` in its ``meta`` table names the
store generation it agrees with, and a ``position`` (the store's epoch and the write sequence number it has every
write up to) lets ``catch_up`` take only the records written since. Nothing is held in Python per chunk: every read
is by id or through ``MATCH``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from rag.faults import crash_point
from rag.names import people_word
from rag.text import fold_accents, passage_terms

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
ACCENTED_SHARE = 0.1  # an accented form is searched for a word typed without it when it is this common beside it
FORMAT = "3"  # 1, 2: bm25s files and a JSON table in a ``lexical/`` folder; 3: this SQLite file
FILE = "lexical.sqlite"
LEGACY_FOLDER = "lexical"  # where FORMAT 1 and 2 lived: migrated once, then removed
COMMON_SHARE = 0.05  # a question's stems in more than this share of the chunks are left out of its query ...
MIN_TERMS = 3  # ... unless fewer than this many stems would remain: then the rarest this many are kept
RARE_DF = 500  # a stem in at most this many chunks is always kept (small stores: pruning would only lose matches)
SHORT_NAME = 5  # a name typed with a letter wrong is looked up near the indexed words from this many letters ...
LONG_NAME = 10  # ... and two letters wrong from this many
SPELLING_DF = 2  # the word it stands for is held by at least this many chunks ...
SPELLING_CASE_SHARE = 0.95  # ... and written with a capital this often
# ... or this often for a word beside the rest of a name, which must then be held whole ("Leslie": 86% on the dev
# store, where some chunk writes "leslie" in a handle; "Ridley" 87%)
NAME_RUN_CASE_SHARE = 0.75
SPELLED_APART = 7  # a word typed beside the rest of a name is read two letters out from this many (``name_beside``)
OWN_NAME_RATIO = 4  # how many times more chunks must hold the name beside than a stored name typed (``name_beside``)
BESIDE_CHUNKS = 400  # the chunks read for the words written beside a name's word (``name_beside``)
SPELLING_TRIES = 5  # the stems nearest (then most frequent) whose written words are compared with the typed one

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks(
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    published INTEGER NOT NULL,
    text TEXT NOT NULL,
    meta TEXT NOT NULL,
    keys TEXT NOT NULL,
    names TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
CREATE TABLE IF NOT EXISTS articles(id TEXT PRIMARY KEY, outlet TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
"""
_LINKING = frozenset({"of", "the", "and", "for", "de", "la", "on", "in"})  # small words inside a name
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“‘(—–-]\s*)$")  # what a sentence-initial word follows
_FTS = """CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(tokens, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'")"""


@dataclass(frozen=True)
class LexicalHit:
    id: str
    score: float  # -bm25(): larger is better
    text: str
    meta: dict[str, Any]


@dataclass(frozen=True)
class ChunkRow:
    """A chunk as the index stores it (``meta`` as in Chroma: article_id, index, start, end, title, source,
    published)."""

    id: str
    text: str
    meta: dict[str, Any]


class LexicalIndex:
    """The index in ``path``; opening is lazy (one SQLite connection per thread), so the constructor is cheap."""

    CASE_CACHE = 50_000  # words whose casing ``capitalised`` keeps (a few MB)

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._schema_lock = threading.Lock()
        # ``capitalised``'s answers, kept while the index holds the same writes (a question's words recur: "week",
        # "announced", "company"); each costs an FTS5 query and a read of up to 30 chunks
        self._case_cache: dict[tuple[str, int, int], tuple[float, str] | None] = {}
        self._case_state: tuple[str, str, int] | None = None
        self._case_lock = threading.Lock()

    # -- connections ---------------------------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer, nor it for them
            conn.execute("PRAGMA synchronous=NORMAL")  # a killed process loses nothing committed
            with self._schema_lock:
                conn.executescript(_SCHEMA + _FTS + ";")
                stored = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
                if stored is None:
                    conn.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
            self._local.conn = conn
        return conn

    def close(self) -> None:
        for name in ("conn", "rank_conn"):
            conn = getattr(self._local, name, None)
            if conn is not None:
                conn.close()
                setattr(self._local, name, None)

    def exists(self) -> bool:
        return self.path.is_file()

    # -- the generation ------------------------------------------------------------------------------------
    def generation(self) -> str:
        """The store generation this index agrees with ("" for a new or never-synced index)."""
        if not self.exists():
            return ""
        row = self._db().execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return str(row[0]) if row else ""

    def set_generation(self, generation: str) -> None:
        self._db().execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,))

    def position(self) -> tuple[str, int]:
        """(the store epoch, the write sequence number) up to which this index holds every write; ("", 0) when it
        knows none (never synced, or last brought level while a write was under way): the next sync is a full one."""
        if not self.exists():
            return "", 0
        rows = dict(self._db().execute("SELECT key, value FROM meta WHERE key IN ('epoch', 'seq')"))
        try:
            return str(rows.get("epoch", "")), int(rows.get("seq", 0))
        except ValueError:
            return "", 0

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one write transaction (BEGIN IMMEDIATE: writers queue on SQLite's lock), committed
        when the block ends, rolled back when it raises (a crash point's SIGKILL leaves it to SQLite's journal)."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def set_state(self, generation: str, position: tuple[str, int]) -> None:
        """Take a generation and a position together (one transaction)."""
        with self._transaction() as db:
            _set_state(db, generation, position)

    # -- reading -------------------------------------------------------------------------------------------
    def search(
        self,
        text: str,
        k: int,
        since: int | None = None,
        until: int | None = None,
        article_ids: frozenset[str] | None = None,
        exclude_ids: frozenset[str] | None = None,
    ) -> list[LexicalHit]:
        """The ``k`` best chunks for ``text`` by FTS5's BM25, within the date range (YYYYMMDD ints; undated chunks
        fall outside any range), among ``article_ids`` (None: all) and outside ``exclude_ids``."""
        if k < 1 or not self.exists():
            return []
        expression = self.query(text)
        if expression is None:
            return []
        where, params = ["fts MATCH ?"], [expression]
        if since is not None or until is not None:
            where.append("c.published > 0")
        if since is not None:
            where.append("c.published >= ?")
            params.append(since)
        if until is not None:
            where.append("c.published <= ?")
            params.append(until)
        if article_ids is not None:
            where.append("c.article_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(article_ids)))
        if exclude_ids:
            where.append("c.article_id NOT IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(exclude_ids)))
        if len(where) == 1:  # no filter: rank every match (kept for ``scores``), then read the best k rows
            sql = (
                "SELECT c.id, s.r, c.text, c.meta FROM (SELECT n, r FROM temp.ranked ORDER BY r, n LIMIT ?) s "
                "JOIN chunks c ON c.n = s.n ORDER BY s.r, s.n"
            )
            with self._ranked(expression) as db:
                rows = db.execute(sql, (k,)).fetchall()
            return [LexicalHit(cid, -float(r), text, json.loads(meta)) for cid, r, text, meta in rows if r < 0]
        sql = (
            "SELECT c.id, bm25(fts) AS r, c.text, c.meta FROM fts JOIN chunks c ON c.n = fts.rowid "
            f"WHERE {' AND '.join(where)} ORDER BY r, c.n LIMIT ?"
        )
        rows = self._db().execute(sql, (*params, k)).fetchall()
        return [LexicalHit(cid, -float(r), text, json.loads(meta)) for cid, r, text, meta in rows if r < 0]

    def scores(self, text: str, ids: Sequence[str]) -> dict[str, float]:
        """BM25 of the given chunks for ``text`` (0 for a chunk that matches no term, or that the index lacks)."""
        out = dict.fromkeys(ids, 0.0)
        if not ids or not self.exists():
            return out
        expression = self.query(text)
        if expression is None:
            return out
        # The same pruned query as ``search``, so its scores compare with the lexical retriever's, and its ranking:
        # the one ``search`` just computed for this question, not a second scan of the matches. Not restricted by
        # ``rowid IN (...)``: FTS5 opens a cursor per rowid and recounts every term's documents for bm25() each time
        # (42 vs 27 ms for ~28 ids on 104k chunks, where reading the kept ranking takes ~1 ms).
        with self._ranked(expression) as db:
            rows = db.execute(
                "SELECT c.id, s.r FROM chunks c JOIN temp.ranked s ON s.n = c.n "
                "WHERE c.id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(ids)),),
            ).fetchall()
        out.update({cid: max(0.0, -float(r)) for cid, r in rows})
        return out

    @contextmanager
    def _ranked(self, expression: str) -> Iterator[sqlite3.Connection]:
        """A connection, inside one read transaction, whose ``temp.ranked(n, r)`` holds ``bm25()`` (negative:
        smaller is better) of every chunk matching ``expression``, by rowid. FTS5 computes bm25() for every match whatever the LIMIT, so ``search``
        ranks them all once into this table and ``scores``, the reranker's BM25 of the candidates the lexical
        retriever did not return, reads its candidates' rows from it instead of scanning the matches again (a
        store of 104k chunks: ~11k matches a question; 35 ms for the scan into the table against 30 ms for the
        scan alone, then ~1 ms instead of ~30). The table lives in the temporary database of a second
        connection of this thread, so the main connection's change counters (``_frequencies``' cache key) see
        none of it, and it is valid until another connection commits (``PRAGMA data_version``) or another
        expression is ranked. It holds one question's matches, not the store."""
        db: sqlite3.Connection | None = getattr(self._local, "rank_conn", None)
        if db is None:
            db = sqlite3.connect(str(self.path), timeout=60, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA temp_store=MEMORY")
            db.execute("CREATE TEMP TABLE ranked(n INTEGER PRIMARY KEY, r REAL NOT NULL)")
            self._local.rank_conn, self._local.ranked = db, None
        db.execute("BEGIN")  # one snapshot of the file for the check, the ranking and the caller's reads
        try:
            key = (expression, db.execute("PRAGMA data_version").fetchone()[0])
            if self._local.ranked != key:
                self._local.ranked = None
                db.execute("DELETE FROM temp.ranked")
                db.execute("INSERT INTO temp.ranked SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?", (expression,))
                self._local.ranked = key
            yield db
        finally:
            if db.in_transaction:  # an error SQLite rolled back itself has ended it already
                db.execute("COMMIT")

    def chunks(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """(text, metadata) of the given chunks that the index holds, by id."""
        if not ids or not self.exists():
            return {}
        rows = self._db().execute(
            "SELECT id, text, meta FROM chunks WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
        )
        return {cid: (text, json.loads(meta)) for cid, text, meta in rows}

    def chunk(self, chunk_id: str) -> tuple[str, dict[str, Any]] | None:
        return self.chunks([chunk_id]).get(chunk_id)

    def features(self, ids: Sequence[str]) -> dict[str, tuple[set[str], set[str]]]:
        """The stored ``passage_terms`` (key terms, names) of the given chunks that the index holds."""
        if not ids or not self.exists():
            return {}
        rows = self._db().execute(
            "SELECT id, keys, names FROM chunks WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
        )
        return {cid: (set(keys.split()), set(names.split())) for cid, keys, names in rows}

    def passage_terms(self, chunk_id: str, text: str) -> tuple[set[str], set[str]]:
        """``passage_terms(text)`` of a chunk: read from the index when it holds the chunk, else computed."""
        found = self.features([chunk_id]).get(chunk_id)
        return found if found is not None else passage_terms(text)

    def knows(self, text: str, exclude_ids: frozenset[str] | None = None, together: bool = False) -> bool:
        """Whether some chunk holds every indexed word of ``text`` (stop words aside), outside the articles
        ``exclude_ids``: a name's words one by one are not the name ("Port Alvarado" is no place an article names
        where one says "port" and another "Alvarado"); a name of three words or more, all but its commonest. A word
        typed without its accents counts as written with them ("fein" is known when an article says "Féin").
        ``together``: the words in a row, as a name is written ("Nick Canon" is not held where a chunk tells of Nick
        Cannon and a canon; no exclusions, accents or long names' commonest word left out)."""
        if not self.exists():
            return False
        db = self._db()
        if db.execute("SELECT 1 FROM chunks LIMIT 1").fetchone() is None:
            return False
        if together:
            # the stems in a row, and the words as typed in a chunk's text (the index drops stop words and full stops:
            # "Nick. Canon cameras" holds the stems "nick canon" in a row)
            phrase = tokenize([text])[0]
            if not phrase:
                return True
            query = (
                "SELECT 1 FROM fts JOIN chunks c ON c.n = fts.rowid WHERE fts MATCH ? AND instr(lower(c.text), ?) "
                "LIMIT 1"
            )
            return db.execute(query, (_quote(" ".join(phrase)), " ".join(text.split()).lower())).fetchone() is not None
        tokens = list(dict.fromkeys(tokenize([text])[0]))
        if not tokens:
            return True
        if exclude_ids:
            query = (
                "SELECT 1 FROM fts JOIN chunks c ON c.n = fts.rowid WHERE fts MATCH ? "
                "AND c.article_id NOT IN (SELECT value FROM json_each(?)) LIMIT 1"
            )
            params: tuple[str, ...] = (json.dumps(sorted(exclude_ids)),)
        else:
            query, params = "SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1", ()
        if db.execute(query, (" AND ".join(map(_quote, tokens)), *params)).fetchone() is not None:
            return True
        # a place in "-ia" told by its people-word only ("Calabria": "the Calabrian coast")
        people = people_word(text.strip()) if len(tokens) == 1 else None
        if (
            people
            and db.execute(query, (" OR ".join(map(_quote, [*tokens, *tokenize([people])[0]])), *params)).fetchone()
        ):
            return True
        accented = self._accented()  # read only for a name not found as typed
        either = [" OR ".join(map(_quote, [t, *(accented.get(t, ()) if t.isascii() else ())])) for t in tokens]
        accents = any(t.isascii() and t in accented for t in tokens)
        if accents and db.execute(query, (" AND ".join(f"({e})" for e in either), *params)).fetchone() is not None:
            return True
        if len(tokens) < 3:
            return False
        # a long name is told in other words now and then ("Brazil's Tanaru Indigenous Territory" as "the Tanaru
        # indigenous land"): known where a chunk holds all its words but its commonest
        _, df = self._frequencies(tokens)
        commonest = max(range(len(tokens)), key=lambda i: df[tokens[i]])
        rest = " AND ".join(f"({e})" for i, e in enumerate(either) if i != commonest)
        return db.execute(query, (rest, *params)).fetchone() is not None

    def _accented_forms(self, text: str, tokens: Sequence[str]) -> list[str]:
        """The accented forms of names typed without accents (words written with a capital: the question as
        recased, ``Pipeline.prepared``) that the index holds at least ``ACCENTED_SHARE`` as often ("lópez" for
        "Lopez": 36 chunks against 89; "beyoncé" for "Beyonce"); not a rare spelling of a common word ("départ" for
        "depart", "tár" for "tar")."""
        names = set(tokenize([" ".join(_CAPITALISED.findall(text))])[0]) if text.isascii() else set()
        accented = self._accented()
        forms = {t: accented[t] for t in tokens if t in names and t in accented}
        if not forms:
            return []
        _, df = self._frequencies([*forms, *(v for vs in forms.values() for v in vs)])
        return [v for t, vs in forms.items() for v in vs if df[v] >= ACCENTED_SHARE * df[t]]

    def _accented(self) -> dict[str, tuple[str, ...]]:
        """The indexed words written with accents, by their form without ("fein": ("féin",)): readers type names
        without accents. Read from the vocabulary (a few hundred words in 56k chunks, ~0.2 s) once per change of the
        file."""
        db = self._db()
        version = _file_version(db)
        if getattr(self._local, "accented_version", None) != version:
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, fts, row)")
            found: dict[str, list[str]] = {}
            terms = [r[0] for r in db.execute("SELECT term FROM temp.fts_terms WHERE term GLOB '*[^ -~]*'")]
            folded = [fold_accents(t) for t in terms]
            # keyed by the stem of the word without its accents, as a typed word is stemmed ("beyoncé" -> "beyonc")
            stems = tokenize(folded) if folded else []
            for term, plain, stem in zip(terms, folded, stems, strict=True):
                if plain != term and plain.isascii() and len(stem) == 1:
                    found.setdefault(stem[0], []).append(term)
            self._local.accented = {k: tuple(v) for k, v in found.items()}
            self._local.accented_version = version
        return self._local.accented

    def capitalised(
        self, words: Sequence[str], sample: int = 30, least: int = 3
    ) -> dict[str, tuple[float, str] | None]:
        """How the stored chunks write each word, read in up to ``sample`` chunks that hold it: the share of its
        occurrences written with a capital, away from a sentence's start, and its most frequent such form ("tokayev":
        (1.0, "Tokayev"); "openai": (1.0, "OpenAI"); "universities": (0.0, ...)). None when that cannot tell: no
        chunk holds it, it is no single indexed word (a stop word, "built-up"), or it is written with a capital fewer
        than ``least`` times and never without one ("Denisov", once). A word may be a phrase ("new york giants":
        (1.0, "New York Giants"); "white house": (1.0, "White House")), found as its words in a row; once is enough
        for two words ("emily bridges": (1.0, "Emily Bridges"))."""
        out: dict[str, tuple[float, str] | None] = {}
        if not words or not self.exists():
            return dict.fromkeys(words)
        db = self._db()
        state = (self.generation(), *self.position())
        with self._case_lock:
            cache = self._case_cache
            if state != self._case_state or len(cache) > self.CASE_CACHE:
                cache.clear()  # another generation or write: shares may have moved
                self._case_state = state
            known = {w: cache[(w, sample, least)] for w in words if (w, sample, least) in cache}
        todo = [w for w in dict.fromkeys(words) if w not in known]
        for word, tokens in zip(todo, tokenize(todo) if todo else [], strict=True):
            out[word] = None
            parts = word.split()
            if len(tokens) != len([p for p in parts if p.lower() not in STOPWORDS_EN]) or not tokens:
                continue  # a stop word or a word of several tokens ("built-up"): not indexed as one
            rows = db.execute(
                "SELECT c.text FROM fts JOIN chunks c ON c.n = fts.rowid WHERE fts MATCH ? AND instr(lower(c.text), ?)"
                " LIMIT ?",
                (_quote(" ".join(tokens)), " ".join(parts).lower(), sample),
            ).fetchall()
            # a phrase of words of their own: not ending in a piece of a hyphened one ("World Cup Kick-off" writes no
            # "Cup Kick"; a word alone may be: "Covid-19" writes "Covid")
            edge = r"'’-" if len(parts) > 1 else r"'’"
            pattern = re.compile(rf"(?<![\w{edge}])(" + r"\s+".join(map(re.escape, parts)) + rf")(?![\w{edge}])", re.I)
            found = [
                m.group(1)
                for (text,) in rows
                for m in pattern.finditer(text)
                if not _SENTENCE_START.search(text, 0, m.start())
            ]
            # a phrase is written as a name when each of its words but a small linking one is ("Bank of America")
            upper = [f for f in found if all(w[:1].isupper() for w in f.split() if w.lower() not in _LINKING)]
            # two words seen once, mid-sentence, with capitals and never without are a name ("Emily Bridges"): two
            # words in a row written so by chance are rarer than a word alone (three straddle names: "Chiefs in Super")
            if len(found) >= (1 if len(parts) == 2 else least) or len(upper) < len(found):
                form = max(set(upper), key=upper.count) if upper else word
                out[word] = (len(upper) / len(found), form)
        with self._case_lock:
            if self._case_state == state:
                cache.update(((word, sample, least), out[word]) for word in todo)
        return {w: known[w] if w in known else out[w] for w in words}

    def near_spelling(self, word: str, context: str = "", indexed: bool = False) -> str | None:
        """The name that a name typed with a letter wrong stands for, as the stored chunks write it ("breana" ->
        "Breanna", "Zuker" -> "Zucker", "pierluissi" -> "Pierluisi", "cumings" -> "Cummings", "DeSanntis" ->
        "DeSantis"): a word one typo away (a letter left out, one too many or two swapped, not at its end:
        ``_typo``; two in a name of ``LONG_NAME`` letters or more) with the same first two letters, held by at least
        ``SPELLING_DF`` chunks, written with a capital (``capitalised``: at least ``SPELLING_CASE_SHARE`` of the
        time; "Ashdale" is not "ashfall"), and found beside two of the other words of ``context`` (the question; its
        words held by at most ``COMMON_SHARE`` of the chunks): "Breanna" beside "Stewart" and "playing", where "the
        Halvard Open in Tromsvik" is not "Harvard". None when the word is indexed itself (unless ``indexed``: a
        word typed for another in a name), is shorter than ``SHORT_NAME`` letters or several words, or no name is
        near. With ``indexed`` (a word beside the rest of a name, which the caller then looks up whole) the rules are
        looser: the same first letter, a capital ``NAME_RUN_CASE_SHARE`` of the time, a letter shorter ("Jon Rham",
        "Lesile Jordan"). The index holds stems ("cummings" is "cum",
        "cumings" "cume"): the vocabulary's range of the typed word's first two letters (~700 stems for "br" in 56k
        chunks, ~2 ms) gives the stems near its own (one edit more than the words may differ by), and the chunks
        that hold each give its written word, which is compared with the word as typed."""
        tokens = tokenize([word])[0]
        # a word beside the rest of a name may be a letter shorter ("Jon Rham": the name as read must be held whole)
        if len(tokens) != 1 or len(word) < SHORT_NAME - indexed or not word.isalpha() or not self.exists():
            return None
        stem = tokens[0]
        others = [t for t in dict.fromkeys(tokenize([context])[0]) if t != stem]
        total, df = self._frequencies([stem, *others])
        # the question's other words that tell (not the commonest); one no chunk holds is beside none, but counts in
        # how many must be beside: "Breana Okafor" is not "Breanna" where no chunk names an Okafor
        others = [t for t in others if df[t] <= max(COMMON_SHARE * total, RARE_DF)]
        need = min(2, len(others))
        held = [t for t in others if df[t] > 0]
        if df[stem] > 0 and not indexed:  # ``indexed``: a word typed for another in a name ("Britney" Griner)
            # held, but perhaps only as the stem of another word: "Mitchel" is the stem the index keeps of "Mitchell"
            return self._doubled_end(word, stem, held)
        edits = 2 if len(word) >= LONG_NAME else 1
        db = self._db()
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, fts, row)")
        # the same first two letters; beside the rest of a name, the first (its second and third swapped: "Rham")
        low, high = (stem[:1], chr(ord(stem[0]) + 1)) if indexed else (stem[:2], stem[:1] + chr(ord(stem[1]) + 1))
        rows = db.execute(
            "SELECT term, doc FROM temp.fts_terms WHERE term >= ? AND term < ? AND doc >= ?", (low, high, SPELLING_DF)
        )
        # the stems as near as the words may be first (to the word as typed first: its stem may be cut short, "ridly"
        # is "rid", "Ridley" "ridley"), then one edit further; the most frequent first in each
        typed = word.lower()
        # the stemmer writes a final "y" as "i" ("Chesky" is "cheski"): "Cheskey" is read as "cheskei" too
        as_stemmed = typed[:-1] + "i" if typed.endswith("y") else typed
        near = sorted(
            (not (_edits(typed, t, edits) or _edits(as_stemmed, t, edits)), not _edits(stem, t, edits), -n, t)
            for t, n in rows
            if t != stem
            and (_edits(stem, t, edits + 1) or _edits(typed, t, edits + 1) or _edits(as_stemmed, t, edits + 1))
        )
        for *_, term in near[:SPELLING_TRIES]:
            form = self._written_word(term, typed[: 1 if indexed else 2], held if indexed else ())
            if form is None or not _typo(typed, form, edits, substitute=indexed):
                continue
            written = self.capitalised([form]).get(form)
            if written is None or written[0] < (NAME_RUN_CASE_SHARE if indexed else SPELLING_CASE_SHARE):
                continue
            if self._beside(term, held, need):
                return written[1]
        return None

    def name_beside(self, word: str, neighbour: str, after: bool = True) -> str | None:
        """The word the stored chunks write right beside ``neighbour`` (after it, or before it) that ``word``, typed
        beside it in a name no chunk holds, misspells by more than ``near_spelling`` reads: two letters out in a word
        of ``SPELLED_APART`` letters or more, one in a shorter one, a letter changed too, the first two letters as
        typed ("Gretchen Whitmore": "Whitmer", beside "Gretchen"; "Gwenyth Paltrow": "Gwyneth", before "Paltrow").
        Only where one such word is written beside it (two would be a guess between names), read in every chunk that
        holds the neighbour and a word of the typed one's first two letters (none where more than ``BESIDE_CHUNKS``
        do: too common a name to tell); for a word the chunks write as a name themselves, only where the name beside
        is written in ``OWN_NAME_RATIO`` times as many chunks ("Ivanka" Trump is not "Ivana", nor "Zion Williams"
        "Williamson" where Williams is as common; "Don Lemmon" is "Lemon"); None otherwise."""
        typed = word.lower()
        if len(typed) < SHORT_NAME or not word.isalpha() or not neighbour.isalpha() or not self.exists():
            return None
        stems = tokenize([neighbour])[0]
        if len(stems) != 1:
            return None
        written = self.capitalised([typed]).get(typed)
        own_name = written is not None and written[0] >= SPELLING_CASE_SHARE
        rows = (
            self._db()
            .execute(
                "SELECT c.text FROM fts JOIN chunks c ON c.n = fts.rowid WHERE fts MATCH ? LIMIT ?",
                (f"{_quote(stems[0])} AND {_quote(typed[:2])}*", BESIDE_CHUNKS + 1),
            )
            .fetchall()
        )
        if len(rows) > BESIDE_CHUNKS:
            return None
        name = r"([A-Z][a-z]+)"
        pattern = re.compile(
            rf"\b{re.escape(neighbour)}\s+{name}\b" if after else rf"(?<![\w'’-]){name}\s+{re.escape(neighbour)}\b"
        )
        most = 2 if len(typed) >= SPELLED_APART else 1
        near = {
            found
            for (text,) in rows
            for found in pattern.findall(text)
            if found.lower()[:2] == typed[:2] and _edits(typed, found.lower(), most)
        }
        if len(near) != 1:
            return None
        found = near.pop()
        if own_name:
            # a name of its own, read so only where the name beside the neighbour is far the more written ("Whitmore"
            # in 3 chunks, "Whitmer" in 115: read; "Ivanka" in 35, "Ivana" in 5: not)
            typed_stems, found_stems = tokenize([typed, found.lower()])
            if not typed_stems or not found_stems:
                return None  # (a stop word: no count to compare)
            _, df = self._frequencies([typed_stems[0], found_stems[0]])
            if df[typed_stems[0]] * OWN_NAME_RATIO > df[found_stems[0]]:
                return None
        return found

    def _beside(self, term: str, others: Sequence[str], need: int) -> bool:
        """Whether ``need`` of the stems ``others`` share a chunk with ``term`` (looking no further than the
        need-th)."""
        query = "SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1"
        beside = (self._db().execute(query, (f"{_quote(term)} AND {_quote(o)}",)).fetchone() for o in others)
        return len(list(islice(filter(None, beside), need))) >= need

    def _doubled_end(self, word: str, stem: str, held: Sequence[str]) -> str | None:
        """``near_spelling`` for a word the index holds as a stem: the name it stands for where the chunks write that
        stem only with the typed word's last letter doubled ("Mitchel" for "Mitchell": the stemmer makes both
        "mitchel"), written with a capital and beside two of the question's other words; None otherwise."""
        typed = word.lower()
        if stem != typed or typed[-1] in "aeiouys" or typed[-2] == typed[-1]:
            return None
        if tokenize([typed + typed[-1]])[0] != [stem]:
            return None  # the doubled word is held under a stem of its own ("Bidenn"): nothing hides it
        written_as = self._written_words(stem, typed[:2])
        if not written_as or max((n, w) for w, n in written_as.items())[1] != typed + typed[-1]:
            return None
        if written_as.get(typed):
            return None  # the chunks write it as typed too ("Russel Honore" beside "Russell Wilson"): no typo
        written = self.capitalised([typed + typed[-1]]).get(typed + typed[-1])
        if written is None or written[0] < SPELLING_CASE_SHARE:
            return None
        return written[1] if self._beside(stem, held, min(2, len(held))) else None

    def _written_word(self, term: str, start: str, beside: Sequence[str] = ()) -> str | None:
        """The word the chunks holding the stem ``term`` (and one of the stems ``beside``, when given) most often
        write for it (lower-cased; beginning with ``start``): "cummings" for "cum", "frances" for "franc" beside
        "tiafoe" (not "france"); None when none does."""
        held = self._written_words(term, start, beside)
        return max((n, w) for w, n in held.items())[1] if held else None

    def _written_words(self, term: str, start: str, beside: Sequence[str] = ()) -> Counter[str]:
        """How often the chunks holding the stem ``term`` (and one of ``beside``) write each word of that stem
        (lower-cased, beginning with ``start``; of the first 20 such chunks)."""
        expression = _quote(term) + (f" AND ({' OR '.join(map(_quote, beside))})" if beside else "")
        rows = self._db().execute(
            "SELECT c.text FROM fts JOIN chunks c ON c.n = fts.rowid WHERE fts MATCH ? LIMIT 20", (expression,)
        )
        pattern = re.compile(rf"(?<![\w'’]){re.escape(start)}[a-z]*(?![\w'’])", re.I)
        words = Counter(m.group(0).lower() for (text,) in rows for m in pattern.finditer(text))
        if not words:
            return Counter()
        stems = dict(zip(words, (t[0] if len(t) == 1 else "" for t in tokenize(list(words))), strict=True))
        return Counter({w: n for w, n in words.items() if stems[w] == term})

    def query(self, text: str) -> str | None:
        """The FTS5 query for ``text`` (None when it has no stem that any chunk holds): its stems that occur in at
        most ``COMMON_SHARE`` of the chunks (or ``RARE_DF`` chunks), or, when fewer than ``MIN_TERMS`` do, the ``MIN_TERMS`` rarest ones.

        FTS5 computes bm25() for every chunk that matches, so an OR of a question's stems costs time in proportion
        to the chunks holding its commonest stem (~11k of 19k for "from", "has", "who"), i.e. to the store size.
        Those stems weigh little in BM25 (idf log(19) at 5% against log(135) for a stem in 140 chunks) and are
        dropped; the query then costs in proportion to its rare stems' matches."""
        tokens = tokenize([text])[0]
        if not tokens:
            return None
        tokens += self._accented_forms(text, tokens)
        total, df = self._frequencies(list(dict.fromkeys(tokens)))
        present = sorted((t for t in tokens if df.get(t, 0) > 0), key=lambda t: (df[t], t))
        if not present:
            return None
        kept = {t for t in present if df[t] <= max(COMMON_SHARE * total, RARE_DF)} | set(present[:MIN_TERMS])
        return " OR ".join(_quote(t) for t in tokens if t in kept)

    def _frequencies(self, tokens: Sequence[str]) -> tuple[int, dict[str, int]]:
        """The chunk count and the document frequency of each token (0: in no chunk). Cached per connection until
        the file changes (this connection's writes, or another's: ``PRAGMA data_version``), so a common stem's
        count (fts5vocab reads its whole posting list: ~0.6 ms for a stem in 9k chunks) is read once."""
        db = self._db()
        version = _file_version(db)
        cache: dict[str, int] | None = getattr(self._local, "df", None)
        if cache is None or getattr(self._local, "df_version", None) != version:
            cache = {"": int(db.execute("SELECT count(*) FROM chunks").fetchone()[0])}
            self._local.df, self._local.df_version = cache, version
        missing = [t for t in tokens if t not in cache]
        if missing:
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, fts, row)")
            cache.update(dict.fromkeys(missing, 0))
            for t in missing:  # one lookup a term: ``term IN (...)`` scans the vocabulary
                row = db.execute("SELECT doc FROM temp.fts_terms WHERE term = ?", (t,)).fetchone()
                if row is not None:
                    cache[t] = int(row[0])
        return cache[""], {t: cache[t] for t in tokens}

    def count(self) -> int:
        if not self.exists():
            return 0
        return int(self._db().execute("SELECT count(*) FROM chunks").fetchone()[0])

    def ids(self) -> list[str]:
        """Every chunk id (for checks and tests: a serving process never lists them)."""
        if not self.exists():
            return []
        return [r[0] for r in self._db().execute("SELECT id FROM chunks ORDER BY n")]

    def metas(self) -> dict[str, str]:
        """Every chunk's metadata as stored (JSON with sorted keys), by id: what a sync compares with Chroma."""
        if not self.exists():
            return {}
        return dict(self._db().execute("SELECT id, meta FROM chunks"))

    def article_ids_for_outlets(self, outlets: Sequence[str]) -> set[str]:
        rows = self._db().execute(
            "SELECT id FROM articles WHERE outlet IN (SELECT value FROM json_each(?))", (json.dumps(list(outlets)),)
        )
        return {r[0] for r in rows}

    def problem(self) -> str:
        """What is wrong inside the file ("" when nothing): FTS5's integrity check, and the FTS table and the
        chunk table holding the same rows."""
        if not self.exists():
            return ""
        db = self._db()
        try:
            db.execute("INSERT INTO fts(fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            return f"the FTS5 index is damaged: {exc}"
        mismatched = db.execute(
            "SELECT (SELECT count(*) FROM fts) != (SELECT count(*) FROM chunks) OR EXISTS "
            "(SELECT 1 FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM fts WHERE fts.rowid = c.n))"
        ).fetchone()[0]
        return "the FTS5 table and the chunk table hold different rows" if mismatched else ""

    # -- writing (under the store's writer lock) -----------------------------------------------------------
    def replace_articles(
        self,
        article_ids: Sequence[str],
        rows: Sequence[ChunkRow],
        outlets: dict[str, str],
        generation: str,
    ) -> None:
        """In one transaction: drop the chunks of ``article_ids``, add ``rows`` (their features computed here),
        record the articles' outlets, and take ``generation``."""
        prepared = _prepare(rows, {})
        with self._transaction() as db:
            self._drop_articles(db, article_ids)
            self._insert(db, prepared)
            db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?)", outlets.items())
            db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,))
            crash_point("lexical-write")

    def delete_articles(self, article_ids: Sequence[str], generation: str) -> None:
        with self._transaction() as db:
            self._drop_articles(db, article_ids)
            db.execute(
                "DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(article_ids)),)
            )
            db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,))
            crash_point("lexical-write")

    def apply(
        self,
        remove: Iterable[str],
        update: dict[str, dict[str, Any]],
        add: Sequence[ChunkRow],
        outlets: dict[str, str],
        generation: str,
        known_terms: dict[str, tuple[str, str]] | None = None,
        position: tuple[str, int] = ("", 0),
    ) -> None:
        """Bring the index level with Chroma in one transaction: ``remove`` chunks, rewrite the metadata of
        ``update`` ones (same id, so the same text), ``add`` new ones (their features from ``known_terms`` where
        given, else computed), replace the outlet table with ``outlets``, take ``generation`` and ``position``."""
        prepared = _prepare(add, known_terms or {})
        with self._transaction() as db:
            gone = [(cid,) for cid in remove]
            db.executemany("DELETE FROM fts WHERE rowid = (SELECT n FROM chunks WHERE id = ?)", gone)
            db.executemany("DELETE FROM chunks WHERE id = ?", gone)
            db.executemany(
                "UPDATE chunks SET meta = ?, article_id = ?, published = ? WHERE id = ?",
                [
                    (_meta_json(m), str(m.get("article_id", "")), int(m.get("published", 0) or 0), cid)
                    for cid, m in update.items()
                ],
            )
            self._insert(db, prepared)
            db.execute("DELETE FROM articles")
            db.executemany("INSERT INTO articles VALUES (?, ?)", outlets.items())
            _set_state(db, generation, position)
            crash_point("lexical-sync")

    def catch_up(
        self,
        articles: Iterable[str],
        rows: Sequence[ChunkRow],
        outlets: dict[str, str],
        deleted: Iterable[str],
        generation: str,
        position: tuple[str, int],
    ) -> None:
        """Apply the writes made since this index's position, in one transaction: every chunk of ``articles`` (the
        articles those writes replaced or deleted) goes, ``rows`` (their chunks as Chroma holds them now) come in,
        the outlets of ``deleted`` articles go and ``outlets`` are set; take ``generation`` and ``position``."""
        prepared = _prepare(rows, {})
        with self._transaction() as db:
            self._drop_articles(db, sorted(set(articles)))
            self._insert(db, prepared)
            db.execute(
                "DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(deleted))),)
            )
            db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?)", outlets.items())
            _set_state(db, generation, position)
            crash_point("lexical-catch-up")

    def clear(self) -> None:
        """Empty the index in place (the same file, so other processes' open connections see it): for a rebuild."""
        with self._transaction() as db:
            db.execute("DROP TABLE IF EXISTS fts")
            for sql in (
                "DELETE FROM chunks",
                "DELETE FROM articles",
                "DELETE FROM meta WHERE key IN ('generation', 'epoch', 'seq')",
            ):
                db.execute(sql)
            db.execute(_FTS)

    @staticmethod
    def _drop_articles(db: sqlite3.Connection, article_ids: Sequence[str]) -> None:
        ids = json.dumps(list(article_ids))
        db.execute(
            "DELETE FROM fts WHERE rowid IN (SELECT n FROM chunks WHERE article_id IN (SELECT value FROM json_each(?)))",
            (ids,),
        )
        db.execute("DELETE FROM chunks WHERE article_id IN (SELECT value FROM json_each(?))", (ids,))

    @staticmethod
    def _insert(db: sqlite3.Connection, prepared: list[tuple[ChunkRow, str, str, str]]) -> None:
        for row, tokens, keys, names in prepared:
            meta = row.meta
            db.execute("DELETE FROM fts WHERE rowid = (SELECT n FROM chunks WHERE id = ?)", (row.id,))
            db.execute("DELETE FROM chunks WHERE id = ?", (row.id,))
            cur = db.execute(
                "INSERT INTO chunks (id, article_id, published, text, meta, keys, names) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    row.id,
                    str(meta.get("article_id", "")),
                    int(meta.get("published", 0) or 0),
                    row.text,
                    _meta_json(meta),
                    keys,
                    names,
                ),
            )
            db.execute("INSERT INTO fts (rowid, tokens) VALUES (?, ?)", (cur.lastrowid, tokens))

    @classmethod
    def build(cls, path: Path, rows: Sequence[ChunkRow], generation: str) -> LexicalIndex:
        """An index of exactly these chunks at ``path`` (tests, tools)."""
        index = cls(path)
        index.apply((), {}, rows, {}, generation)
        return index


def _prepare(rows: Sequence[ChunkRow], known: dict[str, tuple[str, str]]) -> list[tuple[ChunkRow, str, str, str]]:
    """Each row with its stems (space-joined) and its features (space-joined key terms and names)."""
    stems = tokenize([r.text for r in rows]) if rows else []
    out = []
    for row, tokens in zip(rows, stems, strict=True):
        terms = known.get(row.id)
        if terms is None:
            keys, names = passage_terms(row.text)
            terms = (" ".join(sorted(keys)), " ".join(sorted(names)))
        out.append((row, " ".join(tokens), terms[0], terms[1]))
    return out


def _set_state(db: sqlite3.Connection, generation: str, position: tuple[str, int]) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("generation", generation), ("epoch", position[0]), ("seq", str(int(position[1])))],
    )


def _meta_json(meta: dict[str, Any]) -> str:
    return json.dumps(meta, ensure_ascii=False, sort_keys=True)


def _quote(token: str) -> str:
    """A token as an FTS5 string: whatever it holds is text, never query syntax."""
    return '"' + token.replace('"', '""') + '"'


def match_expression(text: str) -> str | None:
    """All of ``text``'s stems, each quoted, OR'ed (None when it has none); searches use ``LexicalIndex.query``,
    which leaves out the common ones."""
    tokens = tokenize([text])[0]
    return " OR ".join(_quote(t) for t in tokens) if tokens else None


def legacy_terms(folder: Path) -> dict[str, tuple[str, str]]:
    """The key terms and names that a FORMAT 2 folder computed, by chunk id ({} when there is none to reuse)."""
    try:
        if (folder / "format").read_text(encoding="utf-8") != "2":
            return {}
        table = json.loads((folder / "chunks.json").read_text(encoding="utf-8"))
        return {cid: (keys, names) for cid, (keys, names) in zip(table["ids"], table["terms"], strict=True)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


_stem_lock = threading.Lock()


# bm25s' English stop words (its ``STOPWORDS_EN``, from NLTK's short list) and token pattern (scikit-learn's
# CountVectorizer's): the stems every stored lexical index holds were made with ``bm25s.tokenize(texts,
# stopwords="en", stemmer=...)``, which this reproduces exactly (``tests/rag/test_lexical.py`` compares them) without
# importing bm25s, whose package imports scipy: half a second of a fresh process's first answer.
STOPWORDS_EN = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def _file_version(db: sqlite3.Connection) -> tuple[int, int]:
    """Changes when the file does, by this connection's writes or another's: what a per-connection cache is valid
    for."""
    return db.execute("PRAGMA data_version").fetchone()[0], db.total_changes


def _edits(a: str, b: str, most: int, substitute: bool = True) -> bool:
    """Whether ``b`` is ``a`` with at most ``most`` edits (insertions, deletions, substitutions and two neighbouring
    letters swapped: the optimal string alignment distance), and not ``a`` itself; without ``substitute``, a letter
    for another counts as two edits (a deletion and an insertion)."""
    if a == b or abs(len(a) - len(b)) > most:
        return False
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1 if substitute else 2
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > most:
            return False
        before, row = row, current
    return row[-1] <= most


def _typo(typed: str, written: str, most: int, substitute: bool = False) -> bool:
    """Whether ``typed`` is ``written`` with a letter left out, one too many or two swapped (``most`` such edits), as
    a name is mistyped ("Breana", "Zuker", "Pierluissi"), not with a letter changed (unless ``substitute``: beside
    the rest of a name that must then be held as a whole, "Francis Tiafoe"), nor at its end: those make other names
    ("Halvard" is not "Harvard", "Lucan" not "Lujan", "Aviva" not "Aviv"; but for a last "e", "i" or "y" typed for
    another in a name of six letters or more, with ``substitute``: "Marley" Matlin is "Marlee"; a shorter name is
    often another's, "Bobby" and "Bobbi", "Tony" and "Toni"; and a last consonant for another in a name of five
    letters or more, with ``substitute``: "Virgil Ablow" is "Abloh")."""
    if written in (typed + typed[-1:], typed + "h") and typed[-1:] not in ("", "a", "e", "i", "o", "u", "y", "s"):
        # a last letter typed once where it is doubled ("Mitchel"), or the "h" of a name's "-ich" left out
        # ("Abramovic"): no other name made
        return written != typed + "h" or typed.endswith("c")
    if substitute and typed[:-1] == written[:-1]:
        # beside the rest of a name held whole: a last vowel that sounds the same ("Marley Matlin"), or a last
        # consonant typed for another ("Virgil Ablow")
        ends = {typed[-1:], written[-1:]}
        if (len(typed) >= 6 and ends <= {"e", "i", "y"}) or (len(typed) >= 5 and not ends & set("aeiouy")):
            return True
    return typed[-1:] == written[-1:] and _edits(typed, written, most, substitute=substitute)


def tokenize(texts: list[str]) -> list[list[str]]:
    """Each text's stems, stop words removed (bm25s' English list, PyStemmer's Snowball English)."""
    words = [[w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS_EN] for text in texts]
    unique = list(dict.fromkeys(w for text in words for w in text))
    with _stem_lock:  # PyStemmer objects are not thread-safe
        stems = dict(zip(unique, _stemmer().stemWords(unique), strict=True))
    return [[stems[w] for w in text] for text in words]


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")
