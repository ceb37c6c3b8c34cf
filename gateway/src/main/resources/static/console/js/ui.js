// Small DOM helpers: no framework, no inline scripts or styles (the Content-Security-Policy forbids both).
import { t } from './i18n.js';
import { ApiError, OfflineError } from './api.js';
import * as fmt from './format.js';

/**
 * h('button', {class: 'primary', onclick: fn, id: 'pay'}, 'Pay', child, [more]) → an element.
 * Props starting with "on" are listeners; "dataset" is an object; true/false set or drop boolean attributes;
 * anything else is an attribute. Children may be strings, numbers, nodes, arrays, null or false.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k === 'value' && 'value' in el) el.value = v;
      else if (k === 'checked' || k === 'selected' || k === 'disabled') { el[k] = !!v; if (v) el.setAttribute(k, ''); }
      else el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the content of root. */
export function mount(root, ...children) {
  root.replaceChildren();
  append(root, children);
  return root;
}

let fieldSeq = 0;
/**
 * A labelled input: field(t('x'), {name: 'price', type: 'text', inputmode: 'decimal', required: true}).
 * The input gets id = props.id or "f-<name>" so a label, a test and a screen reader find it.
 * {as: 'select', options: [[value, label], ...]} or {as: 'textarea'} for other controls; {hint} adds help text.
 */
export function field(label, props = {}) {
  const { as = 'input', options, hint, ...rest } = props;
  const id = rest.id || (rest.name ? `f-${rest.name}` : `f-${++fieldSeq}`);
  let control;
  if (as === 'select') {
    control = h('select', { ...rest, id }, (options || []).map(([value, text]) =>
      h('option', { value, selected: String(rest.value ?? '') === String(value) }, text)));
  } else {
    control = h(as, { ...rest, id });
  }
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint && h('small', { id: hintId }, hint));
}

/** Reads a form's named controls into an object (checkboxes as booleans, empty strings dropped). */
export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.type === 'file') out[el.name] = el.files?.[0];
    else if (el.value !== '') out[el.name] = el.value.trim();
  }
  return out;
}

/** What a person should read for an error: the problem's detail and each field error. */
export function problemText(err) {
  if (err instanceof OfflineError) return t('app.offline');
  if (err instanceof ApiError) {
    const p = err.problem || {};
    const parts = [p.detail || p.title || `HTTP ${err.status}`];
    const fieldErrors = p.errors || p.fieldErrors || p.violations;
    if (Array.isArray(fieldErrors)) {
      for (const e of fieldErrors) {
        const text = e.field ? `${e.field}: ${e.message ?? e.detail ?? ''}` : (e.message ?? JSON.stringify(e));
        // a detail that already names the field error is not repeated
        if (!parts[0].includes(text)) parts.push(text);
      }
    }
    return parts.join(' — ');
  }
  return err?.message || String(err);
}

/** A message at the foot of the screen; kind: 'ok' | 'error' | 'info'. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const el = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  box.append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 4000);
}

/** An inline error box (role=alert) for a form or a page: an error, or a message of the page's own. */
export function errorBox(err) {
  return h('div', { class: 'error', role: 'alert' }, problemText(err));
}

/** Disables a button while the promise runs; shows errors in a toast unless handled. Returns the promise's value. */
export async function busy(button, work) {
  if (button) button.disabled = true;
  try {
    return await work();
  } finally {
    if (button) button.disabled = false;
  }
}

/**
 * Handles a form's submit: clears the error slot, then runs work(values, button) with the form's values and its
 * submit button disabled meanwhile. What work throws is shown in the error slot (in a toast when there is none).
 * work does the request and what follows it (toast, reload); it returns early, after mounting a message of its own
 * in the slot, for a check it makes itself.
 */
export function onSubmit(form, error, work) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (error) mount(error);
    const button = form.querySelector('button[type="submit"]');
    try {
      await busy(button, () => work(formValues(form), button));
    } catch (err) {
      if (error) mount(error, errorBox(err));
      else toast(problemText(err), 'error');
    }
  });
  return form;
}

/** A click handler for a button that does one request: the button is disabled meanwhile, an error goes to a toast. */
export function action(work) {
  return async (e) => {
    const button = e.currentTarget;
    try {
      await busy(button, () => work(button));
    } catch (err) { toast(problemText(err), 'error'); }
  };
}

/**
 * A panel that asks for a reason before a step that cannot be taken back (reverse a payment, void a sale), shown in
 * work: {id, title, titleId?, help?, label, name = 'reason', saveId, saveLabel, cancelId, scroll = true}.
 * send(values) does the request and what follows it; an error stays in the panel.
 */
export function reasonForm(work, { id, title, titleId, help, label, name = 'reason', saveId, saveLabel, cancelId, scroll = true }, send) {
  const error = h('div');
  const form = h('form', { id, class: 'panel', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    help && h('p', { class: 'warn' }, help),
    field(label, { name, required: true, maxlength: '200' }),
    error,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'danger', id: saveId }, saveLabel),
      h('button', { type: 'button', id: cancelId, onclick: () => mount(work) }, t('app.cancel'))));
  onSubmit(form, error, send);
  mount(work, form);
  form.elements[name].focus();
  if (scroll) form.scrollIntoView({ block: 'center' });
  return form;
}

