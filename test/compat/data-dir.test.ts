/**
 * Compatibility of existing data directories: a data directory written by an earlier kezen (fixtures/, see its
 * README) starts under today's code and serves the same answers. Today's kezen is built in process on a copy of it,
 * with the clock fixed at the instant the goldens were read (so overdue flags and days left are comparable); every
 * recorded request is replayed in the recorded order and its answer compared with the earlier code's, group by
 * group: every field it had, with the same value, and new fields only where ./differences.ts lists them. Then the log
 * must still verify and take new commands on old cases.
 *
 * Twice: on the directory as the earlier code left it (today's code takes over its checkpointed read models, or
 * rebuilds those whose projection version changed), and with the read models deleted, so today's projections rebuild
 * them from the earlier log alone (a projection whose logic changed without a new version shows up there).
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { buildKezen, type Kezen } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import { verifyAll, verifyStream } from '../../services/platform/eventstore';
import type { Role } from '../../services/platform/roles';
import { TEST_COMMISSION, signedDecision } from '../../domain/privatization/testing/fixtures';
import { gatewayData } from '../../domain/housing-assistance/testing/fixtures';
import {
  FIXTURE,
  FIXTURE_DIR,
  basePathOf,
  copyFixture,
  normalise,
  readGoldens,
  readManifest,
  subOf,
  type Golden,
} from './goldens';
import { differences } from './differences';

const goldens = readGoldens();
const manifest = readManifest();
const secret = readFileSync(join(FIXTURE_DIR, 'dev-secret'), 'utf8').trim();
const now = new Date(goldens.readAt);

interface Reply {
  golden: Golden;
  status: number;
  etag?: string;
  body: unknown;
}

/** Today's kezen on a fresh copy of the fixture, caught up, with every golden request replayed. */
class Run {
  kezen!: Kezen;
  dataDir = '';
  filesBefore: string[] = [];
  readonly replies: Reply[] = [];

  async start(options: { withoutReadModels: boolean; groups: readonly string[] }) {
    this.dataDir = copyFixture();
    if (options.withoutReadModels) rmSync(join(this.dataDir, 'read-models.sqlite'));
    this.filesBefore = this.dataFiles();
    // The watcher stays off: at the fixed clock it would record the missed deadlines and change the answers.
    const env = {
      KEZEN_DATA_DIR: this.dataDir,
      KEZEN_WATCHER_INTERVAL_MS: '0',
      KEZEN_READY_MAX_LAG: '0',
      LOG_LEVEL: 'warn',
    };
    const logDestination = new Writable({ write: (_c, _e, cb) => cb() });
    this.kezen = await buildKezen(loadConfig(env), { clock: () => now, logDestination });
    await this.kezen.start();
    await this.caughtUp();
    // In the recorded order: the investigator's reads append to the access log the auditor then reads.
    for (const golden of goldens.answers.filter((a) => options.groups.includes(a.group))) {
      const res = await this.get(golden.path, golden.role as Role);
      const etag = String(res.headers.etag ?? '');
      this.replies.push({
        golden,
        status: res.status,
        ...(etag && !etag.startsWith('W/') ? { etag } : {}),
        body: normalise(res.body),
      });
    }
  }

