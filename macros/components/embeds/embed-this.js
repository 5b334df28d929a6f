// "Embed this" controls (render/embeds.py): a Copy button for the iframe snippet. When the build had no
// site_url the snippet's addresses are relative; they are made absolute here from the reader's address.
(function () {
  "use strict";

  var copy = window.coproductionCopy;  // copy.js

  function enhance(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var code = box.querySelector("[data-embed-snippet]");
    var text = code.textContent;
    ["data-embed-src", "data-embed-host"].forEach(function (name) {
      var relative = code.getAttribute(name);
      if (relative) text = text.split('"' + relative + '"').join('"' + new URL(relative, location.href).href + '"');
    });
    code.textContent = text;
    var status = box.querySelector("[data-embed-status]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button embed-copy";
    button.textContent = "Copy the HTML";
    box.querySelector("[data-embed-actions]").insertBefore(button, status);
    button.addEventListener("click", function () {
      status.textContent = "";
      copy(text).then(function () {
        status.textContent = "HTML copied";
      }, function () {
        status.textContent = "Could not copy. Select the HTML above and copy it yourself.";
      });
    });
  }

  function init() {
    [].forEach.call(document.querySelectorAll("details[data-embed-this]"), enhance);
  }

  explainer.register("embed-this", init);
})();