/** Label and value pairs as a definition list; pairs without a value are left out. */
export function pairs(items) {
  return h('dl', { class: 'facts' }, items.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/**
 * The GST columns of an invoice's or a bill's lines, for table(): taxable value, the rate when labels.rate is given,
 * CGST, SGST, IGST and the line's total (under totalKey).
 */
export function gstColumns(labels, totalKey = 'lineTotal') {
  return [
    { key: 'taxableValue', label: labels.taxable, kind: 'money' },
    labels.rate && { key: 'gstRate', label: labels.rate, kind: 'qty' },
    { key: 'cgst', label: labels.cgst, kind: 'money' },
    { key: 'sgst', label: labels.sgst, kind: 'money' },
    { key: 'igst', label: labels.igst, kind: 'money' },
    { key: totalKey, label: labels.total, kind: 'money' },
  ].filter(Boolean);
}

/**
 * A table: columns [{key, label, kind: 'money'|'amount'|'qty'|'pct'|'date'|'datetime'|'text', render: row => node}].
 * Numbers are right-aligned. {empty: text, caption, onRow: row => ...} are optional.
 */
export function table(columns, rows, opts = {}) {
  const format = (kind, v) => ({
    money: fmt.money, amount: fmt.amount, qty: fmt.qty, pct: fmt.pct, date: fmt.date, datetime: fmt.dateTime,
  }[kind] || ((x) => (x ?? '')))(v);
  const numeric = (kind) => ['money', 'amount', 'qty', 'pct'].includes(kind);
  if (!rows || rows.length === 0) return h('p', { class: 'empty' }, opts.empty || t('app.none'));
  return h('div', { class: 'table-wrap' }, h('table', { id: opts.id },
    opts.caption && h('caption', null, opts.caption),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: numeric(c.kind) ? 'num' : null }, c.label)))),
    h('tbody', null, rows.map((row) => {
      const tr = h('tr', { class: opts.onRow ? 'clickable' : null, tabindex: opts.onRow ? '0' : null },
        columns.map((c) => h('td', { class: numeric(c.kind) ? 'num' : null, 'data-label': c.label },
          c.render ? c.render(row) : format(c.kind, row[c.key]))));
      if (opts.onRow) {
        tr.addEventListener('click', () => opts.onRow(row));
        tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') opts.onRow(row); });
      }
      return tr;
    }))));
}

/** A page header with a title and optional actions. */
export function pageHeader(title, ...actions) {
  return h('header', { class: 'page-header' }, h('h1', { tabindex: '-1' }, title), h('div', { class: 'actions' }, actions));
}

/** A figure card for a dashboard: label, value, and an optional note. */
export function card(label, value, note, id) {
  return h('section', { class: 'card', id }, h('h2', null, label), h('p', { class: 'figure' }, value), note && h('p', { class: 'note' }, note));
}

/** A modal dialog (native <dialog>); returns {dialog, close}. content is a node or a function(close) → node. */
export function modal(title, content) {
  const dialog = h('dialog', { class: 'modal', 'aria-label': title });
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.append(h('header', null, h('h2', null, title), h('button', { type: 'button', class: 'icon', 'aria-label': t('app.close'), onclick: close }, '×')),
    typeof content === 'function' ? content(close) : content);
  document.body.append(dialog);
  dialog.showModal();
  dialog.addEventListener('cancel', () => dialog.remove());
  return { dialog, close };
}

/** A bar chart in SVG: points [{label, value}], accessible as a table for screen readers. */
export function barChart(points, { height = 160, label = '', format = fmt.money } = {}) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 900;
  const max = Math.max(1, ...points.map((p) => Number(p.value) || 0));
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 20}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const bw = width / Math.max(1, points.length);
  points.forEach((p, i) => {
    const v = Number(p.value) || 0;
    const bh = Math.round((v / max) * height);
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', String(i * bw + 2));
    rect.setAttribute('y', String(height - bh));
    rect.setAttribute('width', String(Math.max(1, bw - 4)));
    rect.setAttribute('height', String(bh));
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${p.label}: ${format(p.value)}`;
    rect.append(title);
    svg.append(rect);
  });
  if (points.length) {
    for (const [i, anchor] of [[0, 'start'], [points.length - 1, 'end']]) {
      const text = document.createElementNS(ns, 'text');
      text.setAttribute('x', String(anchor === 'start' ? 2 : width - 2));
      text.setAttribute('y', String(height + 16));
      text.setAttribute('text-anchor', anchor);
      text.textContent = points[i].label;
      svg.append(text);
    }
  }
  return h('figure', { class: 'chart-box' }, svg, h('figcaption', { class: 'sr-only' }, label));
}
