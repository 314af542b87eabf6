import pytest

CASES = [
    ("How many people are on the team?", "en", "situation"),
    ("What is hardest for you right now?", "en", "problem"),
    ("How does that affect the rest of the company?", "en", "implication"),
    ("What would it change for you if that were solved?", "en", "need_payoff"),
    ("How would your customers benefit if deliveries were always on time?", "en", "need_payoff"),
    ("Combien de personnes compte l'équipe ?", "fr", "situation"),
    ("Qu'est-ce qui est le plus difficile pour vous en ce moment ?", "fr", "problem"),
    ("Quel impact cela a-t-il sur le reste de l'entreprise ?", "fr", "implication"),
    ("Qu'est-ce que ça changerait pour vous si c'était réglé ?", "fr", "need_payoff"),
    # The conditional sets the question in a solved future, even where spaCy's small model
    # misses it (« seriez »); « frais » only looks like one.
    ("Vos chefs seraient-ils plus sereins avec des commandes simples ?", "fr", "need_payoff"),
    ("Vous seriez plus tranquille avec des relances automatiques ?", "fr", "need_payoff"),
    ("Vos frais de transport sont répartis comment entre les sites ?", "fr", "situation"),
    # "What happens" asks for consequences only when a problem is in the question.
    ("What happens to your cash flow when invoices go out late?", "en", "implication"),
    ("What happens after a customer places an order?", "en", "situation"),
    ("Que se passe-t-il quand les camions arrivent en retard ?", "fr", "implication"),
    ("Que se passe-t-il après la commande d'un client ?", "fr", "situation"),
]


@pytest.mark.parametrize(("text", "lang", "spin"), CASES)
def test_spin_type(only_question, text, lang, spin):
    question = only_question(text, lang)
    assert question.focus == "curious"
    assert question.spin == spin


def test_polite_conditional_is_not_a_need_payoff(only_question):
    question = only_question("Pourriez-vous me décrire votre organisation actuelle ?", "fr")
    assert question.spin == "situation"


SPIN_WORDS = [
    # Counted anywhere in the question; typed without accents, « galere » is « galère* ».
    ("c'est quoi la galere avec les retards de livraison ?", "fr", {"problem": 2}),
    ("Ça vous coûte combien en heures sup, ces oublis ?", "fr", {"problem": 1, "implication": 2}),
    ("Qu'est-ce que ça vous permettrait de gagner ?", "fr", {"need_payoff": 2}),
    ("How often do the deliveries run late?", "en", {"problem": 1}),
    ("How much overtime does that cost you?", "en", {"implication": 2}),
    ("What would it free up for your team?", "en", {"need_payoff": 1}),
    ("How many people are on the team?", "en", {}),
    ("Combien de personnes compte l'équipe ?", "fr", {}),
]


@pytest.mark.parametrize(("text", "lang", "counts"), SPIN_WORDS)
def test_spin_words_are_counted_per_family(rules, text, lang, counts):
    [(_, trace)] = rules.read_with_rules([text], lang)
    [question] = trace.questions
    assert question.spin_words == counts
