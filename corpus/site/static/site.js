/* zhen-corpus reading edition: layer switch, entity cards, keyboard navigation, search.
   Plain JavaScript, no dependencies; the data comes from static/registry.js and static/search-data.js. */
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var registry = window.ZHEN_REGISTRY || { documents: [], entities: {} };
  var documentsById = {};
  registry.documents.forEach(function (doc) { documentsById[doc.id] = doc; });
  var SCRIPT_LANG = { hans: "zh-Hans", hant: "zh-Hant" };

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function remember(key, value) {
    try { window.localStorage.setItem("zhen." + key, value); } catch (error) { /* storage off: not remembered */ }
  }

  function recall(key) {
    try { return window.localStorage.getItem("zhen." + key); } catch (error) { return null; }
  }

  /* Layers: which script the Chinese is shown in, and whether entities and quotations are marked. */
  function setScript(script) {
    body.setAttribute("data-script", script);
    document.querySelectorAll("[data-set-script]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-set-script") === script));
    });
    remember("script", script);
  }

  function setupLayers() {
    var buttons = document.querySelectorAll("[data-set-script]");
    if (!buttons.length) { return; }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () { setScript(button.getAttribute("data-set-script")); });
    });
    var saved = recall("script");
    if (saved && document.querySelector('[data-set-script="' + saved + '"]')) { setScript(saved); }
    [["show-entities", "no-entities"], ["show-quotes", "no-quotes"]].forEach(function (pair) {
      var box = document.getElementById(pair[0]);
      if (box) { box.addEventListener("change", function () { body.classList.toggle(pair[1], !box.checked); }); }
    });
  }

  /* Entity cards: on hover or focus of a mention with a registry id. */
  var card = document.getElementById("entity-card");
  var hideTimer = null;

  function entityCard(id) {
    var entity = registry.entities[id];
    if (!entity) { return null; }
    var names = [entity.zh_hans, entity.zh_hant].filter(function (name, i, all) {
      return name && all.indexOf(name) === i;
    });
    var heading = element("h2", {}, [entity.en]);
    names.forEach(function (name, i) {
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(element("span", { lang: i === 0 ? "zh-Hans" : "zh-Hant" }, [name]));
    });
    var parts = [heading, element("div", { "class": "type" }, [entity.type + (entity.pinyin ? " · " : "")])];
    if (entity.pinyin) { parts[1].appendChild(element("span", { lang: "zh-Latn-pinyin" }, [entity.pinyin])); }
    if (entity.description) { parts.push(element("p", {}, [entity.description])); }
    var here = (document.querySelector("[data-doc]") || { getAttribute: function () { return null; } }).getAttribute("data-doc");
    var others = (entity.documents || []).filter(function (docId) { return docId !== here; });
    if (others.length) {
      parts.push(element("div", {}, ["Also in:"]));
      parts.push(element("ul", {}, others.map(function (docId) {
        var doc = documentsById[docId] || { zh: docId, en: "", script: "" };
        return element("li", {}, [element("a", { href: root + "doc/" + docId + ".html" }, [doc.en || doc.zh])]);
      })));
    }
    parts.push(element("a", { href: root + "entity/" + id + ".html" }, [entity.mentions + " mentions in the corpus →"]));
    return parts;
  }

  function showCard(target) {
    var parts = entityCard(target.getAttribute("data-ref"));
    if (!parts || !card) { return; }
    window.clearTimeout(hideTimer);
    card.textContent = "";
    parts.forEach(function (part) { card.appendChild(part); });
    card.hidden = false;
    var box = target.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(window.scrollX + 4, left) + "px";
    card.style.top = (box.bottom + window.scrollY + 6) + "px";
    target.setAttribute("aria-describedby", "entity-card");
  }

  function hideCardSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () { if (card) { card.hidden = true; } }, 300);
  }

  function setupCards() {
    if (!card) { return; }
    function mention(event) { return event.target.closest ? event.target.closest("[data-ref]") : null; }
    document.addEventListener("mouseover", function (event) { var m = mention(event); if (m) { showCard(m); } });
    document.addEventListener("focusin", function (event) { var m = mention(event); if (m) { showCard(m); } });
    document.addEventListener("mouseout", function (event) { if (mention(event)) { hideCardSoon(); } });
    document.addEventListener("focusout", function (event) { if (mention(event)) { hideCardSoon(); } });
    card.addEventListener("mouseover", function () { window.clearTimeout(hideTimer); });
    card.addEventListener("mouseout", hideCardSoon);
  }

  /* Keyboard: / to search, j and k to move between aligned rows, Escape to close a card. */
  function setupKeys() {
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
      if (event.key === "Escape" && card) { card.hidden = true; return; }
      if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (event.key === "/") {
        var box = document.getElementById("q") || document.getElementById("site-q");
        if (box) { event.preventDefault(); box.focus(); }
      } else if (event.key === "j" || event.key === "k") {
        var rows = Array.prototype.slice.call(document.querySelectorAll(".link"));
        if (!rows.length) { return; }
        var current = rows.indexOf(document.activeElement.closest ? document.activeElement.closest(".link") : null);
        var next = rows[Math.max(0, Math.min(rows.length - 1, current + (event.key === "j" ? 1 : -1)))];
        if (current < 0) { next = rows[0]; }
        next.focus();
        next.scrollIntoView({ block: "center" });
      }
    });
  }

  /* Search: the matching of corpus.search (see corpus/site/search_index.py), and one addition: a Chinese query
     as written is also looked for in the original and the zh-Hant layer, where a Taiwanese word (軟體) shows. */
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var LATIN_BEFORE = "(?<![0-9A-Za-z\u00c0-\u024f])";
  var LATIN_AFTER = "(?![0-9A-Za-z\u00c0-\u024f])";
  var ZH_CONTEXT = 18, EN_CONTEXT = 60;

  function toHans(text, map) {
    return Array.from(text).map(function (char) { return map[char] || char; }).join("");
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function entityNames(entity) {
    return [entity.zh_hans, entity.zh_hant, entity.en].concat(entity.aliases || []).filter(Boolean);
  }

  /* Ids of the entities that have the query as id or as a name, in either script and any case. */
  function entityIds(query, map) {
    var folded = query.toLowerCase(), simplified = toHans(query, map);
    return Object.keys(registry.entities).filter(function (id) {
      return id === query || entityNames(registry.entities[id]).some(function (name) {
        return name.toLowerCase() === folded || toHans(name, map) === simplified;
      });
    });
  }

  /* A function from a text to the [start, end] of the query's first match in it, or null. */
  function finders(query, map) {
    if (!HAN.test(query)) {
      var pattern = new RegExp(LATIN_BEFORE + escapeRegExp(query) + LATIN_AFTER, "i");
      var find = function (text) { var m = pattern.exec(text); return m ? [m.index, m.index + m[0].length] : null; };
      return { zh: [[3, find]], en: find };
    }
    var simplified = toHans(query, map), folded = query.toLowerCase();
    function substring(needle, fold) {
      return function (text) {
        var at = (fold ? text.toLowerCase() : text).indexOf(needle);
        return at < 0 ? null : [at, at + needle.length];
      };
    }
    /* zh_hans first (as corpus.search), then the query as written in either script (Taiwanese words). */
    return { zh: [[3, substring(simplified)], [2, substring(query)], [4, substring(query)]], en: substring(folded, true) };
  }

  function search(data, query, filters) {
    query = query.trim();
    var find = query ? finders(query, data.hans) : null;
    var refs = query ? entityIds(query, data.hans) : [];
    var results = [];
    data.sentences.forEach(function (row) {
      var doc = registry.documents[row[1]];
      if (filters.doc && doc.id !== filters.doc) { return; }
      if (filters.speaker && row[6] !== filters.speaker) { return; }
      var mentions = row[7].concat(row[8]);
      if (filters.entity && !mentions.some(function (m) { return m[2] === filters.entity; })) { return; }
      var hit = { row: row, doc: doc, zhColumn: 2, zh: null, en: null };
      if (find) {
        find.zh.some(function (pair) { var span = pair[1](row[pair[0]]); if (span) { hit.zhColumn = pair[0]; hit.zh = span; } return span; });
        hit.en = find.en(row[5]);
        var named = refs.length && mentions.some(function (m) { return refs.indexOf(m[2]) >= 0; });
        if (!hit.zh && !hit.en && !named) { return; }
        if (named) {
          if (!hit.zh) { hit.zh = firstMention(row[7], refs); }
          if (!hit.en) { hit.en = firstMention(row[8], refs); }
        }
      } else if (!filters.doc && !filters.speaker && !filters.entity) {
        return;
      } else if (filters.entity) {
        hit.zh = firstMention(row[7], [filters.entity]);
        hit.en = firstMention(row[8], [filters.entity]);
      }
      results.push(hit);
    });
    return results;
  }

  function firstMention(mentions, refs) {
    var found = mentions.filter(function (m) { return refs.indexOf(m[2]) >= 0; })[0];
    return found ? [found[0], found[1]] : null;
  }

  function kwic(tag, text, span, context, lang, className) {
    if (!span) {
      var whole = text.length > 2 * context ? text.slice(0, 2 * context) + "…" : text;
      return element(tag, { lang: lang, "class": className }, [whole]);
    }
    var start = Math.max(0, span[0] - context), end = Math.min(text.length, span[1] + context);
    if (lang === "en") {  /* widen to whole words */
      start = start > 0 ? text.lastIndexOf(" ", start) + 1 : 0;
      end = text.indexOf(" ", end) < 0 ? text.length : text.indexOf(" ", end);
    }
    return element(tag, { lang: lang, "class": className }, [
      (start > 0 ? "…" : "") + text.slice(start, span[0]),
      element("mark", {}, [text.slice(span[0], span[1])]),
      text.slice(span[1], end) + (end < text.length ? "…" : "")
    ]);
  }

  function resultItem(hit) {
    var row = hit.row;
    var lang = hit.zhColumn === 3 ? "zh-Hans" : hit.zhColumn === 4 ? "zh-Hant" : (SCRIPT_LANG[hit.doc.script] || "zh");
    var link = element("a", { href: "doc/" + hit.doc.id + ".html#" + row[0], "class": "hit" }, [
      kwic("span", row[hit.zhColumn], hit.zh, ZH_CONTEXT, lang, "zh")
    ]);
    var speaker = row[6] && registry.entities[row[6]] ? registry.entities[row[6]].en : null;
    var where = element("span", { "class": "where", title: hit.doc.en }, [(speaker ? speaker + " · " : "") + row[0]]);
    return element("li", { "data-id": row[0] }, [link, where, kwic("span", row[5], hit.en, EN_CONTEXT, "en", "en")]);
  }

  function fillSelect(select, options, chosen) {
    options.forEach(function (option) {
      var node = element("option", { value: option[0] }, [option[1]]);
      if (option[0] === chosen) { node.selected = true; }
      select.appendChild(node);
    });
  }

  function label(id) {
    var entity = registry.entities[id];
    return entity ? entity.en + (entity.zh_hans ? " " + entity.zh_hans : "") : id;
  }

  function setupSearch() {
    var results = document.getElementById("results");
    var data = window.ZHEN_SEARCH;
    if (!results || !data) { return; }
    /* The sentence ids a query finds, for scripts and tests: window.zhenSearch("張宏江", {doc: "..."}). */
    window.zhenSearch = function (query, filters) {
      return search(data, query, filters || {}).map(function (hit) { return hit.row[0]; });
    };
    var params = new URLSearchParams(window.location.search);
    var filters = { doc: params.get("doc") || "", speaker: params.get("speaker") || "", entity: params.get("entity") || "" };
    var query = params.get("q") || "";
    var form = document.getElementById("search-form");
    document.getElementById("q").value = query;
    fillSelect(document.getElementById("f-doc"), registry.documents.map(function (doc) { return [doc.id, doc.en]; }), filters.doc);
    var speakers = {};
    data.sentences.forEach(function (row) { if (row[6]) { speakers[row[6]] = true; } });
    var byLabel = function (a, b) { return a[1].localeCompare(b[1]); };
    fillSelect(document.getElementById("f-speaker"), Object.keys(speakers).map(function (id) { return [id, label(id)]; }).sort(byLabel), filters.speaker);
    var mentioned = Object.keys(registry.entities).filter(function (id) { return registry.entities[id].mentions > 0; });
    fillSelect(document.getElementById("f-entity"), mentioned.map(function (id) { return [id, label(id)]; }).sort(byLabel), filters.entity);
    form.querySelectorAll("select").forEach(function (select) { select.addEventListener("change", function () { form.submit(); }); });
    var hits = search(data, query, filters);
    var status = document.getElementById("search-status");
    var shown = hits.slice(0, 500);
    status.textContent = query || filters.doc || filters.speaker || filters.entity
      ? hits.length + " sentence" + (hits.length === 1 ? "" : "s") + (shown.length < hits.length ? " (the first 500 shown)" : "")
      : "Type a word or a name; filters alone list every sentence they select.";
    shown.forEach(function (hit) { results.appendChild(resultItem(hit)); });
  }

  /* A permalink opened from another page: mark the sentence (CSS :target does the rest). */
  function setupTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target) { target.classList.add("targeted"); }
  }

  setupLayers();
  setupCards();
  setupKeys();
  setupSearch();
  setupTarget();
}());