  async close() {
    await this.kezen?.close();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  dataFiles() {
    return readdirSync(this.dataDir)
      .filter((f) => !/-(wal|shm|journal)$/.test(f))
      .sort();
  }

  async get(path: string, role: Role = 'quality-authority') {
    return request(this.kezen.app)
      .get(path)
      .set('Authorization', `Bearer ${await token(role)}`);
  }

  /** Every projection live at the log head and the monitoring feed there too; /readyz allows no lag (env above). */
  async caughtUp(timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const head = await this.kezen.eventStore.headPosition();
      const live = this.kezen.projector.status().every((s) => s.phase === 'live' && s.position >= head);
      const ready = await request(this.kezen.app).get('/readyz');
      const feed = (ready.body.checks as { name: string; detail?: string }[] | undefined)?.find(
        (c) => c.name === 'monitoring-feed',
      );
      if (live && ready.status === 200 && feed?.detail === `checkpoint ${head}`) return;
      if (Date.now() > until) throw new Error(`not caught up with ${head}: ${JSON.stringify(ready.body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The recorded answers of one group that today's code answers differently, with where they differ. */
  mismatches(group: string): string[] {
    const found: string[] = [];
    for (const r of this.replies.filter((x) => x.golden.group === group)) {
      const { path } = r.golden;
      const diff = [
        ...(r.status === r.golden.status ? [] : [`status: ${r.golden.status} → ${r.status}`]),
        ...(r.etag === r.golden.etag ? [] : [`ETag: ${r.golden.etag} → ${r.etag}`]),
        ...differences(path, r.golden.body, r.body),
      ];
      if (diff.length > 0) found.push(`GET ${r.golden.path} (${r.golden.role})\n    ${diff.join('\n    ')}`);
    }
    return found;
  }
}

const tokens = new Map<string, Promise<string>>();
const token = (role: Role, claims: { providerId?: string; sub?: string } = {}) => {
  const key = `${role} ${JSON.stringify(claims)}`;
  if (!tokens.has(key))
    tokens.set(
      key,
      mintDevToken({ secret, issuer: 'kezen-dev', audience: 'kezen', sub: subOf(role), roles: [role], ...claims }),
    );
  return tokens.get(key)!;
};
const caseOf = (label: string) => {
  const c = manifest.cases.find((x) => x.label === label);
  if (!c) throw new Error(`no case ${label} in the fixture's manifest`);
  return c;
};
const groups = [...new Set(goldens.answers.map((a) => a.group))];
/** Answers folded from the log alone: the same whatever the read models hold, so asked once. */
const FROM_THE_LOG = new Set(['state', 'state-as-of', 'verify', 'diff']);
const fromReadModels = groups.filter((g) => !FROM_THE_LOG.has(g));

describe(`the data directory fixtures/${FIXTURE}, written by ${goldens.recordedWith}, as it was left`, () => {
  const run = new Run();
  beforeAll(() => run.start({ withoutReadModels: false, groups }), 60_000);
  afterAll(() => run.close());
  const kezen = () => run.kezen;

  test('starts where it was: the same files in the data directory, the dev secret kept', () => {
    expect(run.filesBefore).toEqual(['dev-secret', 'events.sqlite', 'read-models.sqlite']);
    expect(run.dataFiles()).toEqual(run.filesBefore);
    expect(kezen().devSecret).toEqual({ secret, generated: false });
  });

  test('every stream of the log verifies: the whole chain and each stream on its own', async () => {
    const head = await kezen().eventStore.headPosition();
    const events = await kezen().eventStore.readAll(0, head + 1);
    const streams = [...new Set(events.map((e) => e.streamName))];
    expect(streams.length).toBeGreaterThan(manifest.cases.length); // the cases and the access-log days
    expect(await verifyAll(kezen().eventStore)).toEqual({ valid: true, checked: events.length });
    for (const s of streams)
      expect(await verifyStream(kezen().eventStore, s)).toEqual({
        valid: true,
        checked: events.filter((e) => e.streamName === s).length,
      });
  });

  test('every case of the manifest was asked about', () => {
    const asked = new Set(run.replies.filter((r) => r.golden.group === 'verify').map((r) => r.golden.path));
    for (const c of manifest.cases) expect(asked).toContain(`/v1/audit/streams/${c.streamName}/verify`);
  });

  test.each(groups)('%s: the same answers as the earlier code', (group) => {
    expect(run.mismatches(group)).toEqual([]);
  });

  describe('old cases take new commands', () => {
    const send = async (label: string, role: Role, name: string, body: object) => {
      const c = caseOf(label);
      const req = request(kezen().app)
        .post(`${basePathOf(c)}/${c.caseId}/commands/${name}`)
        .set(
          'Authorization',
          `Bearer ${await token(role, { providerId: c.providerId, sub: `compat:${role}@${c.providerId}` })}`,
        );
      return req.send(body);
    };

    /** The command is accepted, its events extend the case's chain, and the case view moves on. */
    async function acceptedOn(label: string, role: Role, name: string, body: object, expectedEvent: string) {
      const c = caseOf(label);
      const before = await kezen().eventStore.readStream(c.streamName);
      const res = await send(label, role, name, body);
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
      expect(res.body.events.map((e: { type: string }) => e.type)).toContain(expectedEvent);
      const after = await kezen().eventStore.readStream(c.streamName);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBe(before.length + res.body.events.length);
      expect(after[before.length]!.metadata.prevHash).toBe(before[before.length - 1]!.metadata.hash);
      expect(await verifyStream(kezen().eventStore, c.streamName)).toEqual({ valid: true, checked: after.length });
      const view = await run.get(`${basePathOf(c)}/${c.caseId}?minPosition=${res.body.position}`);
      expect(view.status).toBe(200);
      expect(view.body.revision).toBe(after.length - 1);
      const verified = await run.get(`/v1/audit/streams/${c.streamName}/verify`);
      expect(verified.body).toMatchObject({ valid: true, checked: after.length });
    }

    test('a privatization case under review: the commission is formed', async () => {
      await acceptedOn(
        'p17-reviewed',
        'commission-secretary',
        'FormCommission',
        { members: TEST_COMMISSION },
        'CommissionFormed',
      );
    });

    test("a privatization case with the commission's votes: the head's signed decision is verified and adopted", async () => {
      const c = caseOf('p19-voted');
      const body = signedDecision(c.caseId, 'HC-compat-1', new Date(now.getTime() - 3_600_000).toISOString());
      await acceptedOn(
        'p19-voted',
        'provider-head',
        'AdoptPrivatizationDecision',
        body,
        'PrivatizationDecisionAdopted',
      );
    });

    test('a housing assistance case past its decision term: the gateway data is recorded', async () => {
      await acceptedOn(
        'ha05-accepted',
        'provider-officer',
        'RecordGatewayData',
        gatewayData(),
        'HousingAssistanceGatewayDataRecorded',
      );
    });

    test('a command the earlier code accepted, sent again with its Idempotency-Key, is answered from the log', async () => {
      const r = manifest.resend;
      const head = await kezen().eventStore.headPosition();
      const res = await request(kezen().app)
        .post(r.path)
        .set(
          'Authorization',
          `Bearer ${await mintDevToken({ secret, issuer: 'kezen-dev', audience: 'kezen', sub: r.sub, roles: [r.role as Role], ...(r.providerId ? { providerId: r.providerId } : {}) })}`,
        )
        .set('Idempotency-Key', r.idempotencyKey)
        .send(r.body as object);
      expect(res.status).toBe(200);
      expect(await kezen().eventStore.headPosition()).toBe(head);
    });
  });
});

describe(`the data directory fixtures/${FIXTURE}, with its read models rebuilt from the log by today's projections`, () => {
  const run = new Run();
  beforeAll(() => run.start({ withoutReadModels: true, groups: fromReadModels }), 60_000);
  afterAll(() => run.close());

  test('the read models are written where they were', () => {
    expect(run.filesBefore).toEqual(['dev-secret', 'events.sqlite']);
    expect(run.dataFiles()).toEqual(['dev-secret', 'events.sqlite', 'read-models.sqlite']);
  });

  test.each(fromReadModels)('%s: the same answers as the earlier code', (group) => {
    expect(run.mismatches(group)).toEqual([]);
  });
});
