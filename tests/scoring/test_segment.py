import pytest

from bot.scoring.lexicon import get_lexicon
from bot.scoring.nlp import get_pipeline
from bot.scoring.segment import split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [s.text for s in split_sentences(get_pipeline(lang)(text), get_lexicon(lang))]


def test_split_on_end_punctuation_and_line_breaks():
    assert sentences("I see. How do you do it?\nAnd why", "en") == [
        "I see.",
        "How do you do it?",
        "And why",
    ]


def test_french_spaced_question_mark():
    assert sentences("D'accord. Vous avez un CRM ? Lequel ?", "fr") == [
        "D'accord.",
        "Vous avez un CRM ?",
        "Lequel ?",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Dear Ms Okafor, When the audit overran, what did that change? Kind regards, James",
            "en",
            [
                "Dear Ms Okafor,",
                "When the audit overran, what did that change?",
                "Kind regards, James",
            ],
        ),
        (
            "hi priya, are you still on paper charts",
            "en",
            ["hi priya,", "are you still on paper charts"],
        ),
        (
            "Bonjour Madame Roux, quand une commande arrive en retard, que se passe-t-il ?",
            "fr",
            ["Bonjour Madame Roux,", "quand une commande arrive en retard, que se passe-t-il ?"],
        ),
        # Not a salutation: the opening clause stays with its sentence.
        ("Highly seasonal, is it?", "en", ["Highly seasonal, is it?"]),
        ("Chez vous, qui fait le planning ?", "fr", ["Chez vous, qui fait le planning ?"]),
        # A salutation with nothing after its comma is simply the message.
        ("Hello Tom,", "en", ["Hello Tom,"]),
    ],
)
def test_a_letters_salutation_is_a_sentence_of_its_own(text, lang, expected):
    assert sentences(text, lang) == expected


def test_punctuation_only_pieces_are_not_sentences():
    assert sentences("?? ... !", "en") == []


def test_discourse_markers_are_left_out_of_the_lead():
    lexicon = get_lexicon("fr")
    (sentence,) = split_sentences(get_pipeline("fr")("D'accord, et du coup comment ?"), lexicon)
    assert sentence.lead.startswith("comment")


@pytest.mark.parametrize(
    ("text", "lang", "questions"),
    [
        ("I see. How do you handle that?", "en", ["How do you handle that?"]),
        ("how do you handle that", "en", ["how do you handle that"]),
        ("vous faites comment pour relancer", "fr", ["vous faites comment pour relancer"]),
        ("Tell me about your team.", "en", ["Tell me about your team."]),
        (
            "How big is the team? And who decides?",
            "en",
            ["How big is the team?", "And who decides?"],
        ),
        (
            "Je vois. Combien êtes-vous ? Et qui décide ?",
            "fr",
            ["Combien êtes-vous ?", "Et qui décide ?"],
        ),
        ("I see.", "en", []),
        ("Je vois.", "fr", []),
        ("What we do is simple.", "en", []),
    ],
)
def test_questions_found_in_a_message(scorer, text, lang, questions):
    assert [q.text for q in scorer.score(text, lang).questions] == questions
