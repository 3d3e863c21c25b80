"""Spaced-repetition review: FSRS scheduling, the SQLite review store, grading, the quiz and stats.

Nothing here is imported by `studykit --help`; heavy libraries (fsrs, rich, rapidfuzz, bidi,
reshaper) are imported inside the functions that use them.
"""
