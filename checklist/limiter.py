"""Rate limits. The counts live where RATELIMIT_STORAGE_URI says: Redis when several workers or
instances serve the app, so that they share one count."""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=False)
