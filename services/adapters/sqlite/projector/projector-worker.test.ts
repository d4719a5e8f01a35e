/**
 * The projector thread (projector-worker.ts + projector-thread.ts): the embedded default runs it; the main thread
 * learns every checkpoint (minPosition, /readyz, lag), a dead thread is restarted from the stored checkpoints, a
 * restart resumes exactly, and the read models it builds equal the in-process projector's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NewEvent } from '../../../../contracts/envelope';
import { validSubmitApplication } from '../../../../domain/privatization/testing/fixtures';
import { identityDataSteps } from '../../../../domain/privatization/testing/case-script';
import { mintDevToken } from '../../../platform/auth/dev-token';
import { buildKezen, type Kezen } from '../../../composition';
import { loadConfig } from '../../../platform/config';
import { createSqliteEventStore, type SqliteEventStore } from '../eventstore/sqlite-event-store';
import { SqliteReadStore } from '../readstore/sqlite-read-store';
import { PROJECTOR_WORKLOAD_MODULE, projectorWorkload } from '../../../projector-workload';
import { Projector } from '../../../platform/projector/projector';
import { ProjectorWorker } from './projector-worker';

const SECRET = 'worker-secret-0123456789abcdef0123456789';
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kezen-projector-thread-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const other = (i: number): NewEvent => ({
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'SomethingNoProjectionReads',
  schemaVersion: 1,
  data: { i },
  metadata: {
    commandId: `c-${i}`,
    correlationId: `c-${i}`,
    causationId: `c-${i}`,
    actor: { sub: 'test', roles: [] },
    occurredAt: '2026-03-02T05:00:00.000Z',
    regulationVersion: 'unversioned',
  } as never,
});

async function appendOthers(store: SqliteEventStore, from: number, count: number): Promise<number> {
  let position = 0;
  for (let i = from; i < from + count; i += 1)
    position = (await store.append(`other-${i % 3}`, [other(i)], 'any')).position;
  return position;
}

async function kezenOn(dataDir: string, thread: boolean): Promise<Kezen> {
  const env = {
    KEZEN_DATA_DIR: dataDir,
    KEZEN_JWT_SECRET: SECRET,
    LOG_LEVEL: 'error',
    KEZEN_PROJECTOR_THREAD: thread ? 'on' : 'off',
  };
  const kezen = await buildKezen(loadConfig(env), { clock: () => new Date('2026-03-02T05:00:00Z') });
  await kezen.start();
  return kezen;
}

/** A case created and moved on through the API (same idempotency keys: same case and command ids in every run). */
async function walkCase(kezen: Kezen): Promise<{ caseId: string; position: number }> {
  const tok = (role: string, providerId?: string) =>
    mintDevToken({
      secret: SECRET,
      issuer: 'kezen-dev',
      audience: 'kezen',
      sub: `thread:${role}`,
      roles: [role as never],
      providerId,
    });
  const body = validSubmitApplication() as Record<string, unknown>;
  delete body.caseId;
  const created = await request(kezen.app)
    .post('/v1/privatization/cases')
    .set('Authorization', `Bearer ${await tok('intake-operator')}`)
    .set('Idempotency-Key', 'thread-case-1')
    .send(body);
  expect(created.status).toBe(201);
  const caseId = created.body.caseId as string;
  let position = created.body.position as number;
  const officer = await tok('provider-officer', 'akimat-astana');
  for (const [i, c] of identityDataSteps().entries()) {
    const r = await request(kezen.app)
      .post(`/v1/privatization/cases/${caseId}/commands/${c.type}`)
      .set('Authorization', `Bearer ${officer}`)
      .set('Idempotency-Key', `thread-step-${i}`)
      .send(c.data);
    expect(r.status).toBe(200);
    position = r.body.position as number;
  }
  return { caseId, position };
}

