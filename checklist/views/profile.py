"""The short, optional profile that makes the suggestions local: municipality and four questions."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from .. import messages
from ..current import catalogue
from ..forms import ProfileForm, profile_form_data
from ..models import db
from ..rounds import PROFILE_STEP, RESULTS_STEP, finished_round
from .results import settle

bp = Blueprint("profile", __name__, url_prefix="/<lang>")


@bp.route("/profile", methods=["GET", "POST"])
def profile():
    """Ask the optional questions; saving them (or none) leads to the results."""
    found = finished_round()
    municipalities = catalogue().municipality_names()
    if request.method == "GET":
        form = ProfileForm(data=profile_form_data(found.profile), municipalities=municipalities)
    else:
        form = ProfileForm(municipalities=municipalities)
        if form.validate():
            found.profile = form.profile_data()
            if found.step == PROFILE_STEP:
                found.step = RESULTS_STEP
            found.touch(current_app.config["RETENTION_DAYS"])
            db.session.commit()
            settle(found)
            return redirect(url_for("results.results"))
    return render_template(
        "profile/profile.html", form=form, municipalities=municipalities, yes_no_labels=messages.YES_NO_LABELS
    )
