// Settings: the shop (name, address, GSTIN, state, time zone …; the owner changes them), the counter's settings
// (invoice series, loyalty, receipt footer, UPI payee), the shop's bank accounts and the locked months of the books.
import { api } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, table, pageHeader, errorBox, busy, toast, onSubmit } from '../ui.js';
import * as fmt from '../format.js';

addStrings({
  en: {
    'settings.title': 'Settings',
    'settings.shop': 'Shop',
    'settings.ownerOnly': 'Only the owner changes these.',
    'settings.name': 'Shop name',
    'settings.address': 'Address',
    'settings.stateCode': 'GST state code (2 digits)',
    'settings.gstin': 'GSTIN',
    'settings.registration': 'GST registration',
    'settings.r.REGULAR': 'Regular',
    'settings.r.COMPOSITION': 'Composition',
    'settings.r.UNREGISTERED': 'Not registered',
    'settings.fyStart': 'Financial year starts in',
    'settings.timeZone': 'Time zone',
    'settings.currency': 'Currency',
    'settings.saveShop': 'Save shop',
    'settings.pos': 'Counter and invoices',
    'settings.invoicePrefix': 'Invoice series prefix',
    'settings.creditNotePrefix': 'Credit note series prefix',
    'settings.prefixHint': '1 to 4 capital letters or digits; a new prefix starts a new series',
    'settings.loyaltyPer100': 'Loyalty points per ₹100',
    'settings.loyaltyValue': 'Value of one point (₹)',
    'settings.receiptAddress': 'Address printed on receipts',
    'settings.receiptFooter': 'Receipt footer',
    'settings.upiVpa': 'UPI address for payment QR codes',
    'settings.upiVpaHint': 'e.g. sharmastore@okhdfcbank; empty: no UPI QR codes',
    'settings.upiPayeeName': 'Payee name shown in UPI apps',
    'settings.document': 'The counter issues: {doc}',
    'settings.doc.TAX_INVOICE': 'Tax invoices',
    'settings.doc.BILL_OF_SUPPLY': 'Bills of supply',
    'settings.notKnown': 'The counter has not heard of the shop\'s GST registration yet; defaults apply.',
    'settings.savePos': 'Save counter settings',
    'settings.banks': 'Bank accounts',
    'settings.b.name': 'Account name',
    'settings.b.bank': 'Bank',
    'settings.b.last4': 'Last 4 digits',
    'settings.b.ifsc': 'IFSC',
    'settings.b.code': 'Ledger',
    'settings.b.balance': 'Balance in the books',
    'settings.b.add': 'Add bank account',
    'settings.b.added': 'Bank account {name} added',
    'settings.locks': 'Locked months',
    'settings.locksHelp': 'A locked month cannot get entries by hand; it is final (there is no unlock). Lock a month once its GST return is filed.',
    'settings.l.month': 'Month',
    'settings.l.by': 'Locked by',
    'settings.l.at': 'Locked at',
    'settings.lockMonth': 'Month to lock',
    'settings.lock': 'Lock month',
    'settings.lockConfirm': 'Lock {month} for good? There is no unlock.',
    'settings.lockYes': 'Yes, lock it',
    'settings.locked': '{month} locked',
  },
  hi: {
    'settings.title': 'सेटिंग्स',
    'settings.shop': 'दुकान',
    'settings.ownerOnly': 'इन्हें सिर्फ़ मालिक बदल सकते हैं।',
    'settings.name': 'दुकान का नाम',
    'settings.address': 'पता',
    'settings.stateCode': 'GST राज्य कोड (2 अंक)',
    'settings.gstin': 'GSTIN',
    'settings.registration': 'GST पंजीकरण',
    'settings.r.REGULAR': 'नियमित',
    'settings.r.COMPOSITION': 'कंपोज़िशन',
    'settings.r.UNREGISTERED': 'पंजीकृत नहीं',
    'settings.fyStart': 'वित्त वर्ष शुरू होता है',
    'settings.timeZone': 'समय क्षेत्र',
    'settings.currency': 'मुद्रा',
    'settings.saveShop': 'दुकान सहेजें',
    'settings.pos': 'काउंटर और बिल',
    'settings.invoicePrefix': 'बिल सीरीज़ का उपसर्ग',
    'settings.creditNotePrefix': 'क्रेडिट नोट सीरीज़ का उपसर्ग',
    'settings.prefixHint': '1 से 4 अंग्रेज़ी बड़े अक्षर या अंक; नया उपसर्ग नई सीरीज़ शुरू करता है',
    'settings.loyaltyPer100': 'हर ₹100 पर लॉयल्टी पॉइंट',
    'settings.loyaltyValue': 'एक पॉइंट का मूल्य (₹)',
    'settings.receiptAddress': 'रसीद पर छपने वाला पता',
    'settings.receiptFooter': 'रसीद के नीचे का संदेश',
    'settings.upiVpa': 'भुगतान QR कोड के लिए UPI पता',
    'settings.upiVpaHint': 'जैसे sharmastore@okhdfcbank; ख़ाली: कोई UPI QR कोड नहीं',
    'settings.upiPayeeName': 'UPI ऐप में दिखने वाला नाम',
    'settings.document': 'काउंटर जारी करता है: {doc}',
    'settings.doc.TAX_INVOICE': 'टैक्स इनवॉइस',
    'settings.doc.BILL_OF_SUPPLY': 'बिल ऑफ़ सप्लाई',
    'settings.notKnown': 'काउंटर को अभी दुकान के GST पंजीकरण की जानकारी नहीं मिली; डिफ़ॉल्ट लागू हैं।',
    'settings.savePos': 'काउंटर सेटिंग्स सहेजें',
    'settings.banks': 'बैंक खाते',
    'settings.b.name': 'खाते का नाम',
    'settings.b.bank': 'बैंक',
    'settings.b.last4': 'आख़िरी 4 अंक',
    'settings.b.ifsc': 'IFSC',
    'settings.b.code': 'खाता कोड',
    'settings.b.balance': 'बही में शेष',
    'settings.b.add': 'बैंक खाता जोड़ें',
    'settings.b.added': 'बैंक खाता {name} जोड़ा गया',
    'settings.locks': 'बंद महीने',
    'settings.locksHelp': 'बंद महीने में हाथ से एंट्री नहीं होती; यह पक्का है (फिर खुलता नहीं)। GST रिटर्न भरने के बाद महीना बंद करें।',
    'settings.l.month': 'महीना',
    'settings.l.by': 'बंद करने वाले',
    'settings.l.at': 'कब बंद हुआ',
    'settings.lockMonth': 'बंद करने का महीना',
    'settings.lock': 'महीना बंद करें',
    'settings.lockConfirm': '{month} हमेशा के लिए बंद करें? यह फिर नहीं खुलेगा।',
    'settings.lockYes': 'हाँ, बंद करें',
    'settings.locked': '{month} बंद हुआ',
  },
});

