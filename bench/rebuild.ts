/**
 * Rebuild benchmark: the data-set generator writes N events straight into a fresh embedded event store, then every
 * projection kezen runs (the modules' and the dashboard's) is rebuilt blue/green into a fresh read store
 * (services/platform/projector/rebuild.ts), in one pass over the log by two threads (each folding half of the streams).
 * events/s = events in the log / seconds to rebuild them.
 *
 * Standalone:
 *   npx tsx bench/rebuild.ts --events 1000000          as `npm run bench` does: generation (in a child), rebuild
 *   npx tsx bench/rebuild.ts --log /tmp/kezen-log-1m   keep the log there (generated when missing) and rebuild it,
 *                                                       e.g. again and again under `node --cpu-prof --import tsx`
 * prints events/s, seconds, CPU seconds (the process's, and each folding thread's: on a shared machine the largest
 * is close to the wall time on an idle one) and peak RSS (VmHWM) of the generation and of the rebuild.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SingleBar, Presets } from 'cli-progress';
import type { Projection } from '../projections/projection';
import {
  createSqliteEventStore,
  type SqliteEventStore,
} from '../services/adapters/sqlite/eventstore/sqlite-event-store';
import { PROJECTOR_WORKLOAD_MODULE, projectorWorkload } from '../services/projector-workload';
import { rebuildProjections } from '../services/platform/projector/rebuild';
import { SqliteReadStore } from '../services/adapters/sqlite/readstore/sqlite-read-store';
import { sqliteParallelFolding } from '../services/adapters/sqlite/projector/rebuild-threads';
import { generateDataset, type GenerateResult } from '../scripts/dataset/generate';
import { round, type RssSampler } from './stats';

/** Every projection kezen runs (derived from the registry: services/projector-workload.ts). */
export function allProjections(): Projection[] {
  return [...projectorWorkload.projections];
}

const progressBar = (progress: boolean) =>
  progress
    ? new SingleBar({ format: ' {task} [{bar}] {value}/{total} events', hideCursor: true }, Presets.shades_classic)
    : undefined;

/**
 * Two threads on this 2-core machine (services/platform/projector/rebuild.ts "Parallel"). Overrides for experiments:
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
    // and decoded once): one pass per projection spent a large share of the rebuild re-reading the log.
    bar?.start(events, 0, { task: `rebuild ${projections.length} projections` });
    const rebuilt = await rebuildProjections({
      eventStore: store,
      readStore,
      projections,
      ...tuning(),
      parallel: sqliteParallelFolding(PROJECTOR_WORKLOAD_MODULE),
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

/**
 * Generates the log in a child process (`--generate`): its heap — the generator keeps the decided cases and grows
 * with the events generated — is gone before the rebuild starts, so the suite's peak RSS is the larger of the two,
 * not their sum. The child's pid goes to the RSS sampler, and its own peak (VmHWM) comes back with the result.
 */
async function generateInChild(events: number, dir: string, onProgress: (n: number) => void, rss?: RssSampler) {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--generate', String(events), '--log', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  rss?.watch(child.pid);
  let result: (GenerateResult & { peakRssBytes: number }) | undefined;
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    if (line.startsWith('progress ')) onProgress(Number(line.slice('progress '.length)));
    else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length)) as typeof result;
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0 || !result) throw new Error(`data-set generation exited with ${code}`);
  if (rss) rss.peakBytes = Math.max(rss.peakBytes, result.peakRssBytes);
  return result;
}

export async function rebuildBench(events: number, progress: boolean, rss?: RssSampler) {
  const dir = mkdtempSync(join(tmpdir(), 'kezen-bench-rebuild-'));
  const bar = progressBar(progress);
  let store: SqliteEventStore | undefined;
  try {
    bar?.start(events, 0, { task: 'generate' });
    const generated = await generateInChild(events, dir, (n) => bar?.update(Math.min(n, events)), rss);
    bar?.stop();
    store = createSqliteEventStore({ dataDir: dir });
    const rebuilt = await rebuildAll(store, dir, generated.events, progress);
    return {
      events: generated.events,
      cases: generated.cases,
      complaints: generated.complaints,
      scenarios: generated.scenarios,
      generateSeconds: round(generated.seconds),
      generateEventsPerSecond: Math.round(generated.events / generated.seconds),
      generatePeakRssMiB: Math.round(generated.peakRssBytes / 2 ** 20),
      ...rebuilt,
    };
  } finally {
    bar?.stop();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const peakRssBytes = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const events = Number(arg('--events') ?? arg('--generate') ?? 100_000);
  if (arg('--generate') !== undefined) {
    // The child of generateInChild: progress and the result on stdout.
    const store = createSqliteEventStore({ dataDir: arg('--log')! });
    let last = 0;
    const generated = await generateDataset({
      events,
      store,
      decidedCases: 3000,
      onProgress: (n) => {
        if (n - last < 10_000) return;
        last = n;
        console.log(`progress ${n}`);
      },
    });
    await store.close();
    console.log(`result ${JSON.stringify({ ...generated, peakRssBytes: peakRssBytes() })}`);
    return;
  }
  const tty = process.stdout.isTTY === true;
  const logDir = arg('--log');
  if (logDir === undefined) {
    // As `npm run bench` does: generation in a child, then the rebuild here.
    const result = await rebuildBench(events, tty);
    console.log(JSON.stringify({ ...result, rebuildPeakRssMiB: Math.round(peakRssBytes() / 2 ** 20) }));
    return;
  }
  if (!existsSync(join(logDir, 'events.sqlite'))) {
    const generated = await generateInChild(events, logDir, () => undefined);
    console.log(`generated ${generated.events} events in ${round(generated.seconds)} s into ${logDir}`);
  }
  const store = createSqliteEventStore({ dataDir: logDir });
  const out = mkdtempSync(join(tmpdir(), 'kezen-bench-rm-'));
  try {
    const head = await store.headPosition();
    const result = await rebuildAll(store, out, head, tty);
    console.log(JSON.stringify({ head, ...result, peakRssMiB: Math.round(peakRssBytes() / 2 ** 20) }));
  } finally {
    await store.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
