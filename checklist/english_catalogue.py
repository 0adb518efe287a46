"""Fill the English catalogue from the source texts, which are written in English."""

from __future__ import annotations

import sys

from babel.messages.pofile import read_po, write_po


def fill(path: str) -> int:
    """Give every untranslated message in the catalogue its own source text; return how many."""
    with open(path, "rb") as f:
        catalogue = read_po(f, locale="en")
    filled = 0
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            if not all(message.string):
                message.string = tuple(message.id)
                filled += 1
        elif not message.string:
            message.string = message.id
            filled += 1
        message.flags.discard("fuzzy")
    with open(path, "wb") as f:
        write_po(f, catalogue, omit_header=False, sort_output=True, no_location=True)
    return filled


if __name__ == "__main__":
    for po in sys.argv[1:]:
        print(f"{po}: {fill(po)} messages filled from the source text")
