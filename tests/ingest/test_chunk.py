from pathlib import Path

import pytest

from ingest.chunk import Chunker
from ingest.readers import InputFile, Read, read_file
from rag.types import Article
from tests.conftest import SAMPLE, SEED_ID
from tests.fakes import word_token_spans


def _article(text: str) -> Article:
    return Article("a", "t", None, "a.txt", None, text)


def _seed() -> Article:
    path = SAMPLE / f"{SEED_ID}.txt"
    (result,) = read_file(InputFile(path, str(path), path.name))
    assert isinstance(result, Read)
    return result.article


def test_title_prefix_goes_into_the_embedded_text_only_and_is_cut_to_its_budget() -> None:
    text = "One two three. Four five six. Seven eight nine."
    article = Article("a", "Storm  hits the coast again tonight", None, "a.txt", None, text)
    plain = Chunker(word_token_spans, max_tokens=6, overlap_sentences=0)
    titled = Chunker(word_token_spans, max_tokens=6, overlap_sentences=0, title_tokens=3)
    chunks = titled.chunk(article)
    assert chunks == plain.chunk(article)  # the passages themselves do not change
    assert titled.embedding_texts(article.title, [c.text for c in chunks]) == [
        f"Storm hits the\n{c.text}" for c in chunks
    ]
    assert plain.embedding_texts(article.title, [c.text for c in chunks]) == [c.text for c in chunks]
    assert titled.fingerprint != plain.fingerprint  # stored articles are re-embedded when the setting changes
    assert titled.embedding_texts("", [c.text for c in chunks]) == [c.text for c in chunks]


def test_offsets_point_into_the_article_and_sentences_stay_whole() -> None:
    text = "One two three. Four five six. Seven eight nine. Ten eleven twelve."
    chunks = Chunker(word_token_spans, max_tokens=6, overlap_sentences=0).chunk(_article(text))
    assert [c.text for c in chunks] == ["One two three. Four five six.", "Seven eight nine. Ten eleven twelve."]
    for c in chunks:
        assert text[c.start : c.end] == c.text


def test_overlap_repeats_the_last_sentence() -> None:
    text = "One two three. Four five six. Seven eight nine. Ten eleven twelve."
    chunks = Chunker(word_token_spans, max_tokens=6, overlap_sentences=1).chunk(_article(text))
    assert [c.text for c in chunks] == [
        "One two three. Four five six.",
        "Four five six. Seven eight nine.",
        "Seven eight nine. Ten eleven twelve.",
    ]


def test_a_sentence_longer_than_the_window_is_cut_at_word_boundaries() -> None:
    text = " ".join(f"w{i}" for i in range(25)) + ". Short end."
    chunker = Chunker(word_token_spans, max_tokens=10, overlap_sentences=0)
    chunks = chunker.chunk(_article(text))
    assert all(len(c.text.split()) <= 10 for c in chunks)
    covered = " ".join(c.text for c in chunks)
    assert covered.split() == text.split()  # every word is in exactly one chunk, none cut in two


def test_ids_are_stable_and_change_with_content() -> None:
    chunker = Chunker(word_token_spans, max_tokens=5, overlap_sentences=0)
    a = chunker.chunk(_article("Alpha beta. Gamma delta."))
    b = chunker.chunk(_article("Alpha beta. Gamma delta."))
    c = chunker.chunk(_article("Alpha beta. Gamma epsilon."))
    assert [x.id for x in a] == [x.id for x in b]
    assert a[0].id.startswith("a#0:") and a[0].id != c[0].id


def test_validation_messages() -> None:
    with pytest.raises(ValueError, match="max_tokens is 0"):
        Chunker(word_token_spans, max_tokens=0)


def test_real_tokenizer_chunks_fit_the_model_window_and_cover_the_seed(embedder) -> None:  # type: ignore[no-untyped-def]
    article = _seed()
    chunker = Chunker(embedder.token_spans, max_tokens=120, overlap_sentences=1)
    chunks = chunker.chunk(article)
    assert len(chunks) >= 3
    assert max(embedder.count_tokens([c.text for c in chunks])) <= 120 <= embedder.max_tokens
    covered = set()
    for c in chunks:
        assert article.text[c.start : c.end] == c.text
        covered.update(range(c.start, c.end))
    non_space = {i for i, ch in enumerate(article.text) if not ch.isspace()}
    assert non_space <= covered
    titled = Chunker(embedder.token_spans, max_tokens=120, overlap_sentences=1, title_tokens=8)
    embedded = titled.embedding_texts(article.title, [c.text for c in titled.chunk(article)])
    assert max(embedder.count_tokens(embedded)) <= 120 + 8  # the title's budget keeps every chunk in the window
    assert all(e.endswith(c.text) for e, c in zip(embedded, chunks, strict=True))


def test_real_tokenizer_splits_a_huge_sentence(embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "Sentence with " + "extraordinarily " * 400 + "many words."
    chunks = Chunker(embedder.token_spans, max_tokens=200).chunk(_article(text))
    assert len(chunks) > 1
    assert max(embedder.count_tokens([c.text for c in chunks])) <= 200


def test_embedding_ids_are_the_tokenizer_s_own_pieces_of_the_embedded_texts(embedder) -> None:  # type: ignore[no-untyped-def]
    """Ingestion tokenises each article once; the pieces it hands the model must be exactly what tokenising each
    embedded text (title prefix included) would give, long sentences cut, accents and odd spacing included."""
    text = _seed().text + "\n\nCafé  Zürich’s naïve co-operation, 3.5% (Q2)! " + "antidisestablishment " * 300 + "end."
    article = Article("x", "Minister's   visit: Ünïcode  title, with a long tail of words", None, "x.txt", None, text)
    for title_tokens in (0, 5):
        chunker = Chunker(embedder.token_spans, max_tokens=120, overlap_sentences=1, title_tokens=title_tokens)
        tokens = embedder.tokens(article.text)
        chunks = chunker.chunk(article, tokens.spans)
        assert chunks == chunker.chunk(article)  # the same chunks whoever tokenised the article
        title = embedder.tokens(chunker.flat_title(article.title)).ids
        ids = chunker.embedding_ids(title, tokens.ids, tokens.spans, chunks)
        texts = chunker.embedding_texts(article.title, [c.text for c in chunks])
        expected = embedder._load().tokenizer(texts, add_special_tokens=False)["input_ids"]
        assert [list(map(int, i)) for i in ids] == expected
