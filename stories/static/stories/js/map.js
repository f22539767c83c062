/* Interactive map block: popups for markers, zoom and pan of the server-drawn SVG.
   Without this file the map is a picture with numbered markers linking to the list of places.
   Texts come from data attributes on the map (translated on the server); nothing is fetched. */
(function () {
    "use strict";
    var MAX_ZOOM = 8;

    function parseBox(text) {
        return text.split(/\s+/).map(Number);
    }

    function setUp(section) {
        var svg = section.querySelector("svg");
        var frame = section.querySelector("[data-geomap-frame]");
        if (!svg || !frame) return;
        var home = parseBox(svg.getAttribute("data-view-box"));
        var view = home.slice();
        var radius = Number(svg.getAttribute("data-marker-radius")) || 1;
        var texts = section.dataset;
        var popup = null;
        var openMarker = null;

        function apply() {
            svg.setAttribute("viewBox", view.map(function (n) { return n.toFixed(3); }).join(" "));
            var zoom = home[2] / view[2];
            svg.querySelectorAll("[data-geomap-dot]").forEach(function (dot) {
                dot.setAttribute("r", (radius / zoom).toFixed(3));
            });
            svg.querySelectorAll("[data-geomap-number]").forEach(function (text) {
                text.style.fontSize = (radius / zoom).toFixed(3) + "px";
            });
            zoomIn.disabled = zoom >= MAX_ZOOM - 1e-6;
            zoomOut.disabled = reset.disabled = zoom <= 1 + 1e-6;
            frame.setAttribute("data-zoom", zoom.toFixed(2));
            if (openMarker) place(openMarker);
        }

        function clamp() {
            view[2] = Math.min(Math.max(view[2], home[2] / MAX_ZOOM), home[2]);
            view[3] = view[2] * home[3] / home[2];
            view[0] = Math.min(Math.max(view[0], home[0]), home[0] + home[2] - view[2]);
            view[1] = Math.min(Math.max(view[1], home[1]), home[1] + home[3] - view[3]);
        }

        function zoomBy(factor, cx, cy) {
            if (cx === undefined) { cx = view[0] + view[2] / 2; cy = view[1] + view[3] / 2; }
            var width = view[2] / factor;
            var height = view[3] / factor;
            view = [cx - (cx - view[0]) / factor, cy - (cy - view[1]) / factor, width, height];
            clamp();
            apply();
        }

        function panBy(fx, fy) {
            view[0] += view[2] * fx;
            view[1] += view[3] * fy;
            clamp();
            apply();
        }

        function button(label, text, handler) {
            var b = document.createElement("button");
            b.type = "button";
            b.setAttribute("aria-label", label);
            b.title = label;
            b.textContent = text;
            b.addEventListener("click", handler);
            return b;
        }

        var controls = document.createElement("div");
        controls.className = "block-geomap__controls";
        controls.setAttribute("role", "group");
        controls.setAttribute("aria-label", texts.controlsLabel || "Map controls");
        var zoomIn = button(texts.zoomIn || "Zoom in", "+", function () { zoomBy(2); });
        var zoomOut = button(texts.zoomOut || "Zoom out", "\u2212", function () { zoomBy(0.5); });
        var reset = button(texts.reset || "Reset map", "\u21ba", function () { view = home.slice(); apply(); });
        controls.append(zoomIn, zoomOut, reset);
        frame.appendChild(controls);

        // Arrow keys pan once the map is zoomed; the SVG group takes focus for that.
        svg.setAttribute("tabindex", "0");
        svg.addEventListener("keydown", function (event) {
            if (event.target !== svg) return;
            var moves = { ArrowLeft: [-0.2, 0], ArrowRight: [0.2, 0], ArrowUp: [0, -0.2], ArrowDown: [0, 0.2] };
            if (moves[event.key]) { event.preventDefault(); panBy(moves[event.key][0], moves[event.key][1]); }
            else if (event.key === "+" || event.key === "=") { event.preventDefault(); zoomBy(2); }
            else if (event.key === "-") { event.preventDefault(); zoomBy(0.5); }
        });

        // Drag to pan (mouse, pen, touch).
        var drag = null;
        svg.addEventListener("pointerdown", function (event) {
            if (event.target.closest("a")) return;
            drag = { x: event.clientX, y: event.clientY, view: view.slice() };
            svg.setPointerCapture(event.pointerId);
        });
        svg.addEventListener("pointermove", function (event) {
            if (!drag) return;
            var rect = svg.getBoundingClientRect();
            var scale = Math.max(view[2] / rect.width, view[3] / rect.height);
            view[0] = drag.view[0] - (event.clientX - drag.x) * scale;
            view[1] = drag.view[1] - (event.clientY - drag.y) * scale;
            clamp();
            apply();
        });
        ["pointerup", "pointercancel"].forEach(function (name) {
            svg.addEventListener(name, function () { drag = null; });
        });

        function place(marker) {
            var dot = marker.querySelector("circle").getBoundingClientRect();
            var box = frame.getBoundingClientRect();
            var x = dot.left + dot.width / 2 - box.left;
            var y = dot.top + dot.height - box.top + 6;
            var width = popup.offsetWidth;
            popup.style.left = Math.max(4, Math.min(x - width / 2, box.width - width - 4)) + "px";
            var top = y + popup.offsetHeight > box.height ? Math.max(4, dot.top - box.top - popup.offsetHeight - 6) : y;
            popup.style.top = top + "px";
        }

        function close(returnFocus) {
            if (!popup) return;
            popup.remove();
            popup = null;
            if (openMarker) {
                openMarker.setAttribute("aria-expanded", "false");
                if (returnFocus) openMarker.focus();
            }
            openMarker = null;
        }

        function open(marker) {
            close(false);
            var item = section.querySelector('[data-geomap-place="' + marker.dataset.geomapMarker + '"]');
            popup = document.createElement("div");
            popup.className = "block-geomap__popup";
            popup.setAttribute("role", "dialog");
            popup.setAttribute("tabindex", "-1");
            popup.dir = document.documentElement.dir;
            var heading = document.createElement("h3");
            heading.id = section.id + "-popup-title";
            heading.textContent = item.querySelector(".block-geomap__place").textContent;
            popup.setAttribute("aria-labelledby", heading.id);
            popup.appendChild(heading);
            var text = item.querySelector(".block-geomap__popup-text");
            if (text) popup.appendChild(text.cloneNode(true));
            var shut = button(texts.close || "Close", "\u00d7", function () { close(true); });
            shut.className = "block-geomap__popup-close";
            popup.appendChild(shut);
            popup.addEventListener("keydown", function (event) {
                if (event.key === "Escape") { event.preventDefault(); close(true); }
            });
            frame.appendChild(popup);
            openMarker = marker;
            marker.setAttribute("aria-expanded", "true");
            place(marker);
            popup.focus();
        }

        svg.querySelectorAll("[data-geomap-marker]").forEach(function (marker) {
            marker.setAttribute("role", "button");
            marker.setAttribute("aria-expanded", "false");
            marker.setAttribute("aria-haspopup", "dialog");
            marker.addEventListener("click", function (event) { event.preventDefault(); open(marker); });
            marker.addEventListener("keydown", function (event) {
                if (event.key === " ") { event.preventDefault(); open(marker); }
            });
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && popup) close(true);
        });
        apply();
    }

    function start() {
        document.querySelectorAll("[data-geomap]").forEach(setUp);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
