/*
 * wagtail-localize's "Translate with …" button posts at once and fills every untranslated
 * segment with the machine's text, which is saved straight away (and leaving the page drops
 * edits not saved yet). Ask first. The editor is drawn by React after load, so listen on the
 * document for the form's submission rather than for a button that does not exist yet.
 * The question comes translated from the server (data-confirm on this script's tag).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var question = script && script.dataset.confirm;
  if (!question) {
    return;
  }
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      var action = (form && form.getAttribute("action")) || "";
      if (!/\/machine_translate\/$/.test(action)) {
        return;
      }
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );
})();
