// claimcheck site script: progressive enhancement only. Pages work without it except the charts
// and the sample browser. Untrusted text is only ever set with textContent, never as HTML.
(function () {
  'use strict';

  // Every text the script shows comes from the page's language bundle: a page whose script shows texts renders the
  // bundle's js.* keys as JSON on this script's element (data-text); a key it lacks shows as its marker, never blank.
  var TEXT = (function () {
    var node = document.querySelector('script[data-text]');
    try { return node ? JSON.parse(node.getAttribute('data-text')) : {}; } catch (e) { return {}; }
  }());
  function tx(key) {
    var s = Object.prototype.hasOwnProperty.call(TEXT, key) ? TEXT[key] : '\u27e6missing:js.' + key + '\u27e7';
    for (var i = 1; i < arguments.length; i++) { s = s.split('{' + (i - 1) + '}').join(String(arguments[i])); }
    return s;
  }

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
    showTab = show;
    // A link to another section (the family line's "#w-bfcl") opens its tab.
    window.addEventListener('hashchange', function () {
      var id = location.hash.slice(1);
      if (tabs.some(function (t) { return t.getAttribute('data-tab') === id; })) { show(id); }
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

  // --- filters: state in the URL query --------------------------------------------------------
  // On the server the form is a plain GET form (the server filters): the script only submits on change and leaves
  // empty fields out of the URL. In the static export (data-client) there is no server: the script shows the form,
  // reads the query and filters the page's rows itself.
  var showTab = null;
  function initFilters() {
    var form = $('form.filters');
    if (!form) { return; }
    function tidy() { $$('input, select', form).forEach(function (c) { c.disabled = !c.value || (c.type === 'checkbox' && !c.checked); }); }
    if (!form.hasAttribute('data-client')) {
      $$('select, input[type=checkbox], input[type=date]', form).forEach(function (c) {
        c.addEventListener('change', function () { tidy(); form.submit(); });
      });
      form.addEventListener('submit', tidy);
      return;
    }
    form.hidden = false;
    var q = new URLSearchParams(location.search);
    $$('input, select', form).forEach(function (c) {
      var v = q.get(c.name);
      if (c.type === 'checkbox') { c.checked = v === c.value; } else if (v !== null) { c.value = v; }
    });
    function val(name) {
      var c = form.elements[name];
      if (!c) { return ''; }
      return c.type === 'checkbox' ? (c.checked ? c.value : '') : c.value.trim();
    }
    function apply() {
      var model = val('model').toLowerCase(), lane = val('lane'), runs = val('runs'), trust = val('trust');
      var hw = val('hardware'), since = val('since'), workload = val('workload');
      $$('table.board-table tbody tr').forEach(function (tr) {
        var ok = (!model || (tr.getAttribute('data-model') || '').indexOf(model) >= 0)
          && (!lane || tr.getAttribute('data-lane') === lane) && (!runs || tr.getAttribute('data-runs') === runs)
          && (!trust || tr.getAttribute('data-trust') === trust) && (!hw || tr.getAttribute('data-hw') === hw)
          && (!since || (tr.getAttribute('data-date') || '') >= since);
        tr.classList.toggle('filtered', !ok);
      });
      $$('.lane').forEach(function (l) { l.hidden = !!lane && !l.classList.contains('lane-' + lane); });
      $$('.board').forEach(function (b) {
        b.hidden = !$$('table.board-table tbody tr', b).some(function (tr) { return !tr.classList.contains('filtered'); })
          && $$('table.board-table', b).length > 0;
      });
      $$('.tab[data-tab]').forEach(function (t) { t.hidden = !!workload && t.getAttribute('data-tab') !== 'w-' + workload; });
      if (workload && showTab) { showTab('w-' + workload); }
      var params = new URLSearchParams();
      $$('input, select', form).forEach(function (c) { var v = val(c.name); if (v) { params.set(c.name, v); } });
      var search = params.toString();
      history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); apply(); });
    form.addEventListener('change', apply);
    form.addEventListener('input', apply);
    apply();
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
          box.appendChild(el('p', 'warn', tx('chart.cannotLoad', e.message)));
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
        name: tx('lane.' + s.lane), type: 'scatter', symbol: s.lane === 'instant' ? 'circle' : 'diamond', symbolSize: 10,
        itemStyle: { color: colour },
        data: s.points.map(function (p) { return { value: [p.x, p.y * 100], name: p.simulated ? tx('chart.sim', p.model) : p.model, href: runHref.replace('{runId}', encodeURIComponent(p.runId)) }; })
      });
      series.push({
        name: tx('chart.ci', tx('lane.' + s.lane)), type: 'custom', silent: true, itemStyle: { color: colour },
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
      name: tx('chart.frontier'), type: 'line', step: 'end', symbol: 'none', lineStyle: { color: '#57606a', type: 'dashed' },
      data: data.frontier.map(function (f) { return [Math.max(f.x, 1), f.y * 100]; })
    });
    var chart = window.echarts.init(holder, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 32, bottom: 48 },
      legend: { top: 0 },
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesType === 'scatter' ? escapeHtml(p.name) + '<br>' + escapeHtml(tx('chart.point', Math.round(p.value[0]), p.value[1].toFixed(1))) : ''; } },
      xAxis: { type: 'log', name: tx('chart.x'), nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: tx('chart.y'), min: 0, max: 100 },
      series: series
    });
    chart.on('click', function (p) { if (p.data && p.data.href) { location.href = p.data.href; } });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  // --- sample browser: the run's short index, filtered, searched, sorted and paged here -------------
  // An attempt's texts are not in the index: opening one fetches the attempt's own page (its permalink) and
  // shows the parts of it the page marks by id. DOMParser documents are inert (no script runs, nothing loads).
  var PAGE = 20;
  function initSamples() {
    var box = $('#samples[data-index]');
    if (!box) { return; }
    var controls = $('.sample-controls', box);
    var list = $('#sample-list'), pos = $('#sample-pos');
    var state = { page: 1, all: [] };
    function href(s) { return box.getAttribute('data-sample-href').replace('{path}', s.path); }
    function selected() {
      var verdict = $('#sample-verdict').value, task = $('#sample-task').value.trim().toLowerCase();
      var out = state.all.filter(function (s) {
        return (verdict === 'all' || s.outcome === verdict) && (!task || s.taskId.toLowerCase().indexOf(task) >= 0);
      });
      if ($('#sample-sort').value === 'tokens') {
        out.sort(function (a, b) { return b.outputTokens - a.outputTokens || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : a.attempt - b.attempt); });
      }
      return out;
    }
    function part(doc, id, label) {
      var node = doc.getElementById(id);
      if (!node) { return null; }
      var pre = node.tagName === 'PRE' ? node : $('pre', node);
      var d = el('details');
      d.appendChild(el('summary', null, label || ($('summary', node) || node).textContent));
      d.appendChild(el('pre', null, pre ? pre.textContent : node.textContent));
      return d;
    }
    function fill(target, url) {
      target.appendChild(el('p', 'ci', tx('loading')));
      fetch(url, { headers: { Accept: 'text/html' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          target.textContent = '';
          var grading = doc.getElementById('grading');
          if (grading) { var g = el('div', 'grading'); g.appendChild(el('p', 'ci', $('dl', grading).textContent.replace(/\s+/g, ' ').trim())); target.appendChild(g); }
          var answer = part(doc, 'answer', tx('answer'));
          if (answer) { answer.open = true; target.appendChild(answer); }
          ['reasoning', 'transcript', 'prompt'].forEach(function (id) { var d = part(doc, id); if (d) { target.appendChild(d); } });
        })
        .catch(function (e) { target.textContent = ''; target.appendChild(el('p', 'warn', tx('cannotOpen', e.message))); });
    }
    function render() {
      var rows = selected();
      var pages = Math.max(1, Math.ceil(rows.length / PAGE));
      state.page = Math.min(Math.max(state.page, 1), pages);
      list.textContent = '';
      if (!rows.length) { list.appendChild(el('p', 'empty', tx('none'))); }
      rows.slice((state.page - 1) * PAGE, state.page * PAGE).forEach(function (s) {
        var a = el('article', 'sample outcome-' + s.outcome);
        var head = el('div', 'head');
        var link = el('a', null, tx('attempt', s.taskId, s.attempt));
        link.href = href(s);
        link.title = tx('open');
        head.appendChild(link);
        head.appendChild(document.createTextNode(' '));
        head.appendChild(el('span', 'verdict verdict-' + (s.outcome === 'correct' ? 'consistent' : 'refuted'), tx('outcome.' + s.outcome)));
        head.appendChild(document.createTextNode(' · ' + tx('extracted', s.extracted || '—') + ' · ' + tx('expected', s.expected || '—')
          + ' · ' + tx('tokens', s.outputTokens) + (s.reasoningTokens ? ' ' + tx('reasoning', s.reasoningTokens) : '')
          + (s.e2eMs !== null ? ' · ' + tx('seconds', (s.e2eMs / 1000).toFixed(2)) : '')
          + (s.ttftMs !== null ? ' · ' + tx('ttft', Math.round(s.ttftMs)) : '')
          + (s.finishReason ? ' · ' + s.finishReason : '')));
        a.appendChild(head);
        if (s.error) { a.appendChild(el('p', 'warn', s.error)); }
        var more = el('details', 'more');
        more.appendChild(el('summary', null, tx('more')));
        var body = el('div', 'more-body');
        more.appendChild(body);
        more.addEventListener('toggle', function () { if (more.open && !body.childElementCount) { fill(body, href(s)); } });
        a.appendChild(more);
        list.appendChild(a);
      });
      pos.textContent = tx('page', state.page, pages, rows.length);
      $('#sample-prev').disabled = state.page <= 1;
      $('#sample-next').disabled = state.page >= pages;
    }
    fetch(box.getAttribute('data-index'), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (index) { state.all = index.samples; controls.hidden = false; render(); })
      .catch(function (e) { list.textContent = ''; list.appendChild(el('p', 'warn', tx('cannotLoad', e.message))); });
    $('#sample-prev').addEventListener('click', function () { state.page--; render(); });
    $('#sample-next').addEventListener('click', function () { state.page++; render(); });
    $('#sample-verdict').addEventListener('change', function () { state.page = 1; render(); });
    $('#sample-sort').addEventListener('change', function () { state.page = 1; render(); });
    $('#sample-task').addEventListener('input', function () { state.page = 1; render(); });
  }

  // --- proof pages: KaTeX (from its webjar) typesets each span.math, given the TeX as text -----------------
  // trust: false refuses \href, \url, \includegraphics and the like; errors show in red instead of throwing.
  function renderMath() {
    if (typeof window.katex === 'undefined') { return; }
    $$('span.math').forEach(function (m) {
      try {
        window.katex.render(m.textContent, m, { displayMode: m.classList.contains('math-display'), throwOnError: false,
          trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 50 });
      } catch (e) { /* left as TeX */ }
    });
  }

  function start() {
    renderMath();
    initSort();
    initTabs();
    initFilters();
    drawCharts();
    initSamples();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
