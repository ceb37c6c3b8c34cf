// The GST rates a form may offer: the catalog's list of the rates in force on a date (the suite has one list, in
// platform/india; the console asks for it rather than keeping a copy that goes stale when the slabs change).
import { api } from './api.js';
import { h } from './ui.js';

const lists = new Map();

/** The rates in force on `date` (YYYY-MM-DD) as strings ("0", "5", "18", "40"), asked once per date. */
export function gstRates(date) {
  if (!lists.has(date)) {
    lists.set(date, api.get('/api/v1/products/tax-rates/in-force', { date })
      .then((r) => r.rates)
      .catch((e) => { lists.delete(date); throw e; }));
  }
  return lists.get(date);
}

/**
 * Fills a <select> with the rates in force on `date`, after `first` options ([value, label] pairs) and keeping a
 * chosen value that is still in force. `label` formats a rate.
 */
export async function fillRates(select, date, { first = [], label = (r) => `${r} %`, extra = [] } = {}) {
  let rates;
  try {
    rates = await gstRates(date);
  } catch {
    return;
  }
  const keep = select.value;
  const values = [...rates, ...extra.filter((x) => x && !rates.some((r) => Number(r) === Number(x)))];
  select.replaceChildren(...first.map(([v, l]) => h('option', { value: v }, l)),
    ...values.map((r) => h('option', { value: r }, label(r))));
  const match = values.find((r) => keep !== '' && Number(r) === Number(keep));
  select.value = match ?? (first.length ? first[0][0] : values[0] ?? '');
}
