"""The app compresses its pages when the browser accepts it."""

import gzip

from flask.testing import FlaskClient


def body(app, path: str, encodings: str | None = None) -> tuple[dict, bytes]:
    response = FlaskClient(app).get(path, headers={"Accept-Encoding": encodings} if encodings else {})
    data = response.get_data()
    response.close()
    return response.headers, data


def test_pages_are_sent_compressed(app):
    _, plain = body(app, "/fi/privacy")
    headers, sent = body(app, "/fi/privacy", "gzip")
    assert headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(sent) == plain and len(sent) < len(plain) / 2
