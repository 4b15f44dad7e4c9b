// duban: draws the project map, a scatter of projects on their plain
// longitude and latitude coloured by their light (no tiles, nothing
// fetched). The page's table holds the same points.
(function () {
  "use strict";
  function draw() {
    if (!window.echarts) return;
    document.querySelectorAll("[data-map]").forEach(function (el) {
      var block = document.getElementById(el.dataset.source || "map-data");
      if (!block) return;
      var data = JSON.parse(block.textContent);
      if (!data.points || !data.points.length) return;
      var groups = {};
      data.points.forEach(function (p) {
        var g = groups[p.status] || (groups[p.status] = { name: p.status_label, colour: p.colour, data: [] });
        g.data.push({ value: [p.lng, p.lat], name: p.title, id: p.node_id, stage: p.stage_label, rate: p.completion_rate });
      });
      var series = Object.keys(groups).map(function (k) {
        var g = groups[k];
        return { name: g.name, type: "scatter", data: g.data, symbolSize: el.classList.contains("small") ? 7 : 11,
          itemStyle: { color: g.colour, borderColor: "#fff", borderWidth: 1 } };
      });
      var c = window.echarts.init(el, null, { renderer: "svg" });
      c.setOption({
        textStyle: { fontFamily: "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" },
        legend: { top: 0 },
        tooltip: { formatter: function (p) { return p.data.name + "<br>" + p.seriesName + " · " + p.data.stage + " · " + Math.round(p.data.rate * 100) + "%"; } },
        grid: { left: 50, right: 16, top: 36, bottom: 36 },
        xAxis: { type: "value", scale: true, name: "E", axisLabel: { formatter: function (v) { return v.toFixed(2) + "°"; } }, splitLine: { lineStyle: { type: "dashed" } } },
        yAxis: { type: "value", scale: true, name: "N", axisLabel: { formatter: function (v) { return v.toFixed(2) + "°"; } }, splitLine: { lineStyle: { type: "dashed" } } },
        series: series
      });
      c.on("click", function (p) { if (p.data && p.data.id) window.location.href = "/projects/" + p.data.id; });
      el.dataset.drawn = String(data.points.length);
      window.addEventListener("resize", function () { c.resize(); });
    });
  }
  if (document.readyState === "complete") draw(); else window.addEventListener("load", draw);
})();
