// Staff: the members of the shop and their roles (add with an initial password, change a role, remove), and the
// devices paired with the shop (register one for pairing, revoke one).
import { api } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, table, pageHeader, toast, onSubmit, action } from '../ui.js';
import * as fmt from '../format.js';

addStrings({
  en: {
    'staff.title': 'Staff',
    'staff.notYet': 'Attendance and salaries are not kept in Kirana yet.',
    'staff.members': 'Members of the shop',
    'staff.col.name': 'Name',
    'staff.col.email': 'Email',
    'staff.col.phone': 'Phone',
    'staff.col.role': 'Role',
    'staff.col.since': 'Since',
    'staff.col.actions': 'Change',
    'staff.role.OWNER': 'Owner',
    'staff.role.MANAGER': 'Manager',
    'staff.role.CASHIER': 'Cashier',
    'staff.role.AUDITOR': 'Auditor (reads only)',
    'staff.you': 'you',
    'staff.roleOf': 'Role of {name}',
    'staff.saveRole': 'Change role',
    'staff.roleSaved': '{name} is now {role}',
    'staff.remove': 'Remove',
    'staff.removeConfirm': 'Remove {name} from the shop?',
    'staff.removeYes': 'Yes, remove',
    'staff.removed': '{name} removed',
    'staff.add': 'Add a member',
    'staff.name': 'Name',
    'staff.email': 'Email',
    'staff.phone': 'Mobile number',
    'staff.role': 'Role',
    'staff.password': 'Initial password',
    'staff.passwordHint': 'For a new account; without it they sign in with an SMS code',
    'staff.contactHint': 'Give an email or a mobile number.',
    'staff.addSave': 'Add member',
    'staff.added': '{name} added',
    'staff.devices': 'Devices',
    'staff.d.name': 'Device',
    'staff.d.status': 'Status',
    'staff.d.created': 'Registered',
    'staff.d.paired': 'Paired',
    'staff.d.lastUsed': 'Last used',
    'staff.d.PENDING': 'Waiting to pair',
    'staff.d.PAIRED': 'Paired',
    'staff.d.EXPIRED': 'Expired',
    'staff.d.REVOKED': 'Revoked',
    'staff.revoke': 'Revoke',
    'staff.revoked': 'Device revoked',
    'staff.newDevice': 'Register a device',
    'staff.deviceName': 'Device name, e.g. Counter 1 tablet',
    'staff.deviceSave': 'Register',
    'staff.pairing': 'Open the Kirana app on "{name}" and enter this pairing code before {time}:',
    'staff.pairingUri': 'Or open this link on the device:',
  },
  hi: {
    'staff.title': 'कर्मचारी',
    'staff.notYet': 'हाज़िरी और वेतन अभी किराना में नहीं रखे जाते।',
    'staff.members': 'दुकान के सदस्य',
    'staff.col.name': 'नाम',
    'staff.col.email': 'ईमेल',
    'staff.col.phone': 'फ़ोन',
    'staff.col.role': 'भूमिका',
    'staff.col.since': 'कब से',
    'staff.col.actions': 'बदलें',
    'staff.role.OWNER': 'मालिक',
    'staff.role.MANAGER': 'मैनेजर',
    'staff.role.CASHIER': 'कैशियर',
    'staff.role.AUDITOR': 'ऑडिटर (सिर्फ़ देखें)',
    'staff.you': 'आप',
    'staff.roleOf': '{name} की भूमिका',
    'staff.saveRole': 'भूमिका बदलें',
    'staff.roleSaved': '{name} अब {role} हैं',
    'staff.remove': 'हटाएँ',
    'staff.removeConfirm': '{name} को दुकान से हटाएँ?',
    'staff.removeYes': 'हाँ, हटाएँ',
    'staff.removed': '{name} हटाए गए',
    'staff.add': 'सदस्य जोड़ें',
    'staff.name': 'नाम',
    'staff.email': 'ईमेल',
    'staff.phone': 'मोबाइल नंबर',
    'staff.role': 'भूमिका',
    'staff.password': 'शुरुआती पासवर्ड',
    'staff.passwordHint': 'नए खाते के लिए; न दें तो वे SMS कोड से साइन इन करेंगे',
    'staff.contactHint': 'ईमेल या मोबाइल नंबर दें।',
    'staff.addSave': 'सदस्य जोड़ें',
    'staff.added': '{name} जोड़े गए',
    'staff.devices': 'डिवाइस',
    'staff.d.name': 'डिवाइस',
    'staff.d.status': 'स्थिति',
    'staff.d.created': 'दर्ज किया',
    'staff.d.paired': 'जोड़ा गया',
    'staff.d.lastUsed': 'आख़िरी इस्तेमाल',
    'staff.d.PENDING': 'जोड़ना बाकी',
    'staff.d.PAIRED': 'जुड़ा हुआ',
    'staff.d.EXPIRED': 'समय ख़त्म',
    'staff.d.REVOKED': 'रद्द',
    'staff.revoke': 'रद्द करें',
    'staff.revoked': 'डिवाइस रद्द किया गया',
    'staff.newDevice': 'डिवाइस दर्ज करें',
    'staff.deviceName': 'डिवाइस का नाम, जैसे काउंटर 1 टैबलेट',
    'staff.deviceSave': 'दर्ज करें',
    'staff.pairing': '"{name}" पर किराना ऐप खोलें और {time} से पहले यह कोड डालें:',
    'staff.pairingUri': 'या डिवाइस पर यह लिंक खोलें:',
  },
});

