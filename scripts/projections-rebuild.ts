/**
 * Blue/green rebuild of read models: folds the whole log into fresh physical collections with a
 * progress bar (events/s, ETA) while a running API keeps serving the old ones, then switches atomically; a running
 * projector notices the switch on its next commit and continues from the new generation's checkpoint.
 *
 *   npm run projections:rebuild -- privatization-case-view [more names…]
 *   npm run projections:rebuild -- --all          (one pass over the log for every projection)
 *   npm run projections:rebuild -- --list
 *
 * Uses the same configuration as `npm start` (KEZEN_DATA_DIR, MONGODB_URL, EVENTSTORE_URL…).
 */
import { Presets, SingleBar } from 'cli-progress';
import { availableParallelism } from 'node:os';
import type { Projection } from '../projections/projection';
import { loadConfig } from '../services/platform/config';
import { createAdapters } from '../services/composition';
import { createLogger } from '../services/platform/observability/logger';
import { projectorWorkload } from '../services/projector-workload';
import { rebuildProjections, type RebuildResult } from '../services/platform/projector/rebuild';

function usage(known: readonly Projection[]): string {
  return [
    'usage: npm run projections:rebuild -- <name> [<name>…] | --all | --list',
    'projections:',
    ...known.map((p) => `  ${p.name} (v${p.version}, collection ${p.collection})`),
  ].join('\n');
}

export function selectProjections(args: readonly string[], known: readonly Projection[]): Projection[] {
  if (args.includes('--all')) return [...known];
  const names = args.filter((a) => !a.startsWith('--'));
  if (names.length === 0) throw new Error(usage(known));
  return names.map((n) => {
    const p = known.find((k) => k.name === n);
    if (!p) throw new Error(`Unknown projection "${n}".\n${usage(known)}`);
    return p;
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const known = projectorWorkload.projections;
  if (args.includes('--list') || args.includes('--help') || args.length === 0) {
    console.log(usage(known));
    return;
  }
  const projections = selectProjections(args, known);
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const adapters = await createAdapters(config, logger);
  const bar = new SingleBar(
    {
      format: ' rebuild [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let results: RebuildResult[];
  try {
    const head = await adapters.eventStore.headPosition();
    console.log(
      `Rebuilding ${projections.map((p) => p.name).join(', ')} from ${head} events (the API keeps serving the old version)`,
    );
    bar.start(Math.max(head, 1), 0, { rate: 0 });
    results = await rebuildProjections({
      eventStore: adapters.eventStore,
      readStore: adapters.readStore,
      projections,
      // Two threads on a 2-core machine, each folding half of the streams (embedded stores; otherwise one).
      threads: Math.min(2, availableParallelism()),
      parallel: adapters.parallelFolding,
      onProgress: (p) => {
        bar.setTotal(Math.max(p.head, 1));
        bar.update(p.position, { rate: Math.round(p.eventsPerSecond) });
      },
    });
    bar.stop();
  } finally {
    bar.stop();
    await adapters.readStore.close();
    await adapters.eventStore.close();
    await adapters.close?.();
  }
  for (const r of results) {
    console.log(
      `${r.projection}: generation ${r.previousGeneration ?? '-'} → ${r.generation}, ${r.handled} events applied, ` +
        `${r.documents} documents, ${r.events} events in ${r.seconds.toFixed(2)} s (${Math.round(r.eventsPerSecond)} events/s)`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
