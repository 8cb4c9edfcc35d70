from rag.citations import Statement, split_statements


def test_markers_after_the_period_belong_to_the_sentence_before() -> None:
    text = "The wall costs 41 million euros. [1] Work starts in September. [1][2]"
    assert split_statements(text) == [
        Statement("The wall costs 41 million euros.", (1,)),
        Statement("Work starts in September.", (1, 2)),
    ]


def test_markers_before_the_period_and_unmarked_sentences() -> None:
    text = "The wall costs 41 million euros [2]. Nobody objected. Fishermen want gaps [1] [3]."
    assert split_statements(text) == [
        Statement("The wall costs 41 million euros.", (2,)),
        Statement("Nobody objected.", ()),
        Statement("Fishermen want gaps.", (1, 3)),
    ]


def test_empty_answer() -> None:
    assert split_statements("") == []
