/**
 * `npm run bench`: the whole benchmark suite (event store, HTTP commands, projection lag, rebuild, queries, memory).
 * Prints a table with each target met/missed and writes bench/results.json with the machine's description.
 *
 *   npm run bench                 embedded default: 1,000,000-event rebuild, 15 s per load level
 *   npm run bench -- --quick      fewer events (100,000) and 5 s per level, for development
 *   npm run bench -- --real       the read models and feed on the dev servers (FerretDB + Kafka), plus the feed's
 *                                 end-to-end latency (bench/feed-latency.ts)
 *   npm run bench -- --no-rebuild skip the rebuild (e.g. with --real, whose rebuild is the embedded one anyway)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startFeedLatencyProbe } from './feed-latency';
import { commandLoad, timelineLatency } from './http-load';
import { lagProbe } from './lag';
import { rebuildBench } from './rebuild';
import { startServerProcess, threadCpuSeconds } from './server-process';
import { RssSampler, round } from './stats';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const real = args.has('--real');
const skipRebuild = args.has('--no-rebuild');
const EVENTS = Number(process.env.BENCH_EVENTS ?? (quick ? 100_000 : 1_000_000));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 5 : 15));
const rss = new RssSampler();

async function eventStoreBench() {
  // The event-store engineer's benchmark (bench/eventstore.ts), run as is in a child; its JSON is read back.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'eventstore.ts')], {
    env: { ...process.env, BENCH_SECONDS: String(quick ? 2 : 4) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  rss.watch(child.pid);
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`bench/eventstore.ts exited with ${code}`);
  return JSON.parse(readFileSync(join(__dirname, 'results.eventstore.json'), 'utf8')) as {
    appends: { writers: number; appendsPerSecond: number; p50Ms: number; p99Ms: number }[];
    readAll: { eventsPerSecond: number };
    subscriptionCatchUp: { eventsPerSecond: number };
  };
}

async function httpBench() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kezen-bench-http-'));
  const secret = 'bench-secret-0123456789abcdef0123456789';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KEZEN_DATA_DIR: dataDir,
    KEZEN_JWT_SECRET: secret,
    LOG_LEVEL: 'warn',
    KEZEN_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  if (real) {
    const { startDevServers } = await import('../scripts/dev-servers');
    const servers = await startDevServers();
    env.MONGODB_URL = servers.mongoUrl;
    // A database of its own: the dev servers outlive a run, and checkpoints of an earlier log must not be reused.
    env.MONGODB_DATABASE = `bench_${Date.now().toString(36)}`;
    env.KAFKA_BROKERS = servers.kafkaBrokers;
  }
  // kezen in its own process, as `npm start` runs it: the load generator does not share its event loop or CPU time.
  const server = await startServerProcess(env);
  rss.watch(server.pid); // the server's peak RSS (projector thread included) counts too
  const target = { port: server.port, secret };
  try {
    const levels = [];
    // BENCH_CLIENTS=4,16: other load levels (e.g. one the FerretDB read models can sustain, for the feed latency).
    for (const clients of (process.env.BENCH_CLIENTS ?? '16,64').split(',').map(Number)) {
      const feedProbe = real ? await startFeedLatencyProbe(env.KAFKA_BROKERS!.split(',')) : undefined;
      const probe = lagProbe(server.port);
      const cpuBefore = server.cpuMs();
      const threadsBefore = await threadCpuSeconds(server.port);
      const load = await commandLoad(target, clients, SECONDS);
      const serverCpuMsPerCommand = round((server.cpuMs() - cpuBefore) / load.commands, 3);
      // Per thread (request loop, projector, writer; the rest is V8's GC threads and libuv's): where the CPU goes.
      const threadsAfter = await threadCpuSeconds(server.port);
      const threadCpuMsPerCommand: Record<string, number> = {};
      for (const [thread, seconds] of Object.entries(threadsAfter))
        threadCpuMsPerCommand[thread] = round(((seconds - (threadsBefore[thread] ?? 0)) * 1000) / load.commands, 3);
      const projectionLag = await probe.stop();
      const feedLatency = await feedProbe?.stop(join(dataDir, 'events.sqlite'));
      levels.push({
        ...load,
        serverCpuMsPerCommand,
        threadCpuMsPerCommand,
        projectionLag,
        ...(feedLatency ? { feedLatency } : {}),
      });
      console.log(`HTTP ${clients} clients:`, JSON.stringify(levels[levels.length - 1]));
    }
    const reads = await timelineLatency(target, quick ? 200 : 1000);
    return { levels, reads };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Row = { measure: string; value: string; target: string; met: string };
const row = (measure: string, value: number | string, target: string, met: boolean | undefined): Row => ({
  measure,
  value: String(value),
  target,
  met: met === undefined ? '' : met ? 'met' : 'MISSED',
});

async function main() {
  rss.start();
  const started = new Date();
  console.log(
    `kezen benchmark suite (${quick ? 'quick' : 'full'}${real ? ', real servers' : ''}): ${EVENTS} events for the rebuild`,
  );
  const es = await eventStoreBench();
  const http = await httpBench();
  const rebuild = skipRebuild ? undefined : await rebuildBench(EVENTS, process.stdout.isTTY === true, rss);
  console.log('rebuild:', JSON.stringify(rebuild ?? 'skipped (--no-rebuild)'));
  rss.stop();
  const peakRssMiB = round(rss.peakBytes / 2 ** 20, 0);

  const rows: Row[] = [];
  for (const a of es.appends)
    rows.push(
      row(
        `appends/s, ${a.writers} writers (p50 ${a.p50Ms} ms, p99 ${a.p99Ms} ms)`,
        a.appendsPerSecond,
        a.writers === 64 ? '≥ 10,000/s, p99 < 20 ms' : '',
        a.writers === 64 ? a.appendsPerSecond >= 10_000 && a.p99Ms < 20 : undefined,
      ),
    );
  rows.push(row('read-all events/s', es.readAll.eventsPerSecond, '≥ 200,000/s', es.readAll.eventsPerSecond >= 200_000));
  rows.push(row('subscription catch-up events/s', es.subscriptionCatchUp.eventsPerSecond, '', undefined));
  for (const l of http.levels) {
    rows.push(
      row(
        `HTTP commands/s, ${l.clients} clients (p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms; server ${l.serverCpuMsPerCommand} ` +
          `CPU-ms/command: ${Object.entries(l.threadCpuMsPerCommand)
            .map(([t, ms]) => `${t} ${ms}`)
            .join(', ')})`,
        l.commandsPerSecond,
        '≥ 3,000/s, p99 < 50 ms',
        l.commandsPerSecond >= 3000 && l.p99Ms < 50,
      ),
    );
    rows.push(
      row(
        `projection lag, ${l.clients} clients (p50 ${l.projectionLag.p50Ms} ms` +
          (l.projectionLag.unresolved > 0
            ? `; ${l.projectionLag.unresolved} of ${l.projectionLag.unresolved + l.projectionLag.count} probes never caught up)`
            : ')'),
        l.projectionLag.count > 0 ? `p99 ${l.projectionLag.p99Ms} ms` : 'n/a',
        'p99 < 500 ms',
        l.projectionLag.p99Ms < 500 && l.projectionLag.unresolved === 0,
      ),
    );
    if (l.feedLatency) {
      const f = l.feedLatency;
      rows.push(
        row(
          `feed append → Kafka consumed, ${l.clients} clients (p50 ${f.p50Ms} ms, max ${f.maxMs} ms, ${f.messages} msgs` +
            (f.lastConsumedPosition < f.logHead ? `; feed ${f.logHead - f.lastConsumedPosition} events behind)` : ')'),
          `p99 ${f.p99Ms} ms`,
          '',
          undefined,
        ),
      );
    }
  }
  if (rebuild) {
    rows.push(
      row(
        `rebuild events/s (${rebuild.events} events, ${rebuild.projections} projections)`,
        rebuild.rebuildEventsPerSecond,
        '≥ 50,000/s',
        rebuild.rebuildEventsPerSecond >= 50_000,
      ),
    );
    rows.push(
      row(
        'rebuild seconds',
        rebuild.rebuildSeconds,
        EVENTS >= 1_000_000 ? '< 20 s for 1M' : '(1M only)',
        EVENTS >= 1_000_000 ? rebuild.rebuildSeconds < 20 : undefined,
      ),
    );
    rows.push(row('data-set generation events/s', rebuild.generateEventsPerSecond, '', undefined));
  }
  rows.push(
    row(
      `timeline p99 (${http.reads.caseEvents}-event case)`,
      http.reads.timeline.failedStatus ? `HTTP ${http.reads.timeline.failedStatus}` : `${http.reads.timeline.p99Ms} ms`,
      '< 20 ms',
      http.reads.timeline.p99Ms < 20,
    ),
  );
  rows.push(
    row(
      'time-travel p99 (state?asOf=)',
      http.reads.timeTravel.failedStatus
        ? `HTTP ${http.reads.timeTravel.failedStatus}`
        : `${http.reads.timeTravel.p99Ms} ms`,
      '< 20 ms',
      http.reads.timeTravel.p99Ms < 20,
    ),
  );
  rows.push(row('peak RSS', `${peakRssMiB} MiB`, '< 1 GiB', peakRssMiB < 1024));
  console.table(rows);

  const results = {
    suite: 'kezen npm run bench',
    mode: quick ? 'quick' : 'full',
    adapters: real
      ? 'SQLite event store + FerretDB read models + Kafka feed'
      : 'embedded (SQLite event store and read models)',
    date: started.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${platform()} ${release()}`,
    },
    eventStore: es,
    http,
    rebuild,
    peakRssMiB,
    table: rows,
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written bench/results.json');
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
