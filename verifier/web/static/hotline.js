// Hotline mode: results while typing, arrow keys + Enter, one key to copy a call note,
// recent look-ups kept only in this browser's localStorage (never sent to the server).
(function () {
  var input = document.getElementById("hl-q");
  var form = document.getElementById("hl-form");
  var list = document.getElementById("hl-results");
  var verdictBox = document.getElementById("hl-verdict");
  var note = document.getElementById("hl-note");
  var copyButton = document.getElementById("hl-copy");
  var copied = document.getElementById("hl-copied");
  var openLink = document.getElementById("hl-open");
  var recentBox = document.getElementById("hl-recent-box");
  var recentList = document.getElementById("hl-recent");
  var words = JSON.parse(document.getElementById("hl-i18n").textContent);
  var lang = document.documentElement.lang || "en";
  var STORE = "agency-check:recent";
  var state = { result: null, selected: -1, timer: null, controller: null, pending: null };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The same markup as _verdict.html renders without JavaScript: symbol, label, risk, summary.
  var SYMBOLS = { danger: "\u2716", caution: "!", ok: "\u2714", unknown: "?" };

  function renderVerdict(result) {
    verdictBox.textContent = "";
    var css = words.css[result.verdict] || "unknown";
    var box = el("section", "verdict " + css);
    box.setAttribute("aria-labelledby", "verdict-title");
    var line = el("h2", "verdict-label");
    var sym = el("span", "sym", SYMBOLS[css]);
    sym.setAttribute("aria-hidden", "true");
    var label = el("span", "", words.verdicts[result.verdict] || result.verdict);
    label.id = "verdict-title";
    label.setAttribute("data-verdict", result.verdict);
    line.append(sym, document.createTextNode(" "), label);
    box.append(line, el("p", "risk", words.risks[result.risk] || result.risk),
               el("p", "summary", result.why || result.summary));
    verdictBox.appendChild(box);
    if (result.read_as) { verdictBox.appendChild(el("p", "read-as", result.read_as)); }
    if (result.verdict === "similar") {
      var warn = el("p", "notsafe");
      warn.appendChild(el("strong", "", words.notSafe));
      verdictBox.appendChild(warn);
    }
    var notices = result.notices_relevant || [];
    if (notices.length) {
      var notice = el("div", "notice");
      notices.forEach(function (text) { notice.appendChild(el("p", "", text)); });
      verdictBox.appendChild(notice);
    }
    offerHint(result);
    renderHelp(result);
  }

  // Who the caller can call: the lines the check chose (record's country, then the reader's), three at most.
  function renderHelp(result) {
    var box = document.getElementById("hl-help-box");
    var listNode = document.getElementById("hl-lines");
    listNode.textContent = "";
    (result.hotlines || []).filter(function (line) { return line.numbers.length; }).slice(0, 3).forEach(function (line) {
      var item = el("li");
      item.setAttribute("data-country", line.country);
      item.appendChild(el("strong", "", line.name));
      item.appendChild(document.createTextNode(": " + line.numbers.map(function (n) { return n.text; }).join(", ")));
      if (!line.confirmed) item.appendChild(el("span", "muted small", " (" + line.confirmed_note + ")"));
      listNode.appendChild(item);
    });
    box.hidden = !listNode.children.length;
  }

  // A pasted message is offered the offer scan: the text goes into the offer box, opened.
  function offerHint(result) {
    var hint = document.getElementById("hl-offer-hint");
    if (!hint) return;
    hint.hidden = !result.looks_like_offer;
    if (!result.looks_like_offer) return;
    document.getElementById("hl-offer").open = true;
    document.getElementById("offer-text").value = state.query || input.value;
  }

  function renderMatches(result) {
    list.textContent = "";
    result.matches.forEach(function (m, i) {
      var item = el("li");
      item.id = "hl-opt-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.appendChild(el("strong", "", m.name));
      item.appendChild(document.createTextNode(" — "));
      // A record only alike (not the firm asked about): a neutral tag, said in words.
      var other = m.identifies === false && m.matched_on.indexOf("phone") < 0 && m.matched_on.indexOf("licence") < 0;
      if (other) item.appendChild(document.createTextNode(words.otherFirm + ": "));
      item.appendChild(el("span", "tag " + (other ? "other-firm" : m.status_group),
        m.status_label || words.groups[m.status_group] || m.status_group));
      item.appendChild(document.createTextNode(" · " + m.source_name +
        " · " + words.dataAsOf + " " + (m.data_as_of_text || m.data_as_of || "?")));
      if (m.events && m.events.length) item.appendChild(eventList(m.events));
      item.addEventListener("mousedown", function (e) { e.preventDefault(); select(i); copyNote(); });
      list.appendChild(item);
    });
    if (!result.matches.length) verdictBox.appendChild(el("p", "", words.noMatches));
    input.setAttribute("aria-expanded", result.matches.length ? "true" : "false");
  }

  // Official notices on a record, oldest first: date, what was said, authority, quote, address.
  function eventList(events) {
    var ol = el("ol", "timeline");
    events.forEach(function (e) {
      var li = el("li", e.decides ? "decides" : "");
      li.appendChild(el("strong", "", e.date_label));
      li.appendChild(document.createTextNode(" — " + e.status_label + " — " + e.authority + ": "));
      var q = el("q", "", e.quote);
      q.setAttribute("lang", e.lang || "und");
      li.appendChild(q);
      // An option of the list box holds no link (nothing inside it can take focus): the address
      // is shown as text, and is a link on the record page ("Open the record").
      li.appendChild(el("span", "url", " " + e.url));
      ol.appendChild(li);
    });
    return ol;
  }

  function eventNote(events) {
    return words.notices + ": " + events.map(function (e) {
      return e.date_label + " " + e.status_label + " — " + e.authority + ": \u00ab" + e.quote + "\u00bb " + e.url;
    }).join("; ");
  }

  function select(index) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    state.selected = (index + items.length) % items.length;
    items.forEach(function (item, i) { item.setAttribute("aria-selected", String(i === state.selected)); });
    input.setAttribute("aria-activedescendant", items[state.selected].id);
    items[state.selected].scrollIntoView({ block: "nearest" });
    showNote();
  }

  // The call note: every word in the page's language, dates and time as the reader writes them.
  function callNote() {
    var r = state.result;
    if (!r) return "";
    var m = r.matches[Math.max(state.selected, 0)];
    var parts = [(words.verdicts[r.verdict] || r.verdict) + " (" + (words.risks[r.risk] || r.risk) + ")"];
    if (m) parts.push(m.name + " \u2014 " + (m.status_label || words.groups[m.status_group] || ""), m.source_name,
                      words.dataAsOf + " " + (m.data_as_of_text || m.data_as_of || "?"));
    if (m && m.events && m.events.length) parts.push(eventNote(m.events));
    parts.push(words.query + ": " + state.query, words.checked + " " + (r.checked_at_text || r.checked_at));
    if (r.snapshot) parts.push(words.snapshot + " " + r.snapshot);
    return parts.join(" \u00b7 ");
  }

  function showNote() {
    note.textContent = callNote();
    copyButton.hidden = !note.textContent;
    var m = state.result && state.result.matches[Math.max(state.selected, 0)];
    openLink.hidden = !m;
    if (m) openLink.href = "/agency/" + encodeURIComponent(m.agency_id) + "?lang=" + lang;
  }

  function copyNote() {
    var text = callNote();
    if (!text) return;
    note.textContent = text;
    remember(text);
    var done = function () { copied.textContent = words.copied; };
    var fail = function () { copied.textContent = words.copyFailed; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fail);
    else fail();
  }

  function search(query) {
    if (state.controller) state.controller.abort();
    state.controller = new AbortController();
    var url = "/api/v1/check?q=" + encodeURIComponent(query) + "&lang=" + encodeURIComponent(lang);
    state.pending = fetch(url, { signal: state.controller.signal, credentials: "omit" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.ok === false) { verdictBox.textContent = data.error; return; }
        state.query = query; state.result = data; state.selected = -1;
        renderVerdict(data); renderMatches(data);
        if (data.matches.length) select(0); else showNote();
      })
      .catch(function (error) { if (error.name !== "AbortError") verdictBox.textContent = words.failed; });
    return state.pending;
  }

  // A pasted message longer than the box (300 characters) goes whole to the offer scan below.
  function toOfferScan() {
    var area = document.getElementById("offer-text");
    if (!area || input.value.trim().length <= 300) return false;
    area.value = input.value.trim();
    area.form.submit();
    return true;
  }

  function scheduleSearch() {
    clearTimeout(state.timer);
    var query = input.value.trim();
    // The check needs three letters or digits of a name (fewer is "too short", a 400): while a
    // name is being typed its first two letters ("3D", "Ли") are not sent.
    var letters = (query.match(/[\p{L}\p{N}]/gu) || []).length;
    if (letters < 3 || query.length > 300) return;
    state.timer = setTimeout(function () { search(query); }, 250);
  }

  function remember(text) {
    var recent = loadRecent().filter(function (t) { return t !== text; });
    recent.unshift(text);
    try { localStorage.setItem(STORE, JSON.stringify(recent.slice(0, 10))); } catch (e) { /* private mode */ }
    renderRecent();
  }

  function loadRecent() {
    try { return JSON.parse(localStorage.getItem(STORE) || "[]"); } catch (e) { return []; }
  }

  function renderRecent() {
    var recent = loadRecent();
    recentList.textContent = "";
    recent.forEach(function (text) { recentList.appendChild(el("li", "", text)); });
    recentBox.hidden = !recent.length;
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", "hl-results");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-autocomplete", "list");
  list.setAttribute("role", "listbox");
  list.textContent = "";
  input.addEventListener("input", scheduleSearch);
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      select(state.selected + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      var query = input.value.trim();
      if (!query || toOfferScan()) return;
      if (state.result && state.query === query) copyNote();
      else { clearTimeout(state.timer); search(query).then(copyNote); }
    } else if (e.key === "Escape") {
      input.value = ""; list.textContent = ""; verdictBox.textContent = ""; state.result = null;
      document.getElementById("hl-help-box").hidden = true;
      input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); showNote();
    }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (input.value.trim() && !toOfferScan()) search(input.value.trim());
  });
  copyButton.addEventListener("click", copyNote);
  document.getElementById("hl-clear").addEventListener("click", function () {
    try { localStorage.removeItem(STORE); } catch (e) { /* ignore */ }
    renderRecent();
  });
  renderRecent();
  if (input.value.trim()) search(input.value.trim());
})();
