// duban: draws the project map, a scatter of projects on their plain
// longitude and latitude coloured by their light (no tiles, nothing
// fetched). The frame is a coordinate frame, not a district outline: both
// axes keep the same kilometres per pixel and a 1 km bar gives the scale.
// The page's table holds the same points.
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
        // No animation: a refit after a resize would move the dots and the
        // axis labels at different paces, and a map read mid-way shows
        // dots against the old labels.
        animation: false,
        textStyle: { fontFamily: "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" },
        tooltip: { formatter: function (p) { return p.data.name + "<br>" + p.seriesName + " · " + p.data.stage + " · " + Math.round(p.data.rate * 100) + "%"; } },
        grid: { left: 50, right: 16, top: 36, bottom: 36 },
        xAxis: { type: "value", name: el.dataset.xName || "E", nameLocation: "middle", nameGap: 22,
          axisLabel: { showMinLabel: false, showMaxLabel: false, hideOverlap: true, formatter: function (v) { return v.toFixed(2) + "°"; } }, splitLine: { lineStyle: { type: "dashed" } } },
        yAxis: { type: "value", name: el.dataset.yName || "N",
          axisLabel: { showMinLabel: false, showMaxLabel: false, formatter: function (v) { return v.toFixed(2) + "°"; } }, splitLine: { lineStyle: { type: "dashed" } } },
        series: series
      });
      fit(c, el, data.points);
      c.on("click", function (p) { if (p.data && p.data.id) window.location.href = "/projects/" + p.data.id; });
      el.dataset.drawn = String(data.points.length);
      // A new size needs a new frame, not the old degrees stretched: a
      // map drawn narrow and widened would lose its equal scale.
      var refit = function () { if (el.clientWidth !== +el.dataset.frameWidth || el.clientHeight !== +el.dataset.frameHeight) { c.resize(); fit(c, el, data.points); } };
      if (window.ResizeObserver) new ResizeObserver(refit).observe(el); else window.addEventListener("resize", refit);
    });
  }
  // fit sets the axes' extent and the 1 km bar for the element's present
  // size, and notes that size and the bar's length on the element.
  function fit(c, el, points) {
    var frame = equalFrame(points, el);
    c.setOption({
      // Narrow: the legend starts right of the latitude axis's name.
      legend: el.clientWidth >= 480 ? { top: 0, left: "center", itemGap: 10, itemWidth: 25, textStyle: { fontSize: 12 } } :
        { top: 0, left: 84, itemGap: 6, itemWidth: 10, textStyle: { fontSize: 11 } },
      xAxis: { min: frame.x0, max: frame.x1 },
      yAxis: { min: frame.y0, max: frame.y1 },
      graphic: { elements: [{ id: "km-bar", $action: "replace", type: "group", left: 60, bottom: 44, children: [
        { type: "line", shape: { x1: 0, y1: 0, x2: frame.kmPx, y2: 0 }, style: { stroke: "#333", lineWidth: 2 } },
        { type: "text", x: 0, y: -16, style: { text: "1 km", fill: "#333", font: "11px sans-serif" } }] }] }
    });
    el.dataset.kmPx = frame.kmPx.toFixed(3);
    el.dataset.frameWidth = String(el.clientWidth);
    el.dataset.frameHeight = String(el.clientHeight);
  }
  // equalFrame pads the points' extent and widens the narrower axis so a
  // kilometre is as long east-west as north-south on the element's plot
  // area (grid: left 50, right 16, top 36, bottom 36).
  function equalFrame(points, el) {
    var lng = points.map(function (p) { return p.lng; }), lat = points.map(function (p) { return p.lat; });
    var x0 = Math.min.apply(null, lng), x1 = Math.max.apply(null, lng), y0 = Math.min.apply(null, lat), y1 = Math.max.apply(null, lat);
    var ky = 110.57, kx = 111.32 * Math.cos(((y0 + y1) / 2) * Math.PI / 180); // km per degree
    var w = Math.max(el.clientWidth - 66, 50), h = Math.max(el.clientHeight - 72, 50);
    var spanKm = Math.max(((x1 - x0) * kx + 1) / w, ((y1 - y0) * ky + 1) / h); // km per pixel, 0.5 km margin each side
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = spanKm * w / kx / 2, hy = spanKm * h / ky / 2;
    return { x0: cx - hx, x1: cx + hx, y0: cy - hy, y1: cy + hy, kmPx: 1 / spanKm };
  }
  if (document.readyState === "complete") draw(); else window.addEventListener("load", draw);
})();
