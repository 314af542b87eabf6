import pytest

from bot.scoring.lexicon import get_lexicon, normalize

CASES = [
    ("So your team spends Mondays chasing invoices.", "en", "reflection"),
    ("Si je vous comprends bien, vous manquez de temps.", "fr", "reflection"),
    ("Our platform cuts admin time by 40%.", "en", "pitch"),
    ("Notre solution réduit le temps administratif de 40 %.", "fr", "pitch"),
    ("Thanks for making the time today.", "en", "greeting"),
    ("Bonjour, merci de me recevoir.", "fr", "greeting"),
    ("Let me write that down.", "en", "statement"),
    ("Je note.", "fr", "statement"),
    # Small talk phrased as a question is a greeting, not a discovery question.
    ("How are you?", "en", "greeting"),
    ("Vous allez bien ?", "fr", "greeting"),
    # A reflection with a bare rising "?" restates; it asks nothing.
    ("So Mondays are lost chasing invoices?", "en", "reflection"),
    ("Donc les lundis sont perdus à relancer les impayés ?", "fr", "reflection"),
]


@pytest.mark.parametrize(("text", "lang", "kind"), CASES)
def test_message_kind(scorer, text, lang, kind):
    result = scorer.score(text, lang)
    assert result.kind == kind
    assert result.questions == []
    assert result.cues, "the kind must come with the cue that decided it"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("So Mondays are lost chasing invoices, right?", "en"),
        ("Donc les lundis sont perdus à relancer, c'est bien ça ?", "fr"),
    ],
)
def test_reflection_with_a_tag_asks_for_confirmation(only_question, text, lang):
    assert only_question(text, lang).form == "closed"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("So your team is overwhelmed. What happens when someone is off sick?", "en"),
        ("Vous semblez débordés. Que se passe-t-il quand quelqu'un est absent ?", "fr"),
    ],
)
def test_reflection_then_question_is_a_question_with_the_reflection_flag(scorer, text, lang):
    result = scorer.score(text, lang)
    assert result.kind == "question"
    assert result.reflection
    assert len(result.questions) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How's it going?", "en"),
        ("Hi Sam, how are things on your side?", "en"),
        ("Is now still a good time, or are you mid-service?", "en"),
        ("Ça va ?", "fr"),
        ("Salut Karim, ça va depuis le salon ?", "fr"),
        ("Le trajet s'est bien passé ?", "fr"),
    ],
)
def test_small_talk_is_recognised(text, lang):
    assert get_lexicon(lang).search("kind.small_talk", normalize(text))


# Small-talk words inside a discovery question: « ça va » + infinitive is a future tense,
# "how's it going with X?" asks about their world, "ou ça va ?" closes an either/or.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How is it going with your current agency?", "en"),
        ("How are things at the firm since the merger?", "en"),
        ("How are you doing the quality checks today?", "en"),
        ("Is now a good time to talk pricing?", "en"),
        ("Combien ça va vous coûter si le chantier prend du retard ?", "fr"),
        ("Qu'est-ce que ça va changer pour vos équipes ?", "fr"),
        ("Le logiciel, il rame sur les gros projets ou ça va ?", "fr"),
        ("Décrivez-moi le trajet d'une commande jusqu'au client.", "fr"),
        ("Ça vous permettrait de souffler un peu ?", "fr"),
        ("Vous allez bien devoir renouveler le parc l'an prochain ?", "fr"),
        ("Ça s'est bien passé avec les vendeuses ?", "fr"),
        ("Et si tout s'est bien passé, qu'est-ce qui aura changé ?", "fr"),
    ],
)
def test_small_talk_words_in_a_discovery_question_are_not_small_talk(text, lang):
    lexicon = get_lexicon(lang)
    assert lexicon.search("kind.small_talk", normalize(text)) is None
    assert lexicon.search("kind.greeting", normalize(text)) is None


