"""The desk's login form. The catalogue entry's form is in service_form.py."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..forms import strip
from . import messages


class LoginForm(FlaskForm):
    """A coordinator's name and password."""

    name = StringField(
        filters=[strip], validators=[DataRequired(messages.ENTER_NAME), Length(max=64, message=messages.LOGIN_FAILED)]
    )
    # A password too long for any account is answered as a wrong one (coordinators.authenticate).
    password = PasswordField(validators=[DataRequired(messages.ENTER_PASSWORD)])
