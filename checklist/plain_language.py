"""How plain the checklist's words are, and how long a round takes to read and answer.

Pure Python: no Flask import. The tests hold the content to the limits below; the landing page
states the time a round takes, computed from the content, so that it stays true as texts change.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from .content import Checklist

# A word of this many letters or more is long for a reader at A1–A2 (compounds mostly).
LONG_WORD = 14
# Readers of Finnish at A2 read slowly: about 50 words a minute is a careful estimate for short
# everyday texts. Choosing one answer out of four or five takes about ten seconds more.
A2_WORDS_PER_MINUTE = 50
SECONDS_PER_ANSWER = 10
# The Finnish level question and the optional profile, read and answered.
OTHER_QUESTIONS_MINUTES = 3

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?:[”\"»])?(?:\s|$)")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    """Return the words of a text: runs of letters, joined by hyphens or apostrophes."""
    return _WORD.findall(text)


def long_word_share(texts: Iterable[str]) -> float:
    """Return the share (0–1) of words with LONG_WORD or more letters, over all the texts."""
    found = [word for text in texts for word in words(text)]
    long = [word for word in found if sum(ch.isalpha() for ch in word) >= LONG_WORD]
    return len(long) / len(found) if found else 0.0


def syllables(word: str) -> int:
    """Return an English word's syllables, counted as vowel groups (a silent final e dropped)."""
    word = word.lower()
    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def flesch_kincaid_grade(text: str) -> float:
    """Return the Flesch–Kincaid grade of an English text (school years needed to read it)."""
    found = words(text)
    sentences = max(len(_SENTENCE_END.findall(text)), 1)
    total = sum(syllables(word) for word in found)
    return 0.39 * len(found) / sentences + 11.8 * total / len(found) - 15.59


def round_minutes(checklist: Checklist, lang: str = "fi") -> int:
    """Return how many minutes a full round takes a reader at A2, examples included, rounded
    up to five minutes."""
    texts = []
    for area in checklist.areas:
        texts += [area.title.in_(lang), area.intro.in_(lang)]
        for statement in area.statements:
            texts.append(statement.text.in_(lang))
            if statement.example is not None:
                texts.append(statement.example.in_(lang))
    reading = sum(len(words(text)) for text in texts) / A2_WORDS_PER_MINUTE
    answering = sum(len(area.statements) for area in checklist.areas) * SECONDS_PER_ANSWER / 60
    return 5 * math.ceil((reading + answering + OTHER_QUESTIONS_MINUTES) / 5)
