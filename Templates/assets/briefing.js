// Briefing: previews of parties and terms, and the search page. Progressive enhancement only:
// every page reads and links the same without this file, and it runs under a strict
// Content-Security-Policy (loaded as a file, no inline code, no HTML parsed from strings).
(function () {
  "use strict";

  var root = document.documentElement.getAttribute("data-root") || "";

  // ---- Previews: a small card for a party or term link, on hover or keyboard focus. ----

  var card = null;
  var owner = null;
  var hideTimer = 0;

  function isEntityLink(link) {
    var href = link.getAttribute("href") || "";
    return /(^|\/)(parties|terms)\/[^/]+\/index\.html$/.test(href);
  }

  function isParty(link) {
    return /(^|\/)parties\//.test(link.getAttribute("href"));
  }

  // A mention's title reads "Name, detail" for a party and "name: definition" for a term,
  // or "Name (kind)" for a party with no detail; other links carry the detail alone.
  function readTitle(link) {
    var title = link.title;
    var at = title.indexOf(isParty(link) ? ", " : ": ");
    var name = at < 0 ? title : title.slice(0, at);
    var kind = /^(.*) \(([^)]+)\)$/.exec(name);
    if (kind) {
      name = kind[1];
      link.setAttribute("data-preview-kind", kind[2].charAt(0).toUpperCase() + kind[2].slice(1));
    }
    link.setAttribute("data-preview-name", name);
    link.setAttribute("data-preview", at < 0 ? "" : title.slice(at + 2));
    link.removeAttribute("title");
  }

  function line(className, text) {
    var paragraph = document.createElement("p");
    paragraph.className = className;
    paragraph.textContent = text;
    return paragraph;
  }

  function ensureCard() {
    if (card) return card;
    card = document.createElement("div");
    card.id = "preview-card";
    card.className = "preview-card";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    // The pointer may move onto the card to read it; it stays until the pointer leaves.
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", scheduleHide);
    // Inside main, so that the card belongs to the page's content landmark like its link.
    (document.querySelector("main") || document.body).appendChild(card);
    return card;
  }

  function show(link) {
    var party = isParty(link);
    var name = link.getAttribute("data-preview-name") || link.textContent.trim();
    var text = link.getAttribute("data-preview") || "";
    clearTimeout(hideTimer);
    var box = ensureCard();
    box.className = "preview-card " + (party ? "party" : "term");
    box.textContent = "";
    box.append(line("preview-kind", link.getAttribute("data-preview-kind") || (party ? "Party" : "Key term")),
      line("preview-name", name));
    if (text) box.append(line("preview-text", text));
    box.append(line("preview-hint", "Every mention is on its page"));
    box.hidden = false;
    place(box, link);
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
    owner = link;
    link.setAttribute("aria-describedby", box.id);
  }

  // Below the link's last line, starting where that line starts; above its first line when
  // there is no room below. A wrapped link is never covered by its own card.
  function place(box, link) {
    var lines = link.getClientRects();
    var first = lines[0] || link.getBoundingClientRect();
    var last = lines[lines.length - 1] || first;
    var view = document.documentElement.clientWidth;
    box.style.maxWidth = Math.min(352, view - 16) + "px";
    // Measured at the left edge, where its width is not squeezed by an earlier position.
    box.style.left = "0px";
    box.style.top = "0px";
    var origin = { left: -window.scrollX, top: -window.scrollY };
    var parent = box.offsetParent;
    if (parent && parent !== document.body && parent !== document.documentElement) {
      var frame = parent.getBoundingClientRect();
      origin = { left: frame.left + parent.clientLeft, top: frame.top + parent.clientTop };
    }
    var anchor = last;
    var top = last.bottom + 6;
    if (top + box.offsetHeight > window.innerHeight && first.top - 6 - box.offsetHeight > 0) {
      anchor = first;
      top = first.top - 6 - box.offsetHeight;
    }
    var left = Math.max(8, Math.min(anchor.left, view - box.offsetWidth - 8));
    box.style.left = left - origin.left + "px";
    box.style.top = top - origin.top + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (card) card.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  function enablePreviews() {
    var links = document.querySelectorAll("main a[href]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (!isEntityLink(link)) continue;
      // A mention in the text carries its summary as a title; the card replaces the tooltip.
      if (!link.hasAttribute("data-preview") && link.title) readTitle(link);
      if (!link.hasAttribute("data-preview")) continue;
      link.addEventListener("mouseenter", function (event) { show(event.currentTarget); });
      link.addEventListener("mouseleave", scheduleHide);
      link.addEventListener("focus", function (event) { show(event.currentTarget); });
      link.addEventListener("blur", hide);
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && card && !card.hidden) hide();
    });
  }

  // ---- Search: the index is a script written by the build, loaded only on the search page. ----

  var kinds = { party: "Parties", term: "Key terms", event: "Events", paragraph: "Paragraphs" };
  var order = ["party", "term", "event", "paragraph"];
  var perKind = 20;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(rows) {
    return rows.map(function (row) {
      return {
        kind: row[0], title: row[1], detail: row[2], href: row[3], text: row[4],
        // A paragraph's title is its article's headline: a word from the headline would
        // otherwise match every paragraph of the article.
        head: fold(row[1]), all: fold(row[0] === "paragraph" ? row[4] : row[1] + " " + row[2] + " " + row[4])
      };
    });
  }

  function find(entries, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    var groups = {};
    entries.forEach(function (entry) {
      for (var i = 0; i < words.length; i++) if (entry.all.indexOf(words[i]) < 0) return;
      var inTitle = words.every(function (word) { return entry.head.indexOf(word) >= 0; });
      (groups[entry.kind] = groups[entry.kind] || []).push({ entry: entry, rank: inTitle ? 0 : 1 });
    });
    Object.keys(groups).forEach(function (kind) {
      groups[kind].sort(function (a, b) { return a.rank - b.rank; });
    });
    return { words: words, groups: groups };
  }

  // Text with the query's words marked, built as DOM nodes (never parsed as HTML).
  function marked(text, words) {
    var fragment = document.createDocumentFragment();
    var folded = fold(text);
    var position = 0;
    while (position < text.length) {
      var next = -1;
      var length = 0;
      words.forEach(function (word) {
        var at = folded.indexOf(word, position);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = word.length; }
      });
      if (next < 0) break;
      fragment.append(text.slice(position, next));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      fragment.append(mark);
      position = next + length;
    }
    fragment.append(text.slice(position));
    return fragment;
  }

  // A paragraph is long; show the stretch around the first matched word.
  function excerpt(text, words) {
    var folded = fold(text);
    var at = words.reduce(function (best, word) {
      var found = folded.indexOf(word);
      return found >= 0 && (best < 0 || found < best) ? found : best;
    }, -1);
    if (text.length <= 220) return text;
    var start = at < 0 ? 0 : Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 80)));
    var end = wordEnd(text, start + (at < 0 ? 200 : 220));
    return (start > 0 ? "\u2026" : "") + text.slice(start, end).trim() + (end < text.length ? "\u2026" : "");
  }

  // Where a cut at `limit` falls back to, so that no word is shown in part.
  function wordEnd(text, limit) {
    if (limit >= text.length) return text.length;
    var space = text.lastIndexOf(" ", limit);
    return space > 0 ? space : limit;
  }

  function render(results, status, found, query) {
    results.textContent = "";
    if (!found) { status.textContent = ""; return; }
    var total = 0;
    order.forEach(function (kind) {
      var hits = found.groups[kind];
      if (!hits) return;
      total += hits.length;
      var section = document.createElement("section");
      var heading = document.createElement("h2");
      heading.textContent = kinds[kind] + " (" + hits.length + ")";
      var list = document.createElement("ol");
      list.className = "search-hits";
      hits.slice(0, perKind).forEach(function (hit) {
        var entry = hit.entry;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + entry.href;
        link.append(marked(entry.title, found.words));
        item.append(link);
        if (entry.detail) {
          var detail = document.createElement("span");
          detail.className = "meta";
          detail.textContent = " " + entry.detail;
          item.append(detail);
        }
        if (entry.kind === "paragraph" && entry.text) {
          var quote = document.createElement("p");
          quote.className = "search-excerpt";
          quote.append(marked(excerpt(entry.text, found.words), found.words));
          item.append(quote);
        }
        list.append(item);
      });
      section.append(heading, list);
      if (hits.length > perKind) {
        var more = document.createElement("p");
        more.className = "more";
        more.textContent = "And " + (hits.length - perKind) + " more; add a word to narrow the search.";
        section.append(more);
      }
      results.append(section);
    });
    status.textContent = total
      ? total + (total === 1 ? " result" : " results") + " for \u201C" + query + "\u201D"
      : "Nothing found for \u201C" + query + "\u201D. Try fewer or shorter words.";
  }

  function enableSearch() {
    var results = document.getElementById("search-results");
    var input = document.getElementById("search-query");
    var status = document.getElementById("search-status");
    if (!results || !input || !status) return;
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    status.textContent = "Loading the index\u2026";
    var script = document.createElement("script");
    script.src = results.getAttribute("data-index");
    script.addEventListener("load", function () {
      var entries = prepare(window.briefingSearchIndex || []);
      var run = function () {
        var query = input.value.trim();
        render(results, status, find(entries, query), query);
      };
      var timer = 0;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(run, 120);
      });
      input.form.addEventListener("submit", function (event) {
        event.preventDefault();
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value.trim());
        // A page opened from disk may not rewrite its address; the search runs all the same.
        try { window.history.replaceState(null, "", url); } catch (error) { /* file:// */ }
        run();
      });
      run();
      if (!input.value) status.textContent = entries.length + " entries to search.";
    });
    script.addEventListener("error", function () {
      status.textContent = "The search index could not be loaded.";
    });
    document.head.appendChild(script);
    input.focus();
  }

  function start() {
    enablePreviews();
    enableSearch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
