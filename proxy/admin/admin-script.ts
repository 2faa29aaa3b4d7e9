/**
 * The admin page's script (plain ES2020, inlined; allowed by its hash in the page's CSP). It talks only to
 * `/admin/api/*` with the admin token from sessionStorage, and builds every element with `textContent`, so a
 * token name can never inject markup.
 */
import { RENDER_COST } from './admin-cost-script.js';
import { RENDER_REACH } from './admin-models-script.js';

export const ADMIN_SCRIPT = String.raw`
'use strict';
(function () {
  var KEY = 'banana-admin-token';
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#e0a400', '#2f6fde', '#12a37a', '#d9480f', '#7c4dcc', '#d6336c', '#0b7285', '#8a7f72'];
  var state = { token: sessionStorage.getItem(KEY), report: null, tokens: [], models: null, group: 'person' };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) Object.keys(props).forEach(function (k) {
      if (k === 'text') node.textContent = props[k];
      else if (k === 'class') node.className = props[k];
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), props[k]);
      else node.setAttribute(k, props[k]);
    });
    for (var i = 2; i < arguments.length; i++) if (arguments[i] != null) node.append(arguments[i]);
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }
  function usd(x) {
    if (x > 0 && x < 0.01) return '$' + Number(x.toPrecision(2));
    return '$' + x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function count(n) { return n.toLocaleString('en-US'); }
  function mb(bytes) { return (bytes / 1048576).toFixed(bytes < 10485760 ? 1 : 0) + ' MB'; }
  function when(iso) {
    if (!iso) return 'never';
    var d = new Date(iso);
    return d.toISOString().slice(0, 10) + ' ' + d.toISOString().slice(11, 16) + ' UTC';
  }
  function shortDay(day) {
    var d = new Date(day + 'T00:00:00Z');
    return d.toLocaleString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  }
  function status(text, bad) {
    var s = $('status');
    s.textContent = text || '';
    s.className = 'status' + (bad ? ' bad' : '');
  }

  function ApiError(message, status) { this.message = message; this.status = status; }
  async function api(path, init) {
    init = init || {};
    var headers = { Authorization: 'Bearer ' + state.token };
    if (init.body) headers['Content-Type'] = 'application/json';
    var res;
    try {
      res = await fetch('/admin/api' + path, { method: init.method || 'GET', headers: headers, body: init.body });
    } catch (e) {
      throw new ApiError('Could not reach the proxy. Is it still running?', 0);
    }
    var body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      var message = body && body.error ? body.error.message : 'The proxy answered HTTP ' + res.status + '.';
      if (res.status === 401 || res.status === 403) signOut(message);
      throw new ApiError(message, res.status);
    }
    return body;
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    state.token = null;
    $('app').hidden = true;
    $('refresh').hidden = true;
    $('sign-out').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('admin-token').value = '';
    $('admin-token').focus();
  }

  async function load() {
    if (!state.token) { signOut(''); return; }
    var results;
    try {
      results = await Promise.all([api('/usage?days=30'), api('/tokens'), api('/models')]);
    } catch (e) {
      if (e.status !== 401 && e.status !== 403) status(e.message, true);
      return;
    }
    state.report = results[0];
    state.tokens = results[1].tokens;
    state.models = results[2];
    $('login').hidden = true;
    $('app').hidden = false;
    $('refresh').hidden = false;
    $('sign-out').hidden = false;
    $('generated').textContent = 'Updated ' + when(state.report.generatedAt);
    render();
  }

  function render() {
    renderCards();
    renderChart();
    renderTable($('people'), state.report.byPerson, 'name', 'Person');
    renderTable($('models'), state.report.byModel, 'model', 'Model');
    renderTokens();
    renderCache();
    renderReach();
    renderCost();
  }

  function stat(label, value, note) {
    return el('div', { class: 'stat' }, el('div', { class: 'label', text: label }), el('div', { class: 'value', text: value }),
      el('div', { class: 'note', text: note || '' }));
  }
  function renderCards() {
    var r = state.report, t = r.totals, cards = $('cards');
    cards.replaceChildren(
      stat('Cost, 30 days', usd(t.costUsd), count(t.requests) + ' requests'),
      stat('Images made', count(t.images), t.errors ? count(t.errors) + ' failed or refused' : 'none failed'),
      stat('Cache hit rate', Math.round(r.cache.hitRate * 100) + '%', count(r.cache.hits) + ' answered from cache'),
      stat('Saved by cache', usd(r.cache.savedUsd), 'not sent to Gemini'),
      stat('Active tokens', count(state.tokens.length), state.tokens.filter(function (x) { return x.kind === 'dev'; }).length ? 'including dev' : '')
    );
  }

  function series() {
    var r = state.report;
    var lines = state.group === 'person'
      ? r.byPerson.map(function (p) { return { label: p.name, values: p.costByDay, total: p.costUsd }; })
      : r.byModel.map(function (m) { return { label: m.model, values: m.costByDay, total: m.costUsd }; });
    lines = lines.filter(function (l) { return l.total > 0; });
    if (lines.length > COLORS.length) {
      var rest = lines.slice(COLORS.length - 1);
      lines = lines.slice(0, COLORS.length - 1);
      lines.push({ label: 'Others (' + rest.length + ')', total: 0, values: r.days.map(function (_, i) {
        return rest.reduce(function (s, l) { return s + l.values[i]; }, 0);
      }) });
    }
    return lines.map(function (l, i) { l.color = COLORS[i]; return l; });
  }
  function niceMax(x) {
    if (x <= 0) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(x)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * p >= x) return steps[i] * p;
    return 10 * p;
  }
  function renderChart() {
    var r = state.report, lines = series(), days = r.days;
    $('chart-range').textContent = shortDay(days[0]) + ' – ' + shortDay(days[days.length - 1]) + ' (UTC)';
    var W = 1100, H = 280, L = 58, R = 10, T = 12, B = 30, pw = W - L - R, ph = H - T - B;
    var totals = days.map(function (_, i) { return lines.reduce(function (s, l) { return s + l.values[i]; }, 0); });
    var max = niceMax(Math.max.apply(null, totals.concat([0])));
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Cost per day, stacked by ' + state.group });
    for (var g = 0; g <= 4; g++) {
      var y = T + ph - (ph * g) / 4;
      root.append(svg('line', { x1: L, x2: W - R, y1: y, y2: y, class: 'grid' }));
      root.append(svg('text', { x: L - 8, y: y + 4, 'text-anchor': 'end', class: 'axis' }, usd((max * g) / 4)));
    }
    var slot = pw / days.length, bw = Math.max(3, slot * 0.68);
    days.forEach(function (day, i) {
      var x = L + i * slot + (slot - bw) / 2, base = T + ph;
      lines.forEach(function (l) {
        var v = l.values[i];
        if (v <= 0) return;
        var h = Math.max(1, (v / max) * ph);
        base -= h;
        var rect = svg('rect', { x: x.toFixed(1), y: base.toFixed(1), width: bw.toFixed(1), height: h.toFixed(1), fill: l.color, rx: 2 });
        rect.append(svg('title', {}, l.label + ', ' + shortDay(day) + ': ' + usd(v)));
        root.append(rect);
      });
      if (i % 5 === 0 || i === days.length - 1) {
        root.append(svg('text', { x: (L + i * slot + slot / 2).toFixed(1), y: H - 10, 'text-anchor': 'middle', class: 'axis' }, shortDay(day)));
      }
    });
    if (lines.length === 0) {
      root.append(svg('text', { x: L + pw / 2, y: T + ph / 2, 'text-anchor': 'middle', class: 'axis' }, 'No spending in the last 30 days'));
    }
    $('chart').replaceChildren(root);
    $('legend').replaceChildren.apply($('legend'), lines.map(function (l) {
      var swatch = el('i');
      swatch.style.background = l.color;
      return el('span', null, swatch, l.label + ' · ' + usd(l.values.reduce(function (s, v) { return s + v; }, 0)));
    }));
  }

  function renderTable(container, rows, key, title) {
    if (!rows.length) { container.replaceChildren(el('p', { class: 'empty', text: 'No requests in the last 30 days.' })); return; }
    var head = el('tr', null, el('th', { text: title }), el('th', { class: 'num', text: 'Requests' }), el('th', { class: 'num', text: 'Images' }),
      el('th', { class: 'num', text: 'Cached' }), el('th', { class: 'num', text: 'Failed' }), el('th', { class: 'num', text: 'Cost' }),
      el('th', { class: 'num', text: 'Saved' }));
    var body = rows.map(function (r) {
      return el('tr', null, el('td', { text: r[key] }), el('td', { class: 'num', text: count(r.requests) }), el('td', { class: 'num', text: count(r.images) }),
        el('td', { class: 'num', text: count(r.cachedImages) }), el('td', { class: 'num', text: count(r.errors) }), el('td', { class: 'num', text: usd(r.costUsd) }),
        el('td', { class: 'num', text: usd(r.savedUsd) }));
    });
    container.replaceChildren(el('table', null, el('thead', null, head), el('tbody', null, ...body)));
  }

  function limitInput(value, step, min, label) {
    return el('input', { type: 'number', min: String(min), step: step, placeholder: 'no limit', 'aria-label': label, value: value == null ? '' : String(value) });
  }
  function numberOrNull(input) { return input.value.trim() === '' ? null : Number(input.value); }

  function renderTokens() {
    var rows = state.tokens.map(function (t) {
      var daily = limitInput(t.limits.dailyImages, '1', 0, 'Images per day for ' + t.name);
      var monthly = limitInput(t.limits.monthlyUsd, '0.01', 0, 'Dollars per month for ' + t.name);
      var rpm = limitInput(t.limits.rpm, '1', 1, 'Requests per minute for ' + t.name);
      var save = el('button', { type: 'button', class: 'ghost small', text: 'Save limits', onclick: async function () {
        try {
          await api('/tokens/' + encodeURIComponent(t.id), { method: 'PATCH', body: JSON.stringify({ dailyImages: numberOrNull(daily), monthlyUsd: numberOrNull(monthly), rpm: numberOrNull(rpm) }) });
          status('Limits saved for ' + t.name + '.');
          await load();
        } catch (e) { status(e.message, true); }
      } });
      var armed = null;
      var revoke = el('button', { type: 'button', class: 'danger small', text: 'Revoke', onclick: async function () {
        if (!armed) {
          revoke.textContent = 'Confirm revoke';
          revoke.classList.add('armed');
          armed = setTimeout(function () { armed = null; revoke.textContent = 'Revoke'; revoke.classList.remove('armed'); }, 4000);
          return;
        }
        clearTimeout(armed);
        try {
          await api('/tokens/' + encodeURIComponent(t.id) + '/revoke', { method: 'POST' });
          status(t.name + "'s token is revoked; it stopped working at once.");
          await load();
        } catch (e) { status(e.message, true); }
      } });
      var name = el('td', null, t.name, t.kind === 'dev' ? el('span', { class: 'tag', text: 'dev' }) : null);
      return el('tr', { 'data-token': t.name }, name, el('td', null, el('code', { text: t.id })), el('td', { class: 'muted', text: when(t.lastUsedAt) }),
        el('td', null, daily), el('td', null, monthly), el('td', null, rpm), el('td', null, el('div', { class: 'actions' }, save, revoke)));
    });
    if (!rows.length) { $('tokens').replaceChildren(el('p', { class: 'empty', text: 'No tokens yet. Create one for each designer above.' })); return; }
    var head = el('tr', null, el('th', { text: 'Name' }), el('th', { text: 'Id' }), el('th', { text: 'Last used' }), el('th', { text: 'Images / day' }),
      el('th', { text: '$ / month' }), el('th', { text: 'Requests / min' }), el('th'));
    $('tokens').replaceChildren(el('table', null, el('thead', null, head), el('tbody', null, ...rows)));
  }

  function renderCache() {
    var c = state.report.cache;
    var meter = el('meter', { min: '0', max: String(Math.max(1, c.capBytes)), value: String(c.bytes), 'aria-label': 'Cache size' });
    var rows = [
      ['Hit rate (30 days)', Math.round(c.hitRate * 100) + '% (' + count(c.hits) + ' hits)'],
      ['Saved (30 days)', usd(c.savedUsd)],
      ['Entries', count(c.entries)],
      ['Size', mb(c.bytes) + ' of ' + mb(c.capBytes), meter],
    ];
    $('cache').replaceChildren(el('table', null, el('tbody', null, ...rows.map(function (r) {
      return el('tr', null, el('th', { text: r[0] }), el('td', { class: 'num' }, r[1], r[2] || null));
    }))));
  }

${RENDER_REACH}${RENDER_COST}
  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    state.token = $('admin-token').value.trim();
    sessionStorage.setItem(KEY, state.token);
    $('login-error').textContent = '';
    load();
  });
  $('sign-out').addEventListener('click', function () { signOut(''); });
  $('refresh').addEventListener('click', function () { status(''); load(); });
  $('by-person').addEventListener('click', function () { state.group = 'person'; $('by-person').setAttribute('aria-pressed', 'true'); $('by-model').setAttribute('aria-pressed', 'false'); renderChart(); });
  $('by-model').addEventListener('click', function () { state.group = 'model'; $('by-model').setAttribute('aria-pressed', 'true'); $('by-person').setAttribute('aria-pressed', 'false'); renderChart(); });
  $('create-form').addEventListener('submit', async function (e) {
    e.preventDefault();
    var body = { name: $('new-name').value.trim() };
    var daily = numberOrNull($('new-daily')), monthly = numberOrNull($('new-monthly')), rpm = numberOrNull($('new-rpm'));
    if (daily !== null) body.dailyImages = daily;
    if (monthly !== null) body.monthlyUsd = monthly;
    if (rpm !== null) body.rpm = rpm;
    try {
      var created = await api('/tokens', { method: 'POST', body: JSON.stringify(body) });
      $('new-token-name').textContent = created.name;
      $('new-token-value').textContent = created.token;
      $('new-token').hidden = false;
      $('create-form').reset();
      status('Token created for ' + created.name + '.');
      await load();
    } catch (err) { status(err.message, true); }
  });
  $('copy-token').addEventListener('click', function () {
    navigator.clipboard.writeText($('new-token-value').textContent).then(function () { status('Copied.'); }, function () { status('Select the token and copy it by hand.', true); });
  });

  load();
})();
`;
