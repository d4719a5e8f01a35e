/**
 * The registry is the one list (services/registry.ts): every projection a registered service or feature names runs
 * wherever kezen derives a list of them — the projector in-process and in its thread, the rebuild threads,
 * `projections:rebuild` and /readyz — and every stream prefix is the registry's only owner of its streams.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { generateDataset } from '../scripts/dataset/generate';
import { createSqliteEventStore } from './adapters/sqlite/eventstore/sqlite-event-store';
import { SqliteReadStore } from './adapters/sqlite/readstore/sqlite-read-store';
import { buildKezen } from './composition';
import { loadConfig } from './platform/config';
import { streamPrefixesOf } from './platform/definitions';
import { rebuildProjections } from './platform/projector/rebuild';
import { loadWorkload } from './platform/projector/workload';
import { PROJECTOR_WORKLOAD_MODULE, projectorWorkload } from './projector-workload';
import { sqliteParallelFolding } from './adapters/sqlite/projector/rebuild-threads';
import { registry } from './registry';

jest.setTimeout(60_000);

/** Read from the definitions themselves, not through the derivation under test. */
const registered = [
  ...new Set([
    ...registry.services.flatMap((s) => s.projections.map((p) => p.name)),
    ...registry.features.flatMap((f) => (f.workload?.(registry.services).projections ?? []).map((p) => p.name)),
  ]),
];
const registeredRunners = registry.features.flatMap((f) =>
  (f.workload?.(registry.services).runners ?? []).map((r) => r.name),
);

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kezen-registry-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

test('the registry names projections (the checks below are not vacuous)', () => {
  expect(registered.length).toBeGreaterThanOrEqual(registry.services.length);
  expect(registeredRunners.length).toBeGreaterThan(0);
});

test('the workload the threads load is every registered projection and runner, as the same objects', () => {
  expect(projectorWorkload.projections.map((p) => p.name)).toEqual(registered);
  expect(projectorWorkload.runners.map((r) => r.name)).toEqual(registeredRunners);
  expect(loadWorkload(PROJECTOR_WORKLOAD_MODULE)).toBe(projectorWorkload);
});

test.each([
  ['in-process', 'off'],
  ['in its thread', 'on'],
])('the projector %s runs every registered projection, and /readyz checks each', async (_where, thread) => {
  const env = { KEZEN_DATA_DIR: tempDir(), KEZEN_JWT_SECRET: 'registry-test-secret-0123456789ab', LOG_LEVEL: 'error' };
  const kezen = await buildKezen(loadConfig({ ...env, KEZEN_PROJECTOR_THREAD: thread }));
  try {
    await kezen.start();
    expect(kezen.projector.status().map((s) => s.name)).toEqual(registered);
    const checks = ((await request(kezen.app).get('/readyz')).body as { checks: { name: string }[] }).checks;
    const names = checks.map((c) => c.name);
    for (const name of registered) expect(names).toContain(`projection:${name}`);
  } finally {
    await kezen.close();
  }
});

test('the rebuild threads rebuild every registered projection', async () => {
  const dir = tempDir();
  const log = createSqliteEventStore({ dataDir: dir });
  const readStore = new SqliteReadStore({ filename: join(dir, 'read-models.sqlite') });
  try {
    await generateDataset({ events: 200, store: log, decidedCases: 5, seed: 3 });
    const results = await rebuildProjections({
      eventStore: log,
      readStore,
      projections: projectorWorkload.projections,
      threads: 2,
      parallel: sqliteParallelFolding(PROJECTOR_WORKLOAD_MODULE),
    });
    expect(results.map((r) => [r.projection, r.threads])).toEqual(registered.map((name) => [name, 2]));
  } finally {
    await readStore.close();
    await log.close();
  }
});

test('`projections:rebuild` lists every registered projection', () => {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', 'scripts', 'projections-rebuild.ts'), '--list'],
    {
      encoding: 'utf8',
    },
  );
  const listed = [...out.matchAll(/^ {2}(\S+) \(v\d+/gm)].map((m) => m[1]);
  expect(listed).toEqual(registered);
});

test('each stream prefix belongs to one service or feature: none is another’s prefix', () => {
  const prefixes = streamPrefixesOf(registry);
  expect(prefixes.length).toBeGreaterThanOrEqual(registry.services.length);
  for (const [i, a] of prefixes.entries()) {
    expect(a).toMatch(/^[a-z][a-z-]*-$/);
    for (const [j, b] of prefixes.entries()) if (i !== j) expect(b.startsWith(a)).toBe(false);
  }
});
