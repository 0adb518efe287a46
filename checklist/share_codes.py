"""Share codes: short, random codes a person gives their counsellor to open their results.

Pure Python: no Flask import. Twelve characters from a 32-symbol alphabet without the
look-alikes 0/O and 1/I give 60 bits of randomness; they are shown in groups of four.
"""

from __future__ import annotations

import io
import re
import secrets
from functools import lru_cache

import segno

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 12  # 12 × log2(32) = 60 bits
GROUP = 4
_SEPARATORS = re.compile(r"[\s\-–.]+")


def new_code() -> str:
    """Return a new random code, as stored (no separators)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    """Return a code in groups for reading aloud or copying: K7QM-3XTA-9PRD."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(typed: str) -> str | None:
    """Return the stored form of a typed code, or None if it cannot be one."""
    code = _SEPARATORS.sub("", typed or "").upper()
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


@lru_cache(maxsize=1024)
def qr_svg(url: str) -> str:
    """Return an SVG QR code of a URL: black modules only, no inline styles, sized by CSS."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True, border=2, dark="#000", svgclass="qr"
    )
    return buffer.getvalue().decode()
