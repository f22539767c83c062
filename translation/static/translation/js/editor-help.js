/*
 * Help in wagtail-localize's translation editor, without forking it:
 *  - "N segments left", updated as the translator saves segments;
 *  - "Next untranslated" / "Previous untranslated" buttons and Alt+Shift+N / Alt+Shift+P, which
 *    switch tab if needed, scroll to the segment and open it for translation (wrapping round);
 *  - segment labels that name the field inside lists and structs ("Gallery image 2 › Alternative
 *    text" instead of "Images"), computed on the server (translation/segment_labels.py).
 *
 * The editor is a React app drawn from the JSON in .js-translation-editor's data-props. It renders
 * every tab's segments, in the order of props.segments grouped by field and block as it groups
 * them, each as an <li> whose class says "complete", "incomplete" or "errored". This script reads
 * that, never changes React's elements except the text of a segment's sub-heading, and puts its
 * own panel outside React's container. Texts come from the server in the admin's language.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var helpUrlTemplate = script && script.dataset.helpUrl;

  function start() {
    var root = document.querySelector(".js-translation-editor");
    if (!root || !helpUrlTemplate) {
      return;
    }
    var props;
    try {
      props = JSON.parse(root.dataset.props);
    } catch (error) {
      return;
    }
    var links = props.links || {};
    var match = /\/translate\/(\d+)\//.exec(links.downloadPofile || links.uploadPofile || "");
    if (!match) {
      return;
    }
    var url = helpUrlTemplate.replace("/0/", "/" + match[1] + "/");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (help) {
        if (help) {
          new EditorHelp(root, props, help);
        }
      })
      .catch(function () {
        /* Without help the editor still works as wagtail-localize made it. */
      });
  }

  function EditorHelp(root, props, help) {
    this.root = root;
    this.help = help;
    this.segments = props.segments || [];
    this.current = -1;
    // Status by segment id for string segments; the DOM then keeps it up to date.
    this.done = {};
    var self = this;
    (props.initialStringTranslations || []).forEach(function (translation) {
      if (!translation.error) {
        self.done[translation.segment_id] = true;
      }
    });
    this.tabOrder = (props.tabs || []).map(function (tab) {
      return tab.slug;
    });
    this.buildPanel();
    this.refresh();
    new MutationObserver(function () {
      self.scheduleRefresh();
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
    document.addEventListener("keydown", function (event) {
      self.onKey(event);
    });
  }

  EditorHelp.prototype.buildPanel = function () {
    var help = this.help;
    var panel = document.createElement("section");
    panel.className = "translation-help";
    panel.setAttribute("aria-label", help.region);
    panel.innerHTML =
      '<p class="translation-help__count" role="status" aria-live="polite"></p>' +
      '<div class="translation-help__buttons">' +
      '<button type="button" class="button button-small button-secondary" data-move="-1"' +
      ' aria-keyshortcuts="Alt+Shift+' + help.previousKey + '"></button>' +
      '<button type="button" class="button button-small" data-move="1"' +
      ' aria-keyshortcuts="Alt+Shift+' + help.nextKey + '"></button>' +
      "</div>" +
      '<p class="translation-help__keys"></p>';
    var previous = panel.querySelector('[data-move="-1"]');
    var next = panel.querySelector('[data-move="1"]');
    previous.textContent = help.previous;
    next.textContent = help.next;
    previous.style.margin = next.style.margin = "0"; // side by side, not Wagtail's button gap
    panel.querySelector(".translation-help__keys").textContent = help.keys;
    var self = this;
    previous.addEventListener("click", function () {
      self.move(-1);
    });
    next.addEventListener("click", function () {
      self.move(1);
    });
    // Logical properties: the panel sits at the end of the line, on the left in Arabic.
    panel.style.cssText =
      "position:fixed;inset-block-end:1rem;inset-inline-end:1rem;z-index:200;" +
      "max-inline-size:20rem;padding:0.75rem 1rem;border-radius:0.5rem;" +
      "background:var(--w-color-surface-page, #fff);color:var(--w-color-text-context, #222);" +
      "border:1px solid var(--w-color-border-field-default, #888);" +
      "box-shadow:0 2px 8px rgba(0,0,0,0.2);font-size:0.875rem";
    this.count = panel.querySelector(".translation-help__count");
    this.count.style.cssText = "margin:0 0 0.5rem;font-weight:bold";
    panel.querySelector(".translation-help__buttons").style.cssText =
      "display:flex;flex-wrap:wrap;gap:0.5rem";
    panel.querySelector(".translation-help__keys").style.cssText =
      "margin:0.5rem 0 0;font-size:0.75rem";
    this.root.parentNode.insertBefore(panel, this.root);
    this.panel = panel;
  };

  EditorHelp.prototype.scheduleRefresh = function () {
    var self = this;
    if (this.pending) {
      return;
    }
    this.pending = window.requestAnimationFrame(function () {
      self.pending = null;
      self.refresh();
    });
  };

  // The rendered <li> of every segment, in props order, or null where it cannot be matched.
  EditorHelp.prototype.segmentElements = function () {
    var root = this.root;
    var byTab = {};
    this.segments.forEach(function (segment, index) {
      var tab = segment.location.tab;
      var groups = byTab[tab] || (byTab[tab] = new Map());
      var key = segment.location.field + "/" + (segment.location.blockId || "null");
      if (!groups.has(key)) {
        groups.set(key, []);
      }
      groups.get(key).push(index);
    });
    var elements = new Array(this.segments.length).fill(null);
    Object.keys(byTab).forEach(function (tab) {
      var section = root.querySelector('section[id="tab-' + tab + '"]:not([role])');
      if (!section) {
        return;
      }
      var order = [];
      byTab[tab].forEach(function (indexes) {
        order.push.apply(order, indexes);
      });
      var items = [];
      section.querySelectorAll("ul > li > h3").forEach(function (heading) {
        var list = heading.nextElementSibling;
        if (list && list.tagName === "UL") {
          items.push.apply(items, Array.prototype.filter.call(list.children, function (child) {
            return child.tagName === "LI";
          }));
        }
      });
      if (items.length !== order.length) {
        return; // not the layout this script knows: leave this tab alone
      }
      order.forEach(function (segmentIndex, position) {
        elements[segmentIndex] = items[position];
      });
    });
    return elements;
  };

  EditorHelp.prototype.refresh = function () {
    var self = this;
    var elements = this.segmentElements();
    this.elements = elements;
    var left = 0;
    this.segments.forEach(function (segment, index) {
      var element = elements[index];
      if (element) {
        var label = self.help.labels[segment.type + ":" + segment.id];
        var heading = element.querySelector(":scope > h4");
        // Only the text node's value: React keeps its own elements.
        if (label && heading && heading.firstChild && heading.firstChild.nodeValue !== label) {
          heading.firstChild.nodeValue = label;
        }
        if (segment.type === "string") {
          self.done[segment.id] = element.classList.contains("complete");
        }
      }
      if (segment.type === "string" && !self.done[segment.id]) {
        left += 1;
      }
    });
    var texts = this.help.remaining;
    var text = texts[Math.min(left, texts.length - 1)];
    if (this.count.textContent !== text) {
      this.count.textContent = text;
    }
    this.left = left;
  };

  EditorHelp.prototype.isUntranslated = function (index) {
    var segment = this.segments[index];
    return segment.type === "string" && !this.done[segment.id] && this.elements[index];
  };

  // Segments in the order the translator sees them: tab by tab, as drawn.
  EditorHelp.prototype.visualOrder = function () {
    var elements = this.elements;
    var tabs = this.tabOrder;
    var segments = this.segments;
    var indexes = segments.map(function (_segment, index) {
      return index;
    });
    return indexes
      .filter(function (index) {
        return elements[index];
      })
      .sort(function (a, b) {
        var tabA = tabs.indexOf(segments[a].location.tab);
        var tabB = tabs.indexOf(segments[b].location.tab);
        if (tabA !== tabB) {
          return tabA - tabB;
        }
        var relation = elements[a].compareDocumentPosition(elements[b]);
        return relation & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
  };

  EditorHelp.prototype.positionOfFocus = function (order) {
    var active = document.activeElement;
    for (var position = 0; position < order.length; position += 1) {
      if (active && this.elements[order[position]].contains(active)) {
        return position;
      }
    }
    var current = order.indexOf(this.current);
    return current;
  };

  // From the focused (or last visited) segment to the next untranslated one, wrapping round.
  EditorHelp.prototype.move = function (step) {
    this.refresh();
    var order = this.visualOrder();
    var position = this.positionOfFocus(order);
    if (position === -1) {
      position = step > 0 ? -1 : order.length;
    }
    for (var tries = 0; tries < order.length; tries += 1) {
      position = (position + step + order.length) % order.length;
      if (this.isUntranslated(order[position])) {
        this.focusSegment(order[position]);
        return;
      }
    }
  };

  EditorHelp.prototype.focusSegment = function (index) {
    this.current = index;
    var segment = this.segments[index];
    var tab = this.root.querySelector('a[role="tab"][href="#tab-' + segment.location.tab + '"]');
    if (tab && tab.getAttribute("aria-selected") !== "true") {
      tab.click();
    }
    var self = this;
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var opened = false;
    var frames = 0;
    // wagtail-localize focuses a segment's text field itself once it has drawn it, after a
    // frame or two (scrolling it only just into view): wait for that, then centre it.
    function settle() {
      var element = self.elementsFresh(index);
      if (!element) {
        return;
      }
      var field = element.querySelector("textarea");
      if (!field && !opened) {
        opened = true;
        var open = element.querySelector(":scope > ul button"); // its "Translate" button
        if (open) {
          open.click();
        }
      }
      frames += 1;
      var waiting = opened && (!field || document.activeElement !== field);
      if (waiting && frames < 30) {
        window.requestAnimationFrame(settle);
        return;
      }
      var target = field || element.querySelector("button");
      // The text field mid-screen, clear of the panel and Wagtail's footer bar.
      (target || element).scrollIntoView({
        block: "center",
        behavior: reduceMotion ? "auto" : "smooth",
      });
      if (target) {
        target.focus({ preventScroll: true });
      }
      keepClear(target || element, 0);
    }
    // A late scroll of wagtail-localize's own, or the field growing to fit its text, can still
    // push the field under the panel in the next moments: centre it again if so.
    function keepClear(target, checks) {
      if (checks > 20) {
        return;
      }
      window.setTimeout(function () {
        var box = target.getBoundingClientRect();
        var panelTop = self.panel.getBoundingClientRect().top;
        if (box.bottom > panelTop || box.top < 0) {
          target.scrollIntoView({ block: "center", behavior: "auto" });
        }
        keepClear(target, checks + 1);
      }, 50);
    }
    window.requestAnimationFrame(settle);
  };

  EditorHelp.prototype.elementsFresh = function (index) {
    this.refresh();
    return this.elements[index];
  };

  EditorHelp.prototype.onKey = function (event) {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) {
      return;
    }
    // event.code, not event.key: on a Mac Option+Shift+N types a character instead of "N".
    if (event.code === "Key" + this.help.nextKey) {
      event.preventDefault();
      this.move(1);
    } else if (event.code === "Key" + this.help.previousKey) {
      event.preventDefault();
      this.move(-1);
    }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