# Spoken fillers and hedges ("so um", "roughly", « euh ») come before the question's first
# word; they neither hide the question word nor make the sentence a reflection. Without "?",
# "so" / « du coup » opening a question is not a restatement either: hedges may sit between
# them and the question word ("so like", "I mean"), and French asks its question word last.
# A spoken dash ends a fronted topic as a comma does, and restating words ("you have", "you
# feel") restate only when they open the sentence, not inside a question.
@pytest.mark.parametrize(
    ("text", "lang", "form"),
    [
        ("so um how many chairs are you running", "en", "closed"),
        ("So roughly how much does a lost morning of baking cost you?", "en", "closed"),
        ("so er what's the biggest headache with the quoting side of things", "en", "open"),
        ("Euh, combien de chauffeurs vous avez en ce moment ?", "fr", "closed"),
        ("so how often do you chase them", "en", "closed"),
        ("so like what do the drivers do when the app is down", "en", "open"),
        ("so I mean how does the client react when that happens", "en", "open"),
        ("so what does a normal week look like for the team", "en", "open"),
        ("du coup vous les relancez à quelle fréquence", "fr", "closed"),
        ("Du coup vous faites l'inventaire quand", "fr", "closed"),
        ("du coup vous le vivez de quelle manière", "fr", "open"),
        ("So the patrols — how do you prove to the client they actually happened?", "en", "open"),
        ("So, twenty-five people, you're hiring – how many more this year?", "en", "closed"),
        ("and the night shift - why do they log it on paper?", "en", "open"),
        ("So, uh — what's not working with the current setup?", "en", "open"),
        ("Et les tournées — comment vous les organisez ?", "fr", "open"),
        ("Donc les relances — qui s'en occupe ?", "fr", "closed"),
        ("so um how many volunteers do you have at the food bank", "en", "closed"),
        ("how do you feel about the way the meeting minutes get shared", "en", "open"),
        ("qu'est ce qui vous agace dans votre logiciel de planning", "fr", "open"),
    ],
)
def test_fillers_connectors_and_topics_before_a_question(rules, text, lang, form):
    result = rules.score(text, lang)
    assert result.kind == "question"
    assert [question.form for question in result.questions] == [form]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("So what bothers you most is the hours around the licence.", "en"),
        ("so when Jen is off sick nobody else really knows how payroll runs", "en"),
        ("Autrement dit, ils connaissent le terrain mieux que n'importe quelle carte.", "fr"),
        ("Donc personne ne sait quel camion passe en premier.", "fr"),
        ("So the invoices — they're the real headache?", "en"),
        ("Donc les relances — c'est vous qui les faites ?", "fr"),
        ("ok so what I'm hearing is the quoting's fine but the follow-up slips", "en"),
        ("What you're saying is the inspection doesn't worry you, the paperwork does.", "en"),
        ("D'accord, je comprends que ce ne soit pas le sujet du moment.", "fr"),
    ],
)
def test_restatements_that_hold_a_question_word_stay_reflections(rules, text, lang):
    assert rules.score(text, lang).kind == "reflection"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what would a good day at the depot look like for your drivers", "en"),
        ("who else on the team would be glad to see the paper rota go", "en"),
        ("à quoi ressemblerait une bonne journée pour l'équipe si le planning était à jour", "fr"),
    ],
)
def test_greeting_words_inside_a_question_do_not_make_small_talk(rules, text, lang):
    result = rules.score(text, lang)
    assert result.kind == "question" and len(result.questions) == 1


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Great talking to you, have a good rest of the day.", "en", "greeting"),
        ("Quel plaisir de vous rencontrer enfin, merci pour l'accueil.", "fr", "greeting"),
        ("Quelle belle vue depuis votre bureau !", "fr", "statement"),
        ("Je vois que l'heure tourne, je fais vite.", "fr", "statement"),
    ],
)
def test_exclamations_and_asides_that_open_like_questions(rules, text, lang, kind):
    assert rules.score(text, lang).kind == kind