describe('projector thread (embedded default)', () => {
  test('reads its writes through minPosition, reports ready and lag 0, builds the same views as in-process', async () => {
    const threaded = await kezenOn(tempDir(), true);
    const inProcess = await kezenOn(tempDir(), false);
    try {
      expect(threaded.projector).toBeInstanceOf(ProjectorWorker);
      expect(inProcess.projector).toBeInstanceOf(Projector);
      const views: unknown[] = [];
      for (const kezen of [threaded, inProcess]) {
        const { caseId, position } = await walkCase(kezen);
        const monitoring = await mintDevToken({
          secret: SECRET,
          issuer: 'kezen-dev',
          audience: 'kezen',
          sub: 'thread:monitoring',
          roles: ['monitoring'],
        });
        const view = await request(kezen.app)
          .get(`/v1/privatization/cases/${caseId}?minPosition=${position}`)
          .set('Authorization', `Bearer ${monitoring}`);
        expect(view.status).toBe(200);
        const feed = await request(kezen.app)
          .get(`/v1/monitoring/feed?minPosition=${position}`)
          .set('Authorization', `Bearer ${monitoring}`);
        expect(feed.status).toBe(200);
        expect(feed.body.items.length).toBeGreaterThan(0);
        expect(await kezen.projector.lag()).toEqual(
          Object.fromEntries(kezen.projector.status().map((s) => [s.name, 0])),
        );
        const ready = await request(kezen.app).get('/readyz');
        expect(ready.status).toBe(200);
        // Times the log records (recordedAt) differ between the two runs; everything else must be equal.
        const withoutRecordedTimes = JSON.stringify({ view: view.body, feed: feed.body.items }, (k, v: unknown) =>
          ['createdAt', 'updatedAt', 'recordedAt'].includes(k) ? undefined : v,
        );
        views.push(JSON.parse(withoutRecordedTimes));
      }
      expect(views[0]).toEqual(views[1]);
    } finally {
      await threaded.close();
      await inProcess.close();
    }
  });

  test('a thread that dies is restarted from the checkpoints; a new thread resumes exactly; stop ends waits', async () => {
    const dataDir = tempDir();
    const readModelsFile = join(dataDir, 'read-models.sqlite');
    const store = createSqliteEventStore({ dataDir });
    const { projections } = projectorWorkload;
    const errors: string[] = [];
    const first = new ProjectorWorker({
      eventStore: store,
      readModelsFile,
      workload: PROJECTOR_WORKLOAD_MODULE,
      projections,
      retryDelayMs: 50,
      onError: (component) => errors.push(component),
    });
    try {
      let head = await appendOthers(store, 0, 30);
      await first.start();
      expect(await first.waitForPosition(head, 10_000)).toBe(true);
      expect(first.status().every((s) => s.phase === 'live' && s.position === head)).toBe(true);

      // The thread dies: its projections show it, and a new thread carries on from the stored checkpoints.
      await (first as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      expect(first.status().every((s) => s.phase === 'retrying')).toBe(true);
      head = await appendOthers(store, 30, 10);
      expect(await first.waitForPosition(head, 10_000)).toBe(true);
      await first.stop();
      expect(first.status().every((s) => s.phase === 'stopped')).toBe(true);
      expect(await first.waitForPosition(head + 1, 10)).toBe(false);

      // Appends while no thread runs; a new one starts at the stored checkpoints and applies only the rest.
      head = await appendOthers(store, 40, 5);
      const second = new ProjectorWorker({
        eventStore: store,
        readModelsFile,
        workload: PROJECTOR_WORKLOAD_MODULE,
        projections,
      });
      await second.start();
      expect(second.status().every((s) => s.position >= head - 5 && s.position <= head)).toBe(true);
      expect(await second.waitForPosition(head, 10_000)).toBe(true);
      await second.stop();
      const readStore = new SqliteReadStore({ filename: readModelsFile });
      for (const p of projections) expect(await readStore.getCheckpoint(p.name)).toBe(head);
      expect(await readStore.getCheckpoint('monitoring-feed')).toBe(head);
      await readStore.close();
      expect(errors).toEqual([]);
    } finally {
      await first.stop();
      await store.close();
    }
  });

  (process.platform === 'linux' ? test : test.skip)(
    'the thread runs below the request loop’s CPU priority (config projectorNice) and says so',
    async () => {
      const dataDir = tempDir();
      const store = createSqliteEventStore({ dataDir });
      const started: unknown[] = [];
      const worker = new ProjectorWorker({
        eventStore: store,
        readModelsFile: join(dataDir, 'read-models.sqlite'),
        workload: PROJECTOR_WORKLOAD_MODULE,
        projections: projectorWorkload.projections,
        nice: 12,
        onStarted: (priority) => started.push(priority),
      });
      try {
        await worker.start();
        expect(started).toEqual([{ applied: true, nice: expect.any(Number) }]);
        expect((started[0] as { nice: number }).nice).toBeGreaterThanOrEqual(12);
        // The process's own thread is untouched.
        expect(Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[16])).toBeLessThan(12);
      } finally {
        await worker.stop();
        await store.close();
      }
    },
  );
});

(process.platform === 'linux' ? test : test.skip)(
  '/metrics: CPU seconds of the request loop, the projector thread and the writer thread',
  async () => {
    const kezen = await kezenOn(tempDir(), true);
    try {
      await walkCase(kezen); // the writer thread starts with the first append
      const text = (await request(kezen.app).get('/metrics')).text;
      for (const thread of ['main', 'projector', 'writer'])
        expect(text).toMatch(new RegExp(`kezen_thread_cpu_seconds\\{thread="${thread}"\\} \\d`));
    } finally {
      await kezen.close();
    }
  },
);

test('KEZEN_PROJECTOR_NICE: default 10, 0 keeps the priority, beyond 19 is refused by name', () => {
  expect(loadConfig({}).projectorNice).toBe(10);
  expect(loadConfig({ KEZEN_PROJECTOR_NICE: '0' }).projectorNice).toBe(0);
  expect(() => loadConfig({ KEZEN_PROJECTOR_NICE: '25' })).toThrow(/KEZEN_PROJECTOR_NICE/);
});
