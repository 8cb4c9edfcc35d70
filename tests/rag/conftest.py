"""Fixtures of the answering tests: the real NER model, loaded once (spaCy's en_core_web_sm, deterministic)."""

import pytest

from rag.nlp import EntityRecognizer


@pytest.fixture(scope="session")
def ner() -> EntityRecognizer:
    recognizer = EntityRecognizer()
    recognizer.warm_up()
    return recognizer
