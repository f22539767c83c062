/* Search suggestions for every input with data-autocomplete-url (header box, search page).
   Dependency-free, written for Storysite. Without JavaScript the form submits as usual.
   ARIA 1.2 combobox pattern: the input owns a listbox; arrow keys move, Enter opens the
   suggestion, Escape closes. Requests are debounced and stale answers are dropped. */
(function () {
    "use strict";
    var DEBOUNCE_MS = 200;
    var MIN_LENGTH = 2;

    function setup(input, index) {
        var url = input.getAttribute("data-autocomplete-url");
        var list = document.createElement("ul");
        var listId = "search-suggestions-" + index;
        var timer = null;
        var latest = 0;
        var active = -1;
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
        list.hidden = true;
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");
        input.parentNode.style.position = "relative";
        input.parentNode.appendChild(list);

        function options() { return list.querySelectorAll("[role=option]"); }

        function close() {
            list.hidden = true;
            list.textContent = "";
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(next) {
            var items = options();
            if (!items.length) { return; }
            active = (next + items.length) % items.length;
            items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        function render(suggestions) {
            close();
            if (!suggestions.length) { return; }
            suggestions.forEach(function (suggestion, i) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                item.id = listId + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                link.href = suggestion.url;
                link.textContent = suggestion.title;  // never innerHTML: titles are data
                link.tabIndex = -1;
                item.appendChild(link);
                list.appendChild(item);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            var ticket = ++latest;
            if (query.length < MIN_LENGTH) { close(); return; }
            fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) { if (ticket === latest) { render(data.suggestions || []); } })
                .catch(function () { close(); });  // suggestions are a nicety: fail quietly
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
            else if (event.key === "Escape") { close(); }
            else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.assign(options()[active].querySelector("a").href);
            }
        });
        input.addEventListener("blur", function () { setTimeout(close, 200); });
    }

    document.querySelectorAll("input[data-autocomplete-url]").forEach(setup);
})();
