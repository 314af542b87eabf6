"""The spaCy pipelines, loaded once per process with only the components the rules read."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The French rules read parts of speech (is the word before an in-situ question word a verb?),
# which the morphologizer assigns; the parser, NER and lemmatizer would triple the cost for nothing.
FRENCH_MODEL = "fr_core_news_sm"
FRENCH_EXCLUDE = ("parser", "ner", "lemmatizer", "attribute_ruler", "senter")

# Set on a doc that is only tokenised although its pipeline tags. Most questions are labelled
# from their words alone, and the tagger costs more than all the rules and the model together,
# so it runs only for the docs whose rules ask for a tag.
TAGS_PENDING = "curieux_tags_pending"


class TagsPending(Exception):
    """A rule read a part of speech before the tagger ran on the doc: the scorer tags
    it, with the other docs of its batch that need it, and reads it again."""


@cache
def get_pipeline(lang: str) -> Language:
    """French: fr_core_news_sm (tok2vec + morphologizer). English: the blank tokenizer."""
    if lang == "fr":
        return spacy.load(FRENCH_MODEL, exclude=list(FRENCH_EXCLUDE))
    return spacy.blank("en")


@cache
def _tags(lang: str) -> bool:
    # Read once: spaCy rebuilds the component list at each read of `pipe_names`.
    return bool(get_pipeline(lang).pipe_names)


def tokenize(lang: str, text: str) -> Doc:
    """The tokens of `text`, marked for tagging when the language's pipeline has a tagger."""
    doc = get_pipeline(lang).make_doc(text)
    if _tags(lang):
        doc.user_data[TAGS_PENDING] = True
    return doc


def tag(lang: str, docs: list[Doc]) -> Iterator[Doc]:
    """Run the rest of the pipeline over tokenised docs, as one batch."""
    for doc in docs:
        doc.user_data.pop(TAGS_PENDING, None)
    return get_pipeline(lang).pipe(docs)
