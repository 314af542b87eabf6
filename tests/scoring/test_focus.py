import pytest

OPPORTUNISTIC = [
    # (text, lang, a topic it must carry)
    ("Have you had time to read our proposal?", "en", "quote"),
    ("Avez-vous eu le temps de prendre connaissance de notre proposition ?", "fr", "quote"),
    ("What's your budget for this?", "en", "budget"),
    ("Quel est votre budget ?", "fr", "budget"),
    ("Who signs off on a purchase like this?", "en", "decision"),
    ("Qui prend la décision finale ?", "fr", "decision"),
    ("Qu'est-ce qui vous ferait choisir un prestataire plutôt qu'un autre ?", "fr", "decision"),
    ("When are you planning to buy a new system?", "en", "timing"),
    ("D'ici quand souhaitez-vous signer ?", "fr", "timing"),
    ("Are you talking to other vendors?", "en", "competitors"),
    ("Avez-vous consulté d'autres prestataires ?", "fr", "competitors"),
    ("Would you like a demo next week?", "en", "demo"),
    ("Voulez-vous une démo de l'outil ?", "fr", "demo"),
    ("Are you looking for a new CRM?", "en", "need_for_product"),
    ("Êtes-vous à la recherche d'un nouveau logiciel ?", "fr", "need_for_product"),
    # Elided words run into the next one: « d'investir », « l'abonnement ».
    ("Prévoyez-vous d'investir dans une nouvelle solution ?", "fr", "need_for_product"),
    ("Vous partiriez plutôt sur l'abonnement annuel ?", "fr", "product"),
]


@pytest.mark.parametrize(("text", "lang", "topic"), OPPORTUNISTIC)
def test_sales_questions_are_opportunistic(only_question, text, lang, topic):
    question = only_question(text, lang)
    assert question.focus == "opportunistic"
    assert question.spin == "none"
    assert topic in question.topics


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How do your reps prepare before a first meeting?", "en"),
        ("Is your team growing?", "en"),
        ("What CRM do you use?", "en"),
        ("Comment vos équipes préparent-elles un premier rendez-vous ?", "fr"),
        ("Votre équipe grandit ?", "fr"),
        # How they chose their current provider is their history, not our sale.
        ("How did you choose your current supplier back then?", "en"),
        ("Qu'est-ce qui vous a fait choisir votre fournisseur actuel ?", "fr"),
    ],
)
def test_questions_about_their_world_are_curious(only_question, text, lang):
    question = only_question(text, lang)
    assert question.focus == "curious"
    assert question.topics == []
    assert not question.qualifying


@pytest.mark.parametrize(
    ("text", "lang"),
    [("What's your budget?", "en"), ("Qui décide chez vous ?", "fr")],
)
def test_premature_qualification_topics_are_qualifying(only_question, text, lang):
    assert only_question(text, lang).qualifying


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Did you know our tool automates reminders?", "en"),
        ("Vous saviez que notre outil automatise les relances ?", "fr"),
    ],
)
def test_disguised_pitch_is_a_closed_opportunistic_question_and_a_pitch(scorer, text, lang):
    result = scorer.score(text, lang)
    assert result.kind == "question"
    assert result.pitch
    assert [(q.form, q.focus) for q in result.questions] == [("closed", "opportunistic")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Have you had a chance to look at our quote?", "en"),
        ("Avez-vous pu regarder notre devis ?", "fr"),
    ],
)
def test_quote_chase_sets_offer_and_quote_topic(scorer, text, lang):
    result = scorer.score(text, lang)
    assert result.offer
    assert "quote" in result.questions[0].topics
    assert result.questions[0].focus == "opportunistic"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'll send you our quote tonight.", "en"),
        ("Je vous envoie un devis ce soir.", "fr"),
    ],
)
def test_promised_quote_without_question_is_an_offer_and_a_pitch(scorer, text, lang):
    result = scorer.score(text, lang)
    assert (result.kind, result.offer, result.questions) == ("pitch", True, [])
