/**
 * `npx tsx bench/pipeline.ts`: CPU per command of the command path in-process — the route's handler (role, schema,
 * the command pipeline, the answer) over an in-memory store, without sockets or Express — so a change of the
 * pipeline can be compared before/after on a shared machine, where `npm run bench` is too noisy for small
 * differences. Prints the median of BENCH_ROUNDS rounds of BENCH_COMMANDS commands (no Idempotency-Key, as the
 * HTTP load of bench/http-load.ts sends them), and the young-generation collections per 10,000 commands — a
 * measure of what the path allocates that is less sensitive to other load on the machine than CPU time.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { Type } from '@sinclair/typebox';
import type { Request, Response } from 'express';
import type { NewEvent, RecordedEvent } from '../contracts/envelope';
import type { Command, Decider, DomainEvent } from '../domain/shared/decider';
import type { Principal } from '../services/platform/auth/principal';
import { createCommandService } from '../services/platform/commands/pipeline';
import {
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadStreamOptions,
} from '../services/platform/eventstore/port';
import { commandHandlers } from '../services/platform/http/routes/commands';
import { createMetrics } from '../services/platform/observability/metrics';
import type { ServiceModule } from '../services/platform/service-module';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CASES = 2_000;

interface Tally {
  providerId?: string;
  total: number;
}

const tally: Decider<Command, DomainEvent, Tally> = {
  initialState: { total: 0 },
  decide(command) {
    const data = command.data as { providerId?: string; by?: number };
    return command.type === 'Open'
      ? [{ type: 'Opened', data: { providerId: data.providerId } }]
      : [{ type: 'Counted', data: { by: data.by } }];
  },
  evolve(state, event) {
    const data = event.data as { providerId?: string; by?: number };
    return event.type === 'Opened'
      ? { ...state, providerId: data.providerId }
      : { ...state, total: state.total + (data.by ?? 0) };
  },
};

const module = {
  service: 'privatization',
  title: 'Bench',
  basePath: '/v1/bench/cases',
  streamPrefix: 'bench-',
  decider: tally,
  createCommand: { name: 'Open' },
  commandSchemas: {
    Open: Type.Object({ caseId: Type.String(), providerId: Type.String() }, { additionalProperties: false }),
    Count: Type.Object({ by: Type.Integer() }, { additionalProperties: false }),
  },
  eventSchemas: {},
  commandRoles: { Open: ['provider-officer'], Count: ['provider-officer'] },
  partiesOf: (s: Tally) => ({ providerId: s.providerId, memberIins: [] }),
  partiesOfCreate: (b: { providerId?: string }) => ({ providerId: b.providerId, memberIins: [] }),
  regulationVersionOf: () => 'order-115-2025',
  projections: [],
  readModels: { cases: 'bench' },
} as unknown as ServiceModule;

/** A store that answers appends with the recorded events, as the embedded store does (no read-back). */
class BenchStore implements Partial<EventStore> {
  private readonly streams = new Map<string, RecordedEvent[]>();
  private position = 0;

  async append(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    let stream = this.streams.get(streamName);
    const current = stream ? stream.length - 1 : -1;
    if (expected === 'no-stream' ? current >= 0 : typeof expected === 'number' && expected !== current)
      throw new WrongExpectedRevision(streamName, expected, current < 0 ? 'no-stream' : current);
    if (!stream) this.streams.set(streamName, (stream = []));
    const recorded: RecordedEvent[] = [];
    for (const e of events) {
      const r: RecordedEvent = {
        ...e,
        metadata: { ...e.metadata, recordedAt: e.metadata.occurredAt, prevHash: '', hash: '' },
        streamName,
        revision: stream.length,
        position: ++this.position,
      };
      stream.push(r);
      recorded.push(r);
    }
    return { nextRevision: stream.length - 1, position: this.position, recorded };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (this.streams.get(streamName) ?? []).slice(options.fromRevision ?? 0, (options.toRevision ?? 1e15) + 1);
  }
}

const principal: Principal = { sub: 'officer-1', roles: ['provider-officer'], providerId: 'p-1' };
const res = {
  locals: { principal },
  status() {
    return this;
  },
  set() {
    return this;
  },
  location() {
    return this;
  },
  json() {
    return this;
  },
} as unknown as Response;
const noHeaders = () => undefined;

async function main() {
  const store = new BenchStore() as unknown as EventStore;
  const commands = createCommandService({
    store,
    calendar: {} as never,
    regulations: {} as never,
    signatures: {} as never,
    modules: [module],
  });
  const metrics = createMetrics();
  const handlers = commandHandlers(module, {
    commands,
    metrics,
    clock: () => new Date('2026-03-02T05:00:00.000Z'),
  });
  const caseIds = Array.from({ length: CASES }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  for (const caseId of caseIds)
    await handlers.create(
      { body: { caseId, providerId: 'p-1' }, get: noHeaders } as unknown as Request,
      res as unknown as Response,
    );
  const body = { by: 1 };
  const requests = caseIds.map(
    (caseId) => ({ params: { caseId, command: 'Count' }, body, get: noHeaders }) as unknown as Request,
  );
  let minorGcs = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR)
        minorGcs += 1;
  });
  gcs.observe({ entryTypes: ['gc'] });
  const round = async () => {
    const before = process.cpuUsage();
    for (let i = 0; i < COMMANDS; i += 1) await handlers.command(requests[i % CASES]!, res);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / COMMANDS;
  };
  await round(); // warm-up
  await new Promise((r) => setImmediate(r));
  minorGcs = 0;
  const perCommand: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) perCommand.push(await round());
  await new Promise((r) => setImmediate(r)); // the observer's last entries
  gcs.disconnect();
  perCommand.sort((a, b) => a - b);
  const median = perCommand[Math.floor(perCommand.length / 2)]!;
  console.log(
    JSON.stringify({
      commands: COMMANDS,
      rounds: ROUNDS,
      cpuMsPerCommand: { median: +median.toFixed(4), min: +perCommand[0]!.toFixed(4) },
      commandsPerCpuSecond: Math.round(1000 / median),
      minorGcsPer10kCommands: +((minorGcs * 10_000) / (COMMANDS * ROUNDS)).toFixed(2),
    }),
  );
}

void main();
