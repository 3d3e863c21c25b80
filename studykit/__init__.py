"""studykit: turn a news article into a question bank, Anki decks, quizzes and handouts."""

__version__ = "0.1.0"
