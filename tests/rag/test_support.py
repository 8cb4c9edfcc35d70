import pytest

from rag.support import SupportChecker

PASSAGE = (
    "The town council voted on Tuesday to build a 2.4-kilometre seawall. "
    "Mayor Ottilie Brennan said the wall would protect about 3,100 homes."
)


def test_verbatim_quote_is_supported() -> None:
    result = SupportChecker().check("Mayor Ottilie Brennan said the wall would protect about 3,100 homes.", PASSAGE)
    assert result.supported and result.score == 1.0


def test_paraphrase_with_the_passage_terms_is_supported() -> None:
    assert SupportChecker().check("The council voted to build a seawall on Tuesday.", PASSAGE).supported


def test_claim_about_something_else_is_not_supported() -> None:
    result = SupportChecker().check("The mayor resigned after a tax scandal.", PASSAGE)
    assert not result.supported
    assert "scandal" in result.missing


def test_a_wrong_number_is_not_supported_even_with_the_same_words() -> None:
    result = SupportChecker().check("The wall would protect about 5,000 homes.", PASSAGE)
    assert not result.supported and "5,000" in result.missing


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError, match="threshold is 0"):
        SupportChecker(threshold=0)


def test_a_claim_naming_someone_else_is_not_supported() -> None:
    passage = "Fourteen-year-old Idris Okonkwo won the Halvard Open chess tournament in Tromsvik on Sunday."
    assert SupportChecker().check("Idris Okonkwo won the Halvard Open chess tournament on Sunday.", passage).supported
    assert (
        not SupportChecker().check("Grete Solberg won the Halvard Open chess tournament on Sunday.", passage).supported
    )
