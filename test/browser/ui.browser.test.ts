/**
 * The web UI in a real browser: Debian's Chromium driven by playwright-core against kezen built by the
 * composition root on a temp data dir and a free port, with the demo data set loaded through the API. Screenshots
 * go to test-artifacts/. Without a browser (scripts/browser/ensure-chromium.sh exits 3) the tests are SKIPPED.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import { httpServerFor } from '../../services/platform/http/server';
import { buildKezen, type Kezen } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import type { Role } from '../../services/platform/roles';
import { loadDemo, submit, type DemoCase } from './demo-data';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');

function findChromium(): { path?: string; reason?: string } {
  try {
    const out = execFileSync('bash', [join(ROOT, 'scripts/browser/ensure-chromium.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { path: out.trim().split('\n').pop() };
  } catch (e) {
    return { reason: String((e as { stderr?: string }).stderr ?? e).trim() };
  }
}

const browserFound = findChromium();
const webBuilt = existsSync(join(ROOT, 'web/dist/index.html'));
const reason = browserFound.reason ?? (webBuilt ? undefined : 'web/dist is not built (npm run build:web)');
const suite = reason ? describe.skip : describe;

suite(`the web UI in Chromium${reason ? ` — SKIPPED: ${reason}` : ''}`, () => {
  let kezen: Kezen;
  let server: Server;
  let base: string;
  let dataDir: string;
  let userDir: string;
  let context: BrowserContext;
  let page: Page;
  let now = new Date('2026-03-02T05:00:00Z');
  let cases: DemoCase[];
  let monitoring: string;

  const token = (role: Role, providerId?: string) =>
    mintDevToken({
      secret: kezen.devSecret!.secret,
      issuer: 'kezen-dev',
      audience: 'kezen',
      sub: `browser:${role}:${providerId ?? 'all'}`,
      roles: [role],
      ...(providerId ? { providerId } : {}),
    });

  async function dashboardApi(query = ''): Promise<{ totals: { cases: number; overdue: number } }> {
    const res = await request(kezen.app)
      .get(`/v1/dashboard?service=privatization${query}`)
      .set('Authorization', `Bearer ${monitoring}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function until<T>(what: string, f: () => Promise<T | undefined | false>, ms = 15000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const kpi = (i: number) => page.locator('.kpis .kpi .v').nth(i).innerText();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'kezen-browser-'));
    userDir = mkdtempSync(join(tmpdir(), 'kezen-chromium-'));
    // No KEZEN_JWT_SECRET: the generated dev secret, so the dev sign-in routes are on (as with `npm start`).
    const env = { KEZEN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', KEZEN_WATCHER_INTERVAL_MS: '200' };
    kezen = await buildKezen(loadConfig(env), { clock: () => now });
    await kezen.start();
    server = httpServerFor(kezen.app).listen(0, '127.0.0.1'); // as `npm start` serves
    await new Promise<void>((r) => server.once('listening', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const intake = await token('intake-operator');
    const staff = new Map<string, string>();
    for (const p of ['akimat-astana', 'akimat-almaty'])
      for (const r of ['provider-officer', 'commission-secretary', 'provider-head'] as const)
        staff.set(`${r}@${p}`, await token(r, p));
    cases = await loadDemo(
      kezen.app,
      {
        intake,
        officer: (p) => staff.get(`provider-officer@${p}`)!,
        secretary: (p) => staff.get(`commission-secretary@${p}`)!,
        head: (p) => staff.get(`provider-head@${p}`)!,
      },
      (iso) => (now = new Date(iso)),
    );
    // 3 April 2026: the decision terms (due 1 April) of the undecided cases have ended; the watcher records them.
    now = new Date('2026-04-03T05:00:00Z');
    monitoring = await token('monitoring');
    const undecided = cases.filter((c) => !c.decided);
    await until('the watcher to record the missed decisions', async () => {
      for (const c of undecided) {
        const events = await kezen.eventStore.readStream(privatizationStream(c.caseId));
        if (!events.some((e) => e.type === 'DeadlineMissed')) return false;
      }
      const head = await kezen.eventStore.headPosition();
      return kezen.projector.waitForPosition(head, 5000);
    });

    context = await chromium.launchPersistentContext(userDir, {
      executablePath: browserFound.path,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    server?.closeAllConnections?.();
    await kezen?.close();
    for (const d of [dataDir, userDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  test('the dashboard renders the demo data set', async () => {
    await page.goto(`${base}/#token=${monitoring}`);
    await page.waitForSelector('#overdue-table tbody tr');
    const api = await dashboardApi();
    expect(await kpi(0)).toBe(String(api.totals.cases));
    expect(api.totals.overdue).toBeGreaterThanOrEqual(3); // the 3 missed decisions, and contract terms since
    expect(await kpi(3)).toBe(String(api.totals.overdue));
    expect(await page.locator('#overdue-table tbody tr').count()).toBe(api.totals.overdue);
    expect(await page.locator('#chart-funnel').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  test('a provider filter changes the numbers', async () => {
    await page.fill('input[name=providerId]', 'akimat-almaty');
    await page.click('form.filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.kpis .kpi .v')?.textContent === '2');
    const almaty = await dashboardApi('&providerId=akimat-almaty');
    expect(almaty.totals.cases).toBe(2);
    expect(await page.locator('#overdue-table tbody tr').count()).toBe(almaty.totals.overdue);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-filtered.png'), fullPage: true });
  });

  test('a command sent through the API shows up live (server-sent events)', async () => {
    await page.waitForSelector('#live.on');
    const before = Number(await kpi(0));
    await submit(kezen.app, await token('intake-operator'), 'akimat-almaty', 'state-corporation');
    await page.waitForFunction((n) => document.querySelector('.kpis .kpi .v')?.textContent === String(n), before + 1, {
      timeout: 15000,
    });
  });

  test('the case page shows the missed deadline in the missed colour and the verified badge', async () => {
    const missed = cases.find((c) => !c.decided)!;
    await page.goto(`${base}/#token=${await token('investigator')}`);
    await page.evaluate((h) => (location.hash = h), `#/cases/privatization/${missed.caseId}`);
    // (#signin-error is an empty, hidden .error of the sign-in dialog: not what is waited for.)
    await page.waitForSelector('#chain-badge, .error:not(#signin-error)', { timeout: 10000 }).catch(() => undefined);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'case-missed.png'), fullPage: true });
    await page.waitForSelector('#chain-badge.verified');
    const pill = page.locator('#deadline-table .pill[data-state=missed]').first();
    await pill.waitFor();
    const colour = await pill.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).toBe('rgb(192, 57, 43)');
    await page.screenshot({ path: join(ARTIFACTS, 'case-missed.png'), fullPage: true });
    await page.setViewportSize({ width: 800, height: 1100 }); // tablet width
    await page.screenshot({ path: join(ARTIFACTS, 'case-missed-tablet.png'), fullPage: true });
  });
});
