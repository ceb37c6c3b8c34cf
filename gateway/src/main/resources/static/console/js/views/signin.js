// Sign in with a password, or with a code sent by SMS.
import { session } from '../api.js';
import { t } from '../i18n.js';
import { h, mount, field, formValues, errorBox, busy } from '../ui.js';

export default async function render(root, { done }) {
  let mode = 'password';
  const draw = () => {
    const error = h('div', { id: 'signin-error' });
    const form = mode === 'password' ? passwordForm(error) : codeForm(error);
    mount(root, h('section', { class: 'panel narrow' },
      h('h1', null, t('signin.title')), error, form,
      h('button', { type: 'button', class: 'link', id: 'signin-mode',
        onclick: () => { mode = mode === 'password' ? 'code' : 'password'; draw(); } },
        mode === 'password' ? t('signin.withCode') : t('signin.withPassword'))));
    form.querySelector('input')?.focus();
  };

  const finish = async (button, error, body) => {
    try {
      const me = await busy(button, () => session.signIn(body));
      done(me);
    } catch (e) {
      mount(error, errorBox(e));
    }
  };

  const passwordForm = (error) => {
    const form = h('form', { id: 'signin-form', autocomplete: 'on' },
      field(t('signin.username'), { name: 'username', autocomplete: 'username', required: true }),
      field(t('signin.password'), { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
      h('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, t('signin.submit')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      finish(form.querySelector('button[type=submit]'), error, formValues(form));
    });
    return form;
  };

  const codeForm = (error) => {
    const form = h('form', { id: 'signin-code-form' },
      field(t('signin.phone'), { name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', required: true }),
      h('button', { type: 'button', id: 'send-code', onclick: async (e) => {
        const phone = form.elements.phone.value.trim();
        try {
          await busy(e.target, () => session.sendCode(phone));
          mount(error, h('p', { class: 'ok', role: 'status' }, t('signin.codeSent', { phone })));
          form.elements.code.focus();
        } catch (err) { mount(error, errorBox(err)); }
      } }, t('signin.sendCode')),
      field(t('signin.code'), { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true }),
      h('button', { type: 'submit', class: 'primary', id: 'signin-code-submit' }, t('signin.submit')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = formValues(form);
      finish(form.querySelector('button[type=submit]'), error, { phone: v.phone, code: v.code });
    });
    return form;
  };

  draw();
}
