// duban: draws the charts of a page from its JSON block. Every chart has a
// table with the same data, so the page works without this file.
(function () {
  "use strict";
  var block = document.getElementById("chart-data");
  var wall = document.querySelector(".wall[data-src]");
  if (wall) refreshWall(wall);
  dateHints();
  copyButtons();
  if (!block || !window.echarts) return;
  var data = JSON.parse(block.textContent);
  var dark = document.body.classList.contains("screen");
  var text = dark ? "#e0e6f0" : "#333";
  // The wall's type grows with the screen (its root font size follows the
  // screen's height), so a 4K wall reads like a 1080p one; there nobody can
  // page a legend, so it shows every entry.
  var fs = dark ? Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize)) : 12;
  // wrapLabel breaks a category name into lines of per characters, so
  // names under narrow bars stack instead of running into each other.
  function wrapLabel(v, per) {
    var out = [];
    for (var i = 0; i < v.length; i += per) out.push(v.slice(i, i + per));
    return out.join("\n");
  }
  function options(kind, d, el) {
    var base = {
      textStyle: { fontFamily: "WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif", color: text, fontSize: fs },
      tooltip: { trigger: "axis" },
      legend: dark ? { type: "plain", top: 0, textStyle: { color: text, fontSize: fs }, itemWidth: fs * 1.6, itemHeight: fs * 0.9 }
        : { type: "scroll", top: 0, textStyle: { color: text } }, // one line, even on a phone
      grid: { left: 28, right: 16, top: dark ? fs * 4 : 36, bottom: 8, containLabel: true }
    };
    var cat = { type: "category", data: d.labels, axisLabel: { color: text, interval: 0, fontSize: fs } };
    // The server says what the value axis measures (d.axis), in which unit
    // (d.unit, "%" or none) and, for shares, its maximum (d.max).
    var val = { type: "value", name: d.axis || "", nameLocation: "middle", nameGap: 28, nameTextStyle: { color: text, fontSize: fs },
      axisLabel: { color: text, formatter: "{value}" + (d.unit || ""), fontSize: fs } };
    if (d.max) val.max = d.max;
    if (kind === "stack") {
      // On the wall a name breaks over two lines under its bar instead of
      // slanting into its neighbours.
      // On the wall a name breaks under its bar into lines as wide as the
      // bar's slot (a CJK character is about fs wide; the value axis and
      // margins take about 6 fs), instead of slanting into its neighbours.
      if (dark) {
        var slot = ((el ? el.clientWidth : 0) - 6 * fs) / Math.max(1, d.labels.length);
        var per = Math.max(1, Math.floor(slot / (fs * 1.1)));
        cat.axisLabel.formatter = function (v) { return wrapLabel(v, per); };
      } else cat.axisLabel.rotate = 20;
      if (d.full) {
        base.tooltip.formatter = function (ps) {
          var enc = window.echarts.format.encodeHTML, i = ps.length ? ps[0].dataIndex : 0;
          return [enc(d.full[i] || (ps[0] && ps[0].name) || "")].concat(ps.map(function (p) { return p.marker + enc(p.seriesName) + " " + p.value; })).join("<br>");
        };
      }
      base.xAxis = cat; base.yAxis = val; val.nameGap = 36;
      base.series = d.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "all", data: s.data, itemStyle: { color: s.colour } };
      });
    } else if (kind === "hbar") {
      cat.inverse = true;
      base.yAxis = cat; base.xAxis = val; base.grid.bottom = 28;
      base.series = d.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.data, itemStyle: { color: s.colour } };
      });
    } else {
      base.xAxis = cat; base.yAxis = val; val.nameGap = 40;
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
    c.setOption(options(el.dataset.kind, d, el));
    if (dark) c.setOption({ backgroundColor: "transparent" });
    charts.push(c);
    if (wall) wall.chart = function (d) { c.setOption(options(el.dataset.kind, d, el), { replaceMerge: ["series", "xAxis"] }); };
    var table = (el.closest(".card") || el.parentNode).querySelector("details.data");
    if (table) table.open = false; // the chart shows it; the table stays one click away
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });

  // The wall screen fetches its data every minute and redraws in place:
  // no reload, no jump to the top, and the last data stays up when the
  // network fails (marked stale).
  function refreshWall(el) {
    var every = (parseInt(el.dataset.refresh, 10) || 60) * 1000;
    function set(id, v) { var n = document.getElementById(id); if (n) n.textContent = v == null ? "" : v; }
    function cell(tr, tag, text) { var c = document.createElement(tag); c.textContent = text; if (tag === "th") c.scope = "row"; tr.appendChild(c); return c; }
    function bar(p, e) {
      var b = document.createElement("span"); b.className = "bar";
      var f = document.createElement("span"); f.className = "fill"; f.style.width = Math.max(0, Math.min(1, p)) * 100 + "%"; b.appendChild(f);
      if (e) { var m = document.createElement("span"); m.className = "mark"; m.style.left = Math.max(0, Math.min(1, e)) * 100 + "%"; b.appendChild(m); }
      return b;
    }
    function draw(d) {
      set("s-title", d.title); set("s-asof", d.as_of); set("s-updated", d.updated);
      d.counts.forEach(function (c) { set("s-n-" + c.status, c.n); });
      set("s-items", d.items); set("s-progress", d.progress); set("s-expected", d.expected); set("s-sum", d.progress);
      set("s-sentence", d.sentence); set("s-formula", d.formula); set("s-parts-more", d.parts_more); set("s-other", d.other); set("s-more", d.more);
      var parts = document.getElementById("s-parts");
      if (parts) {
        parts.textContent = "";
        (d.parts || []).forEach(function (p) {
          var tr = document.createElement("tr"); if (p.behind) tr.className = "behind";
          cell(tr, "th", p.title); cell(tr, "td", p.weight); cell(tr, "td", p.share);
          var td = cell(tr, "td", ""); td.appendChild(bar(p.p, p.e)); var s = document.createElement("span"); s.textContent = p.progress + " / " + p.expected; td.appendChild(s);
          cell(tr, "td", p.contribution); parts.appendChild(tr);
        });
      }
      var att = document.getElementById("s-attention");
      if (att) {
        att.textContent = "";
        (d.attention || []).forEach(function (a) {
          var li = document.createElement("li"), t = document.createElement("strong"), w = document.createElement("span"), u = document.createElement("span"), y = document.createElement("span");
          t.textContent = a.title; w.className = "w s-" + a.status; w.style.color = a.text; w.textContent = a.word; u.className = "muted"; u.textContent = a.unit; y.className = "why"; y.textContent = a.why;
          li.appendChild(t); li.append(" "); li.appendChild(w); li.append(" "); li.appendChild(u); li.appendChild(document.createElement("br")); li.appendChild(y);
          att.appendChild(li);
        });
      }
      if (el.chart) el.chart(d.chart);
      el.dataset.loaded = String((parseInt(el.dataset.loaded, 10) || 0) + 1);
    }
    function load() {
      fetch(el.dataset.src, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (d) { draw(d); document.getElementById("s-stale").hidden = true; })
        .catch(function () { document.getElementById("s-stale").hidden = false; });
    }
    el.refreshNow = load; // for tests and for a keyboard-less screen's devtools
    setInterval(load, every);
  }

  // A date field shows the browser's own format (mm/dd/yyyy in an English
  // browser) whatever the page's lang: on Chinese pages each one gets the
  // chosen day written out beside it (2021年7月15日), or 年-月-日 while
  // empty, so the day it holds cannot be misread.
  function dateHints() {
    if (!/^zh/.test(document.documentElement.lang)) return;
    document.querySelectorAll('input[type="date"]').forEach(function (input, i) {
      var hint = document.createElement("span");
      hint.className = "date-hint";
      hint.id = "date-hint-" + i;
      function show() {
        var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
        hint.textContent = m ? m[1] + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : "年-月-日";
      }
      show();
      input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + hint.id).trim());
      input.insertAdjacentElement("afterend", hint);
      input.addEventListener("input", show);
      input.addEventListener("change", show);
    });
  }

  // A copy button (hidden without this script) copies the text of the
  // field it names and says whether that worked; the field stays there to
  // select by hand.
  function copyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (b) {
      var src = document.getElementById(b.dataset.copy), out = document.getElementById(b.dataset.status);
      if (!src) return;
      b.hidden = false;
      b.addEventListener("click", function () {
        function said(ok) { if (out) out.textContent = ok ? b.dataset.done : b.dataset.failed; }
        function byHand() { src.focus(); src.select(); try { said(document.execCommand("copy")); } catch (e) { said(false); } }
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(src.value).then(function () { said(true); }, byHand);
        else byHand();
      });
    });
  }
})();
