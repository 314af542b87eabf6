import pytest

SPLIT = [
    # (message, lang, [(question, form), ...])
    (
        "How does buying work at a university hospital, is it a tender?",
        "en",
        [("How does buying work at a university hospital", "open"), ("is it a tender?", "closed")],
    ),
    (
        "Who does your waste collection, and when's their contract up?",
        "en",
        [("Who does your waste collection", "closed"), ("and when's their contract up?", "closed")],
    ),
    (
        "Who does your waste collection, and when is their contract up?",
        "en",
        [
            ("Who does your waste collection", "closed"),
            ("and when is their contract up?", "closed"),
        ],
    ),
    (
        "How big are these events and how many do you run a year?",
        "en",
        [("How big are these events", "closed"), ("and how many do you run a year?", "closed")],
    ),
    (
        "Who does the ordering at the florist, and how often?",
        "en",
        [("Who does the ordering at the florist", "closed"), ("and how often?", "closed")],
    ),
    (
        "Qui fait le planning des chauffeurs, et depuis quand ?",
        "fr",
        [("Qui fait le planning des chauffeurs", "closed"), ("et depuis quand ?", "closed")],
    ),
    (
        "Tell me about the history of the brewery, how did it all start?",
        "en",
        [("Tell me about the history of the brewery", "open"), ("how did it all start?", "open")],
    ),
    (
        "Comment vous gérez les réservations du camping, c'est un logiciel ou le cahier ?",
        "fr",
        [
            ("Comment vous gérez les réservations du camping", "open"),
            ("c'est un logiciel ou le cahier ?", "closed"),
        ],
    ),
    (
        "Qu'est-ce que vous pensez de votre transporteur, et vous êtes ouverts à autre chose ?",
        "fr",
        [
            ("Qu'est-ce que vous pensez de votre transporteur", "open"),
            ("et vous êtes ouverts à autre chose ?", "closed"),
        ],
    ),
    (
        "Comment se décide une sortie de patient, qui donne le feu vert ?",
        "fr",
        [
            ("Comment se décide une sortie de patient", "open"),
            ("qui donne le feu vert ?", "closed"),
        ],
    ),
    (
        "Comment se passe un achat chez vous, est-ce que ça passe par le siège ?",
        "fr",
        [
            ("Comment se passe un achat chez vous", "open"),
            ("est-ce que ça passe par le siège ?", "closed"),
        ],
    ),
    # After a subject and its object pronouns comes the verb, whatever the tagger reads.
    (
        "les déchets verts, vous en faites quoi, vous les amenez en déchetterie ?",
        "fr",
        [
            ("les déchets verts, vous en faites quoi", "open"),
            ("vous les amenez en déchetterie ?", "closed"),
        ],
    ),
    (
        "parlez moi de votre equipe, vous etes combien ?",
        "fr",
        [("parlez moi de votre equipe", "open"), ("vous etes combien ?", "closed")],
    ),
    (
        "Comment vous préparez les colis aujourd'hui, vous le faites vous-mêmes ?",
        "fr",
        [
            ("Comment vous préparez les colis aujourd'hui", "open"),
            ("vous le faites vous-mêmes ?", "closed"),
        ],
    ),
]

WHOLE = [
    # One question however many commas: what follows is not a question of its own.
    ("When orders are late, who calls the client?", "en"),  # a time clause, then the question
    ("Your team is growing, right?", "en"),  # a tag
    ("Do you use Excel, or is it a paper diary?", "en"),  # an alternative
    ("Can you tell me, what's your biggest challenge?", "en"),  # a request frame
    ("How many hours a week, would you say?", "en"),  # an aside
    ("What works well with the app, and what doesn't?", "en"),  # no words of its own
    ("Which markets do you serve, and which?", "en"),  # one question word is not a question
    ("Could you describe your clients, and what they expect in the first week?", "en"),
    ("What about the people side, is that where it hurts?", "en"),  # a topic, then a question
    ("Should the figures be right every morning, what would that change?", "en"),  # condition
    ("Tell me what you sell and who buys it.", "en"),  # "and" inside one request
    ("Votre équipe grandit, c'est bien ça ?", "fr"),
    ("Qui décidera au final, vous ou le propriétaire des murs ?", "fr"),
    ("Vous avez un tableau de bord, ou pas du tout ?", "fr"),
    ("Votre fournisseur vous facture combien, que je compare avec notre tarif ?", "fr"),
    ("Combien d'heures par mois ça vous prend, vous diriez ?", "fr"),
    ("Comment vous faites, concrètement, quand un client annule ?", "fr"),
    ("Qu'est-ce que vous gagneriez, vous et votre associée, si ça marchait ?", "fr"),
    ("Qui signe les commandes, vous-même ou votre associé ?", "fr"),
    ("Qui a choisi ce logiciel, vous aussi ou la direction ?", "fr"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), SPLIT)
def test_chained_questions_are_scored_one_by_one(rules, text, lang, expected):
    questions = rules.score(text, lang).questions
    assert [(q.text, q.form) for q in questions] == expected


@pytest.mark.parametrize(("text", "lang"), WHOLE)
def test_one_question_stays_whole(rules, text, lang):
    questions = rules.score(text, lang).questions
    assert [q.text for q in questions] == [text]


def test_a_message_of_two_chained_questions_counts_both(rules):
    score = rules.score("ok so who's your provider, and how do you find them?", "en")
    assert score.kind == "question"
    assert [q.form for q in score.questions] == ["closed", "open"]
