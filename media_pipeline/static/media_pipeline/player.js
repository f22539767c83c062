// Progressive enhancement for media_pipeline video players.
// Without JavaScript the <video> plays its MP4 <source>. With it, browsers that play HLS
// natively (Safari, recent Chromium) get the adaptive playlist; others that support Media Source
// Extensions load the vendored hls.js once, on first need; the rest keep the MP4.
(function () {
  "use strict";
  var hlsLoading = null;

  function loadHlsJs(src) {
    if (window.Hls) return Promise.resolve(window.Hls);
    if (!hlsLoading) {
      hlsLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = function () { resolve(window.Hls); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return hlsLoading;
  }

  function enhance(video) {
    var playlist = video.dataset.hlsSrc;
    if (!playlist || video.dataset.enhanced) return;
    video.dataset.enhanced = "true";
    if (video.canPlayType("application/vnd.apple.mpegurl")) {
      // "maybe" can still mean no: if the native player refuses the playlist, use the MP4.
      video.addEventListener("error", function fallback() {
        video.removeEventListener("error", fallback);
        video.src = video.dataset.mp4Src;
        video.dataset.engine = "mp4";
      });
      video.src = playlist;
      video.dataset.engine = "native-hls";
      return;
    }
    if (!("MediaSource" in window || "ManagedMediaSource" in window)) {
      video.dataset.engine = "mp4";
      return;
    }
    loadHlsJs(video.dataset.hlsjsSrc).then(function (Hls) {
      if (!Hls || !Hls.isSupported()) { video.dataset.engine = "mp4"; return; }
      var hls = new Hls({ capLevelToPlayerSize: true });
      hls.on(Hls.Events.ERROR, function (_event, data) {
        if (data.fatal) { hls.destroy(); video.src = video.dataset.mp4Src; video.dataset.engine = "mp4"; }
      });
      hls.loadSource(playlist);
      hls.attachMedia(video);
      video.dataset.engine = "hls.js";
    }).catch(function () { video.dataset.engine = "mp4"; });
  }

  function start() {
    document.querySelectorAll("video[data-hls-src]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
