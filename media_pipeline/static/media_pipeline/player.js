// Progressive enhancement for media_pipeline video players.
//
// Nothing is fetched before the visitor presses play: the <video> carries preload="none" and
// its poster, and the adaptive stream is attached only on the first "play". (Native HLS ignores
// preload="metadata", and hls.js loads the playlist and first segments as soon as it is
// attached, so attaching early cost a phone ~2 MB per video.)
//
// Without JavaScript the <video> plays its MP4 <source> (still nothing before play). With it,
// browsers with Media Source Extensions use the vendored hls.js, loaded on first play, because
// there the rung can be chosen: never wider than the player is shown, and the lowest one when
// the visitor asked to save data or is on a slow connection. Browsers without MSE but with
// native HLS (older iPhones) get the playlist natively; the rest keep the MP4.
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

  // The visitor's wish to save data (Chromium's "Lite" setting, also sent as the Save-Data
  // header, which cached pages cannot vary on) or a slow connection.
  function wantsLowestRung() {
    var connection = navigator.connection;
    if (!connection) return false;
    if (connection.saveData) return true;
    return /(^|-)2g$/.test(connection.effectiveType || "");
  }

  // The widest rung that is no wider than the player is shown (CSS pixels), else the narrowest.
  function fittingLevel(levels, playerWidth) {
    var best = -1;
    var narrowest = 0;
    levels.forEach(function (level, index) {
      if (level.width < levels[narrowest].width) narrowest = index;
      if (level.width <= playerWidth && (best < 0 || level.width > levels[best].width)) best = index;
    });
    return best < 0 ? narrowest : best;
  }

  function useMp4(video) {
    video.dataset.engine = "mp4";
    video.src = video.dataset.mp4Src;
  }

  function playWhenReady(video) {
    var attempt = video.play();
    if (attempt && attempt.catch) attempt.catch(function () {});
  }

  function attachHlsJs(video, Hls) {
    var lowest = wantsLowestRung();
    var hls = new Hls({
      // Our own cap (below) rather than capLevelToPlayerSize, which allows the first rung at
      // least as wide as the player, i.e. wider than it is shown.
      capLevelToPlayerSize: false,
      autoStartLoad: false,
      maxBufferLength: 20,
    });
    var levels = [];
    function cap() {
      if (!levels.length) return;
      var level = lowest ? 0 : fittingLevel(levels, video.clientWidth || 0);
      hls.autoLevelCapping = level;
      return level;
    }
    hls.on(Hls.Events.MANIFEST_PARSED, function (_event, data) {
      levels = data.levels;
      var level = cap();
      hls.startLevel = level;
      video.dataset.startLevel = String(level);
      video.dataset.startWidth = String(levels[level].width);
      hls.startLoad();
      playWhenReady(video);
      // Full screen or a rotated phone shows the player wider: allow the rungs that now fit.
      if ("ResizeObserver" in window) new ResizeObserver(cap).observe(video);
    });
    hls.on(Hls.Events.ERROR, function (_event, data) {
      if (data.fatal) { hls.destroy(); useMp4(video); playWhenReady(video); }
    });
    video.dataset.engine = "hls.js";
    hls.attachMedia(video);
    hls.loadSource(video.dataset.hlsSrc);
    return hls;
  }

  // Puts the stream in the element; resolves once playback has been asked for.
  function start(video) {
    if (video.dataset.started) return video._mediaPipelineStart;
    video.dataset.started = "true";
    var canMse = "MediaSource" in window || "ManagedMediaSource" in window;
    var ready;
    if (canMse) {
      ready = loadHlsJs(video.dataset.hlsjsSrc).then(function (Hls) {
        if (!Hls || !Hls.isSupported()) { useMp4(video); playWhenReady(video); return; }
        attachHlsJs(video, Hls);
      }).catch(function () { useMp4(video); playWhenReady(video); });
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      // "maybe" can still mean no: if the native player refuses the playlist, use the MP4.
      video.addEventListener("error", function fallback() {
        video.removeEventListener("error", fallback);
        useMp4(video);
        playWhenReady(video);
      });
      video.dataset.engine = "native-hls";
      video.src = wantsLowestRung() && video.dataset.lowestSrc
        ? video.dataset.lowestSrc : video.dataset.hlsSrc;
      playWhenReady(video);
      ready = Promise.resolve();
    } else {
      useMp4(video);
      playWhenReady(video);
      ready = Promise.resolve();
    }
    video._mediaPipelineStart = ready;
    return ready;
  }

  function seek(video, seconds) {
    if (video.readyState >= 1) {
      video.currentTime = seconds;
      playWhenReady(video);
      return;
    }
    video.addEventListener("loadedmetadata", function once() {
      video.removeEventListener("loadedmetadata", once);
      video.currentTime = seconds;
    });
  }

  function enhance(video) {
    if (!video.dataset.hlsSrc || video.dataset.enhanced) return;
    var figure = video.closest(".video-player");
    var button = figure && figure.querySelector(".video-player__play");
    if (!button) return;
    video.dataset.enhanced = "true";
    // The MP4 <source> is for browsers without JavaScript. Removed (and the element reset) now,
    // before any play, so nothing but the poster is fetched; an element without a source has
    // no working play control of its own, so the player shows its own play button until then.
    Array.prototype.forEach.call(video.querySelectorAll("source"), function (source) {
      source.remove();
    });
    video.load();
    video.controls = false;
    button.hidden = false;
    function begin() {
      if (video.dataset.started) return;
      button.hidden = true;
      video.controls = true;
      start(video);
    }
    // A play asked for otherwise (media keys, a script) starts the stream the same way.
    video.addEventListener("play", begin);
    button.addEventListener("click", function () {
      begin();
      video.focus();
    });
    figure.querySelectorAll("a[data-chapter-start]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        begin();
        seek(video, parseFloat(link.dataset.chapterStart) || 0);
        video.focus();
      });
    });
  }

  function startAll() {
    document.querySelectorAll("video[data-hls-src]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
