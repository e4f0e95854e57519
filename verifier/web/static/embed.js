// Inside the partner's iframe: report our height to the parent page, only to its origin.
(function () {
  var origin = document.body.getAttribute("data-parent-origin");
  if (!origin || window.parent === window) return;
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "agency-check:height", height: height }, origin);
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
  report();
})();
