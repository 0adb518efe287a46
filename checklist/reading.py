"""The language a page, or a part of it, is read in, and the language shown under each text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from flask_babel import force_locale, get_locale, gettext
from markupsafe import Markup, escape

from .content import Text
from .languages import Language


@dataclass(frozen=True)
class Reading:
    """The language a part of a page is rendered in (`lang`) and the one shown under each of its
    texts (`second`, or None). On a printout, `second` is the language printed beside it."""

    lang: Language
    second: Language | None = None

    @property
    def code(self) -> str:
        return self.lang.code

    def alone(self) -> Reading:
        """Return this reading without a second language."""
        return Reading(self.lang)

    def of_second(self) -> Reading:
        """Return the reading of the second language on its own (a printout's second page)."""
        if self.second is None:
            raise ValueError("no second language")
        return Reading(self.second)

    def each(self) -> tuple[Reading, ...]:
        """Return a reading for this language and, when there is one, for the second."""
        return (self.alone(),) if self.second is None else (self.alone(), self.of_second())

    def _speaking(self) -> AbstractContextManager:
        """Translate messages into this language while in it (a no-op when it is being rendered)."""
        return nullcontext() if get_locale().language == self.code else force_locale(self.code)

    def rendered(self, part: Callable[[Reading], Markup]) -> Markup:
        """Render a part of a page (a template macro taking the reading) in this language."""
        with force_locale(self.code):
            return part(self)

    def text(self, text: Text | object | None) -> str:
        """Return a content text, or a lazy message, in this language; "" for none."""
        if text is None:
            return ""
        if isinstance(text, Text):
            return text.in_(self.code)
        with self._speaking():
            # A lazy message (from messages.py) translates itself when made a string.
            return str(text)

    def texts(self, texts: Iterable[Text]) -> list[str]:
        """Return content texts in this language."""
        return [text.in_(self.code) for text in texts]

    def message(self, msgid: str, **variables) -> str:
        """Return an interface message (a msgid with its placeholders) in this language."""
        with self._speaking():
            return gettext(msgid, **variables)

    def under(self, text: Text | str | object | None, **variables) -> Markup:
        """Return a text in the second language, to go under the first, when one is chosen.

        Takes a content text, a lazy message, or a msgid with its placeholders.
        """
        if text is None or self.second is None:
            return Markup("")
        other = self.of_second()
        translated = other.message(text, **variables) if isinstance(text, str) else other.text(text)
        return Markup('<span class="second" lang="{0}" dir="{1}">{2}</span>').format(
            other.code, other.lang.direction, escape(translated)
        )

    def both(self, text: Text | str | object | None) -> Markup:
        """Return a content text or a lazy message in this language, and the second under it.

        A plain string is taken as already in this language, with nothing to pair it with.
        """
        if text is None:
            return Markup("")
        if isinstance(text, str):
            return escape(text)
        return escape(self.text(text)) + self.under(text)
