"""Web addresses as people read them on a page or on paper: short, and never broken mid-word."""

from __future__ import annotations

from urllib.parse import urlsplit

ELLIPSIS = "…"


def short_address(url: str, limit: int = 40) -> str:
    """Return the host and path without the scheme, "www." or a closing slash; a path longer than
    the limit is cut at a slash and ends in "…"."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    full = host + path
    if len(full) <= limit:
        return full
    cut = full.rfind("/", len(host), limit)
    return (full[: cut + 1] if cut > 0 else host + "/") + ELLIPSIS
