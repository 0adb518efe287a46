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

  // On an answer page, choosing another language first saves the answers given on this page:
  // the form is sent with action=switch, and the server shows the same page in that language.
  var form = document.getElementById("answers");
  if (form) {
    document.querySelectorAll(".languages__link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        [["action", "switch"], ["switch_to", link.getAttribute("hreflang")]].forEach(function (pair) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = pair[0];
          input.value = pair[1];
          form.appendChild(input);
        });
        form.submit();
      });
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

// Read aloud: a Listen button on each statement and on the area's introduction, only where the
// browser has a voice for the page's language. The speech is made on the device itself.
document.addEventListener("DOMContentLoaded", function () {
  var parts = document.querySelectorAll("[data-listen]");
  var synth = window.speechSynthesis;
  if (!parts.length || !synth || typeof SpeechSynthesisUtterance === "undefined") return;
  var lang = document.documentElement.lang;

  function voice() {
    return synth.getVoices().filter(function (v) {
      return v.lang.toLowerCase().split(/[-_]/)[0] === lang;
    })[0];
  }

  // The text in the page's language only: not a second language shown under it.
  function textOf(part) {
    var pieces = part.matches("p") ? [part] : part.querySelectorAll("legend, .hint");
    return Array.prototype.map.call(pieces, function (piece) {
      var copy = piece.cloneNode(true);
      copy.querySelectorAll(".second, .listen").forEach(function (extra) { extra.remove(); });
      return copy.textContent.trim();
    }).join(" ");
  }

  function addButtons() {
    var found = voice();
    if (!found || document.querySelector(".listen")) return;
    parts.forEach(function (part) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary button--small listen";
      button.textContent = part.getAttribute("data-listen");
      button.addEventListener("click", function () {
        var utterance = new SpeechSynthesisUtterance(textOf(part));
        utterance.lang = found.lang;
        utterance.voice = found;
        utterance.rate = 0.85;
        synth.cancel();
        synth.speak(utterance);
      });
      var legend = part.querySelector("legend");
      if (legend) legend.after(button); else part.after(button);
    });
  }

  addButtons();
  synth.addEventListener("voiceschanged", addButtons);
});
