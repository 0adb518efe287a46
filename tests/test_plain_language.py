"""The checklist's words stay plain enough for a reader at A2: measured on the shipped content.

Each limit is the one the content promises its readers; an edit that breaks one fails here with
the statements or figures to fix.
"""

import statistics

import pytest

from checklist.content import Area, Checklist, Statement, Text
from checklist.plain_language import (
    A2_WORDS_PER_MINUTE,
    OTHER_QUESTIONS_MINUTES,
    SECONDS_PER_ANSWER,
    flesch_kincaid_grade,
    long_word_share,
    round_minutes,
    syllables,
    words,
)

from helpers import CHECKLIST

STATEMENTS = list(CHECKLIST.statements())
EXAMPLES = [s for s in STATEMENTS if s.example is not None]


def finnish_texts() -> list[str]:
    texts = []
    for area in CHECKLIST.areas:
        texts += [area.title.fi, area.intro.fi, area.encouragement.fi]
        texts += [s.text.fi for s in area.statements]
        texts += [s.example.fi for s in area.statements if s.example]
    for level in CHECKLIST.finnish_levels:
        texts += [level.label.fi, level.can_do.fi]
    return texts


# ── The measures, on hand-worked texts ─────────────────────────────────────────────────────


def test_words_are_runs_of_letters_joined_by_hyphens():
    assert words("Osaan lukea TES:n ja LinkedIn-profiilin, 1–2 sivua.") == [
        "Osaan", "lukea", "TES", "n", "ja", "LinkedIn-profiilin", "sivua",
    ]  # fmt: skip


def test_long_words_have_fourteen_letters_or_more():
    # "työehtosopimus" has 14 letters, "työsopimus" 10: one long word of four.
    assert long_word_share(["Lue työehtosopimus ja työsopimus."]) == 0.25


def test_syllables_are_vowel_groups_without_a_silent_final_e():
    assert [syllables(w) for w in ("job", "interview", "practise", "table", "the", "agency")] == [1, 3, 2, 2, 1, 3]


def test_flesch_kincaid_grade_by_hand():
    # 6 words, 1 sentence, 8 syllables (o-pen, on-line): 0.39 × 6 + 11.8 × 8/6 − 15.59 = 2.4833
    assert flesch_kincaid_grade("I can find open jobs online.") == pytest.approx(2.4833, abs=0.001)


def test_round_minutes_by_hand():
    t = Text("sana " * 10, "word")
    area = Area("a", 1, t, t, t, t, tuple(Statement(f"s{i}", "a", t, t) for i in range(6)))
    checklist = Checklist((area,), ())
    # Title and intro 20 words, 6 statements and 6 examples 120 words: 140 words at 50 a minute
    # is 2.8 minutes; 6 answers at 10 s is 1 minute; other questions 3 minutes: 6.8, so 10.
    assert (A2_WORDS_PER_MINUTE, SECONDS_PER_ANSWER, OTHER_QUESTIONS_MINUTES) == (50, 10, 3)
    assert round_minutes(checklist) == 10


# ── The shipped content ────────────────────────────────────────────────────────────────────


def test_finnish_statements_are_short():
    lengths = {s.id: len(words(s.text.fi)) for s in STATEMENTS}
    assert statistics.mean(lengths.values()) <= 9
    assert [key for key, n in lengths.items() if n > 12] == []


def test_examples_are_at_most_fifteen_words_in_either_language():
    too_long = [(s.id, lang) for s in EXAMPLES for lang in ("fi", "en") if len(words(s.example.in_(lang))) > 15]
    assert too_long == []


def test_few_finnish_words_are_long():
    assert long_word_share(finnish_texts()) <= 0.05


def test_english_reads_at_grade_six_or_lower_on_average():
    texts = [s.text.en for s in STATEMENTS] + [s.example.en for s in EXAMPLES]
    assert statistics.mean(flesch_kincaid_grade(t) for t in texts) <= 6


def test_statements_say_one_thing_each():
    # A statement joining two things with "ja" or "tai" cannot be rated with one answer.
    joined = [s.id for s in STATEMENTS if " ja " in s.text.fi or " tai " in s.text.fi]
    assert len(joined) <= 4, joined


def test_statements_ask_about_doing_rather_than_knowing():
    # "Tiedän, että…" puts the answer in the question; most statements say what the person does.
    knowing = [s.id for s in STATEMENTS if s.text.fi.startswith("Tiedän")]
    assert len(knowing) <= len(STATEMENTS) // 8, knowing


def test_the_answer_scale_speaks_of_truth_not_of_how_well():
    # Every statement is a claim the person rates as true or not: none asks "how well".
    assert not [s.id for s in STATEMENTS if s.text.fi.startswith("Kuinka") or s.text.fi.endswith("?")]


def test_the_landing_page_states_the_measured_time(client):
    minutes = round_minutes(CHECKLIST)
    assert minutes >= 20  # an A2 reader needs far longer than a quick read
    assert f"noin {minutes} minuuttia" in client.get("/fi/").get_data(as_text=True)
    assert f"about {minutes} minutes" in client.get("/en/").get_data(as_text=True)
