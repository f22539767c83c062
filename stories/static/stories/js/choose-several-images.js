/* "Add several images": in the page editor, a list block whose items hold an image chooser gets
 * a button that opens Wagtail's image chooser in its multiple mode (the mode Wagtail's
 * MultipleChooserPanel uses) and puts one image per item, in the order ticked: untouched items
 * first, then new ones, up to the list's maximum.
 *
 * The chooser may sit directly in the item (a gallery image: `image`) or further in, through
 * struct fields and stream children (a scrollytelling step: `media` → `image` → `image`), so
 * a new step is made with its media already set to the picture.
 *
 * It works through the block objects Wagtail's StreamField exposes (the root block on the
 * `<id>-root` element, block definitions and their initial states, each list block's
 * `insert()`, each stream block's `insert()`, each field block's chooser widget), not through
 * the markup. Without it the list's own "+" buttons still work one at a time. */
(function () {
  "use strict";

  var done = new WeakSet();
  var script = document.currentScript;
  var label = (script && script.dataset.label) || "Add several images";
  var full = (script && script.dataset.full) || "";
  // How far into an item to look for the chooser; a step's picture is three levels in.
  var MAX_DEPTH = 3;

  function isChooser(def) {
    return def && def.widget && typeof def.widget.openModal === "function";
  }

  function isStream(def) {
    return def && def.childBlockDefsByName && def.initialChildStates;
  }

  /* The way from a list item's definition to its image chooser: a list of {name, stream} steps
   * (stream: the step enters a stream block's child of that type), or null. Lists inside the
   * item are not entered: their items are not the item's picture. */
  function pathToImage(def, depth) {
    var byName = def && def.childBlockDefsByName;
    if (!byName || depth > MAX_DEPTH) return null;
    var stream = !!isStream(def);
    if (isChooser(byName.image)) return [{ name: "image", stream: stream, def: byName.image }];
    var names = Object.keys(byName);
    for (var i = 0; i < names.length; i++) {
      var child = byName[names[i]];
      if (!child || child.childBlockDef || isChooser(child)) continue;
      var rest = pathToImage(child, depth + 1);
      if (rest) return [{ name: names[i], stream: stream, def: child }].concat(rest);
    }
    return null;
  }

  /* Each stream step with the stream's own defaults for that child (what its "+" would use). */
  function withStreamDefaults(path, itemDef) {
    var parent = itemDef;
    return path.map(function (step) {
      var copy = Object.assign({}, step);
      if (step.stream) copy.initial = parent.initialChildStates[step.name];
      parent = step.def;
      return copy;
    });
  }

  /* The form state of a new block along `path` whose chooser holds `chosen`, built from the
   * defaults Wagtail gives each definition, so the other fields start as they would from "+". */
  function newState(initial, path, chosen) {
    if (!path.length) return chosen;
    var step = path[0];
    var below = step.stream ? step.initial : initial && initial[step.name];
    var value = newState(below, path.slice(1), chosen);
    if (step.stream) return [{ type: step.name, value: value }];
    var state = Object.assign({}, initial || {});
    state[step.name] = value;
    return state;
  }

  /* The block instance one step in, or null where it is not there (an empty stream). */
  function stepInto(block, step) {
    if (!block) return null;
    if (!step.stream) return block.childBlocks && block.childBlocks[step.name];
    var child = (block.children || []).filter(function (c) {
      return c.type === step.name;
    })[0];
    return child ? child.block : null;
  }

  /* Whether the item has no picture where the path leads: the chooser is empty, or a stream
   * on the way holds nothing at all (one holding a video instead is not free for a picture). */
  function hasNoImage(block, path) {
    for (var i = 0; i < path.length; i++) {
      if (path[i].stream && block && block.children && block.children.length === 0) return true;
      block = stepInto(block, path[i]);
      if (!block) return false;
    }
    return !block.getValue();
  }

  /* Whether the editor has left the item's own text fields as they started: a step that only
   * has its text is a deliberate one (it keeps the previous picture), not room for a new one. */
  function untouched(block, initial) {
    var state = block.getState ? block.getState() : null;
    if (!state || typeof state !== "object") return true;
    return Object.keys(state).every(function (name) {
      var value = state[name];
      if (typeof value !== "string") return true;
      var start = initial && initial[name];
      return value === (start === null || start === undefined ? "" : String(start));
    });
  }

  function putImage(block, path, chosen) {
    for (var i = 0; i < path.length; i++) {
      var step = path[i];
      if (step.stream && block.children.length === 0) {
        var value = newState(step.initial, path.slice(i + 1), chosen);
        block.insert({ type: step.name, value: value }, 0, { animate: false });
        return;
      }
      block = stepInto(block, step);
    }
    block.setState(chosen);
  }

  /* Wagtail's chooser answers with the picked images in its own order (by id); a story's
   * steps follow the order the editor ticked them in, which the modal's checkboxes (Wagtail's
   * data-multiple-choice-select) tell as they change. */
  var ticked = [];
  document.addEventListener(
    "change",
    function (event) {
      var box = event.target;
      if (!box.matches || !box.matches("input[data-multiple-choice-select]")) return;
      var id = String(box.value);
      ticked = ticked.filter(function (other) {
        return other !== id;
      });
      if (box.checked) ticked.push(id);
    },
    true,
  );

  function inTickOrder(items) {
    function rank(item) {
      var at = ticked.indexOf(String(item && item.id));
      return at === -1 ? ticked.length : at;
    }
    return items.slice().sort(function (a, b) {
      return rank(a) - rank(b);
    });
  }

  function addImages(listBlock, path, chosen) {
    var def = listBlock.blockDef;
    var max = def.meta && def.meta.maxNum;
    var items = inTickOrder(Array.isArray(chosen) ? chosen : [chosen]);
    items.forEach(function (data) {
      var free = freeItems(listBlock, path)[0];
      if (free) {
        putImage(free.block, path, data);
        return;
      }
      if (max && listBlock.children.length >= max) return;
      var state = newState(def.initialChildState, path, data);
      listBlock.insert(state, listBlock.children.length, { animate: true });
    });
  }

  function freeItems(listBlock, path) {
    var initial = listBlock.blockDef.initialChildState;
    return listBlock.children.filter(function (child) {
      return hasNoImage(child.block, path) && untouched(child.block, initial);
    });
  }

  function element(block) {
    var container = block.container;
    return container && (container[0] || container);
  }

  function addButton(listBlock) {
    if (done.has(listBlock)) return;
    var itemDef = listBlock.blockDef.childBlockDef;
    var found = pathToImage(itemDef, 1);
    var el = element(listBlock);
    if (!found || !el || !el.parentNode) return;
    var path = withStreamDefaults(found, itemDef);
    var chooser = path[path.length - 1].def;
    done.add(listBlock);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small button-secondary choose-several-images";
    button.textContent = label;
    button.addEventListener("click", function () {
      var max = listBlock.blockDef.meta && listBlock.blockDef.meta.maxNum;
      var room = freeItems(listBlock, path).length;
      if (max && listBlock.children.length - room >= max) {
        window.alert(full);
        return;
      }
      ticked = [];
      chooser.widget.openModal(
        function (chosen) {
          addImages(listBlock, path, chosen);
        },
        { multiple: true },
      );
    });
    el.parentNode.insertBefore(button, el.nextSibling);
  }

  function walk(block) {
    if (!block) return;
    if (block.blockDef && block.blockDef.childBlockDef && typeof block.insert === "function") {
      addButton(block);
    }
    if (Array.isArray(block.children)) {
      block.children.forEach(function (child) {
        walk(child.block);
      });
    }
    if (block.childBlocks) {
      Object.keys(block.childBlocks).forEach(function (name) {
        walk(block.childBlocks[name]);
      });
    }
  }

  function scan() {
    document.querySelectorAll('[id$="-root"]').forEach(function (el) {
      if (el.rootBlock) walk(el.rootBlock);
    });
  }

  var pending = null;
  function later() {
    if (pending) return;
    pending = window.setTimeout(function () {
      pending = null;
      scan();
    }, 200);
  }

  function start() {
    scan();
    // Blocks added while editing (a new gallery or scrollytelling) get their button too.
    new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
