"""A reading: the language a part of a page is read in, and the second one under each text."""

from flask_babel import force_locale

from checklist import messages
from checklist.content import Text
from checklist.reading import Reading

TEXT = Text(fi="Kieli", en="Language", translations=(("ar", "اللغة"),))


def languages(app):
    return app.extensions["languages"]


def test_a_content_text_is_read_in_its_language_with_english_where_it_has_no_translation(app):
    known = languages(app)
    with app.test_request_context("/fi/"):
        assert Reading(known.get("fi")).text(TEXT) == "Kieli"
        assert Reading(known.get("ar")).text(TEXT) == "اللغة"
        assert Reading(known.get("uk")).text(TEXT) == "Language"
        assert Reading(known.get("uk")).text(None) == ""


def test_a_message_is_translated_into_the_readings_language_whatever_the_page_is_in(app):
    known = languages(app)
    with app.test_request_context("/fi/"), force_locale("fi"):
        assert Reading(known.get("en")).message("Next steps") == "Next steps"
        assert Reading(known.get("en")).text(messages.ANSWER_LABELS[0]) == "Not true"
        assert Reading(known.get("fi")).text(messages.ANSWER_LABELS[0]) == "Ei pidä paikkaansa"


def test_the_second_language_goes_under_the_text_with_its_own_language_and_direction(app):
    known = languages(app)
    with app.test_request_context("/fi/"), force_locale("fi"):
        reading = Reading(known.get("fi"), known.get("ar"))
        assert reading.both(TEXT) == 'Kieli<span class="second" lang="ar" dir="rtl">اللغة</span>'
        assert reading.under(TEXT) == '<span class="second" lang="ar" dir="rtl">اللغة</span>'
        assert Reading(known.get("fi")).both(TEXT) == "Kieli"
        assert Reading(known.get("fi")).under(TEXT) == ""
        # A plain string is already in the page's language: it is escaped, not paired.
        assert reading.both("<b>") == "&lt;b&gt;"


def test_a_printout_reads_each_language_on_its_own(app):
    known = languages(app)
    reading = Reading(known.get("fi"), known.get("en"))
    assert [part.code for part in reading.each()] == ["fi", "en"]
    assert all(part.second is None for part in reading.each())
    assert reading.alone() == Reading(known.get("fi")) and reading.of_second() == Reading(known.get("en"))
    assert [part.code for part in Reading(known.get("fi")).each()] == ["fi"]
