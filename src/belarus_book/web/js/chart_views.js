// chart-views.js, loaded by the tab bar under the charts (chart_tabs.js) the first time a
// reader opens a view, or before the page prints: each view built from the chart's own
// spec. Its rows are the rows of the spec's data that name a source (a base map's shapes
// do not). In print, each chart is followed by its table (at most PRINT_ROWS rows) or by
// a line saying where it is.
(function () {
const PRINT_ROWS = 15;
const SOURCE_KEYS = ["source_id", "source", "coords_from"];
const GERMAN = document.documentElement.lang === "de";
// The views' words in the edition's language (the page's <html lang>); the German months
// as the book's German dates abbreviate them (belarus_book.i18n.formats).
const WORDS = GERMAN ? {
  locale: "de-DE",
  months: ["Jan.", "Feb.", "M\u00e4rz", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
    "Nov.", "Dez."],
  day: function (d, month) { return d + ". " + month; },
  columns: ["Was", "Wert oder Datum", "Wer es sagt", "Quelle", "Auszug", "\u00dcbersetzung"],
  caption: function (n, title) {
    return "Die " + n + " Zeilen hinter dem Diagramm \u201e" + title + "\u201c";
  },
  from: function (n, k) {
    return "Die " + n + " Zeilen dieses Diagramms stammen aus " +
      (k === 1 ? "einer Quelle:" : k + " Quellen:");
  },
  rows: function (n) { return n === 1 ? " (1 Zeile)" : " (" + n + " Zeilen)"; },
  citation: ["Vollst\u00e4ndige Angaben, Datum und Adresse jeder Quelle stehen in der ",
    "Quellentabelle auf der Seite \u201eDaten\u201c", "."],
  csv: function (n) {
    return "Die " + n + " Zeilen, die dieses Diagramm zeichnet, mit allen Spalten, als " +
      "CSV-Datei (UTF-8, durch Kommas getrennt): ";
  },
  download: "Herunterladen: ",
  everyTable: ["Jede Tabelle des Buchs steht mit ihrer Beschreibung auf der Seite ",
    "\u201eDaten\u201c", "."],
  tooMany: function (n) {
    return "Die Tabelle zu diesem Diagramm hat " + n + " Zeilen, zu viele f\u00fcr den " +
      "Druck. Sie steht in der Online-Ausgabe unter dem Diagramm (Tabelle); jede Tabelle " +
      "des Buchs l\u00e4sst sich auf seiner Seite \u201eDaten\u201c herunterladen.";
  },
} : {
  locale: "en-GB",
  months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" "),
  day: function (d, month) { return d + " " + month; },
  columns: ["What", "Value or date", "Who claims it", "Source", "Excerpt", "Translation"],
  caption: function (n, title) {
    return "The " + n + " rows behind the chart \u201c" + title + "\u201d";
  },
  from: function (n, k) {
    return "The " + n + " rows of this chart come from " + k + (k === 1 ? " source:" : " sources:");
  },
  rows: function (n) { return " (" + n + (n === 1 ? " row)" : " rows)"); },
  citation: ["Each source's full citation, date and address is in the ",
    "sources table on the Data page", "."],
  csv: function (n) {
    return "The " + n + " rows this chart draws, with all their columns, " +
      "as a CSV file (UTF-8, comma-separated): ";
  },
  download: "Download ",
  everyTable: ["Every table of the book, with its description, is on the ", "Data page", "."],
  tooMany: function (n) {
    return "The table behind this chart has " + n + " rows, too many to print here. " +
      "It is in the online edition, under the chart (Table), and every table of the book " +
      "can be downloaded from its Data page.";
  },
};
const rowsOf = new WeakMap();

function el(tag, attrs, kids) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  (kids || []).forEach(function (kid) { node.append(kid); });
  return node;
}
function field(row, names) {
  for (const name of names) {
    for (const key in row) {
      const v = row[key];
      if (key.toLowerCase() === name && v !== null && v !== undefined && v !== "") { return v; }
    }
  }
}
function str(v) {
  if (v === undefined || v === null) { return ""; }
  if (Array.isArray(v)) { return v.join(" "); }
  if (typeof v === "number") { return v.toLocaleString(WORDS.locale); }
  if (typeof v === "object") { return JSON.stringify(v); }
  return String(v).replace(/\s+/g, " ").trim();
}
function day(iso, precision) {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso || "");
  if (!m) { return str(iso); }
  const month = WORDS.months[Number(m[2]) - 1] + " " + m[1];
  return precision === "year" ? m[1] : precision === "month" ? month : WORDS.day(Number(m[3]), month);
}
function titleOf(spec) {
  const t = spec.title && spec.title.text !== undefined ? spec.title.text : spec.title;
  return str(t) || str(spec.description);
}
function chartRows(spec) {
  const rows = [];
  function take(values) {
    if (!Array.isArray(values)) { return; }
    values.forEach(function (row) {
      if (row && typeof row === "object" &&
          Object.keys(row).some(function (k) { return SOURCE_KEYS.includes(k.toLowerCase()); })) {
        rows.push(row);
      }
    });
  }
  // A Vega spec: its data sets (each with its rows, if inline), group marks' too.
  (function walk(part) {
    (part.data || []).forEach(function (entry) { take(entry.values); });
    (part.marks || []).forEach(walk);
  })(spec);
  return rows;
}
// A row's words in the edition's language: in German its "_de" column where it has one
// ("title_de" for "title_en", "claimant_de" for "claimant"), else the column itself.
function local(names) {
  if (!GERMAN) { return names; }
  return names.flatMap(function (n) {
    return [n.endsWith("_en") ? n.slice(0, -3) + "_de" : n + "_de", n];
  });
}
// The table's columns: a heading and the cell of a row ([text, link or undefined]).
const COLUMNS = [
  [WORDS.columns[0], function (r) {
    const what = str(field(r, local(["title_en", "support", "measure", "counts_what",
      "argument_en", "question_en", "name_en", "item_en", "indicator", "label", "text"])));
    const answer = str(field(r, local(["answer_en"])));
    return [what && answer ? what + ": " + answer : what];
  }],
  [WORDS.columns[1], function (r) {
    const low = field(r, ["low"]), high = field(r, ["high"]);
    const value = str(field(r, ["shown", "share", "distance", "count", "value", "status"])) ||
      (low === undefined ? "" : str(low) + (high === undefined || high === low ? "" : "\u2013" + str(high)));
    const start = field(r, ["fieldwork_start"]), end = field(r, ["fieldwork_end"]);
    const date = str(field(r, ["when"])) ||
      (field(r, ["date"]) ? day(field(r, ["date"]), field(r, ["date_precision"])) : "") ||
      (start ? day(start) + (end ? " \u2013 " + day(end) : "") : "");
    return [value && date ? value + " (" + date + ")" : value || date];
  }],
  [WORDS.columns[2], function (r) { return [str(field(r, local(["claimant"])))]; }],
  [WORDS.columns[3], function (r) {
    return [sourceName(r), field(r, ["source_id"]) ? dataPage() : undefined];
  }],
  [WORDS.columns[4], function (r) { return [str(field(r, ["excerpt", "evidence"]))]; }],
  // In German, a translation only of the excerpts that are not German (excerpt_de).
  [WORDS.columns[5], function (r) {
    return [str(field(r, GERMAN ? ["excerpt_de", "unsere \u00fcbersetzung"]
      : ["excerpt_en", "our translation"]))];
  }],
];
function sourceName(r) {
  const id = field(r, ["source_id"]);
  return str(field(r, ["source", "coords_from"])) || (window.bookChartSources || {})[id] || str(id);
}
function dataPage() {
  return (document.documentElement.dataset.content_root || "") + "appendix/data.html#table-sources";
}
function link(text, href) {
  return href ? el("a", { href: href }, [text]) : text;
}
function rowsTable(spec, rows) {
  const cells = rows.map(function (r) { return COLUMNS.map(function (c) { return c[1](r); }); });
  const used = COLUMNS.map(function (c, j) { return cells.some(function (row) { return row[j][0]; }); });
  const keep = function (list) { return list.filter(function (x, j) { return used[j]; }); };
  return el("table", { class: "bb-chart-table" }, [
    el("caption", {}, [WORDS.caption(rows.length, titleOf(spec))]),
    el("thead", {}, [el("tr", {}, keep(COLUMNS).map(function (c) { return el("th", { scope: "col" }, [c[0]]); }))]),
    el("tbody", {}, cells.map(function (row) {
      return el("tr", {}, keep(row).map(function (cell) { return el("td", {}, [link(cell[0], cell[1])]); }));
    })),
  ]);
}
function sourcesList(rows) {
  const counts = new Map();
  rows.forEach(function (r) {
    const name = sourceName(r);
    counts.set(name, (counts.get(name) || 0) + 1);
  });
  return [
    el("p", {}, [WORDS.from(rows.length, counts.size)]),
    el("ul", {}, Array.from(counts, function (entry) {
      return el("li", {}, [el("a", { href: dataPage() }, [entry[0]]),
        WORDS.rows(entry[1])]);
    })),
    el("p", {}, [WORDS.citation[0], el("a", { href: dataPage() }, [WORDS.citation[1]]),
      WORDS.citation[2]]),
  ];
}
function csvText(rows) {
  const keys = [];
  rows.forEach(function (r) { Object.keys(r).forEach(function (k) { if (!keys.includes(k)) { keys.push(k); } }); });
  const cell = function (v) {
    const s = v === undefined || v === null ? "" : Array.isArray(v) ? v.join(" ")
      : typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return [keys].concat(rows.map(function (r) { return keys.map(function (k) { return r[k]; }); }))
    .map(function (line) { return line.map(cell).join(","); }).join("\r\n") + "\r\n";
}
function downloadView(rows, number) {
  const page = (location.pathname.split("/").pop() || "index").replace(/\.html?$/, "") || "index";
  const name = page + "-chart-" + number + ".csv";
  const url = URL.createObjectURL(new Blob([csvText(rows)], { type: "text/csv;charset=utf-8" }));
  return [
    el("p", {}, [WORDS.csv(rows.length)]),
    el("p", {}, [el("a", { href: url, download: name, class: "bb-chart-download" },
      [WORDS.download + name])]),
    el("p", {}, [WORDS.everyTable[0], el("a", { href: dataPage().split("#")[0] },
      [WORDS.everyTable[1]]), WORDS.everyTable[2]]),
  ];
}
function rowsFor(spec) {
  if (!rowsOf.has(spec)) { rowsOf.set(spec, chartRows(spec)); }
  return rowsOf.get(spec);
}
window.bookChartViews = {
  // The nodes of view k (1 Table, 2 Sources, 3 Download) of the chart in holder.
  view: function (k, spec, holder) {
    const rows = rowsFor(spec);
    return k === 1 ? [rowsTable(spec, rows)] : k === 2 ? sourcesList(rows)
      : downloadView(rows, Number(holder.dataset.chartIndex) + 1);
  },
  // What follows the chart in print, or null when it draws no row with a source.
  printBlock: function (spec) {
    const rows = rowsFor(spec);
    if (!rows.length) { return null; }
    return el("div", { class: "bb-chart-print" }, [rows.length <= PRINT_ROWS ? rowsTable(spec, rows)
      : el("p", {}, [WORDS.tooMany(rows.length)])]);
  },
};
})();
