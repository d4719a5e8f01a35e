/** kezen web UI: hash router, sign-in (token paste; dev role picker on the embedded default), language switch. */
import './styles.css';
import { applyStatic, lang, setLang, t, type Lang } from './i18n';
import { claims, getJson, postJson, setToken } from './api';
import { renderDashboard } from './dashboard';
import { renderCase } from './case-page';

const main = document.getElementById('main') as HTMLElement;

function route(): void {
  const hash = location.hash || '#/';
  const [path, qs] = hash.slice(1).split('?');
  const query = new URLSearchParams(qs ?? '');
  const m = /^\/cases\/([a-z-]+)\/([^/]+)$/.exec(path ?? '');
  if (m) void renderCase(main, m[1]!, decodeURIComponent(m[2]!));
  else renderDashboard(main, query);
  main.focus({ preventScroll: true });
}

function showWho(): void {
  const c = claims();
  const who = document.getElementById('who')!;
  const btn = document.getElementById('signin-btn')!;
  who.textContent = c ? `${(c.roles ?? []).join(', ')}${c.providerId ? ` · ${c.providerId}` : ''}` : '';
  btn.textContent = c ? t('auth.signOut') : t('auth.signIn');
}

async function setupDevPicker(): Promise<void> {
  // Only the embedded default in development mode answers this; elsewhere the picker stays hidden.
  try {
    const dev = await getJson<{ enabled: boolean; roles: string[]; providers: string[] }>('/v1/dev/roles');
    if (!dev.enabled) return;
    const picker = document.getElementById('dev-picker')!;
    const select = document.getElementById('dev-role') as HTMLSelectElement;
    select.innerHTML = dev.roles.map((r) => `<option value="${r}">${r}</option>`).join('');
    select.value = 'monitoring';
    const provider = document.getElementById('dev-provider') as HTMLInputElement;
    provider.value = dev.providers[0] ?? '';
    picker.hidden = false;
    document.getElementById('dev-mint')!.addEventListener('click', async () => {
      try {
        const { token } = await postJson<{ token: string }>('/v1/dev/token', {
          role: select.value,
          providerId: provider.value || undefined,
        });
        (document.getElementById('token') as HTMLTextAreaElement).value = token;
      } catch (e) {
        document.getElementById('signin-error')!.textContent = String(e);
      }
    });
  } catch {
    /* not in dev mode */
  }
}

function setupAuth(): void {
  const dialog = document.getElementById('signin') as HTMLDialogElement;
  const form = document.getElementById('signin-form') as HTMLFormElement;
  const area = document.getElementById('token') as HTMLTextAreaElement;
  document.getElementById('signin-btn')!.addEventListener('click', () => {
    if (claims()) {
      setToken(null);
      showWho();
      route();
      return;
    }
    dialog.showModal();
    area.focus();
  });
  document.getElementById('signin-cancel')!.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (e) => {
    const value = area.value.trim().replace(/^Bearer\s+/i, '');
    if (value.split('.').length !== 3) {
      e.preventDefault();
      document.getElementById('signin-error')!.textContent = 'JWT: header.payload.signature';
      return;
    }
    setToken(value);
    showWho();
    route();
  });
  void setupDevPicker();
}

function setupLanguage(): void {
  const select = document.getElementById('lang') as HTMLSelectElement;
  select.value = lang();
  setLang(lang());
  select.addEventListener('change', () => {
    setLang(select.value as Lang);
    showWho();
    route();
  });
}

document.getElementById('open-case')!.addEventListener('submit', (e) => {
  e.preventDefault();
  const id = (document.getElementById('open-case-id') as HTMLInputElement).value.trim();
  const service = (document.getElementById('open-case-service') as HTMLSelectElement).value;
  if (id) location.hash = `#/cases/${service}/${encodeURIComponent(id)}`;
});

// Allow `/#token=...` for links from `npm run token -- --open`.
const hashToken = /[#&]token=([^&]+)/.exec(location.hash);
if (hashToken) {
  setToken(decodeURIComponent(hashToken[1]!));
  location.hash = '#/';
}

setupLanguage();
setupAuth();
applyStatic();
showWho();
window.addEventListener('hashchange', route);
route();
