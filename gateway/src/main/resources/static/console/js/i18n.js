// English and Hindi. Each view adds its own strings with addStrings({en: {...}, hi: {...}}); a key missing in
// Hindi falls back to English, and a missing key shows itself (so a gap is visible, not blank).
const strings = { en: {}, hi: {} };
const LANG_KEY = 'kirana.lang';
let current = (() => {
  try { return localStorage.getItem(LANG_KEY) === 'hi' ? 'hi' : 'en'; } catch { return 'en'; }
})();

export function addStrings(table) {
  for (const lang of Object.keys(table)) Object.assign(strings[lang] ??= {}, table[lang]);
}

/** t('sale.total', {amount: '₹96.00'}) → "Total ₹96.00" with "{amount}" placeholders filled. */
export function t(key, vars) {
  const text = strings[current]?.[key] ?? strings.en[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] ?? m)) : text;
}

export function lang() { return current; }

export function setLang(l) {
  current = l === 'hi' ? 'hi' : 'en';
  try { localStorage.setItem(LANG_KEY, current); } catch { /* private mode */ }
  document.documentElement.lang = current;
}

document.documentElement.lang = current;

addStrings({
  en: {
    'app.name': 'Kirana',
    'app.loading': 'Loading…',
    'app.signOut': 'Sign out',
    'app.language': 'हिन्दी',
    'app.languageLabel': 'Switch language',
    'app.shop': 'Shop',
    'app.online': 'Online',
    'app.offline': 'Offline',
    'app.queued': '{count} sale(s) waiting to be sent',
    'app.menu': 'Menu',
    'app.error': 'Something went wrong',
    'app.retry': 'Try again',
    'app.save': 'Save',
    'app.cancel': 'Cancel',
    'app.close': 'Close',
    'app.search': 'Search',
    'app.none': 'Nothing here yet',
    'app.forbidden': 'Your role in this shop does not show this page.',
    'app.notFound': 'No such page.',
    'app.export': 'Export',
    'app.more': 'Load more',
    'app.saved': 'Saved',
    'app.alerts': '{low} low on stock, {expiring} batch(es) expiring within 7 days',
    'nav.counter': 'Counter',
    'nav.dashboard': 'Dashboard',
    'nav.products': 'Products',
    'nav.stock': 'Stock',
    'nav.sales': 'Sales',
    'nav.khata': 'Khata',
    'nav.purchases': 'Purchases',
    'nav.expenses': 'Expenses',
    'nav.cashbook': 'Cash book',
    'nav.reports': 'Reports',
    'nav.staff': 'Staff',
    'nav.settings': 'Settings',
    'nav.notifications': 'Alerts',
    'signin.title': 'Sign in to Kirana',
    'signin.username': 'Email or mobile number',
    'signin.password': 'Password',
    'signin.submit': 'Sign in',
    'signin.withCode': 'Sign in with an SMS code',
    'signin.withPassword': 'Sign in with a password',
    'signin.phone': 'Mobile number',
    'signin.sendCode': 'Send code',
    'signin.code': 'Code from the SMS',
    'signin.codeSent': 'A code was sent to {phone}',
    'shops.title': 'Choose a shop',
    'shops.none': 'You are not a member of any shop yet.',
  },
  hi: {
    'app.name': 'किराना',
    'app.loading': 'लोड हो रहा है…',
    'app.signOut': 'साइन आउट',
    'app.language': 'English',
    'app.languageLabel': 'भाषा बदलें',
    'app.shop': 'दुकान',
    'app.online': 'ऑनलाइन',
    'app.offline': 'ऑफ़लाइन',
    'app.queued': '{count} बिक्री भेजी जानी बाकी',
    'app.menu': 'मेनू',
    'app.error': 'कुछ गलत हो गया',
    'app.retry': 'फिर कोशिश करें',
    'app.save': 'सहेजें',
    'app.cancel': 'रद्द करें',
    'app.close': 'बंद करें',
    'app.search': 'खोजें',
    'app.none': 'अभी कुछ नहीं',
    'app.forbidden': 'इस दुकान में आपकी भूमिका यह पेज नहीं दिखाती।',
    'app.notFound': 'ऐसा कोई पेज नहीं।',
    'app.export': 'निर्यात',
    'app.more': 'और दिखाएँ',
    'app.saved': 'सहेजा गया',
    'app.alerts': '{low} सामान का स्टॉक कम, {expiring} बैच 7 दिन में एक्सपायर',
    'nav.counter': 'काउंटर',
    'nav.dashboard': 'डैशबोर्ड',
    'nav.products': 'सामान',
    'nav.stock': 'स्टॉक',
    'nav.sales': 'बिक्री',
    'nav.khata': 'खाता',
    'nav.purchases': 'खरीद',
    'nav.expenses': 'खर्च',
    'nav.cashbook': 'रोकड़ बही',
    'nav.reports': 'रिपोर्ट',
    'nav.staff': 'कर्मचारी',
    'nav.settings': 'सेटिंग्स',
    'nav.notifications': 'सूचनाएँ',
    'signin.title': 'किराना में साइन इन करें',
    'signin.username': 'ईमेल या मोबाइल नंबर',
    'signin.password': 'पासवर्ड',
    'signin.submit': 'साइन इन',
    'signin.withCode': 'SMS कोड से साइन इन करें',
    'signin.withPassword': 'पासवर्ड से साइन इन करें',
    'signin.phone': 'मोबाइल नंबर',
    'signin.sendCode': 'कोड भेजें',
    'signin.code': 'SMS में आया कोड',
    'signin.codeSent': '{phone} पर कोड भेजा गया',
    'shops.title': 'दुकान चुनें',
    'shops.none': 'आप अभी किसी दुकान के सदस्य नहीं हैं।',
  },
});
