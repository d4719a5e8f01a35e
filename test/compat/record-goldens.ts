/**
 * Records the golden answers: the EARLIER kezen, built in process on a copy of the fixture with the clock fixed at the
 * manifest's `readAt`, answers the read API — every case's view, timeline, state (now and as of two instants),
 * hash-chain check, compliance report, case file and diff; the case lists (pages and filters); the monitoring feed;
 * the dashboard; the investigator's reads and the auditors' access log. The test replays the same requests in the
 * same order against today's code.
 *
 *   cd <checkout of the earlier commit> && npx tsx <this tree>/test/compat/record-goldens.ts --code . [--commit <id>]
 */
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { loadOldCode } from './old-code';
import {
  FIXTURE_DIR,
  GOLDENS_FILE,
  basePathOf,
  copyFixture,
  normalise,
  subOf,
  type FixtureManifest,
  type Golden,
  type Goldens,
} from './goldens';

/** Instants the state is asked as of: mid-way through the fixture's history, and before most cases existed. */
export const AS_OF = ['2026-03-20T12:00:00+05:00', '2026-05-01T00:00:00Z'];
const DIFF = { from: '2026-03-31T19:00:00Z', to: '2026-05-20T19:00:00Z' };
/** The reader of everything: every case, every provider, personal data in clear, reads not in the access log. */
const READER = 'quality-authority';

