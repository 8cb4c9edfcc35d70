"""The NER model as newsrag loads it: without re-reading the package's tokenizer, it reads text exactly as the
package's own load does."""

from rag.nlp import EntityRecognizer, _entity
from rag.offline import import_without_torch

TEXT = (
    "Prime Minister Mikhail Mishustin didn't attend the U.S.-hosted summit on Jan. 5, 2023; "
    "Belarus's state quota grew to 1.3 thousand places (e.g. at BSU), and the $41m deal's terms weren't disclosed. "
    "Dr. O'Neill said: \"We'll see\" -- at 9 a.m. in St. Louis, Mo., 24-year-old Damar Hamlin's doctors agreed."
)


def test_the_recognizer_tokenizes_tags_and_finds_entities_as_the_package_does() -> None:
    ours = EntityRecognizer()
    ours.warm_up()
    package = import_without_torch(EntityRecognizer.PACKAGE)
    full = package.load(exclude=list(EntityRecognizer.UNUSED))  # the package's own tokenizer, read from disk
    nlp = ours._model()
    assert nlp.tokenizer.rules == full.tokenizer.rules
    a, b = nlp(TEXT), full(TEXT)
    assert [(t.text, t.tag_) for t in a] == [(t.text, t.tag_) for t in b]
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert len(a) > 60 and a.ents


def test_the_recogniser_alone_finds_the_same_entities_and_the_cache_keeps_the_tags_apart() -> None:
    """Candidate sentences go through the recogniser alone (``tagged=False``): the same entities as the whole
    pipeline, no proper nouns; a text first seen untagged is tagged when a question needs it."""
    sentences = [s + "." for s in TEXT.split(". ")] + ["Which former pope was laid to rest this week?"]
    ner = EntityRecognizer()
    alone = ner.analyse(sentences, tagged=False)
    assert all(a.proper_nouns == () and a.asked_head == "" for a in alone)
    whole = EntityRecognizer().analyse(sentences)
    assert [a.entities for a in alone] == [w.entities for w in whole]
    assert any(w.proper_nouns for w in whole)
    question = ner.analyse([sentences[-1]])[0]  # cached untagged: analysed again, with its tags
    assert question.asked_head == "former pope" and question == whole[-1]
    assert ner.analyse([sentences[-1]], tagged=False)[0] == question  # a tagged analysis serves both


def test_a_name_does_not_end_on_a_lower_case_function_word() -> None:
    """The small model sometimes takes the next word into a name ("Elon Musk to"): the entity ends on the name,
    its offsets still exact; a possessive brand ("McDonald's") and a value ("a dozen") are left whole."""
    nlp = EntityRecognizer()._model()
    text = "Tesla asked Elon Musk to resign, and McDonald's sold a dozen burgers to Boris Johnson’s aides."
    doc = nlp.make_doc(text)
    spans = [
        doc.char_span(text.index("Elon"), text.index(" resign"), label="PERSON"),
        doc.char_span(text.index("McDonald"), text.index(" sold"), label="ORG"),
        doc.char_span(text.index("a dozen"), text.index(" burgers"), label="CARDINAL"),
        doc.char_span(text.index("Boris"), text.index(" aides"), label="PERSON"),  # a person's possessive is not his
    ]
    found = [_entity(s) for s in spans]
    assert [e.text for e in found if e] == ["Elon Musk", "McDonald's", "a dozen", "Boris Johnson"]
    assert all(e is not None and text[e.start : e.end] == e.text for e in found)
    plural = "Singapore Airlines' planes were named the best."
    doc = nlp.make_doc(plural)
    airline = _entity(doc.char_span(0, plural.index(" planes"), label="ORG"))  # a plural's possessive: no brand's
    assert airline is not None and airline.text == "Singapore Airlines"
    listed = "∎ Jokic is the 11th player to win two MVPs."
    doc = nlp.make_doc(listed)
    jokic = _entity(doc.char_span(0, listed.index(" is"), label="PERSON"))  # a list's bullet is no part of a name
    assert jokic is not None and jokic.text == "Jokic" and listed[jokic.start : jokic.end] == "Jokic"


def test_a_sum_keeps_its_currency_sign_and_a_list_s_number_is_no_entity() -> None:
    """The small model leaves "$" outside "$136,250" and takes a numbered list's "1)" for a number."""
    nlp = EntityRecognizer()._model()
    text = "1) Twitter failed to pay $136,250 in rent, one of 2 suits."
    doc = nlp.make_doc(text)
    spans = [
        doc.char_span(0, 1, label="CARDINAL"),
        doc.char_span(text.index("136"), text.index(" in rent"), label="MONEY"),
        doc.char_span(text.index("2 suits"), text.index(" suits"), label="CARDINAL"),
    ]
    found = [_entity(s) for s in spans]
    assert found[0] is None
    assert found[1] is not None and found[1].text == "$136,250" and text[found[1].start : found[1].end] == "$136,250"
    assert found[2] is not None and found[2].text == "2"


def test_a_time_taken_for_a_sum_is_a_date_and_a_photo_credit_is_no_name() -> None:
    """The small model takes "billions of years ago" for money and a caption's credit for a person."""
    nlp = EntityRecognizer()._model()
    text = "Galaxies formed about 13 billion years ago. Lars Vik/AFP/Getty Images A telescope cost $10 billion."
    doc = nlp.make_doc(text)
    ago = _entity(doc.char_span(text.index("about"), text.index(" ago") + 4, label="MONEY"))
    assert ago is not None and ago.label == "DATE" and ago.text == "about 13 billion years ago"
    credit = _entity(doc.char_span(text.index("Lars"), text.index(" A telescope"), label="PERSON"))
    assert credit is None
    cost = _entity(doc.char_span(text.index("10 billion"), len(text) - 1, label="MONEY"))
    assert cost is not None and cost.label == "MONEY" and cost.text == "$10 billion"


def test_a_credit_to_an_agencys_photos_is_no_name() -> None:
    nlp = EntityRecognizer()._model()
    text = "Lars Vik/NCAA Photos/Getty Images In pictures: Tromsvik beat Nordvik."
    doc = nlp.make_doc(text)
    assert _entity(doc.char_span(0, text.index("/"), label="PERSON")) is None  # "Lars Vik" before "/NCAA Photos"
    assert _entity(doc.char_span(0, text.index("/") + 1, label="PERSON")) is None  # "Lars Vik/"
    plain = "Lars Vik scored 11 points."
    assert _entity(nlp.make_doc(plain).char_span(0, 8, label="PERSON")) is not None
