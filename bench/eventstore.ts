/**
 * Benchmark of the embedded event store, durable (WAL, synchronous=FULL) in a temp directory:
 * single-event appends/s and p50/p99 latency with 1, 16 and 64 concurrent writers on distinct streams, read-all
 * events/s, subscription catch-up events/s. Prints a table and writes bench/results.eventstore.json.
 *
 *   npm run bench:eventstore            (BENCH_SECONDS=<n> per writer scenario, default 4)
 */
import { privatizationStream } from '../domain/privatization/stream';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../contracts/envelope';
import {
  createSqliteEventStore,
  type SqliteEventStore,
} from '../services/adapters/sqlite/eventstore/sqlite-event-store';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WRITERS = (process.env.BENCH_WRITERS ?? '1,16,64').split(',').map(Number);

function event(n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'DocumentsReceived',
    schemaVersion: 1,
    data: {
      caseId: randomUUID(),
      sequence: n,
      documents: ['identity-document', 'title-deed'],
      receivedOn: '2025-06-02',
    },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { sub: 'officer-17', roles: ['provider-officer'], providerId: 'akimat-almaty' },
      occurredAt: '2025-06-02T09:00:00.000Z',
      regulationVersion: 'order-115-2025',
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
/** CPU time of this process (user + system), in µs: a figure less disturbed by other load on a shared machine. */
const cpuSince = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return d.user + d.system;
};
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function appendScenario(store: SqliteEventStore, writers: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const stream = privatizationStream(randomUUID());
      for (let revision = -1; performance.now() < deadline; revision += 1) {
        const t0 = performance.now();
        await store.append(stream, [event(revision + 1)], revision === -1 ? 'no-stream' : revision);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuMicros = cpuSince(cpu0);
  latencies.sort((a, b) => a - b);
  return {
    writers,
    appends: latencies.length,
    appendsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
    cpuMicrosPerAppend: round(cpuMicros / latencies.length),
  };
}

/** `touch: 'envelope'` reads ids/types/positions (data and metadata stay unparsed); 'all' parses every field. */
async function readAllScenario(store: SqliteEventStore, touch: 'envelope' | 'all') {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let count = 0;
  let checksum = 0;
  for (let after = 0; ;) {
    const batch = await store.readAll(after, 1000);
    count += batch.length;
    for (const e of batch) {
      checksum += e.type.length + e.revision;
      if (touch === 'all') checksum += e.metadata.hash.length + (e.data === null ? 0 : 1);
    }
    if (batch.length < 1000) break;
    after = batch[batch.length - 1]!.position;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuMicros = cpuSince(cpu0);
  return {
    events: count,
    eventsPerSecond: Math.round(count / seconds),
    eventsPerCpuSecond: Math.round(count / (cpuMicros / 1e6)),
    checksum,
  };
}

async function catchUpScenario(store: SqliteEventStore) {
  const head = await store.headPosition();
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let count = 0;
  await new Promise<void>((resolve) => {
    const sub = store.subscribeToAll(
      0,
      async (events) => {
        count += events.length;
        if (events[events.length - 1]!.position >= head) void sub.stop().then(resolve);
      },
      { batchSize: 1000 },
    );
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuMicros = cpuSince(cpu0);
  return {
    events: count,
    eventsPerSecond: Math.round(count / seconds),
    eventsPerCpuSecond: Math.round(count / (cpuMicros / 1e6)),
  };
}

async function main() {
  const loadAtStart = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'kezen-bench-es-'));
  const store = createSqliteEventStore({ dataDir });
  try {
    const appends = [];
    for (const writers of WRITERS) appends.push(await appendScenario(store, writers));
    const readAll = await readAllScenario(store, 'envelope');
    const readAllParsed = await readAllScenario(store, 'all');
    const catchUp = await catchUpScenario(store);
    const results = {
      benchmark: 'eventstore (embedded SQLite, WAL, synchronous=FULL, group commit)',
      date: new Date().toISOString(),
      loadAverageAtStart: loadAtStart.map((l) => round(l)),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: round(totalmem() / 2 ** 30),
        freeMemoryGiB: round(freemem() / 2 ** 30),
        node: process.version,
        platform: `${platform()} ${release()}`,
      },
      secondsPerScenario: SECONDS,
      appends,
      readAll,
      readAllEveryFieldParsed: readAllParsed,
      subscriptionCatchUp: catchUp,
      targets: {
        appendsPerSecondAt64: { target: 10000, met: (appends[2]?.appendsPerSecond ?? 0) >= 10000 },
        p99MsAt64: { target: 20, met: (appends[2]?.p99Ms ?? Infinity) < 20 },
        readAllEventsPerSecond: { target: 200000, met: readAll.eventsPerSecond >= 200000 },
        readAllEveryFieldParsedEventsPerSecond: { target: 200000, met: readAllParsed.eventsPerSecond >= 200000 },
      },
    };
    console.table(appends);
    console.table({ readAll, readAllEveryFieldParsed: readAllParsed, subscriptionCatchUp: catchUp });
    console.log('targets', JSON.stringify(results.targets));
    writeFileSync(join(__dirname, 'results.eventstore.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('written bench/results.eventstore.json');
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