async function main() {
  const { values } = parseArgs({ options: { code: { type: 'string' }, commit: { type: 'string' } } });
  if (!values.code) throw new Error('usage: record-goldens.ts --code <earlier checkout> [--commit <id>]');
  const old = loadOldCode(values.code);
  const manifest = JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as FixtureManifest;
  const dataDir = copyFixture('kezen-compat-record-');
  const env = {
    KEZEN_DATA_DIR: dataDir,
    KEZEN_WATCHER_INTERVAL_MS: '0',
    KEZEN_PROJECTOR_THREAD: 'off',
    KEZEN_READY_MAX_LAG: '0',
    LOG_LEVEL: 'warn',
  };
  const now = new Date(manifest.readAt);
  const logs = new Writable({ write: (_c, _e, cb) => cb() });
  const kezen = await old.buildKezen(old.loadConfig(env), { env, clock: () => now, logDestination: logs });
  await kezen.start();
  const head = await kezen.eventStore.headPosition();
  if (!(await kezen.projector.waitForPosition(head, 30_000))) throw new Error('the projections did not catch up');

  const answers: Golden[] = [];
  const tokens = new Map<string, string>();
  const token = async (role: string) => {
    if (!tokens.has(role))
      tokens.set(
        role,
        await old.mintDevToken({
          secret: kezen.devSecret!.secret,
          issuer: 'kezen-dev',
          audience: 'kezen',
          sub: subOf(role),
          roles: [role],
        }),
      );
    return tokens.get(role)!;
  };
  const ask = async (group: string, path: string, role = READER) => {
    const res = await request(kezen.app)
      .get(path)
      .set('Authorization', `Bearer ${await token(role)}`);
    const answer: Golden = {
      group,
      role,
      path,
      status: res.status,
      // The API's own ETag (the stream revision); Express's weak one hashes the body, which is compared anyway.
      ...(res.headers.etag && !String(res.headers.etag).startsWith('W/') ? { etag: String(res.headers.etag) } : {}),
      body: normalise(res.body),
    };
    answers.push(answer);
    return answer;
  };

  const statuses = new Map<string, Set<string>>();
  const stages = new Map<string, Set<string>>();
  for (const c of manifest.cases) {
    const base = `${basePathOf(c)}/${c.caseId}`;
    const view = await ask('case-view', base);
    const v = view.body as { status?: string; stage?: string };
    if (v.status) statuses.set(c.service, (statuses.get(c.service) ?? new Set()).add(v.status));
    if (v.stage) stages.set(c.service, (stages.get(c.service) ?? new Set()).add(v.stage));
    await ask('timeline', `${base}/timeline`);
    await ask('state', `${base}/state`);
    for (const instant of AS_OF) await ask('state-as-of', `${base}/state?asOf=${encodeURIComponent(instant)}`);
    await ask('verify', `/v1/audit/streams/${c.streamName}/verify`);
    await ask('diff', `${base}/diff?from=${DIFF.from}&to=${DIFF.to}`);
    if (c.service !== 'complaints') {
      await ask('compliance', `${base}/compliance`);
      await ask('case-file', `${base}/file`);
    }
  }
  await ask('case-view', `/v1/privatization/cases/00000000-0000-4000-8000-000000000000`);

  for (const service of ['privatization', 'housing-assistance', 'complaints'] as const) {
    const base = basePathOf({ service });
    await ask('list', `${base}?limit=200`);
    // Every page of a small page size, following the earlier code's cursors.
    for (let path = `${base}?limit=4`; ;) {
      const page = (await ask('list-pages', path)).body as { nextCursor?: string | null };
      if (!page.nextCursor) break;
      path = `${base}?limit=4&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    await ask('list', `${base}?providerId=akimat-astana`);
    await ask('list', `${base}?providerId=akimat-almaty&limit=3`);
    for (const s of [...(statuses.get(service) ?? [])].sort()) await ask('list', `${base}?status=${s}`);
    for (const s of [...(stages.get(service) ?? [])].sort()) await ask('list', `${base}?stage=${s}`);
    await ask('list', `${base}?overdue=true`);
    await ask('list', `${base}?overdue=false`);
    await ask('list', `${base}?submittedFrom=2026-04-01&submittedTo=2026-04-30`);
  }

  const serviceCodes = new Set<string>();
  for (let after = 0; ;) {
    const page = (await ask('feed', `/v1/monitoring/feed?after=${after}&limit=100`)).body as {
      items: { serviceCode?: string }[];
      nextCursor: string | number;
    };
    for (const m of page.items) if (m.serviceCode) serviceCodes.add(m.serviceCode);
    if (page.items.length === 0) break;
    after = Number(page.nextCursor);
  }
  for (const code of [...serviceCodes].sort())
    await ask('feed', `/v1/monitoring/feed?serviceCode=${encodeURIComponent(code)}&limit=1000`);
  await ask('feed', `/v1/monitoring/feed?limit=25`, 'monitoring');

  for (const service of ['privatization', 'housing-assistance', 'complaints'])
    await ask('dashboard', `/v1/dashboard?service=${service}`);
  await ask('dashboard', `/v1/dashboard?service=privatization&providerId=akimat-astana`);
  await ask('dashboard', `/v1/dashboard?service=privatization&from=2026-04-01&to=2026-04-30`);
  await ask('dashboard', `/v1/dashboard?service=housing-assistance&providerId=akimat-almaty`, 'monitoring');

  // Last: the investigator's reads append to the access log, which the auditor then reads back.
  for (const label of ['p02-contracted', 'ha03-refused', 'c04-registered']) {
    const c = manifest.cases.find((x) => x.label === label)!;
    await ask('investigator', `${basePathOf(c)}/${c.caseId}`, 'investigator');
  }
  for (const [from, to] of [
    ['2026-04-01', '2026-04-30'],
    ['2026-05-01', '2026-05-28'],
  ])
    await ask('access-log', `/v1/audit/access-log?from=${from}&to=${to}`, 'auditor');

  await kezen.close();
  rmSync(dataDir, { recursive: true, force: true });
  const goldens: Goldens = { recordedWith: values.commit ?? 'unknown', readAt: manifest.readAt, answers };
  writeFileSync(join(FIXTURE_DIR, GOLDENS_FILE), gzipSync(`${JSON.stringify(goldens, null, 2)}\n`, { level: 9 }));
  const groups = new Map<string, number>();
  for (const a of answers) groups.set(a.group, (groups.get(a.group) ?? 0) + 1);
  process.stdout.write(`${answers.length} answers recorded: ${[...groups].map(([g, n]) => `${g} ${n}`).join(', ')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`record-goldens failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
