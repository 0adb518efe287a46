"""Take the README's pictures from the real app in Chromium: the results page on a phone and the
printed summary, for the client who needs the app most (every answer lowest, Äänekoski, A2).

Run with `make screenshots`; `--all DIR` also saves every page of the guidance session there.
Needs Debian's chromium and pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from checklist import create_app
from checklist.models import db

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from browser.conftest import DESKTOP, LAUNCH_ARGS, PHONE, QuietHandler  # noqa: E402

from helpers import AREA_IDS, area_answers, second_language_for  # noqa: E402

IMAGES = ROOT / "docs" / "images"


def serve(database: Path) -> tuple[str, object]:
    app = create_app({"SECRET_KEY": "screenshots-" + "x" * 32, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"})
    with app.app_context():
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def lowest_client(page, lang: str, value: int = 0) -> None:
    """Answer every statement with `value`, at A2 Finnish, in Äänekoski; end on the results page."""
    page.goto(f"/{lang}/")
    page.click('form[action$="/start"] button')
    page.wait_for_url(f"**/area/{AREA_IDS[0]}")
    token = page.get_attribute("#answers input[name=csrf_token]", "value")
    for area_id in AREA_IDS:
        form = {"csrf_token": token, **area_answers(area_id, value, "A2"), "action": "next"}
        assert page.request.post(f"/{lang}/area/{area_id}", form=form).ok
    page.goto(f"/{lang}/profile")
    page.select_option("#municipality", "Äänekoski")
    page.click("main form[method=post] button")
    page.wait_for_url(f"**/{lang}/results")


def shrink(png: Path) -> None:
    """Store a picture with a 64-colour palette: a page screenshot needs no more, and the
    repository stays small."""
    with Image.open(png) as picture:
        small = picture.convert("RGB").quantize(64)
    small.save(png, optimize=True)


def pdf_pages(page, url: str, stem: Path) -> list[Path]:
    """Print a page to PDF as Chromium does and turn each PDF page into a PNG."""
    page.goto(url)
    pdf = stem.with_suffix(".pdf")
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(stem)], check=True)
    pdf.unlink()
    pages = sorted(stem.parent.glob(stem.name + "-*.png"))
    for png in pages:
        shrink(png)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", type=Path, help="also save every page of a guidance session in this folder")
    parser.add_argument("--lang", default="fi")
    args = parser.parse_args()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        origin, server = serve(Path(tmp) / "shots.db")
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
        phone = browser.new_context(base_url=origin, **PHONE).new_page()
        lowest_client(phone, args.lang)
        code = phone.inner_text(".share__code .code")
        phone.screenshot(path=str(IMAGES / "results-phone.png"), full_page=True)
        shrink(IMAGES / "results-phone.png")
        for old in IMAGES.glob("summary-print-*.png"):
            old.unlink()
        pdf_pages(phone, f"/{args.lang}/results/print", IMAGES / "summary-print")
        if args.all:
            session_pages(browser, origin, phone, code, args.lang, args.all)
        browser.close()
        server.shutdown()
    print(f"Pictures written to {IMAGES.relative_to(ROOT)}")


def session_pages(browser, origin: str, phone, code: str, lang: str, folder: Path) -> None:
    """Every page a client and a counsellor see in a session, phone and desktop."""
    folder.mkdir(parents=True, exist_ok=True)
    shots = {"area": f"/{lang}/area/{AREA_IDS[0]}", "results": f"/{lang}/results"}
    shots.update({f"results-{a}": f"/{lang}/results/{a}" for a in AREA_IDS[:1]})
    shots.update({"courses": f"/{lang}/results/finnish-courses", "delete": f"/{lang}/results/delete"})
    for name, path in shots.items():
        phone.goto(path)
        phone.screenshot(path=str(folder / f"phone-{name}.png"), full_page=True)
    desk = browser.new_context(base_url=origin, **DESKTOP).new_page()
    desk.goto(f"/{lang}/counsellor")
    desk.fill("#code", code)
    desk.click("main form button")
    desk.wait_for_url("**/session")
    desk.screenshot(path=str(folder / "desktop-session.png"), full_page=False)
    desk.screenshot(path=str(folder / "desktop-session-full.png"), full_page=True)
    pdf_pages(desk, f"/{lang}/session/print", folder / "session-print")
    pdf_pages(desk, f"/{lang}/session/print?second={second_language_for(lang)}", folder / "session-print-two")


if __name__ == "__main__":
    main()
