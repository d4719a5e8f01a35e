/**
 * Rebuild benchmark: the data-set generator writes N events straight into a fresh embedded event store, then every
 * projection kezen runs (the modules' and the dashboard's) is rebuilt blue/green into a fresh read store
 * (services/projector/rebuild.ts), all in one pass over the log. events/s = events in the log / seconds to rebuild them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Projection } from '../projections/projection';
import { DASHBOARD_PROJECTIONS } from '../services/dashboard/feature';
import { createSqliteEventStore } from '../services/eventstore/sqlite/sqlite-event-store';
import { serviceModules } from '../services/platform/modules';
import { rebuildProjections } from '../services/projector/rebuild';
import { SqliteReadStore } from '../services/readstore/sqlite/sqlite-read-store';
import { generateDataset } from '../scripts/dataset/generate';
import { round } from './stats';

export function allProjections(): Projection[] {
  const seen = new Map<string, Projection>();
  for (const p of [...serviceModules.flatMap((m) => m.projections as readonly Projection[]), ...DASHBOARD_PROJECTIONS])
    if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()];
}

export async function rebuildBench(events: number, progress: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kezen-bench-rebuild-'));
  const store = createSqliteEventStore({ dataDir: dir });
  const bar = progress
    ? new SingleBar({ format: ' {task} [{bar}] {value}/{total} events', hideCursor: true }, Presets.shades_classic)
    : undefined;
  try {
    bar?.start(events, 0, { task: 'generate' });
    const generated = await generateDataset({
      events,
      store,
      decidedCases: 3000,
      onProgress: (n) => bar?.update(Math.min(n, events)),
    });
    bar?.stop();
    const readStore = new SqliteReadStore({ filename: join(dir, 'read-models.sqlite') });
    const projections = allProjections();
    const started = performance.now();
    // All projections in ONE pass over the log, as `npm run projections:rebuild -- --all` does (each event is read
    // and decoded once). Profiled: one pass per projection spent ~20% of the rebuild re-reading the log.
    bar?.start(generated.events, 0, { task: `rebuild ${projections.length} projections` });
    const rebuilt = await rebuildProjections({
      eventStore: store,
      readStore,
      projections,
      onProgress: (p) => bar?.update(p.events),
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    const perProjection: Record<string, { handled: number; documents: number }> = {};
    for (const r of rebuilt) perProjection[r.projection] = { handled: r.handled, documents: r.documents };
    await readStore.close();
    return {
      events: generated.events,
      cases: generated.cases,
      complaints: generated.complaints,
      scenarios: generated.scenarios,
      generateSeconds: round(generated.seconds),
      generateEventsPerSecond: Math.round(generated.events / generated.seconds),
      projections: projections.length,
      rebuildSeconds: round(seconds),
      rebuildEventsPerSecond: Math.round(generated.events / seconds),
      perProjection,
    };
  } finally {
    bar?.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
