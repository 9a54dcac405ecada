// Inside the charts script's function scope, in a scope of its own, before the loader that
// uses it: the tab bar under every chart (WAI-ARIA tabs:
// Chart, Table, Sources, Download). The views themselves are in chart-views.js, which
// only a reader who opens one loads (a script element, so it loads from file:// too);
// every other reader gets just this bar. Before printing, each chart is followed by its
// table (made by the views) or, while the views are not loaded (a print the browser
// starts cannot wait for a script), by a line saying where the table is; the views are
// then loaded and replace those lines, for the next print.
const addBookChartViews = (function () {
// The bar's words in the edition's language (the page's <html lang>).
const WORDS = {
  en: { views: ["Chart", "Table", "Sources", "Download"], bar: "Views of this chart",
    elsewhere: "The table behind this chart is in the online edition, under the chart " +
      "(Table), and every table of the book can be downloaded from its Data page." },
  de: { views: ["Diagramm", "Tabelle", "Quellen", "Download"], bar: "Ansichten dieses Diagramms",
    elsewhere: "Die Tabelle zu diesem Diagramm steht in der Online-Ausgabe unter dem " +
      "Diagramm (Tabelle); jede Tabelle des Buchs l\u00e4sst sich auf seiner Seite \u201eDaten\u201c " +
      "herunterladen." },
}[document.documentElement.lang === "de" ? "de" : "en"];
const VIEW_NAMES = WORDS.views;
// Replaced by the build with the file's name and checksum (so no browser keeps a stale copy).
const VIEWS_FILE = "chart-views.js";
const HERE = document.currentScript ? document.currentScript.src : document.baseURI;
const charts = [];

function el(tag, attrs, kids) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  (kids || []).forEach(function (kid) { node.append(kid); });
  return node;
}
function loadViews() {
  return loadScript(new URL(VIEWS_FILE, HERE).href, function () { return window.bookChartViews; });
}
function addChartViews(holder, spec, chartPanel) {
  const id = "bb-chart-" + holder.dataset.chartIndex;
  const bar = el("div", { role: "tablist", "aria-label": WORDS.bar, class: "bb-views-bar" });
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
    built[k] = true;
    panels[k].setAttribute("aria-busy", "true");
    loadViews().then(function (views) {
      panels[k].append.apply(panels[k], views.view(k, spec, holder));
      panels[k].removeAttribute("aria-busy");
    }).catch(function (error) {
      built[k] = false;
      console.error(error);
    });
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
  charts.push({ holder: holder, spec: spec, printed: null, final: false });
}
// Each chart's print block: the views' (its table, or where it is), else a line saying
// where the table is. Run again once the views are in, it swaps those lines for theirs.
function printTables() {
  const views = window.bookChartViews;
  charts.forEach(function (chart) {
    if (chart.final || (chart.printed && !views)) { return; }
    const block = views ? views.printBlock(chart.spec, chart.holder)
      : el("div", { class: "bb-chart-print" }, [el("p", {}, [WORDS.elsewhere])]);
    if (chart.printed) { chart.printed.remove(); }
    if (block) { (chart.holder.closest("figure") || chart.holder).after(block); }
    chart.printed = block;
    chart.final = Boolean(views);
  });
  return views;
}
window.addEventListener("beforeprint", function () {
  if (!printTables()) { loadViews().then(printTables).catch(console.error); }
});
// For the print edition (belarus_book.pdf) and the tests: load the views now.
window.bookLoadChartViews = function () { return loadViews().then(function () { return true; }); };
return addChartViews;
})();
