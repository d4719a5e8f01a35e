/**
 * Compatibility of existing data directories (./data-dir.test.ts), with the read models built from the earlier log
 * alone: by today's projector at start (a projection whose logic changed without a new version shows up here), and
 * by `npm run projections:rebuild -- --all` in two threads, which read the log as the event store does (its renames
 * of former event names included) — then served by today's code, with the earlier code's answers under today's
 * event names (./todays-names.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { createAdapters } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import { projectorWorkload } from '../../services/projector-workload';
import { rebuildProjections, type RebuildResult } from '../../services/platform/projector/rebuild';
import { FIXTURE } from './goldens';
import { Run, envOf, fromReadModels } from './run';

const withoutReadModels = (dataDir: string) => rmSync(join(dataDir, 'read-models.sqlite'));

describe(`the data directory fixtures/${FIXTURE}, with its read models rebuilt from the log by today's projector`, () => {
  const run = new Run();
  beforeAll(() => run.start({ prepare: withoutReadModels, groups: fromReadModels }), 60_000);
  afterAll(() => run.close());

  test('the read models are written where they were', () => {
    expect(run.filesBefore).toEqual(['dev-secret', 'events.sqlite']);
    expect(run.dataFiles()).toEqual(['dev-secret', 'events.sqlite', 'read-models.sqlite']);
  });

  test.each(fromReadModels)('%s: the same answers as the earlier code', (group) => {
    expect(run.mismatches(group)).toEqual([]);
  });
});

describe(`the data directory fixtures/${FIXTURE}, with its read models rebuilt by projections:rebuild in two threads`, () => {
  const run = new Run();
  let results: RebuildResult[] = [];
  /** What `npm run projections:rebuild -- --all` does (scripts/projections-rebuild.ts), on the copy. */
  const rebuild = async (dataDir: string) => {
    withoutReadModels(dataDir);
    const adapters = await createAdapters(loadConfig(envOf(dataDir)), pino({ level: 'silent' }));
    try {
      results = await rebuildProjections({
        eventStore: adapters.eventStore,
        readStore: adapters.readStore,
        projections: projectorWorkload.projections,
        threads: 2,
        parallel: adapters.parallelFolding,
        onWarning: (m) => {
          throw new Error(`the rebuild ran in one thread: ${m}`);
        },
      });
    } finally {
      await adapters.readStore.close();
      await adapters.eventStore.close();
    }
  };
  beforeAll(() => run.start({ prepare: rebuild, groups: fromReadModels }), 60_000);
  afterAll(() => run.close());

  test('every projection was folded in two threads, the former event names read as today’s', () => {
    expect(results.map((r) => [r.projection, r.threads])).toEqual(
      projectorWorkload.projections.map((p) => [p.name, 2]),
    );
  });

  test.each(fromReadModels)('%s: the same answers as the earlier code', (group) => {
    expect(run.mismatches(group)).toEqual([]);
  });
});
