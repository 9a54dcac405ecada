/* Filters of the claims ledger (appendix/claims): free text, status, chapter, source.
   Plain script, no library, nothing loaded from elsewhere: works offline and from file://.
   A chapter links here as claims.html#ledger-<chapter> (or ?chapter=<chapter>): the
   chapter filter is then set before the reader sees the table. A summary sentence links
   here as claims.html?claims=<id>,<id> (its "evidence"): only those claims are shown until
   the reader resets the filters. */
(function () {
  "use strict";
  // The count line in each edition's language (the page's <html lang>).
  var WORDS = {
    en: {
      summary: function (n, t) {
        return "Showing the " + n + " claims the summary rests on (of " + t +
          "; “Show all” lists every claim).";
      },
      all: function (t) { return "Showing all " + t + " claims."; },
      some: function (n, t) { return "Showing " + n + " of " + t + " claims."; }
    },
    de: {
      summary: function (n, t) {
        return "Gezeigt werden die " + n + " Aussagen, auf denen die Zusammenfassung beruht " +
          "(von " + t + "; „Alle zeigen“ listet jede Aussage).";
      },
      all: function (t) { return "Alle " + t + " Aussagen werden gezeigt."; },
      some: function (n, t) { return n + " von " + t + " Aussagen werden gezeigt."; }
    }
  };
  function setUp() {
    var form = document.getElementById("claims-filter");
    var table = document.getElementById("claims-table");
    var count = document.getElementById("claims-count");
    if (!form || !table || !count) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var total = rows.length;
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var q = form.elements.q, status = form.elements.status;
    var chapter = form.elements.chapter, source = form.elements.source;
    var only = null;  // the claims a summary rests on, from the address

    function apply() {
      var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = (!only || only.indexOf(row.dataset.claim) >= 0) &&
          (!status.value || row.dataset.status === status.value) &&
          (!chapter.value || row.dataset.chapters.split(" ").indexOf(chapter.value) >= 0) &&
          (!source.value || row.dataset.source === source.value) &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      var words = WORDS[document.documentElement.lang] || WORDS.en;
      count.textContent = only ? words.summary(shown, total) :
        shown === total ? words.all(total) : words.some(shown, total);
    }

    function choose(select, value) {
      for (var i = 0; i < select.options.length; i += 1) {
        if (select.options[i].value === value) { select.value = value; return true; }
      }
      return false;
    }

    function fromAddress() {
      var wanted = null;
      var match = /^#ledger-(.+)$/.exec(window.location.hash || "");
      if (match) { wanted = decodeURIComponent(match[1]); }
      var query = /[?&]chapter=([^&#]*)/.exec(window.location.search || "");
      if (query) { wanted = decodeURIComponent(query[1].replace(/\+/g, " ")); }
      if (wanted !== null) { choose(chapter, wanted); }
      var claims = /[?&]claims=([^&#]*)/.exec(window.location.search || "");
      only = claims ? decodeURIComponent(claims[1]).split(",") : null;
      var status_ = /[?&]status=([^&#]*)/.exec(window.location.search || "");
      if (status_) { choose(status, decodeURIComponent(status_[1].replace(/\+/g, " "))); }
      apply();
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    // "reset" fires before the fields are cleared: filter once they are.
    form.addEventListener("reset", function () { only = null; window.setTimeout(apply, 0); });
    window.addEventListener("hashchange", fromAddress);
    fromAddress();
    form.dataset.ready = "true";
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
