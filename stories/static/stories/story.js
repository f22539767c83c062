/* Storytelling enhancements. Every one is optional: without JavaScript the cover shows its
   picture, scrollytelling steps read in order with their own media, background videos show
   their poster, chapters are plain links and the share links work.
   Behaviour comes from data attributes in the (cached, per-revision) block HTML; nothing here
   needs per-request state. */
(function () {
    "use strict";

    var motionQuery = window.matchMedia("(prefers-reduced-motion: reduce)");
    var hlsLoading = null;

    function all(selector, root) {
        return Array.prototype.slice.call((root || document).querySelectorAll(selector));
    }
    function onReady(fn) {
        if (document.readyState !== "loading") fn();
        else document.addEventListener("DOMContentLoaded", fn);
    }

    /* ---- Video from the media pipeline's ladder ------------------------------------------
       The adaptive HLS playlist where the browser plays it (natively, or through the vendored
       hls.js over Media Source), else the MP4 rung. Attached on first play only. */
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
    function useRung(video) {
        video.src = video.getAttribute("data-rung-src");
        video.setAttribute("data-engine", "mp4");
    }
    function attachSource(video) {
        if (video._attached) return video._attached;
        var playlist = video.getAttribute("data-ladder-src");
        video.preload = "auto";
        if (!playlist) {
            useRung(video);
            video._attached = Promise.resolve();
        } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
            video.addEventListener("error", function fallback() {
                video.removeEventListener("error", fallback);
                useRung(video);
                if (video._wanted) video.play().catch(function () {});
            });
            video.src = playlist;
            video.setAttribute("data-engine", "native-hls");
            video._attached = Promise.resolve();
        } else if ("MediaSource" in window || "ManagedMediaSource" in window) {
            video._attached = loadHlsJs(video.getAttribute("data-hlsjs-src")).then(function (Hls) {
                if (!Hls || !Hls.isSupported()) { useRung(video); return; }
                var hls = new Hls({ capLevelToPlayerSize: true });
                hls.on(Hls.Events.ERROR, function (_event, data) {
                    if (data.fatal) {
                        hls.destroy();
                        useRung(video);
                        if (video._wanted) video.play().catch(function () {});
                    }
                });
                hls.loadSource(playlist);
                hls.attachMedia(video);
                video.setAttribute("data-engine", "hls.js");
            }).catch(function () { useRung(video); });
        } else {
            useRung(video);
            video._attached = Promise.resolve();
        }
        return video._attached;
    }
    function playVideo(video) {
        video._wanted = true;
        video.muted = true;
        return attachSource(video).then(function () {
            if (video._wanted) return video.play();
        }).catch(function () {});
    }
    function pauseVideo(video) {
        video._wanted = false;
        video.pause();
    }

    /* ---- Pause control shared by a set of ambient videos (WCAG 2.2.2) -------------------- */
    function Ambient(root, toggle) {
        this.root = root;
        this.toggle = toggle;
        this.stoppedByReader = false;
        this.startedByReader = false;
        this.visible = false;
        var self = this;
        toggle.hidden = false;
        toggle.addEventListener("click", function () {
            if (self.isRunning()) { self.stoppedByReader = true; self.startedByReader = false; }
            else { self.stoppedByReader = false; self.startedByReader = true; }
            self.update();
        });
        motionQuery.addEventListener("change", function () { self.update(); });
    }
    Ambient.prototype.mayPlay = function () {
        if (this.stoppedByReader) return false;
        return this.startedByReader || !motionQuery.matches;
    };
    Ambient.prototype.isRunning = function () { return this.mayPlay() && this.visible; };
    Ambient.prototype.videos = function () { return this.current ? [this.current()] : all("video", this.root); };
    Ambient.prototype.update = function () {
        var run = this.isRunning();
        var active = this.videos();
        all("video", this.root).forEach(function (video) {
            if (run && active.indexOf(video) !== -1) playVideo(video);
            else pauseVideo(video);
        });
        var playing = this.mayPlay();
        this.root.classList.toggle("is-paused", !playing);
        this.root.setAttribute("data-state", run ? "playing" : "paused");
        var label = this.toggle.getAttribute(playing ? "data-label-pause" : "data-label-play");
        var text = this.toggle.querySelector(".ambient__label");
        if (text) text.textContent = label;
        else this.toggle.setAttribute("aria-label", label);
    };
    Ambient.prototype.watch = function (target) {
        var self = this;
        if (!("IntersectionObserver" in window)) { self.visible = true; self.update(); return; }
        new IntersectionObserver(function (entries) {
            self.visible = entries[0].isIntersecting;
            self.update();
        }, { threshold: 0.25 }).observe(target);
    };

    function setupAmbientVideos() {
        all("[data-ambient]").forEach(function (root) {
            // Scrollytelling's copies are driven by the scrollytelling, not on their own.
            if (root.closest(".block-scrolly")) return;
            var toggle = root.querySelector("[data-ambient-toggle]");
            if (!toggle) return;
            var ambient = new Ambient(root, toggle);
            ambient.update();
            ambient.watch(root);
        });
    }

    /* ---- Scrollytelling ------------------------------------------------------------------ */
    function setupScrollytelling() {
        if (!("IntersectionObserver" in window)) return;
        all("[data-scrolly]").forEach(function (section) {
            var stage = section.querySelector(".block-scrolly__media");
            var steps = all(".block-scrolly__step", section);
            if (!stage || steps.length < 2) return;
            var layers = {};
            var hasVideo = false;
            all(".block-scrolly__step-media", section).forEach(function (figure) {
                var index = figure.getAttribute("data-media");
                var layer = document.createElement("div");
                layer.className = "block-scrolly__layer";
                layer.setAttribute("data-layer", index);
                // The step keeps its own copy for screen readers; the pinned one is decoration.
                layer.setAttribute("aria-hidden", "true");
                var video = figure.querySelector("video");
                var img = figure.querySelector("img");
                var map = figure.getAttribute("data-kind") === "map" && figure.querySelector("svg");
                if (map) {
                    // The pinned copy is a picture of the map: the step keeps the interactive
                    // one (markers, list of places) for keyboards and screen readers.
                    var drawing = map.cloneNode(true);
                    drawing.removeAttribute("id");
                    drawing.querySelectorAll("[id]").forEach(function (node) {
                        node.removeAttribute("id");
                    });
                    drawing.querySelectorAll("a, [tabindex]").forEach(function (node) {
                        node.setAttribute("tabindex", "-1");
                    });
                    layer.appendChild(drawing);
                } else if (video) {
                    var copy = video.cloneNode(false);
                    copy.removeAttribute("role");
                    copy.removeAttribute("aria-label");
                    layer.appendChild(copy);
                    hasVideo = true;
                } else if (img) {
                    // The whole <picture>, so the browser still picks AVIF/WebP and the width;
                    // still lazy, so nothing is fetched until the reader nears the block.
                    var picture = (img.closest("picture") || img).cloneNode(true);
                    var copied = picture.tagName === "IMG" ? picture : picture.querySelector("img");
                    copied.alt = "";
                    copied.setAttribute("loading", "lazy");
                    layer.appendChild(picture);
                } else {
                    layer.appendChild(figure.cloneNode(true));
                }
                stage.appendChild(layer);
                layers[index] = layer;
            });
            // One pause button for the block's videos, in the pinned stage where they play.
            var ambient = null;
            if (hasVideo) {
                var original = section.querySelector("[data-ambient-toggle]");
                var toggle = original.cloneNode(true);
                stage.appendChild(toggle);
                stage.classList.add("ambient");
                ambient = new Ambient(stage, toggle);
            }
            section.classList.add("is-enhanced");
            var activeLayer = null;
            function activate(index) {
                var step = steps[index];
                var shows = step.getAttribute("data-shows");
                var zoom = parseFloat(step.getAttribute("data-zoom")) || 1;
                section.setAttribute("data-active-step", index);
                steps.forEach(function (s, i) { s.classList.toggle("is-active", i === index); });
                Object.keys(layers).forEach(function (key) {
                    var layer = layers[key];
                    var on = key === shows;
                    layer.classList.toggle("is-active", on);
                    if (on) {
                        activeLayer = layer;
                        var media = layer.firstElementChild;
                        if (media.tagName === "PICTURE") media = media.querySelector("img");
                        media.style.transformOrigin = step.getAttribute("data-focus") || "50% 50%";
                        media.style.transform = zoom > 1 ? "scale(" + zoom + ")" : "";
                        section.setAttribute("data-zoom", zoom);
                    }
                });
                if (ambient) ambient.update();
            }
            if (ambient) {
                ambient.current = function () { return activeLayer && activeLayer.querySelector("video"); };
                ambient.watch(stage);
            }
            activate(0);
            var observer = new IntersectionObserver(function (entries) {
                entries.forEach(function (entry) {
                    if (entry.isIntersecting) activate(steps.indexOf(entry.target));
                });
            }, { rootMargin: "-50% 0px -50% 0px" });
            steps.forEach(function (step) { observer.observe(step); });
        });
    }

    /* ---- Reading progress and the current chapter ----------------------------------------- */
    function setupReading() {
        var article = document.querySelector("[data-reading]");
        if (!article) return;
        var bar = article.querySelector("[data-reading-progress]");
        var links = all("[data-chapters] a");
        var headings = links.map(function (link) {
            return document.getElementById(decodeURIComponent(link.hash.slice(1)));
        });
        if (bar) bar.hidden = false;
        var pending = false;
        function update() {
            pending = false;
            var box = article.getBoundingClientRect();
            var travel = box.height - window.innerHeight;
            var done = travel > 0 ? Math.min(1, Math.max(0, -box.top / travel)) : 1;
            if (bar) bar.style.setProperty("--progress", done.toFixed(3));
            var current = -1;
            headings.forEach(function (heading, i) {
                if (heading && heading.getBoundingClientRect().top < window.innerHeight * 0.3) current = i;
            });
            links.forEach(function (link, i) {
                if (i === current) link.setAttribute("aria-current", "true");
                else link.removeAttribute("aria-current");
            });
        }
        function schedule() {
            if (!pending) { pending = true; window.requestAnimationFrame(update); }
        }
        window.addEventListener("scroll", schedule, { passive: true });
        window.addEventListener("resize", schedule);
        update();
    }

    /* ---- Sharing: the system share sheet where there is one, and copy link ---------------- */
    function setupSharing() {
        all("[data-share]").forEach(function (box) {
            var data = {
                title: box.getAttribute("data-share-title"),
                text: box.getAttribute("data-share-text"),
                url: box.getAttribute("data-share-url")
            };
            var status = box.querySelector(".share__status");
            var native = box.querySelector("[data-share-native]");
            if (native && navigator.share && (!navigator.canShare || navigator.canShare(data))) {
                native.hidden = false;
                native.addEventListener("click", function () {
                    navigator.share(data).catch(function () { /* dismissed */ });
                });
            }
            var copy = box.querySelector("[data-copy-link]");
            if (copy && navigator.clipboard && window.isSecureContext) {
                copy.hidden = false;
                copy.addEventListener("click", function () {
                    navigator.clipboard.writeText(data.url).then(function () {
                        status.textContent = copy.getAttribute("data-copied-label");
                    });
                });
            }
        });
    }

    onReady(function () {
        setupAmbientVideos();
        setupScrollytelling();
        setupReading();
        setupSharing();
    });
})();
