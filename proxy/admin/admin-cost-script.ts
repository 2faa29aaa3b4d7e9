/**
 * The admin page's cost view: a function inlined into the page's script (admin-script.ts), where `state`, `el`,
 * `usd`, `shortDay` and `$` are in scope. From `GET /admin/api/usage` it shows the month's projection with its method
 * spelled out, and the last 7 days' cost per day by person, by model and in all, each with its batch share (requests
 * sent in Batch API jobs, at the batch rate) and what the cache saved. Names are inserted as text (`el` sets
 * `textContent`), never as HTML.
 */
export const RENDER_COST = String.raw`
  var MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }
  function share(part, whole) { return whole > 0 ? Math.round((part / whole) * 100) + '%' : '–'; }
  function lastWeek(list) { return list.slice(-7); }
  // The method's figures to a tenth of a cent, so a reader can redo the sum.
  function fine(x) { return x < 10 ? '$' + x.toFixed(3) : usd(x); }

  function renderProjection(p, days) {
    var parts = p.month.split('-');
    var name = MONTH_NAMES[Number(parts[1]) - 1] + ' ' + parts[0];
    var from = days[days.length - 8], to = days[days.length - 2];
    $('projection').replaceChildren(el('span', { class: 'label', text: 'Projected for ' + name }),
      el('strong', { class: 'value', text: usd(p.projectedUsd) }));
    $('projection-method').textContent = 'Month to date ' + fine(p.monthToDateUsd) + ' (' + fine(p.monthToDateBatchUsd) +
      ' of it at the batch rate; the cache saved ' + fine(p.monthToDateSavedUsd) + ') + ' + fine(p.dailyAverageUsd) +
      ' a day (the average of the last 7 full days' + (from && to ? ', ' + shortDay(from) + ' to ' + shortDay(to) : '') +
      ') × ' + p.daysLeft + (p.daysLeft === 1 ? ' day' : ' days') + ' left after today. Days are UTC; prices as Google bills them.';
  }

  function costTable(rows, label, days) {
    if (!rows.length) return el('p', { class: 'empty', text: 'No requests in the last 7 days.' });
    var week = lastWeek(days);
    var head = el('tr', null, el('th', { text: label }), ...week.map(function (d) { return el('th', { class: 'num', text: shortDay(d) }); }),
      el('th', { class: 'num', text: '7 days' }), el('th', { class: 'num', text: 'Batch share' }), el('th', { class: 'num', text: 'Saved by cache' }));
    var body = rows.map(function (r) {
      var cost = sum(lastWeek(r.line.costByDay));
      return el('tr', { 'data-row': r.name }, el('td', { text: r.name }),
        ...lastWeek(r.line.costByDay).map(function (c) { return el('td', { class: 'num', text: c ? usd(c) : '–' }); }),
        el('td', { class: 'num', text: usd(cost) }), el('td', { class: 'num', text: share(sum(lastWeek(r.line.batchCostByDay)), cost) }),
        el('td', { class: 'num', text: usd(sum(lastWeek(r.line.savedByDay))) }));
    });
    return el('table', null, el('thead', null, head), el('tbody', null, ...body));
  }

  function dayTable(t, days) {
    var head = el('tr', null, ...['Day', 'Cost', 'At the batch rate', 'Batch share', 'Saved by cache'].map(function (x, i) {
      return el('th', { class: i ? 'num' : '', text: x }); }));
    var rows = [];
    for (var i = days.length - 1; i >= Math.max(0, days.length - 7); i--) {
      rows.push(el('tr', { 'data-day': days[i] }, el('td', { text: shortDay(days[i]) }), el('td', { class: 'num', text: usd(t.costByDay[i]) }),
        el('td', { class: 'num', text: usd(t.batchCostByDay[i]) }), el('td', { class: 'num', text: share(t.batchCostByDay[i], t.costByDay[i]) }),
        el('td', { class: 'num', text: usd(t.savedByDay[i]) })));
    }
    return el('table', null, el('thead', null, head), el('tbody', null, ...rows));
  }

  function renderCost() {
    var r = state.report, active = function (line) { return sum(lastWeek(line.costByDay)) > 0 || sum(lastWeek(line.savedByDay)) > 0; };
    renderProjection(r.projection, r.days);
    $('cost-people').replaceChildren(costTable(r.byPerson.filter(active).map(function (p) { return { name: p.name, line: p }; }), 'Person', r.days));
    $('cost-models').replaceChildren(costTable(r.byModel.filter(active).map(function (m) { return { name: m.model, line: m }; }), 'Model', r.days));
    $('cost-days').replaceChildren(dayTable(r.totals, r.days));
  }
`;
