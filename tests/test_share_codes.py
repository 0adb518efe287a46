import math
import re

from hypothesis import given
from hypothesis import strategies as st

from checklist.share_codes import ALPHABET, LENGTH, display, new_code, normalise, qr_svg


def test_the_alphabet_has_no_look_alikes_and_codes_carry_60_bits():
    assert len(set(ALPHABET)) == len(ALPHABET) == 32
    assert not set("0O1I") & set(ALPHABET)
    assert LENGTH * math.log2(len(ALPHABET)) >= 60


def test_new_codes_use_the_alphabet_and_differ():
    codes = {new_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert all(len(c) == LENGTH and set(c) <= set(ALPHABET) for c in codes)


def test_codes_are_shown_in_groups_of_four():
    assert display("K7QM3XTA9PRD") == "K7QM-3XTA-9PRD"


@given(st.text(alphabet=ALPHABET, min_size=LENGTH, max_size=LENGTH))
def test_a_displayed_code_typed_back_in_any_case_or_spacing_is_the_same_code(code):
    shown = display(code)
    assert normalise(shown) == code
    assert normalise(shown.lower()) == code
    assert normalise(" " + shown.replace("-", " ") + " ") == code


def test_what_cannot_be_a_code_is_refused():
    for typed in ["", "K7QM-3XTA-9PR", "K7QM-3XTA-9PRD-2", "K7QM-3XTA-9PR0", "K7QM-3XTA-9PRO", "<script>"]:
        assert normalise(typed) is None


def test_the_qr_code_is_plain_svg():
    svg = qr_svg("https://example.org/fi/counsellor#K7QM-3XTA-9PRD")
    assert svg.startswith("<svg") and "viewBox" in svg
    assert "style=" not in svg and not re.search(r"<script", svg)
