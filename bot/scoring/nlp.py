"""The spaCy pipelines, loaded once per process with only the components the rules read."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

# The French rules read part-of-speech and morphology (inversion, imperative, in-situ question
# words); the parser, NER and lemmatizer would triple the cost for nothing.
FRENCH_MODEL = "fr_core_news_sm"
FRENCH_EXCLUDE = ("parser", "ner", "lemmatizer", "attribute_ruler", "senter")


@cache
def get_pipeline(lang: str) -> Language:
    """French: fr_core_news_sm (tok2vec + morphologizer). English: the blank tokenizer."""
    if lang == "fr":
        return spacy.load(FRENCH_MODEL, exclude=list(FRENCH_EXCLUDE))
    return spacy.blank("en")
