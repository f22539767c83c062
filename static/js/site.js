/* Storysite progressive enhancement. Dependency-free; every feature here is optional: without
   JavaScript the page shows the same content as plain HTML (both before/after photos, a scrollable
   gallery, the scrollytelling steps in sequence, pagination links, a cookie form that posts). */
(function () {
    "use strict";

    var CONSENT_COOKIE = "storysite_consent";
    var TOUR_KEY = "storysite-tour";
    var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    function onReady(fn) {
        if (document.readyState !== "loading") fn();
        else document.addEventListener("DOMContentLoaded", fn);
    }
    function all(selector, root) {
        return Array.prototype.slice.call((root || document).querySelectorAll(selector));
    }
    function isRtl(el) {
        return getComputedStyle(el).direction === "rtl";
    }

    /* ---- Cookie consent ---------------------------------------------------------------- */
    function consent() {
        var match = document.cookie.match(new RegExp("(?:^|; )" + CONSENT_COOKIE + "=([^;]*)"));
        return match ? match[1] : null;
    }
    function activateConsentedContent() {
        // Analytics: inert text/plain placeholders become real scripts only now.
        all("script[type='text/plain'][data-consent-src]").forEach(function (inert) {
            var script = document.createElement("script");
            script.src = inert.getAttribute("data-consent-src");
            script.defer = true;
            script.setAttribute("data-analytics", "");
            inert.replaceWith(script);
        });
        // Embedded players: privacy-enhanced iframes replace the placeholders.
        all("[data-consent-embed]").forEach(function (figure) {
            var src = figure.getAttribute("data-consent-embed");
            var placeholder = figure.querySelector(".block-embed__placeholder");
            if (!src || !placeholder) return;
            var frame = document.createElement("iframe");
            frame.src = src;
            frame.title = figure.getAttribute("data-embed-title") || "";
            frame.loading = "lazy";
            frame.allow = "fullscreen; picture-in-picture";
            frame.className = "block-embed__frame";
            placeholder.replaceWith(frame);
        });
    }
    function setupConsent() {
        if (consent() === "accepted") activateConsentedContent();
        var banner = document.querySelector("[data-cookie-banner]");
        if (!banner) return;
        var form = banner.querySelector("form");
        form.addEventListener("submit", function (event) {
            var choice = event.submitter && event.submitter.value;
            if (!choice) return; // let the form post normally
            event.preventDefault();
            var body = new FormData(form);
            body.set("choice", choice);
            fetch(form.action, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
                .then(function () {
                    // The server set the cookie; writing it here too keeps this page in step.
                    document.cookie = CONSENT_COOKIE + "=" + choice + "; path=/; max-age=15552000; samesite=lax";
                    banner.remove();
                    document.dispatchEvent(new CustomEvent("storysite:consent", { detail: choice }));
                    if (choice === "accepted") activateConsentedContent();
                    var main = document.getElementById("main");
                    if (main) main.focus({ preventScroll: true });
                })
                .catch(function () { form.submit(); });
        });
    }

    /* ---- Gallery / carousel -------------------------------------------------------------- */
    function setupCarousels() {
        all("[data-carousel]").forEach(function (carousel) {
            var track = carousel.querySelector(".block-gallery__track");
            var slides = all(".block-gallery__slide", carousel);
            var controls = carousel.querySelector(".block-gallery__controls");
            var status = carousel.querySelector(".block-gallery__status");
            if (!track || slides.length < 2 || !controls) return;
            var current = 0;
            controls.hidden = false;
            function show(index) {
                current = Math.max(0, Math.min(slides.length - 1, index));
                // scrollIntoView follows the writing direction, so "next" moves toward the end of
                // the line in English and toward the left in Arabic with no special case.
                slides[current].scrollIntoView({ behavior: reducedMotion ? "auto" : "smooth", block: "nearest", inline: "start" });
                status.textContent = slides[current].getAttribute("aria-label");
                carousel.querySelector("[data-carousel-prev]").disabled = current === 0;
                carousel.querySelector("[data-carousel-next]").disabled = current === slides.length - 1;
            }
            carousel.querySelector("[data-carousel-prev]").addEventListener("click", function () { show(current - 1); });
            carousel.querySelector("[data-carousel-next]").addEventListener("click", function () { show(current + 1); });
            track.addEventListener("keydown", function (event) {
                var forward = isRtl(track) ? "ArrowLeft" : "ArrowRight";
                var backward = isRtl(track) ? "ArrowRight" : "ArrowLeft";
                if (event.key === forward) { show(current + 1); event.preventDefault(); }
                if (event.key === backward) { show(current - 1); event.preventDefault(); }
            });
            // Keep the counter right when the reader swipes instead of using the buttons.
            if ("IntersectionObserver" in window) {
                var observer = new IntersectionObserver(function (entries) {
                    entries.forEach(function (entry) {
                        if (entry.intersectionRatio > 0.6) {
                            current = slides.indexOf(entry.target);
                            status.textContent = entry.target.getAttribute("aria-label");
                        }
                    });
                }, { root: track, threshold: [0.6] });
                slides.forEach(function (slide) { observer.observe(slide); });
            }
            status.textContent = slides[0].getAttribute("aria-label");
            carousel.querySelector("[data-carousel-prev]").disabled = true;
        });
    }

    /* ---- Before / after ------------------------------------------------------------------- */
    function setupBeforeAfter() {
        all("[data-before-after]").forEach(function (figure) {
            var frame = figure.querySelector(".block-before-after__frame");
            var control = figure.querySelector(".block-before-after__control");
            var input = control && control.querySelector("input[type=range]");
            if (!frame || !input) return;
            figure.classList.add("is-enhanced");
            control.hidden = false;
            function update() {
                frame.style.setProperty("--position", input.value + "%");
                input.setAttribute("aria-valuetext", input.value + "%");
            }
            input.addEventListener("input", update);
            update();
        });
    }

    /* Scrollytelling, background video, chapters, reading progress and sharing: stories/static/stories/story.js */

    /* ---- Load more ---------------------------------------------------------------------- */
    function setupLoadMore(root) {
        all("[data-load-more]", root).forEach(function (pager) {
            var next = pager.querySelector("a[rel=next]");
            var listing = pager.parentElement;
            var items = listing && listing.querySelector("[data-load-more-items]");
            if (!next || !items) return;
            var button = document.createElement("button");
            button.type = "button";
            button.className = "load-more";
            button.textContent = pager.getAttribute("data-load-more-label");
            var live = document.createElement("p");
            live.className = "visually-hidden";
            live.setAttribute("aria-live", "polite");
            pager.replaceWith(button);
            button.after(live);
            button.addEventListener("click", function () {
                button.disabled = true;
                button.setAttribute("aria-busy", "true");
                var url = new URL(next.href, window.location.href);
                url.searchParams.set("fragment", "1");
                fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
                    .then(function (response) {
                        if (!response.ok) throw new Error(response.status);
                        return response.text();
                    })
                    .then(function (html) {
                        var doc = new DOMParser().parseFromString(html, "text/html");
                        var newCards = all("[data-load-more-items] > *", doc);
                        newCards.forEach(function (card) { items.appendChild(document.adoptNode(card)); });
                        live.textContent = newCards.length + "";
                        // Move focus to the first new card's link so keyboard users carry on reading.
                        var firstLink = newCards.length && newCards[0].querySelector("a");
                        if (firstLink) firstLink.focus();
                        var nextPager = doc.querySelector("[data-load-more] a[rel=next]");
                        if (nextPager) {
                            next = nextPager;
                            button.disabled = false;
                            button.removeAttribute("aria-busy");
                        } else {
                            button.remove();
                        }
                    })
                    .catch(function () { window.location.href = next.href; });
            });
        });
    }

    /* ---- Explainers: open the question a link points to ----------------------------------- */
    function openTargetDetails() {
        var id = decodeURIComponent(window.location.hash.slice(1));
        var target = id && document.getElementById(id);
        if (target && target.tagName === "DETAILS") target.open = true;
    }

    /* ---- Site tour ---------------------------------------------------------------------- */
    function setupTour() {
        var dialog = document.querySelector("[data-site-tour]");
        var invite = document.querySelector("[data-tour-invite]");
        if (!dialog) return;
        var steps = all(".site-tour__steps > li", dialog);
        var progress = dialog.querySelector(".site-tour__progress");
        var nextButton = dialog.querySelector("[data-tour-next]");
        var backButton = dialog.querySelector("[data-tour-back]");
        var available = [];
        var current = 0;
        var highlighted = null;
        var opener = null;

        function remember() {
            try { localStorage.setItem(TOUR_KEY, "done"); } catch (error) { /* private mode */ }
        }
        function target(step) {
            var candidates = all(step.getAttribute("data-tour-target"));
            return candidates.filter(function (el) { return el.offsetParent !== null; })[0] || null;
        }
        function show(index) {
            current = index;
            steps.forEach(function (step) { step.hidden = true; });
            var step = available[index];
            step.hidden = false;
            if (highlighted) highlighted.classList.remove("tour-highlight");
            highlighted = target(step);
            if (highlighted) {
                highlighted.classList.add("tour-highlight");
                highlighted.scrollIntoView({ behavior: reducedMotion ? "auto" : "smooth", block: "center" });
            }
            progress.textContent = (index + 1) + " / " + available.length;
            backButton.disabled = index === 0;
            nextButton.textContent = nextButton.getAttribute(index === available.length - 1 ? "data-label-done" : "data-label-next");
        }
        function start(event) {
            opener = event && event.currentTarget;
            available = steps.filter(function (step) { return target(step) !== null; });
            if (!available.length) return;
            if (invite) invite.hidden = true;
            dialog.hidden = false;
            show(0);
            dialog.querySelector("h2").setAttribute("tabindex", "-1");
            dialog.querySelector("h2").focus();
        }
        function close() {
            dialog.hidden = true;
            if (highlighted) highlighted.classList.remove("tour-highlight");
            remember();
            if (opener) opener.focus();
        }
        all("[data-tour-start]").forEach(function (button) { button.addEventListener("click", start); });
        nextButton.addEventListener("click", function () {
            if (current < available.length - 1) show(current + 1);
            else close();
        });
        backButton.addEventListener("click", function () { if (current > 0) show(current - 1); });
        dialog.querySelector("[data-tour-close]").addEventListener("click", close);
        dialog.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
        if (invite) {
            invite.querySelector("[data-tour-dismiss]").addEventListener("click", function () {
                invite.hidden = true;
                remember();
            });
            var seen = null;
            try { seen = localStorage.getItem(TOUR_KEY); } catch (error) { seen = "unavailable"; }
            // First visit only, and not on top of the cookie banner: that choice comes first.
            if (!seen) {
                if (document.querySelector("[data-cookie-banner]")) {
                    document.addEventListener("storysite:consent", function () { invite.hidden = false; });
                } else {
                    invite.hidden = false;
                }
            }
        }
    }

    onReady(function () {
        setupConsent();
        setupCarousels();
        setupBeforeAfter();
        setupLoadMore(document);
        setupTour();
        openTargetDetails();
        window.addEventListener("hashchange", openTargetDetails);
    });
})();
