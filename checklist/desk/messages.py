"""The desk's own messages of its login, in the desk's gettext domain (Finnish and English only).

The catalogue editor's messages sit with its form (service_form.py) and views (services.py).
"""

from .i18n import lazy_gettext as _l

# A wrong name and a wrong password get the same message.
ENTER_NAME = _l("Enter your user name")
ENTER_PASSWORD = _l("Enter your password")
LOGIN_FAILED = _l("The user name or the password is not right.")
TOO_MANY_LOGINS = _l(
    "Too many failed attempts. For your account's safety, logging in is paused for up to an hour. "
    "Try again later, or ask the service's administrator."
)
