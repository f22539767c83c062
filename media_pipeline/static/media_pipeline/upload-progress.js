/* The video form upload (local storage) with a progress bar: the form is sent with
 * XMLHttpRequest, whose upload events say how much has gone; the answer then replaces the page
 * (the listing after a save, the form with its errors otherwise). Without JavaScript the form
 * is sent as usual. */
(function () {
  "use strict";

  function init(box) {
    var input = document.getElementById(box.dataset.uploadProgressFor);
    if (!input || !input.form) return;
    var form = input.form;
    var bar = box.querySelector("[data-upload-progress-bar]");
    var text = box.querySelector("[data-upload-progress-text]");
    var errorBox = box.querySelector("[data-upload-progress-error]");

    function fail(message) {
      errorBox.textContent = message;
      errorBox.hidden = false;
      bar.hidden = true;
      text.textContent = "";
      form.querySelectorAll("[type=submit]").forEach(function (button) {
        button.disabled = false;
        button.removeAttribute("aria-disabled");
      });
    }

    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented || !input.files || !input.files.length) return;
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) {
        data.append(event.submitter.name, event.submitter.value);
      }
      var action = form.getAttribute("action") || window.location.href;
      var xhr = new XMLHttpRequest();
      xhr.open("POST", action);
      errorBox.hidden = true;
      bar.hidden = false;
      bar.value = 0;
      text.textContent = "0 %";
      xhr.upload.addEventListener("progress", function (progress) {
        if (!progress.lengthComputable) return;
        var value = Math.floor((progress.loaded * 100) / progress.total);
        bar.value = value;
        text.textContent = value + " %";
      });
      xhr.addEventListener("load", function () {
        if (xhr.status >= 500 || xhr.status === 0) {
          fail(box.dataset.errorServer);
          return;
        }
        var landed = new URL(xhr.responseURL || action, window.location.href);
        var sent = new URL(action, window.location.href);
        if (landed.pathname !== sent.pathname) {
          window.location.assign(landed.href); // saved: Wagtail redirected to the listing
          return;
        }
        document.open();
        document.write(xhr.responseText); // the form again, with its error messages
        document.close();
      });
      xhr.addEventListener("error", function () {
        fail(box.dataset.errorNetwork);
      });
      xhr.addEventListener("abort", function () {
        fail(box.dataset.errorNetwork);
      });
      xhr.send(data);
    });
  }

  function start() {
    document.querySelectorAll("[data-upload-progress-for]").forEach(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
