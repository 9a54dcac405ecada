// Runs inside the charts script's function scope, after the tab bar it uses (chart_tabs.js).
// Each chart is on the page already, as the drawing the build made (an SVG,
// belarus_book.web.chart_static), which shows at first paint, in print and with scripts off.
// The live chart, with its tooltips, needs Vega and vega-tooltip (vega-charts.js, 200 KB
// over the wire and a long task on a phone), so it is drawn only for a reader who reaches for
// a chart: points at it, taps it, or moves the focus into it (its tabs). Vega loads then, once
// per page, and the live chart replaces the drawing in the same task that adds it; it is
// as high (but for charts laid out by the width of their text, which the build measures
// with other fonts), so nothing moves. The specs are Vega, compiled from Vega-Lite when the
// site was built, so Vega alone draws them, with vega-tooltip's tooltips (what vega-embed
// would add). The print edition and the tests draw every chart with
// window.bookDrawAllCharts() and read when they are all drawn (data-charts-drawn on the root
// element).
// Replaced by the build with the file's name and checksum (so no browser keeps a stale copy).
const VEGA_FILE = "vega-charts.js";
const CHARTS_SCRIPT = document.currentScript ? document.currentScript.src : document.baseURI;
let bookTooltip = null;
function loadVega() {
  return loadScript(new URL(VEGA_FILE, CHARTS_SCRIPT).href, function () { return window.bookVega; });
}
// A tooltip leaves out the lines with nothing to say: an empty value (a German excerpt needs no
// translation in the German edition; a row without a note) would show a title and a blank.
function withoutBlankLines(call) {
  return function (handler, event, item, value) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const kept = {};
      Object.keys(value).forEach(function (key) { if (value[key] !== "") { kept[key] = value[key]; } });
      value = kept;
    }
    return call(handler, event, item, value);
  };
}
function drawBookChart(target, spec) {
  return loadVega().then(function (lib) {
    bookTooltip = bookTooltip || withoutBlankLines(new lib.Tooltip().call);
    const view = new lib.View(lib.parse(spec), { renderer: "svg", container: target, hover: true });
    view.tooltip(bookTooltip);
    return view.runAsync();
  });
}
function drawBookCharts() {
  const holders = Array.from(document.querySelectorAll(".vega-chart"));
  const specs = window.bookChartSpecs || [];
  const waiting = new Map();
  let left = holders.length;
  let allDrawn;
  const everyChart = new Promise(function (resolve) { allDrawn = resolve; });
  function settled() {
    left -= 1;
    if (left > 0) { return; }
    window.bookChartsDrawnAt = performance.now();
    document.documentElement.dataset.chartsDrawn = String(holders.length);
    allDrawn(holders.length);
  }
  function draw(holder) {
    const start = waiting.get(holder);
    if (!start) { return; }
    waiting.delete(holder);
    start();
  }
  holders.forEach(function (holder) {
    const spec = specs[Number(holder.dataset.chartIndex)];
    if (!spec) {
      holder.dataset.rendered = "error";
      console.error("chart has no spec:", holder.dataset.chartIndex);
      settled();
      return;
    }
    const target = document.createElement("div");
    target.className = "vega-chart-view";
    const panel = document.createElement("div");
    panel.className = "bb-chart-panel";
    const drawn = holder.querySelector(".vega-chart-static");
    if (drawn) { panel.appendChild(drawn); }
    panel.appendChild(target);
    holder.appendChild(panel);
    addBookChartViews(holder, spec, panel);
    waiting.set(holder, function () {
      drawBookChart(target, spec)
        .then(function () {
          holder.dataset.rendered = "true";
          const fallback = holder.querySelector(".vega-chart-fallback");
          if (fallback) { fallback.hidden = true; }
          if (drawn) { drawn.remove(); }
        })
        .catch(function (error) {
          holder.dataset.rendered = "error";
          console.error("chart failed to render:", error);
        })
        .then(settled);
    });
    // A finger that only scrolls past a chart is no reason to fetch Vega: on a touch screen
    // a tap reaches for it, elsewhere the pointer coming over it.
    holder.addEventListener("pointerover", function (event) {
      if (event.pointerType !== "touch") { draw(holder); }
    });
    holder.addEventListener("click", function () { draw(holder); });
    holder.addEventListener("focusin", function () { draw(holder); });
  });
  if (!holders.length) { left = 1; settled(); }
  window.bookDrawAllCharts = function () {
    Array.from(waiting.keys()).forEach(draw);
    return everyChart;
  };
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawBookCharts);
} else {
  drawBookCharts();
}