const ZONES = ['Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Dubai', 'Asia/Singapore', 'Europe/London', 'America/New_York'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export default async function render(root, ctx) {
  const shopId = ctx.me.activeShopId;
  const owner = !ctx.readOnly && ctx.has('OWNER');
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const [shop, pos, banks, locks, members] = await Promise.all([
    api.get(`/api/v1/shops/${shopId}`),
    api.get('/api/v1/orders/settings').catch(() => null),
    api.get('/api/v1/accounting/bank-accounts').catch(() => []),
    api.get('/api/v1/accounting/periods/locks').catch(() => []),
    api.get(`/api/v1/shops/${shopId}/members`).catch(() => []),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name || m.email]));
  const reload = () => render(root, ctx);
  const monthName = (i) => new Date(Date.UTC(2026, i - 1, 1)).toLocaleDateString(document.documentElement.lang === 'hi' ? 'hi-IN' : 'en-IN', { month: 'long', timeZone: 'UTC' });

  // the shop
  const shopError = h('div');
  const zones = ZONES.includes(shop.timeZone) ? ZONES : [shop.timeZone, ...ZONES];
  const shopForm = h('form', { id: 'shop-form', class: 'panel' },
    h('h2', null, t('settings.shop')),
    !owner && h('p', { class: 'muted' }, t('settings.ownerOnly')),
    h('fieldset', { class: 'plain', disabled: !owner },
      h('div', { class: 'row' },
        field(t('settings.name'), { name: 'name', required: true, maxlength: '120', value: shop.name }),
        field(t('settings.gstin'), { name: 'gstin', maxlength: '15', value: shop.gstin || '' }),
        field(t('settings.stateCode'), { name: 'stateCode', required: true, pattern: '[0-9]{2}', maxlength: '2', inputmode: 'numeric', value: shop.stateCode,
          hint: shop.stateName })),
      field(t('settings.address'), { name: 'address', as: 'textarea', rows: '2', maxlength: '500', value: shop.address || '' }),
      h('div', { class: 'row' },
        field(t('settings.registration'), { name: 'registrationType', as: 'select', value: shop.registrationType,
          options: ['REGULAR', 'COMPOSITION', 'UNREGISTERED'].map((r) => [r, t(`settings.r.${r}`)]) }),
        field(t('settings.fyStart'), { name: 'financialYearStartMonth', as: 'select', value: String(shop.financialYearStartMonth),
          options: MONTHS.map((m, i) => [String(i + 1), monthName(i + 1)]) }),
        field(t('settings.timeZone'), { name: 'timeZone', as: 'select', value: shop.timeZone, options: zones.map((z) => [z, z]) }),
        field(t('settings.currency'), { name: 'currency', value: shop.currency, disabled: true })),
      shopError,
      owner && h('button', { type: 'submit', class: 'primary', id: 'shop-save' }, t('settings.saveShop'))));
  onSubmit(shopForm, shopError, async (v) => {
    const body = { ...v, financialYearStartMonth: Number(v.financialYearStartMonth) };
    if (!v.gstin && shop.gstin) body.gstin = '';
    if (!v.address && shop.address) body.address = '';
    await api.patch(`/api/v1/shops/${shopId}`, body, { headers: { 'If-Match': `"${shop.version}"` } });
    toast(t('app.saved'), 'ok');
    reload();
  });

  // POS settings
  let posForm = null;
  if (pos) {
    const s = pos.settings;
    const posError = h('div');
    posForm = h('form', { id: 'pos-form', class: 'panel' },
      h('h2', null, t('settings.pos')),
      h('p', { class: 'muted' }, t('settings.document', { doc: t(`settings.doc.${pos.documentType}`) }),
        pos.registrationKnown ? '' : ` ${t('settings.notKnown')}`),
      h('fieldset', { class: 'plain', disabled: !writer },
        h('div', { class: 'row' },
          field(t('settings.invoicePrefix'), { name: 'invoicePrefix', required: true, pattern: '[A-Z0-9]{1,4}', maxlength: '4', value: s.invoicePrefix, hint: t('settings.prefixHint') }),
          field(t('settings.creditNotePrefix'), { name: 'creditNotePrefix', required: true, pattern: '[A-Z0-9]{1,4}', maxlength: '4', value: s.creditNotePrefix }),
          field(t('settings.loyaltyPer100'), { name: 'loyaltyPointsPer100', required: true, inputmode: 'decimal', value: s.loyaltyPointsPer100 }),
          field(t('settings.loyaltyValue'), { name: 'loyaltyPointValue', required: true, inputmode: 'decimal', value: s.loyaltyPointValue })),
        field(t('settings.receiptAddress'), { name: 'address', as: 'textarea', rows: '2', maxlength: '300', value: s.address || '' }),
        field(t('settings.receiptFooter'), { name: 'receiptFooter', maxlength: '200', value: s.receiptFooter || '' }),
        h('div', { class: 'row' },
          field(t('settings.upiVpa'), { name: 'upiVpa', maxlength: '320', pattern: '[A-Za-z0-9.\\-_]{2,256}@[A-Za-z][A-Za-z0-9]{1,63}',
            value: s.upiVpa || '', hint: t('settings.upiVpaHint') }),
          field(t('settings.upiPayeeName'), { name: 'upiPayeeName', maxlength: '50', value: s.upiPayeeName || '' })),
        posError,
        writer && h('button', { type: 'submit', class: 'primary', id: 'pos-save' }, t('settings.savePos'))));
    onSubmit(posForm, posError, async (values) => {
      await api.put('/api/v1/orders/settings', values);
      toast(t('app.saved'), 'ok');
      reload();
    });
  }

  // bank accounts
  const bankError = h('div');
  const bankForm = writer ? h('form', { id: 'bank-form', class: 'row' },
    field(t('settings.b.name'), { name: 'name', required: true, maxlength: '80' }),
    field(t('settings.b.bank'), { name: 'bankName', required: true, maxlength: '80' }),
    field(t('settings.b.last4'), { name: 'last4', required: true, pattern: '[0-9]{4}', maxlength: '4', inputmode: 'numeric' }),
    field(t('settings.b.ifsc'), { name: 'ifsc', maxlength: '11', pattern: '[A-Za-z]{4}0[A-Za-z0-9]{6}' }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'bank-save' }, t('settings.b.add')))) : null;
  if (bankForm) {
    onSubmit(bankForm, bankError, async (values) => {
      const b = await api.post('/api/v1/accounting/bank-accounts', values);
      toast(t('settings.b.added', { name: b.name }), 'ok');
      reload();
    });
  }

  // period locks (owner only)
  const lockBox = h('div', { id: 'period-confirm' });
  const lastMonth = fmt.addDays(`${fmt.today().slice(0, 8)}01`, -1).slice(0, 7);
  const periodForm = owner ? h('form', { id: 'period-form', class: 'row' },
    field(t('settings.lockMonth'), { name: 'month', type: 'month', required: true, max: lastMonth, value: lastMonth }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'period-lock' }, t('settings.lock')))) : null;
  if (periodForm) {
    onSubmit(periodForm, null, ({ month }) => {
      mount(lockBox, h('div', { class: 'panel', role: 'alertdialog', 'aria-labelledby': 'lock-q' },
        h('p', { id: 'lock-q', class: 'warn' }, t('settings.lockConfirm', { month })),
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'danger', id: 'period-lock-yes', onclick: async (ev) => {
            try {
              await busy(ev.target, () => api.post(`/api/v1/accounting/periods/${month}/lock`));
              toast(t('settings.locked', { month }), 'ok');
              reload();
            } catch (err) { mount(lockBox, errorBox(err)); }
          } }, t('settings.lockYes')),
          h('button', { type: 'button', id: 'period-lock-no', onclick: () => mount(lockBox) }, t('app.cancel')))));
      lockBox.querySelector('#period-lock-yes').focus();
    });
  }

  mount(root,
    pageHeader(t('settings.title')),
    shopForm,
    posForm,
    h('section', { class: 'panel', id: 'bank-accounts' }, h('h2', null, t('settings.banks')),
      table([
        { key: 'name', label: t('settings.b.name') },
        { key: 'bankName', label: t('settings.b.bank') },
        { key: 'last4', label: t('settings.b.last4'), render: (b) => `…${b.last4}` },
        { key: 'ifsc', label: t('settings.b.ifsc') },
        { key: 'accountCode', label: t('settings.b.code') },
        { key: 'balance', label: t('settings.b.balance'), kind: 'money' },
      ], banks, { id: 'bank-table' }),
      bankForm, bankError),
    h('section', { class: 'panel', id: 'period-locks' }, h('h2', null, t('settings.locks')),
      h('p', { class: 'muted' }, t('settings.locksHelp')),
      table([
        { key: 'period', label: t('settings.l.month') },
        { key: 'lockedBy', label: t('settings.l.by'), render: (l) => names.get(l.lockedBy) || l.lockedBy },
        { key: 'lockedAt', label: t('settings.l.at'), kind: 'datetime' },
      ], locks, { id: 'locks-table' }),
      periodForm, lockBox));
}
