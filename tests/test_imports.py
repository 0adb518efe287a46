"""The domain modules stay light: importing one loads neither the web framework nor the database
layer, so scripts and their tests start in a moment, and the rules of the product are kept apart
from how it is served."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = (
    "scoring",
    "content",
    "catalogue",
    "matching",
    "summary",
    "plain_language",
    "share_codes",
    "web_address",
    "languages",
    "content_translations",
    "chart",
    "step_entries",
)
HEAVY = ("flask", "flask_*", "sqlalchemy", "werkzeug", "wtforms", "matplotlib")
# The chart is drawn by matplotlib; it needs nothing else of the above.
ALLOWED = {"chart": ("matplotlib",)}


SCRIPT = """
import fnmatch, sys
import checklist.{module}
tops = {{name.split(".")[0] for name in sys.modules}}
print(" ".join(sorted(t for t in tops if any(fnmatch.fnmatch(t, h) for h in {heavy!r}))))
"""


@pytest.fixture(scope="module")
def loaded() -> dict[str, list[str]]:
    """Import each module in a fresh interpreter of its own, all at once; return the heavy
    packages each loaded."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = {
        module: subprocess.Popen(
            [sys.executable, "-c", SCRIPT.format(module=module, heavy=HEAVY)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for module in (*DOMAIN, "models")
    }
    found = {}
    for module, process in started.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        found[module] = out.split()
    return found


@pytest.mark.parametrize("module", DOMAIN)
def test_a_domain_module_loads_no_web_framework(module, loaded):
    unexpected = [name for name in loaded[module] if name not in ALLOWED.get(module, ())]
    assert not unexpected, f"import checklist.{module} loads {unexpected}"


def test_the_check_sees_a_heavy_import(loaded):
    # The database models do load the web framework and the database layer: the check above would see it.
    assert {"flask", "flask_sqlalchemy", "sqlalchemy"} <= set(loaded["models"])


def test_the_package_still_offers_the_factory():
    import checklist

    assert callable(checklist.create_app) and callable(checklist.load_content)
    with pytest.raises(AttributeError):
        _ = checklist.no_such_name
