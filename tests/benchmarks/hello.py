"""The smallest Flask app, served the same way as ours, as the yardstick for throughput."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello"
