// The first-run and access forms, shared by the panel and the vault page: what to do when
// Margin is not running or blocked, pairing, creating the vault (recovery passphrase shown
// once), unlocking. Each form calls `done()` when the next state should be checked.
import { api } from './browser.js';
import { h, replaceChildren } from './dom.js';
import { ask, daemon } from './messages.js';
import { describe } from './problems.js';
import { t } from './i18n.js';

/** Render the form for `state` into `container`. Returns true while it must not be replaced. */
export function renderSetup(container, connection, done) {
  const state = connection.state;
  const { title, fix } = describe(state, connection.error);
  const heading = h('h2', { className: 'problem-title' }, title);
  const steps = h('ul', { className: 'fix' }, fix.map((line) => h('li', {}, line)));
  const forms = {
    not_running: () => portForm(connection, done),
    lna_blocked: () => lnaHelp(done),
    not_paired: () => pairForm(done),
    no_vault: () => createVaultForm(container, done),
    locked: () => unlockForm(done),
  };
  const form = (forms[state] ?? (() => retryButton(done)))();
  replaceChildren(container, heading, steps, form);
  container.dataset.state = state;
  container.hidden = false;
}

function retryButton(done) {
  return h('button', { type: 'button', id: 'retry', onclick: () => done() }, t('tryAgain'));
}

function message(id) {
  return h('p', { className: 'form-error', id, role: 'alert' });
}

function showError(element, result) {
  const envelope = result.error ?? {};
  const left = Number.isInteger(envelope.attempts_left) ? t('triesLeft', envelope.attempts_left) : '';
  element.textContent = `${envelope.message ?? describe(result.problem).title}${left} ${envelope.hint ?? ''}`.trim();
}

function portForm(connection, done) {
  const input = h('input', { type: 'number', id: 'daemon-port', min: 1, max: 65535, value: connection.port ?? '' });
  const error = message('port-error');
  const form = h('form', { className: 'setup-form' },
    h('p', {}, t('portPrompt')),
    h('label', { htmlFor: 'daemon-port' }, t('portLabel')), input,
    h('button', { type: 'submit', id: 'save-port' }, t('usePort')),
    ' ', retryButton(done), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await ask('set_port', { port: Number(input.value) });
    if (result.ok) done(); else error.textContent = t('portInvalid');
  });
  return form;
}

function lnaHelp(done) {
  const settingsUrl = `chrome://settings/content/siteDetails?site=${encodeURIComponent(api.runtime.getURL('').slice(0, -1))}`;
  return h('div', { className: 'setup-form' },
    h('button', { type: 'button', id: 'open-site-settings', onclick: () => api.tabs.create({ url: settingsUrl }) },
      t('openSiteSettings')),
    ' ', retryButton(done));
}

function pairForm(done) {
  const code = h('input', { id: 'pair-code', autocomplete: 'off', spellcheck: false, placeholder: 'ABCD-EFGH', maxLength: 32, required: true });
  const name = h('input', { id: 'pair-name', value: navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chrome', maxLength: 80 });
  const error = message('pair-error');
  const native = h('button', { type: 'button', id: 'pair-native' }, t('pairNative'));
  const form = h('form', { className: 'setup-form', id: 'pair-form' },
    h('label', { htmlFor: 'pair-code' }, t('pairCodeLabel')), code,
    h('label', { htmlFor: 'pair-name' }, t('pairNameLabel')), name,
    h('button', { type: 'submit', id: 'pair-submit' }, t('pairButton')), ' ', native, error);
  native.addEventListener('click', async () => {
    error.textContent = '';
    const result = await ask('pair_native');
    if (result.ok) done(); else showError(error, result);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const result = await ask('pair', { code: code.value.trim(), name: name.value.trim() || t('pairDefaultName') });
    if (result.ok) done(); else showError(error, result);
  });
  return form;
}

function createVaultForm(container, done) {
  const error = message('vault-error');
  const button = h('button', { type: 'button', id: 'create-vault' }, t('createVault'));
  const form = h('div', { className: 'setup-form' }, button, error);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await daemon('POST', '/v1/vault', {});
    if (!result.ok) { button.disabled = false; showError(error, result); return; }
    container.dataset.holding = 'recovery'; // the caller must not redraw over the passphrase
    replaceChildren(container, recoveryView(result.body.recovery_passphrase, () => {
      delete container.dataset.holding;
      done();
    }));
  });
  return form;
}

/** The recovery passphrase, shown this once; it is never stored by the extension. */
function recoveryView(passphrase, finish) {
  const confirm = h('input', { type: 'checkbox', id: 'wrote-it-down' });
  const next = h('button', { type: 'button', id: 'recovery-done', disabled: true }, t('continue'));
  confirm.addEventListener('change', () => { next.disabled = !confirm.checked; });
  const shown = h('output', { id: 'recovery-passphrase', className: 'passphrase' }, passphrase ?? '');
  next.addEventListener('click', () => { shown.textContent = ''; finish(); });
  return h('div', { className: 'recovery' },
    h('h2', {}, t('recoveryHeading')),
    shown,
    h('p', {}, t('recoveryHelp')),
    h('label', {}, confirm, t('recoveryConfirm')), ' ', next);
}

function unlockForm(done) {
  const passphrase = h('input', { type: 'password', id: 'unlock-passphrase', autocomplete: 'current-password' });
  const error = message('unlock-error');
  const form = h('form', { className: 'setup-form', id: 'unlock-form' },
    h('label', { htmlFor: 'unlock-passphrase' }, t('passphraseLabel')), passphrase,
    h('button', { type: 'submit', id: 'unlock-submit' }, t('unlockButton')),
    ' ', h('button', { type: 'button', id: 'unlock-keychain', onclick: () => unlock({}) }, t('unlockKeychain')),
    error);
  async function unlock(body) {
    error.textContent = '';
    const result = await daemon('POST', '/v1/unlock', body);
    passphrase.value = '';
    if (result.ok) done(); else showError(error, result);
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); unlock(passphrase.value ? { passphrase: passphrase.value } : {}); });
  return form;
}
