/* Co-production explained: fits each <iframe data-coproduction-embed> to its content. Optional; without
   it a frame keeps its height and scrolls. Acts only on {type:"coproduction-explainer:resize",version:1,
   height:n} (nothing more) sent by an opted-in frame's own window from the origin of its src. */
(function () {
  var T = "coproduction-explainer:", Q = "iframe[data-coproduction-embed]";
  function each(f) { [].forEach.call(document.querySelectorAll(Q), f); }
  function origin(f) { try { return new URL(f.src, location.href).origin; } catch (e) { return ""; } }
  addEventListener("message", function (e) {
    var d = e.data;
    if (!d || typeof d != "object" || Object.keys(d).length != 3 || d.type !== T + "resize" || d.version !== 1 ||
        !Number.isInteger(d.height) || d.height < 1 || d.height > 1e5) return;
    each(function (f) {
      if (f.contentWindow === e.source && origin(f) === e.origin) f.style.height = d.height + "px";
    });
  });
  // Frames that loaded before this script ran already sent their height: ask them again.
  each(function (f) {
    var o = origin(f);
    if (f.contentWindow && /^https?:/.test(o)) f.contentWindow.postMessage({ type: T + "measure", version: 1 }, o);
  });
})();
