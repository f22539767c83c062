// Live status and progress for videos in the Wagtail admin: polls the status endpoint every 2 s
// while any video on the page is busy, and updates the labels and progress bars in place.
(function () {
  "use strict";
  function poll() {
    var nodes = document.querySelectorAll("[data-video-status][data-busy='true']");
    if (!nodes.length) return;
    var url = new URL(nodes[0].dataset.statusUrl, window.location.href);
    nodes.forEach(function (node) { url.searchParams.append("id", node.dataset.videoStatus); });
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { videos: [] }; })
      .then(function (data) {
        data.videos.forEach(function (video) {
          document.querySelectorAll("[data-video-status='" + video.id + "']").forEach(function (node) {
            var label = node.querySelector("[data-video-status-label]");
            var bar = node.querySelector("[data-video-progress]");
            var text = node.querySelector("[data-video-progress-text]");
            if (label) label.textContent = video.status_label;
            if (bar) bar.value = video.progress;
            if (text) text.textContent = video.progress + " %";
            var detail = node.querySelector("[data-video-status-detail]");
            if (detail) {
              detail.textContent = video.detail || "";
              detail.hidden = !video.detail;
            }
            if (!video.busy) {
              node.dataset.busy = "false";
              if (bar) bar.hidden = true;
              if (text) text.hidden = true;
            }
          });
        });
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  document.addEventListener("DOMContentLoaded", function () { window.setTimeout(poll, 2000); });
})();
