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

  // ---- Search: the index is a set of scripts written by the build, loaded only on the search
  // page and only as a query needs them: a small one saying where the rest are, a shard for the
  // words that begin with the same two letters, and the rows to show. ----

  var kinds = { party: "Parties", term: "Key terms", event: "Events", paragraph: "Paragraphs" };
  var order = ["party", "term", "event", "paragraph"];
  var perKind = 20;

  // A final sigma is a sigma, as the build folds it (its lowercasing knows no final form).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\u03c2/g, "\u03c3");
  }

  // A query's words as the build reads the text: letters, digits and marks, two or more code
  // points; the first 50.
  function queryWords(query) {
    var seen = new Set();
    return fold(query).split(/[^\p{L}\p{N}\p{M}]+/u).filter(function (word) {
      if (Array.from(word).length < 2 || seen.has(word)) return false;
      seen.add(word);
      return true;
    }).slice(0, 50);
  }

  // The shard of a word: FNV-1a over the code points of its first two letters, as the build hashes them.
  function bucket(word, count) {
    var hash = 2166136261;
    Array.from(word).slice(0, 2).forEach(function (letter) {
      hash = Math.imul((hash ^ letter.codePointAt(0)) >>> 0, 16777619) >>> 0;
    });
    return hash % count;
  }

  // Each shard is a script that hands its data to briefingSearchShard; loaded once per page.
  var shards = {};
  window.briefingSearchShard = function (name, data) {
    if (shards[name]) shards[name].resolve(data);
  };

  // The manifest's version goes with each shard's address, so that shards an earlier build
  // left in the browser's cache are fetched again.
  function load(index, base, name) {
    if (!shards[name]) {
      var entry = { done: false };
      entry.promise = new Promise(function (resolve, reject) {
        entry.resolve = function (data) { entry.done = true; resolve(data); };
        var script = document.createElement("script");
        script.src = base + name + ".js?v=" + encodeURIComponent(index.version || "");
        script.addEventListener("load", function () { if (!entry.done) reject(new Error(name)); });
        script.addEventListener("error", function () { reject(new Error(name)); });
        document.head.appendChild(script);
      });
      entry.promise.catch(function () { delete shards[name]; });
      shards[name] = entry;
    }
    return shards[name].promise;
  }

  function kindOf(index, row) {
    var kind = index.kinds[0][0];
    index.kinds.forEach(function (entry) { if (row >= entry[1]) kind = entry[0]; });
    return kind;
  }

  // The rows holding every word of the query (a word of the index matching when it begins with
  // the query's word), grouped by kind, those whose title holds every word first.
  function find(index, base, query) {
    var words = queryWords(query);
    if (!words.length) return Promise.resolve(null);
    var buckets = words.map(function (word) { return bucket(word, index.wordShards); });
    var wanted = buckets.filter(function (shard, at) { return buckets.indexOf(shard) === at; });
    return Promise.all(wanted.map(function (shard) { return load(index, base, "words/" + shard); })).then(function (loaded) {
      var count = new Uint8Array(index.rows);
      var titleCount = new Uint8Array(index.rows);
      var mark = new Int32Array(index.rows);
      var titleMark = new Int32Array(index.rows);
      function add(differences, marks, counts, word) {
        var row = 0;
        for (var i = 0; i < differences.length; i++) {
          row += differences[i];
          if (marks[row] !== word) { marks[row] = word; counts[row]++; }
        }
      }
      words.forEach(function (word, at) {
        var shard = loaded[wanted.indexOf(buckets[at])];
        Object.keys(shard).forEach(function (key) {
          if (key.lastIndexOf(word, 0) !== 0) return;
          add(shard[key][0], mark, count, at + 1);
          add(shard[key][1], titleMark, titleCount, at + 1);
        });
      });
      var groups = {};
      for (var row = 0; row < index.rows; row++) {
        if (count[row] !== words.length) continue;
        var kind = kindOf(index, row);
        (groups[kind] = groups[kind] || []).push({ row: row, rank: titleCount[row] === words.length ? 0 : 1 });
      }
      Object.keys(groups).forEach(function (kind) {
        groups[kind].sort(function (a, b) { return a.rank - b.rank || a.row - b.row; });
      });
      return { words: words, groups: groups };
    });
  }

  // The shard holding a row: the last whose first row is at or before it.
  function shardOf(starts, row) {
    var low = 0;
    var high = starts.length;
    while (high - low > 1) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= row) low = middle; else high = middle;
    }
    return low;
  }

  // The rows shown, at most perKind of each kind, read from their shards.
  function shown(index, base, found) {
    if (!found) return Promise.resolve(found);
    if (!index.starts) {
      // The manifest gives each shard's first row as the difference from the one before.
      var start = 0;
      index.starts = index.rowStarts.map(function (step) { start += step; return start; });
    }
    var rows = [];
    Object.keys(found.groups).forEach(function (kind) {
      found.groups[kind].slice(0, perKind).forEach(function (hit) { rows.push(hit); });
    });
    var places = rows.map(function (hit) { return shardOf(index.starts, hit.row); });
    return Promise.all(places.map(function (place) {
      return load(index, base, "rows/" + index.rowShards[place]);
    })).then(function (loaded) {
      rows.forEach(function (hit, at) {
        var row = loaded[at][hit.row - index.starts[places[at]]];
        // A shard of another build than the manifest's, which the version should prevent.
        if (!row) throw new Error("row " + hit.row);
        hit.entry = { kind: row[0], title: row[1], detail: row[2], href: row[3], text: row[4] };
      });
      return found;
    });
  }

  // Where a query's word next begins a word of the folded text, as the index matches it.
  var wordCharacter = /[\p{L}\p{N}\p{M}]/u;
  function wordStart(folded, word, from) {
    var at = folded.indexOf(word, from);
    while (at > 0 && wordCharacter.test(folded.charAt(at - 1))) at = folded.indexOf(word, at + 1);
    return at;
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
        var at = wordStart(folded, word, position);
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
      var found = wordStart(folded, word, 0);
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
    var address = results.getAttribute("data-index");
    var base = address.slice(0, address.lastIndexOf("/") + 1);
    var failed = function () { status.textContent = "The search index could not be loaded."; };
    var script = document.createElement("script");
    script.src = address;
    script.addEventListener("load", function () {
      var index = window.briefingSearchIndex;
      if (!index || typeof index.rows !== "number") { failed(); return; }
      // Only the newest query's results are shown, however the loads of earlier ones end.
      var latest = 0;
      var run = function () {
        var query = input.value.trim();
        var asked = ++latest;
        if (queryWords(query).length) status.textContent = "Loading results\u2026";
        find(index, base, query).then(function (found) { return shown(index, base, found); }).then(function (found) {
          if (asked !== latest) return;
          render(results, status, found, query);
          if (!query) status.textContent = index.rows + " entries to search.";
          else if (!found) status.textContent = "Type a word of two letters or more.";
        }, function () { if (asked === latest) failed(); });
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
    });
    script.addEventListener("error", failed);
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
