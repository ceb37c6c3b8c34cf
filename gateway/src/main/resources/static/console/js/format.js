// Amounts and quantities as an Indian shop writes them: ₹1,23,456.00 (lakh grouping), dates in the shop's zone.
const moneyFormat = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const numberFormat = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 3 });
const plainFormat = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const blank = (value) => value === null || value === undefined || value === '';

/** A decimal (the API sends them as strings) in the given format; empty for none, as it came when not a number. */
function decimal(format, value) {
  if (blank(value)) return '';
  const n = Number(value);
  return Number.isFinite(n) ? format.format(n) : String(value);
}

/** "1234567.5" → "₹12,34,567.50"; empty for null. The API sends decimals as strings; they are shown, never summed here. */
export function money(value) {
  return decimal(moneyFormat, value);
}

/** "1234567.5" → "12,34,567.50" (for tables whose header already says ₹). */
export function amount(value) {
  return decimal(plainFormat, value);
}

export function qty(value) {
  return decimal(numberFormat, value);
}

export function pct(value) {
  if (blank(value)) return '';
  return `${qty(value)} %`;
}

let zone = 'Asia/Kolkata';
export function setTimeZone(z) { if (z) zone = z; }

export function date(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-IN', { timeZone: 'UTC', day: '2-digit', month: 'short', year: 'numeric' });
  }
  return new Date(iso).toLocaleDateString('en-IN', { timeZone: zone, day: '2-digit', month: 'short', year: 'numeric' });
}

export function dateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('en-IN', { timeZone: zone, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Today in the shop's zone as yyyy-mm-dd. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Adds days to a yyyy-mm-dd date. */
export function addDays(isoDate, days) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}
