/**
 * Rebuild benchmark: the data-set generator writes N events straight into a fresh embedded event store, then every
 * projection kezen runs (the modules' and the dashboard's) is rebuilt blue/green into a fresh read store
 * (services/projector/rebuild.ts), in one pass over the log by two threads (each folding half of the streams).
 * events/s = events in the log / seconds to rebuild them.
 *
 * Standalone:
 *   npx tsx bench/rebuild.ts --events 1000000          generate + rebuild in one process, as `npm run bench` does
 *   npx tsx bench/rebuild.ts --log /tmp/kezen-log-1m   keep the log there (generated when missing) and rebuild it,
 *                                                       e.g. again and again under `node --cpu-prof --import tsx`
 * prints events/s, seconds, CPU seconds (the process's, and each folding thread's: on a shared machine the largest
 * is close to the wall time on an idle one) and the process's peak RSS (VmHWM).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Projection } from '../projections/projection';
import { DASHBOARD_PROJECTIONS } from '../services/dashboard/feature';
import { createSqliteEventStore, type SqliteEventStore } from '../services/eventstore/sqlite/sqlite-event-store';
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

const progressBar = (progress: boolean) =>
  progress
    ? new SingleBar({ format: ' {task} [{bar}] {value}/{total} events', hideCursor: true }, Presets.shades_classic)
    : undefined;

/**
 * Two threads on this 2-core machine (services/projector/rebuild.ts "Parallel"). Overrides for experiments:
 * KEZEN_REBUILD_THREADS, KEZEN_REBUILD_READ_BATCH, KEZEN_REBUILD_FLUSH_EVERY, KEZEN_REBUILD_CACHE_MIB.
 */
function tuning(): { threads: number; readBatch?: number; flushEvery?: number; cacheBytes?: number } {
  const n = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const cacheMiB = n('KEZEN_REBUILD_CACHE_MIB');
  return {
    threads: n('KEZEN_REBUILD_THREADS') ?? Math.min(2, availableParallelism()),
    readBatch: n('KEZEN_REBUILD_READ_BATCH'),
    flushEvery: n('KEZEN_REBUILD_FLUSH_EVERY'),
    cacheBytes: cacheMiB === undefined ? undefined : cacheMiB * 2 ** 20,
  };
}

/** Every projection rebuilt from `store` into a fresh read store in `dir`. */
export async function rebuildAll(store: SqliteEventStore, dir: string, events: number, progress: boolean) {
  const bar = progressBar(progress);
  const readStore = new SqliteReadStore({ filename: join(dir, 'read-models.sqlite') });
  const projections = allProjections();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    // All projections in ONE pass over the log, as `npm run projections:rebuild -- --all` does (each event is read
    // and decoded once). Profiled: one pass per projection spent ~20% of the rebuild re-reading the log.
    bar?.start(events, 0, { task: `rebuild ${projections.length} projections` });
    const rebuilt = await rebuildProjections({
      eventStore: store,
      readStore,
      projections,
      ...tuning(),
      onProgress: (p) => bar?.update(p.events),
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const perProjection: Record<string, { handled: number; documents: number }> = {};
    for (const r of rebuilt) perProjection[r.projection] = { handled: r.handled, documents: r.documents };
    return {
      projections: projections.length,
      rebuildSeconds: round(seconds),
      rebuildEventsPerSecond: Math.round(rebuilt[0]!.events / seconds),
      /** CPU seconds of this process (all threads) during the rebuild: less noisy than wall time on a shared machine. */
      rebuildCpuSeconds: round((used.user + used.system) / 1e6),
      /** Each folding thread's CPU seconds (this machine is shared: the largest is the wall time on an idle one). */
      threadCpuSeconds: rebuilt[0]!.threadCpuSeconds,
      perProjection,
    };
  } finally {
    bar?.stop();
    await readStore.close();
  }
}

export async function rebuildBench(events: number, progress: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kezen-bench-rebuild-'));
  const store = createSqliteEventStore({ dataDir: dir });
  const bar = progressBar(progress);
  try {
    bar?.start(events, 0, { task: 'generate' });
    const generated = await generateDataset({
      events,
      store,
      decidedCases: 3000,
      onProgress: (n) => bar?.update(Math.min(n, events)),
    });
    bar?.stop();
    const rebuilt = await rebuildAll(store, dir, generated.events, progress);
    return {
      events: generated.events,
      cases: generated.cases,
      complaints: generated.complaints,
      scenarios: generated.scenarios,
      generateSeconds: round(generated.seconds),
      generateEventsPerSecond: Math.round(generated.events / generated.seconds),
      ...rebuilt,
    };
  } finally {
    bar?.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const events = Number(arg('--events') ?? 100_000);
  const logDir = arg('--log') ?? mkdtempSync(join(tmpdir(), 'kezen-bench-log-'));
  const fresh = !existsSync(join(logDir, 'events.sqlite'));
  const store = createSqliteEventStore({ dataDir: logDir });
  if (fresh) {
    const generated = await generateDataset({ events, store, decidedCases: 3000 });
    console.log(`generated ${generated.events} events in ${round(generated.seconds)} s into ${logDir}`);
  }
  const out = mkdtempSync(join(tmpdir(), 'kezen-bench-rm-'));
  try {
    const head = await store.headPosition();
    const result = await rebuildAll(store, out, head, process.stdout.isTTY === true);
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    const peakRssMiB = m ? Math.round(Number(m[1]) / 1024) : null;
    console.log(JSON.stringify({ head, ...result, peakRssMiB }));
  } finally {
    await store.close();
    rmSync(out, { recursive: true, force: true });
    if (arg('--log') === undefined) rmSync(logDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
