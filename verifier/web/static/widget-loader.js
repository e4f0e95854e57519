// Partner snippet: <script src="https://CHECK-HOST/widget.js" data-lang="ru" async></script>
// Creates an iframe to /embed and resizes it on messages from that iframe's origin only.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, document.baseURI);
  var lang = (script.getAttribute("data-lang") || "").toLowerCase();
  var src = new URL("/embed", base.origin);
  if (/^(en|ru|kk|uz)$/.test(lang)) src.searchParams.set("lang", lang);
  src.searchParams.set("origin", window.location.origin);
  var frame = document.createElement("iframe");
  frame.src = src.toString();
  // The frame's name in the page's language (the catalogues' "Recruitment agency check").
  var TITLES = { en: "Recruitment agency check", ru: "Проверка кадровых агентств",
    kk: "Жұмысқа орналастыру агенттіктерін тексеру",
    uz: "Ishga joylashtirish agentliklarini tekshirish" };
  frame.title = script.getAttribute("data-title") || TITLES[lang] || TITLES.en;
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.style.width = "100%";
  frame.style.maxWidth = "40rem";
  frame.style.height = "220px";
  frame.style.border = "1px solid #ccc";
  frame.style.borderRadius = "6px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== base.origin || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.type !== "agency-check:height") return;
    var height = Number(data.height);
    if (height > 0 && height < 5000) frame.style.height = height + "px";
  });
})();
