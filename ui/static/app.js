// duban: draws the charts of a page from its JSON block. Every chart has a
// table with the same data, so the page works without this file.
(function () {
  "use strict";
  var block = document.getElementById("chart-data");
  if (!block || !window.echarts) return;
  var data = JSON.parse(block.textContent);
  var dark = document.body.classList.contains("screen");
  var text = dark ? "#e0e6f0" : "#333";
  function options(kind, d) {
    var base = {
      textStyle: { fontFamily: "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif", color: text },
      tooltip: { trigger: "axis" },
      legend: { top: 0, textStyle: { color: text } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }
    };
    var cat = { type: "category", data: d.labels, axisLabel: { color: text, interval: 0 } };
    var val = { type: "value", axisLabel: { color: text } };
    if (kind === "stack") {
      cat.axisLabel.rotate = 20;
      base.xAxis = cat; base.yAxis = val;
      base.series = d.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "all", data: s.data, itemStyle: { color: s.colour } };
      });
    } else if (kind === "hbar") {
      cat.inverse = true;
      base.yAxis = cat; base.xAxis = { type: "value", max: 100, axisLabel: { color: text, formatter: "{value}%" } };
      base.series = d.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.data, itemStyle: { color: s.colour } };
      });
    } else {
      base.xAxis = cat;
      base.yAxis = kind === "line-abs" ? val : { type: "value", max: 100, axisLabel: { color: text, formatter: "{value}%" } };
      base.series = d.series.map(function (s, i) {
        return { name: s.name, type: "line", data: s.data, itemStyle: { color: s.colour }, lineStyle: { type: i ? "dashed" : "solid" } };
      });
    }
    return base;
  }
  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var d = data[el.dataset.chart];
    if (!d || !d.labels || !d.labels.length) return;
    if (el.dataset.kind === "hbar") el.style.height = Math.max(240, d.labels.length * 26 + 60) + "px";
    var c = window.echarts.init(el, dark ? "dark" : null, { renderer: "svg" });
    c.setOption(options(el.dataset.kind, d));
    if (dark) c.setOption({ backgroundColor: "transparent" });
    charts.push(c);
    var table = el.parentNode.querySelector("details.data");
    if (table) table.open = false; // the chart shows it; the table stays one click away
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
