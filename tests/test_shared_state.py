"""Several workers or instances work together: what they must share lives outside their memory."""

import socket
import uuid

import pytest

from conftest import database_url, make_app
from helpers import complete

REDIS = ("127.0.0.1", 6379)


def reachable(address: tuple[str, int]) -> bool:
    try:
        socket.create_connection(address, 1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def instance(app, more_apps):
    """Return a factory of further app instances on the test database, sharing one secret key."""
    return lambda **config: more_apps(make_app(SECRET_KEY="shared-secret", **config))


def test_a_round_started_on_one_instance_continues_on_another(instance):
    if database_url() == "sqlite://":
        pytest.skip("an in-memory SQLite database is private to one instance; set TEST_DATABASE_URL")
    first = instance()
    complete(first, "en")
    second = instance()
    second.set_cookie("session", first.get_cookie("session").value)
    assert second.get("/en/results").status_code == 200


@pytest.mark.skipif(
    not reachable(REDIS), reason="Redis is not reachable on 127.0.0.1:6379: shared rate limit not tested"
)
def test_instances_share_the_rate_limit_through_redis(instance):
    config = {"RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0", "RATELIMIT_CODE_LOOKUPS": "3 per minute"}
    address = {"REMOTE_ADDR": f"198.51.100.{uuid.uuid4().int % 250}"}
    # A key of its own for this run, so that earlier runs' counts do not interfere.
    config["RATELIMIT_KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    first = instance(**config)
    for _ in range(3):
        assert first.post_form("/en/counsellor", {"code": "AAAA-AAAA-AAAA"}, environ_base=address).status_code == 404
    second = instance(**config)
    blocked = second.post_form("/en/counsellor", {"code": "AAAA-AAAA-AAAA"}, environ_base=address)
    assert blocked.status_code == 429