const ROLES = ['OWNER', 'MANAGER', 'CASHIER', 'AUDITOR'];

export default async function render(root, ctx) {
  const shopId = ctx.me.activeShopId;
  const owner = ctx.has('OWNER');
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const grantable = owner ? ROLES : ['CASHIER', 'AUDITOR'];
  const [members, devices] = await Promise.all([
    api.get(`/api/v1/shops/${shopId}/members`),
    api.get('/api/v1/devices').catch(() => []),
  ]);
  const reload = () => render(root, ctx);
  const work = h('div', { id: 'staff-work' });
  const label = (m) => m.name || m.email || m.phone || m.userId;
  const mayChange = (m) => writer && m.userId !== ctx.me.userId && (owner || grantable.includes(m.role));

  const memberTable = table([
    { key: 'name', label: t('staff.col.name'), render: (m) => [label(m), m.userId === ctx.me.userId && h('small', { class: 'muted' }, ` (${t('staff.you')})`)] },
    { key: 'email', label: t('staff.col.email') },
    { key: 'phone', label: t('staff.col.phone') },
    { key: 'role', label: t('staff.col.role'), render: (m) => h('span', { class: `badge ${m.role === 'OWNER' ? 'ok' : ''}` }, t(`staff.role.${m.role}`)) },
    { key: 'since', label: t('staff.col.since'), kind: 'date' },
    { key: 'userId', label: t('staff.col.actions'), render: (m) => (mayChange(m) ? h('div', { class: 'inline-actions' },
      h('select', { id: `member-role-${m.userId}`, 'aria-label': t('staff.roleOf', { name: label(m) }) },
        grantable.map((r) => h('option', { value: r, selected: r === m.role }, t(`staff.role.${r}`)))),
      h('button', { type: 'button', id: `member-role-save-${m.userId}`, onclick: action(async () => {
        const role = document.getElementById(`member-role-${m.userId}`).value;
        await api.patch(`/api/v1/shops/${shopId}/members/${m.userId}`, { role });
        toast(t('staff.roleSaved', { name: label(m), role: t(`staff.role.${role}`) }), 'ok');
        reload();
      }) }, t('staff.saveRole')),
      h('button', { type: 'button', class: 'danger', id: `member-remove-${m.userId}`, onclick: () => removeConfirm(work, shopId, m, label(m), reload) }, t('staff.remove'))) : '') },
  ], members, { id: 'members-table' });

  let addForm = null;
  if (writer) {
    const error = h('div');
    addForm = h('form', { id: 'member-form', class: 'panel' },
      h('h2', null, t('staff.add')),
      h('p', { class: 'muted' }, t('staff.contactHint')),
      h('div', { class: 'row' },
        field(t('staff.name'), { name: 'name', required: true, maxlength: '120', autocomplete: 'off' }),
        field(t('staff.email'), { name: 'email', type: 'email', maxlength: '254', autocomplete: 'off' }),
        field(t('staff.phone'), { name: 'phone', type: 'tel', inputmode: 'tel', maxlength: '20', autocomplete: 'off' })),
      h('div', { class: 'row' },
        field(t('staff.role'), { name: 'role', as: 'select', value: 'CASHIER', options: grantable.map((r) => [r, t(`staff.role.${r}`)]) }),
        field(t('staff.password'), { name: 'initialPassword', type: 'password', autocomplete: 'new-password', maxlength: '200', hint: t('staff.passwordHint') })),
      error,
      h('button', { type: 'submit', class: 'primary', id: 'member-save' }, t('staff.addSave')));
    onSubmit(addForm, error, async (body) => {
      const m = await api.post(`/api/v1/shops/${shopId}/members`, body);
      toast(t('staff.added', { name: label(m) }), 'ok');
      reload();
    });
  }

  const deviceTableOf = (list) => table([
    { key: 'name', label: t('staff.d.name') },
    { key: 'status', label: t('staff.d.status'), render: (d) => h('span', { class: `badge ${{ PAIRED: 'ok', PENDING: 'warn', REVOKED: 'danger' }[d.status] || ''}` }, t(`staff.d.${d.status}`)) },
    { key: 'createdAt', label: t('staff.d.created'), kind: 'datetime' },
    { key: 'pairedAt', label: t('staff.d.paired'), kind: 'datetime' },
    { key: 'lastUsedAt', label: t('staff.d.lastUsed'), kind: 'datetime' },
    { key: 'id', label: t('staff.col.actions'), render: (d) => (writer && ['PAIRED', 'PENDING'].includes(d.status)
      ? h('button', { type: 'button', class: 'link', id: `device-revoke-${d.id}`, onclick: action(async () => {
        await api.del(`/api/v1/devices/${d.id}`);
        toast(t('staff.revoked'), 'ok');
        reload();
      }) }, t('staff.revoke')) : '') },
  ], list, { id: 'devices-table' });

  let deviceForm = null;
  const pairingBox = h('div', { id: 'device-pairing', role: 'status' });
  if (writer) {
    const error = h('div');
    deviceForm = h('form', { id: 'device-form', class: 'row' },
      field(t('staff.deviceName'), { name: 'deviceName', required: true, maxlength: '80' }),
      h('div', { class: 'field' }, h('button', { type: 'submit', id: 'device-save' }, t('staff.deviceSave'))), error);
    onSubmit(deviceForm, error, async ({ deviceName }) => {
      const p = await api.post('/api/v1/devices', { name: deviceName });
      const list = await api.get('/api/v1/devices').catch(() => devices);
      mount(devicesBox, deviceTableOf(list));
      mount(pairingBox, h('div', { class: 'panel' },
        h('p', null, t('staff.pairing', { name: p.name, time: fmt.dateTime(p.expiresAt) })),
        h('code', { class: 'token', id: 'device-token' }, p.pairingToken),
        h('p', null, t('staff.pairingUri')), h('code', { class: 'token' }, p.pairingUri)));
      deviceForm.reset();
    });
  }
  const devicesBox = h('div', null, deviceTableOf(devices));

  mount(root,
    pageHeader(t('staff.title')),
    h('p', { class: 'muted', id: 'staff-not-yet' }, t('staff.notYet')),
    work,
    h('section', { class: 'panel' }, h('h2', null, t('staff.members')), memberTable),
    addForm,
    h('section', { class: 'panel', id: 'staff-devices' }, h('h2', null, t('staff.devices')), devicesBox,
      writer && h('h3', null, t('staff.newDevice')), deviceForm, pairingBox));
}

function removeConfirm(work, shopId, m, name, reload) {
  mount(work, h('div', { class: 'panel', role: 'alertdialog', 'aria-labelledby': 'remove-title', id: 'member-remove-confirm' },
    h('h2', { id: 'remove-title' }, t('staff.removeConfirm', { name })),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'danger', id: 'member-remove-yes', onclick: action(async () => {
        await api.del(`/api/v1/shops/${shopId}/members/${m.userId}`);
        toast(t('staff.removed', { name }), 'ok');
        reload();
      }) }, t('staff.removeYes')),
      h('button', { type: 'button', id: 'member-remove-no', onclick: () => mount(work) }, t('app.cancel')))));
  work.querySelector('#member-remove-yes').focus();
  work.scrollIntoView({ block: 'center' });
}
