/**
 * The admin page's "Models this key can reach" card: a function inlined into the page's script (admin-script.ts),
 * where `state`, `el`, `when` and `$` are in scope. It shows `GET /admin/api/models`: each configured model,
 * whether it is offered, and why not ("not in this key's model list"), or that the check itself failed.
 */
export const RENDER_REACH = String.raw`
  function renderReach() {
    var m = state.models, cell = function (text) { return el('td', { text: text }); };
    $('models-check').textContent = m.error ? 'The check failed (' + m.error + '), so every configured model is still offered.'
      : m.checkedAt ? 'Checked ' + when(m.checkedAt) + '; checked again every hour.' : 'Not checked yet.';
    $('reach').replaceChildren(el('table', null, el('thead', null, el('tr', null, ...['Model', 'Id', 'Lifecycle', 'Offered'].map(function (t) {
      return el('th', { text: t }); }))), el('tbody', null, ...m.models.map(function (x) {
      return el('tr', { 'data-model': x.id }, cell(x.label), cell(x.id), cell(x.status), cell(x.available ? 'yes' : 'no: ' + x.reason)); }))));
  }
`;
