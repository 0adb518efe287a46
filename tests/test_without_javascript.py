"""Every page works without JavaScript: what a person can press is a link or a form's button, and
every link and form on the page leads somewhere that answers."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import pytest

from helpers import complete
from pagecheck import NS, parse

LOWEST = dict.fromkeys(["channels", "tools", "working-life", "competence", "language", "attitude"], 0)
NEW_VISITOR = ["/fi/", "/en/", "/fi/privacy", "/en/area/tools", "/fi/area/language", "/fi/counsellor"]
FINISHED = [
    "/fi/",
    "/fi/results",
    "/fi/results/print",
    "/fi/profile",
    "/en/results/tools",
    "/fi/results/finnish-courses",
    "/fi/results/delete",
]


def parents(document: Element) -> dict[Element, Element]:
    return {child: parent for parent in document.iter() for child in parent}


def inside_form(element: Element, parent_of: dict[Element, Element]) -> bool:
    while element in parent_of:
        element = parent_of[element]
        if element.tag == f"{NS}form":
            return True
    return False


def form_data(form: Element) -> dict[str, str]:
    """What the browser sends when the form's first button is pressed with nothing changed."""
    data = {i.get("name"): i.get("value", "") for i in form.iter(f"{NS}input") if i.get("type") == "hidden"}
    button = next(form.iter(f"{NS}button"), None)
    if button is not None and button.get("name"):
        data[button.get("name")] = button.get("value", "")
    return data


def check_works_without_javascript(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    document = parse(response.get_data(as_text=True))
    parent_of = parents(document)
    for element in document.iter():
        handlers = [name for name in element.attrib if name.startswith("on")]
        assert not handlers, f"{path}: a script in an attribute {handlers}"
    # A button outside a form does nothing without a script, so it must stay hidden until one runs.
    form_ids = {f.get("id") for f in document.iter(f"{NS}form")}
    loose = [
        b
        for b in document.iter(f"{NS}button")
        if not (inside_form(b, parent_of) or b.get("form") in form_ids or b.get("hidden") is not None)
    ]
    assert not loose, f"{path}: a button that needs JavaScript is shown without it"

    links = {a.get("href") for a in document.iter(f"{NS}a")}
    assert not [h for h in links if h is None or h == "#" or h.startswith("javascript:")], f"{path}: dead links"
    for href in sorted(h for h in links if h.startswith("/")):
        status = client.get(href).status_code
        assert status in (200, 302), f"{path}: the link to {href} answers {status}"

    forms = list(document.iter(f"{NS}form"))
    for form in forms:
        # A form without an action is sent to the page's own address.
        method, action = form.get("method", "get").lower(), form.get("action") or path
        assert method in ("get", "post") and action.startswith("/"), f"{path}: form {action!r}"
        sent = client.open(action, method=method.upper(), data=form_data(form))
        # A form sent as it stands may ask for answers (400, 422), but it is always understood.
        assert sent.status_code < 500 and sent.status_code not in (404, 405), f"{path}: {action} {sent.status_code}"


@pytest.mark.parametrize("path", NEW_VISITOR)
def test_pages_work_for_a_new_visitor_without_javascript(client, path):
    check_works_without_javascript(client, path)


@pytest.mark.parametrize("path", FINISHED)
def test_pages_work_for_the_lowest_client_without_javascript(client, path):
    complete(client, "fi", LOWEST)
    check_works_without_javascript(client, path)
