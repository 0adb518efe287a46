// Progressive enhancement only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Focus the error summary, so screen readers announce it and keyboard users start there.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
    // A link in the summary moves to the question: show its legend, not just the first radio.
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var input = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!input) return;
      event.preventDefault();
      (input.closest(".form-group") || input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  // On an answer page, switching language first saves the answers given on this page:
  // the form is sent with action=switch, and the server shows the same page in the other language.
  var form = document.getElementById("answers");
  var link = document.querySelector(".header__switch");
  if (form && link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var action = document.createElement("input");
      action.type = "hidden";
      action.name = "action";
      action.value = "switch";
      form.appendChild(action);
      form.submit();
    });
  }
});

// A QR code opens the counsellor page with the share code after "#": fill it in.
document.addEventListener("DOMContentLoaded", function () {
  var input = document.getElementById("code");
  var fromLink = decodeURIComponent(window.location.hash.slice(1));
  if (input && !input.value && /^[0-9A-Za-z-]{12,20}$/.test(fromLink)) {
    input.value = fromLink;
    // Keep the code out of the address bar and the browser history.
    history.replaceState(null, "", window.location.pathname);
  }
});

// The print view's Print button needs JavaScript: it stays hidden without it.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
