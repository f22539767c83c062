/* "Add several images": in the page editor, a list block whose items are an image chooser plus
 * fields (the gallery) gets a button that opens Wagtail's image chooser in its multiple mode
 * (the mode Wagtail's MultipleChooserPanel uses) and adds one item per image picked, empty
 * items first, up to the list's maximum.
 *
 * It works through the block objects Wagtail's StreamField exposes (the root block on the
 * `<id>-root` element, each list block's `insert()`, each field block's chooser widget),
 * not through the markup. Without it the list's own "+" buttons still work one at a time. */
(function () {
  "use strict";

  var done = new WeakSet();
  var script = document.currentScript;
  var label = (script && script.dataset.label) || "Add several images";
  var full = (script && script.dataset.full) || "";

  function imageChild(listBlock) {
    var def = listBlock.blockDef && listBlock.blockDef.childBlockDef;
    var byName = def && def.childBlockDefsByName;
    var image = byName && byName.image;
    if (!image || !image.widget || typeof image.widget.openModal !== "function") return null;
    return image;
  }

  function element(block) {
    var container = block.container;
    return container && (container[0] || container);
  }

  function isEmpty(child) {
    var image = child.block && child.block.childBlocks && child.block.childBlocks.image;
    return image && !image.getValue();
  }

  function addImages(listBlock, chosen) {
    var max = listBlock.blockDef.meta && listBlock.blockDef.meta.maxNum;
    var items = Array.isArray(chosen) ? chosen : [chosen];
    items.forEach(function (data) {
      var empty = listBlock.children.filter(isEmpty)[0];
      if (empty) {
        empty.block.childBlocks.image.setState(data);
        return;
      }
      if (max && listBlock.children.length >= max) return;
      var state = Object.assign({}, listBlock.blockDef.initialChildState || {}, { image: data });
      listBlock.insert(state, listBlock.children.length, { animate: true });
    });
  }

  function addButton(listBlock) {
    if (done.has(listBlock)) return;
    var image = imageChild(listBlock);
    var el = element(listBlock);
    if (!image || !el || !el.parentNode) return;
    done.add(listBlock);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small button-secondary choose-several-images";
    button.textContent = label;
    button.addEventListener("click", function () {
      var max = listBlock.blockDef.meta && listBlock.blockDef.meta.maxNum;
      var room = listBlock.children.filter(isEmpty).length;
      if (max && listBlock.children.length - room >= max) {
        window.alert(full);
        return;
      }
      image.widget.openModal(
        function (chosen) {
          addImages(listBlock, chosen);
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
    // Blocks added while editing (a new gallery) get their button too.
    new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
