"""Scripted trainees, used by the service-level and the end-to-end tests. Nothing in bot/ knows
these sentences: the behaviour they check comes from the scorer and the personas."""

HURRIED = {
    "en": [
        "Hi, thanks for taking my call.",
        "Do you need software to manage your scheduling?",
        "How many users would you need?",
        "Do you have a budget for this?",
        "OK, I'll send you a quote tomorrow.",
    ],
    "fr": [
        "Bonjour, merci de prendre mon appel.",
        "Est-ce que vous avez besoin d'un logiciel pour gérer vos plannings ?",
        "Combien d'utilisateurs il vous faudrait ?",
        "Vous avez un budget pour ça ?",
        "Très bien, je vous envoie un devis demain.",
    ],
}

CURIOUS = {
    "en": [
        "Hello, thank you for making the time today.",
        "To start, could you walk me through how a typical week looks for you and your team?",
        "What is the hardest part of all that for you right now?",
        "So if I understand you correctly, that takes a lot of your time and energy.",
        "How does that affect the rest of the business?",
        "Tell me more about what happens for your people when that goes wrong.",
        "What would it change for you if that were solved?",
        "And how would your team feel about that?",
        "What does success look like for you a year from now?",
        "Goodbye, and thank you.",
    ],
    "fr": [
        "Bonjour, merci de me consacrer ce temps.",
        "Pour commencer, pouvez-vous me raconter comment se passe une semaine type "
        "pour vous et votre équipe ?",
        "Qu'est-ce qui est le plus difficile pour vous en ce moment ?",
        "Si je vous comprends bien, cela vous prend beaucoup de temps et d'énergie.",
        "Quelles conséquences est-ce que ça a sur le reste de l'entreprise ?",
        "Racontez-moi ce qui se passe pour vos équipes quand ça se passe mal.",
        "Qu'est-ce que ça changerait pour vous si ce problème était réglé ?",
        "Et comment votre équipe le vivrait-elle ?",
        "À quoi ressemblerait la réussite pour vous dans un an ?",
        "Au revoir, et merci.",
    ],
}
