// claimcheck site script: progressive enhancement only. Pages work without it except the charts
// and the sample browser. Untrusted text is only ever set with textContent, never as HTML.
(function () {
  'use strict';

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // --- workload tabs: show one workload section at a time ------------------------------------
  function initTabs() {
    var tabs = $$('.tab[data-tab]');
    if (!tabs.length) { return; }
    function show(id) {
      $$('.workload').forEach(function (s) { s.classList.toggle('hidden', s.id !== id); });
      tabs.forEach(function (t) {
        var on = t.getAttribute('data-tab') === id;
        t.classList.toggle('active', on);
        if (on) { t.setAttribute('aria-current', 'true'); } else { t.removeAttribute('aria-current'); }
      });
      drawCharts();
    }
    tabs.forEach(function (t) {
      t.addEventListener('click', function (ev) {
        ev.preventDefault();
        show(t.getAttribute('data-tab'));
        history.replaceState(null, '', '#' + t.getAttribute('data-tab'));
      });
    });
    var wanted = location.hash.slice(1);
    show(tabs.some(function (t) { return t.getAttribute('data-tab') === wanted; }) ? wanted : tabs[0].getAttribute('data-tab'));
  }

  // --- sortable tables -------------------------------------------------------------------------
  function initSort() {
    $$('table.sortable').forEach(function (table) {
      $$('th[data-sort]', table).forEach(function (th, col) {
        th.tabIndex = 0;
        function sort() {
          var numeric = th.getAttribute('data-sort') === 'num';
          var dir = th.getAttribute('aria-sort') === 'descending' ? 1 : -1;
          if (!numeric) { dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1; }
          $$('th', table).forEach(function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
          var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[idx].getAttribute('data-key') || a.cells[idx].textContent;
            var y = b.cells[idx].getAttribute('data-key') || b.cells[idx].textContent;
            if (numeric) {
              var fx = parseFloat(x), fy = parseFloat(y);
              x = isNaN(fx) ? Infinity : fx; y = isNaN(fy) ? Infinity : fy;
              return (x - y) * dir;
            }
            return x.localeCompare(y) * dir;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        }
        th.addEventListener('click', sort);
        th.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); sort(); } });
      });
    });
  }

  // --- hardware and date filters ---------------------------------------------------------------
  function initFilters() {
    var box = $('.filters');
    if (!box) { return; }
    box.hidden = false;
    var hw = $('#filter-hw'), since = $('#filter-date');
    function apply() {
      $$('table.board-table tbody tr').forEach(function (tr) {
        var ok = (!hw.value || tr.getAttribute('data-hw') === hw.value)
          && (!since.value || (tr.getAttribute('data-date') || '') >= since.value);
        tr.classList.toggle('filtered', !ok);
      });
    }
    hw.addEventListener('change', apply);
    since.addEventListener('change', apply);
  }

  // --- token-efficiency charts (ECharts, served locally) ----------------------------------------
  var LANE_COLOURS = { instant: '#1f6feb', thinking: '#b35900' };
  function drawCharts() {
    if (typeof window.echarts === 'undefined') { return; }
    $$('.chart[data-src]').forEach(function (box) {
      if (box.classList.contains('drawn') || box.classList.contains('loading') || box.offsetParent === null) { return; }
      // The data is a separate JSON resource (cached by ETag), so pages stay small.
      box.classList.add('loading');
      fetch(box.getAttribute('data-src'), { headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
        .then(function (data) { box.classList.remove('loading'); draw(box, data); })
        .catch(function (e) {
          box.classList.remove('loading');
          box.appendChild(el('p', 'warn', 'cannot load the chart data: ' + e.message));
        });
    });
  }
  function draw(box, data) {
    var runHref = box.getAttribute('data-run-href') || '';
    box.classList.add('drawn');
    var holder = el('div', 'chart-canvas');
    holder.style.width = '100%';
    holder.style.height = '100%';
    box.appendChild(holder);
    var series = [];
    data.series.forEach(function (s) {
      var colour = LANE_COLOURS[s.lane];
      series.push({
        name: s.lane, type: 'scatter', symbol: s.lane === 'instant' ? 'circle' : 'diamond', symbolSize: 10,
        itemStyle: { color: colour },
        data: s.points.map(function (p) { return { value: [p.x, p.y * 100], name: p.model + (p.simulated ? ' (SIM)' : ''), href: runHref.replace('{runId}', encodeURIComponent(p.runId)) }; })
      });
      series.push({
        name: s.lane + ' 95% CI', type: 'custom', silent: true, itemStyle: { color: colour },
        renderItem: function (params, api) {
          var top = api.coord([api.value(0), api.value(2)]), bottom = api.coord([api.value(0), api.value(1)]);
          return { type: 'group', children: [
            { type: 'line', shape: { x1: top[0], y1: top[1], x2: bottom[0], y2: bottom[1] }, style: { stroke: colour, lineWidth: 1 } },
            { type: 'line', shape: { x1: top[0] - 4, y1: top[1], x2: top[0] + 4, y2: top[1] }, style: { stroke: colour, lineWidth: 1 } },
            { type: 'line', shape: { x1: bottom[0] - 4, y1: bottom[1], x2: bottom[0] + 4, y2: bottom[1] }, style: { stroke: colour, lineWidth: 1 } }
          ] };
        },
        data: s.points.map(function (p) { return [Math.max(p.x, 1), p.lo * 100, p.hi * 100]; })
      });
    });
    series.push({
      name: 'Pareto frontier', type: 'line', step: 'end', symbol: 'none', lineStyle: { color: '#57606a', type: 'dashed' },
      data: data.frontier.map(function (f) { return [Math.max(f.x, 1), f.y * 100]; })
    });
    var chart = window.echarts.init(holder, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 32, bottom: 48 },
      legend: { top: 0 },
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesType === 'scatter' ? escapeHtml(p.name) + '<br>' + Math.round(p.value[0]) + ' tokens · ' + p.value[1].toFixed(1) : ''; } },
      xAxis: { type: 'log', name: 'mean output tokens (log)', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: 'score', min: 0, max: 100 },
      series: series
    });
    chart.on('click', function (p) { if (p.data && p.data.href) { location.href = p.data.href; } });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  // --- sample browser: one page of samples at a time, as JSON -----------------------------------
  function initSamples() {
    var box = $('#samples[data-url]');
    if (!box) { return; }
    var controls = $('.sample-controls', box);
    controls.hidden = false;
    var state = { page: 1, pages: 1 };
    var list = $('#sample-list'), pos = $('#sample-pos');
    function url() {
      return box.getAttribute('data-url').replace('{verdict}', $('#sample-verdict').value)
        .replace('{sort}', $('#sample-sort').value).replace('{page}', String(state.page));
    }
    function details(label, text, open) {
      var d = el('details');
      if (open) { d.open = true; }
      d.appendChild(el('summary', null, label));
      d.appendChild(el('pre', null, text));
      return d;
    }
    function render(page) {
      state.pages = page.pages;
      list.textContent = '';
      if (!page.samples.length) { list.appendChild(el('p', 'empty', 'no samples match')); }
      page.samples.forEach(function (s) {
        var a = el('article', 'sample outcome-' + s.outcome);
        var head = el('div', 'head');
        head.appendChild(el('strong', null, '#' + s.taskId + ' attempt ' + s.attempt + ' '));
        head.appendChild(el('span', 'verdict verdict-' + (s.outcome === 'correct' ? 'consistent' : 'refuted'), s.outcome === 'correct' ? '✓ correct' : s.outcome === 'wrong' ? '✗ wrong' : '! error'));
        head.appendChild(document.createTextNode(' · extracted ' + (s.extracted || '—') + ' · expected ' + (s.expected || '—')
          + ' · ' + s.outputTokens + ' tokens' + (s.reasoningTokens ? ' (' + s.reasoningTokens + ' reasoning)' : '')
          + (s.e2eMs !== null ? ' · ' + (s.e2eMs / 1000).toFixed(2) + ' s' : '')
          + (s.ttftMs !== null ? ' · TTFT ' + Math.round(s.ttftMs) + ' ms' : '')
          + (s.finishReason ? ' · ' + s.finishReason : '')));
        a.appendChild(head);
        if (s.error) { a.appendChild(el('p', 'warn', s.error)); }
        a.appendChild(details('prompt', s.prompt || ('not stored; sha256 ' + s.promptSha256), false));
        if (s.reasoning) { a.appendChild(details('reasoning (' + s.reasoningTokens + ' tokens)', s.reasoning, false)); }
        a.appendChild(details('answer', s.answer, false));
        if (s.detail) { a.appendChild(el('p', 'ci', 'grading: ' + s.detail)); }
        list.appendChild(a);
      });
      pos.textContent = 'page ' + page.page + ' of ' + page.pages + ' · ' + page.total + ' samples';
      $('#sample-prev').disabled = page.page <= 1;
      $('#sample-next').disabled = page.page >= page.pages;
    }
    function load() {
      fetch(url(), { headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
        .then(render)
        .catch(function (e) { list.textContent = ''; list.appendChild(el('p', 'warn', 'cannot load samples: ' + e.message)); });
    }
    $('#sample-prev').addEventListener('click', function () { if (state.page > 1) { state.page--; load(); } });
    $('#sample-next').addEventListener('click', function () { if (state.page < state.pages) { state.page++; load(); } });
    $('#sample-verdict').addEventListener('change', function () { state.page = 1; load(); });
    $('#sample-sort').addEventListener('change', function () { state.page = 1; load(); });
    load();
  }

  function start() {
    initSort();
    initFilters();
    initTabs();
    drawCharts();
    initSamples();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
