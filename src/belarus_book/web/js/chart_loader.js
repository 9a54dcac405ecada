// Runs inside the same function scope as the bundle. Draws each chart placeholder as SVG
// (with that renderer Vega labels the chart with the spec's description) when it comes
// near the viewport, so a page with several charts draws only those a reader reaches; the
// chart drawn at build time (an SVG, belarus_book.web.chart_static) stays in place until
// then, in the chart's view, and is removed in the same task that adds the live chart,
// which is as high (but for charts laid out by the width of their text, which the build
// measures with other fonts): nothing moves. The specs are Vega, compiled from Vega-Lite when
// the site was built, so Vega alone draws them, with vega-tooltip's tooltips (what
// vega-embed would add). Before printing, every chart is drawn; the print edition and the
// tests draw them all with window.bookDrawAllCharts() and read when the page's charts are
// all drawn (data-charts-drawn on the root element).
const NEAR_VIEWPORT = "1200px 0px";
let bookTooltip = null;
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
  const lib = window.bookVega;
  bookTooltip = bookTooltip || withoutBlankLines(new lib.Tooltip().call);
  const view = new lib.View(lib.parse(spec), { renderer: "svg", container: target, hover: true });
  view.tooltip(bookTooltip);
  return view.runAsync();
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
  const near = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) { draw(entry.target); } });
  }, { rootMargin: NEAR_VIEWPORT }) : null;
  function draw(holder) {
    const start = waiting.get(holder);
    if (!start) { return; }
    waiting.delete(holder);
    if (near) { near.unobserve(holder); }
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
    if (near) { near.observe(holder); } else { draw(holder); }
  });
  if (!holders.length) { left = 1; settled(); }
  function drawAll() {
    Array.from(waiting.keys()).forEach(draw);
    return everyChart;
  }
  // Vega draws a spec with inline data without waiting for anything but promise callbacks,
  // which run before the browser goes on to print.
  window.addEventListener("beforeprint", drawAll);
  window.bookDrawAllCharts = drawAll;
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawBookCharts);
} else {
  drawBookCharts();
}
