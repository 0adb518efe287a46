"""Security headers on every response, and no caching of anything but the static files."""

from __future__ import annotations

from flask import Flask, Response, request

# No inline scripts or styles and nothing from other origins: everything we serve is our own.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # same-origin: our own pages get the Referer that Flask-WTF's HTTPS check of a form needs
    # (it refuses a POST without one), and no other site ever learns which page, or even that
    # this service, was open: strict-origin would tell every linked site the origin.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
}


def add_headers(response: Response) -> Response:
    """Add the security headers, HSTS when served over HTTPS, and no-store to every page."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    # Pages hold a person's answers, results and next steps, or the coordinators' figures: no
    # browser or proxy may keep a copy (on a shared computer, the next person's Back button would
    # show it). Only the static files are the same for everyone; a view may set its own policy.
    if request.endpoint != "static":
        response.headers.setdefault("Cache-Control", "no-store")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
