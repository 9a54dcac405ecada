// Inside the bundle's function scope too, in a scope of its own (the bundle's names stay
// untouched), before the loader that uses it: the tab bar under every chart (WAI-ARIA tabs:
// Chart, Table, Sources, Download). Only the bar is made when a chart is drawn; a view is
// built from the chart's spec the first time a reader opens it. Its rows are the rows of
// the spec's data that name a source (a base map's shapes do not). Before printing, each
// chart is followed by its table (at most PRINT_ROWS rows) or by a line saying where it is.
const addBookChartViews = (function () {
const VIEW_NAMES = ["Chart", "Table", "Sources", "Download"];
const PRINT_ROWS = 15;
const SOURCE_KEYS = ["source_id", "source", "coords_from"];
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const chartPrinters = [];

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
  if (typeof v === "number") { return v.toLocaleString("en-GB"); }
  if (typeof v === "object") { return JSON.stringify(v); }
  return String(v).replace(/\s+/g, " ").trim();
}
function day(iso, precision) {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso || "");
  if (!m) { return str(iso); }
  const month = MONTHS[Number(m[2]) - 1] + " " + m[1];
  return precision === "year" ? m[1] : precision === "month" ? month : Number(m[3]) + " " + month;
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
  Object.keys(spec.datasets || {}).forEach(function (name) { take(spec.datasets[name]); });
  (function walk(part) {
    if (!part || typeof part !== "object") { return; }
    if (part.data) { take(part.data.values); }
    ["layer", "vconcat", "hconcat", "concat"].forEach(function (k) { (part[k] || []).forEach(walk); });
    walk(part.spec);
  })(spec);
  return rows;
}
// The table's columns: a heading and the cell of a row ([text, link or undefined]).
const COLUMNS = [
  ["What", function (r) {
    const what = str(field(r, ["title_en", "support", "measure", "counts_what", "argument_en",
      "question_en", "name_en", "label", "text"]));
    const answer = str(field(r, ["answer_en"]));
    return [what && answer ? what + ": " + answer : what];
  }],
  ["Value or date", function (r) {
    const low = field(r, ["low"]), high = field(r, ["high"]);
    const value = str(field(r, ["shown", "share", "distance", "count", "value", "status"])) ||
      (low === undefined ? "" : str(low) + (high === undefined || high === low ? "" : "\u2013" + str(high)));
    const start = field(r, ["fieldwork_start"]), end = field(r, ["fieldwork_end"]);
    const date = str(field(r, ["when"])) ||
      (field(r, ["date"]) ? day(field(r, ["date"]), field(r, ["date_precision"])) : "") ||
      (start ? day(start) + (end ? " \u2013 " + day(end) : "") : "");
    return [value && date ? value + " (" + date + ")" : value || date];
  }],
  ["Who claims it", function (r) { return [str(field(r, ["claimant"]))]; }],
  ["Source", function (r) {
    return [sourceName(r), field(r, ["source_id"]) ? dataPage() : undefined];
  }],
  ["Excerpt", function (r) { return [str(field(r, ["excerpt", "evidence"]))]; }],
  ["Translation", function (r) { return [str(field(r, ["excerpt_en", "our translation"]))]; }],
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
    el("caption", {}, ["The " + rows.length + " rows behind the chart \u201c" + titleOf(spec) + "\u201d"]),
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
    el("p", {}, ["The " + rows.length + " rows of this chart come from " + counts.size +
      (counts.size === 1 ? " source:" : " sources:")]),
    el("ul", {}, Array.from(counts, function (entry) {
      return el("li", {}, [el("a", { href: dataPage() }, [entry[0]]),
        " (" + entry[1] + (entry[1] === 1 ? " row)" : " rows)")]);
    })),
    el("p", {}, ["Each source's full citation, date and address is in the ",
      el("a", { href: dataPage() }, ["sources table on the Data page"]), "."]),
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
    el("p", {}, ["The " + rows.length + " rows this chart draws, with all their columns, " +
      "as a CSV file (UTF-8, comma-separated): "]),
    el("p", {}, [el("a", { href: url, download: name, class: "bb-chart-download" }, ["Download " + name])]),
    el("p", {}, ["Every table of the book, with its description, is on the ",
      el("a", { href: dataPage().split("#")[0] }, ["Data page"]), "."]),
  ];
}
function addChartViews(holder, spec, chartPanel) {
  const id = "bb-chart-" + holder.dataset.chartIndex;
  const number = Number(holder.dataset.chartIndex) + 1;
  let rows = null;
  const getRows = function () { return rows || (rows = chartRows(spec)); };
  const bar = el("div", { role: "tablist", "aria-label": "Views of this chart", class: "bb-views-bar" });
  const panels = [chartPanel];
  const built = [true];
  const tabs = VIEW_NAMES.map(function (name, k) {
    const tab = el("button", { type: "button", role: "tab", id: id + "-tab" + k, "aria-controls": id + "-view" + k,
      "aria-selected": String(k === 0), tabindex: k === 0 ? "0" : "-1", class: "bb-view-tab" }, [name]);
    tab.addEventListener("click", function () { select(k); });
    bar.append(tab);
    return tab;
  });
  holder.append(bar);
  chartPanel.id = id + "-view0";
  VIEW_NAMES.forEach(function (name, k) {
    if (k === 0) { return; }
    const panel = el("div", { id: id + "-view" + k, class: "bb-view", tabindex: "0" });
    panel.hidden = true;
    panels.push(panel);
    holder.append(panel);
  });
  panels.forEach(function (panel, k) {
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", id + "-tab" + k);
  });
  function fill(k) {
    const r = getRows();
    panels[k].append.apply(panels[k],
      k === 1 ? [rowsTable(spec, r)] : k === 2 ? sourcesList(r) : downloadView(r, number));
    built[k] = true;
  }
  function select(k, focus) {
    const before = bar.getBoundingClientRect().top;
    if (!built[k]) { fill(k); }
    tabs.forEach(function (tab, j) {
      tab.setAttribute("aria-selected", String(j === k));
      tab.tabIndex = j === k ? 0 : -1;
      panels[j].hidden = j !== k;
    });
    // Keep the bar where the reader's pointer is as the chart above it hides or shows.
    window.scrollBy(0, bar.getBoundingClientRect().top - before);
    if (k === 0) { window.dispatchEvent(new Event("resize")); }
    if (focus) { tabs[k].focus(); }
  }
  bar.addEventListener("keydown", function (event) {
    const now = tabs.indexOf(document.activeElement);
    const last = tabs.length - 1;
    const next = { ArrowRight: now + 1, ArrowLeft: now - 1, Home: 0, End: last }[event.key];
    if (now < 0 || next === undefined) { return; }
    event.preventDefault();
    select(next > last ? 0 : next < 0 ? last : next, true);
  });
  chartPrinters.push(function () {
    const r = getRows();
    if (!r.length) { return; }
    const block = el("div", { class: "bb-chart-print" }, [r.length <= PRINT_ROWS ? rowsTable(spec, r)
      : el("p", {}, ["The table behind this chart has " + r.length + " rows, too many to print here. " +
        "It is in the online edition, under the chart (Table), and every table of the book " +
        "can be downloaded from its Data page."])]);
    (holder.closest("figure") || holder).after(block);
  });
}
window.addEventListener("beforeprint", function () {
  chartPrinters.splice(0).forEach(function (print) { print(); });
});
return addChartViews;
})();
