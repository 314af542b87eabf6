import pytest

CASES = [
    # (text, lang, form, a word the deciding cue must quote)
    ("How do you handle follow-ups today?", "en", "open", "how"),
    ("Why did you change suppliers last year?", "en", "open", "why"),
    ("What does a good day look like for your team?", "en", "open", "what"),
    ("Tell me about your Monday mornings.", "en", "open", "tell me"),
    ("Could you walk me through your onboarding process?", "en", "open", "walk me through"),
    ("Can you tell me if the team uses a CRM?", "en", "closed", "if"),
    ("Can you tell me how many people are on the team?", "en", "closed", "how many"),
    ("How many people are on the team?", "en", "closed", "how many"),
    ("When did the problem start?", "en", "closed", "when"),
    ("What CRM do you use?", "en", "closed", "crm"),
    ("Do you have a team for that?", "en", "closed", "do you"),
    ("Is it a time problem or a people problem?", "en", "closed", "or"),
    ("Your team is growing, right?", "en", "closed", "right"),
    ("You manage the schedules yourself?", "en", "closed", "intonation"),
    ("When orders are delayed, what do the big clients say?", "en", "open", "what"),
    ("Comment gérez-vous les relances aujourd'hui ?", "fr", "open", "comment"),
    ("Pourquoi avez-vous changé de fournisseur ?", "fr", "open", "pourquoi"),
    ("Qu'est-ce qui vous prend le plus de temps ?", "fr", "open", "qu'est-ce qui"),
    ("Parlez-moi de vos lundis matin.", "fr", "open", "parlez-moi"),
    ("Pouvez-vous me raconter comment se passe une journée ?", "fr", "open", "me raconter"),
    ("Est-ce que vous pourriez me décrire votre processus ?", "fr", "open", "me decrire"),
    ("Pouvez-vous me dire si l'équipe utilise un CRM ?", "fr", "closed", "si"),
    ("Est-ce que vous avez un CRM ?", "fr", "closed", "est-ce que"),
    ("Avez-vous une équipe dédiée ?", "fr", "closed", "Avez-vous"),
    # spaCy's small model reads these capitalised verbs as proper nouns: the hyphenated subject
    # is enough, with or without "?".
    ("Utilisez-vous un CRM ?", "fr", "closed", "Utilisez-vous"),
    ("Travaillez-vous avec un prestataire", "fr", "closed", "Travaillez-vous"),
    ("Pourriez-vous m'indiquer comment se passe un inventaire ?", "fr", "open", "m'indiquer"),
    ("Vous avez un budget ?", "fr", "closed", "intonation"),
    ("Vous préférez plutôt le mail ou le téléphone ?", "fr", "closed", "ou"),
    ("Votre équipe grandit, c'est bien ça ?", "fr", "closed", "c'est bien ca"),
    ("Combien de personnes travaillent au service ?", "fr", "closed", "combien"),
    ("Depuis quand utilisez-vous ce logiciel ?", "fr", "closed", "depuis quand"),
    ("Quel est votre budget ?", "fr", "closed", "budget"),
    ("Quelle est la plus grande difficulté de votre équipe ?", "fr", "open", "quelle"),
    ("Vous faites comment pour relancer vos clients ?", "fr", "open", "comment"),
    ("C'est quoi pour vous une bonne journée ?", "fr", "open", "quoi"),
    ("Vous êtes combien dans l'équipe ?", "fr", "closed", "combien"),
]


@pytest.mark.parametrize(("text", "lang", "form", "cue_word"), CASES)
def test_form_and_its_cue(only_question, text, lang, form, cue_word):
    question = only_question(text, lang)
    assert question.form == form
    form_cue = question.cues[0].lower()
    assert cue_word.lower() in form_cue or (cue_word == "intonation" and "intonation" in form_cue)
    assert 0 < question.form_confidence <= 1


def test_intonation_is_less_sure_than_a_question_word(only_question):
    intonation = only_question("You manage the schedules yourself?", "en")
    question_word = only_question("How do you manage the schedules?", "en")
    assert intonation.form_confidence < question_word.form_confidence


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What a nightmare.", "en"),
        ("How interesting!", "en"),
        ("Quelle galère.", "fr"),
        ("Quel dommage !", "fr"),
    ],
)
def test_an_exclamation_without_question_mark_asks_nothing(rules, text, lang):
    assert rules.score(text, lang).questions == []


@pytest.mark.parametrize(
    ("text", "lang", "form"),
    [
        ("How long.", "en", "closed"),  # a question word phrase, typed without its "?"
        ("Quelle galère ?", "fr", "open"),
        ("What a typical week looks like for the drivers?", "en", "open"),
    ],
)
def test_the_same_openings_still_ask(only_question, text, lang, form):
    assert only_question(text, lang).form == form
