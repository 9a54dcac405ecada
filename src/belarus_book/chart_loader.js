// Runs inside the same function scope as the bundle. Draws every chart placeholder as SVG
// (with that renderer Vega labels the chart with the spec's description) and records when
// the page's charts are all drawn, which the browser tests and the benchmark read.
function drawBookCharts() {
  const holders = Array.from(document.querySelectorAll(".vega-chart"));
  const specs = window.bookChartSpecs || [];
  const drawn = holders.map(function (holder) {
    const spec = specs[Number(holder.dataset.chartIndex)];
    if (!spec) {
      holder.dataset.rendered = "error";
      console.error("chart has no spec:", holder.dataset.chartIndex);
      return Promise.resolve();
    }
    const target = document.createElement("div");
    target.className = "vega-chart-view";
    const panel = document.createElement("div");
    panel.className = "bb-chart-panel";
    panel.appendChild(target);
    holder.appendChild(panel);
    addBookChartViews(holder, spec, panel);
    return window.vegaEmbed(target, spec, { renderer: "svg", actions: false })
      .then(function () {
        holder.dataset.rendered = "true";
        const fallback = holder.querySelector(".vega-chart-fallback");
        if (fallback) { fallback.hidden = true; }
      })
      .catch(function (error) {
        holder.dataset.rendered = "error";
        console.error("chart failed to render:", error);
      });
  });
  Promise.all(drawn).then(function () {
    window.bookChartsDrawnAt = performance.now();
    document.documentElement.dataset.chartsDrawn = String(holders.length);
  });
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawBookCharts);
} else {
  drawBookCharts();
}
