/**
 * The data-set generator: realistic histories (providers with skewed sizes, three tracks, all forms, both channels,
 * ~15 events per case, refusals with hearings, withdrawals, open cases, complaints) made by the real deciders and
 * written straight into an event store as one atomic append per command, many appends in flight (the embedded
 * store's group commit batches them into few transactions).
 *
 *   npx tsx scripts/dataset/generate.ts --events 1000000 --data-dir /tmp/kezen-data   (writes events.sqlite there)
 */
import { COMPLAINT_STREAM_PREFIX } from '../../domain/complaints/stream';
import { createCalendar } from '../../domain/calendar';
import { defaultRegulations } from '../../domain/regulation';
import { testSignatureVerifier, TEST_IINS } from '../../domain/privatization/testing/fixtures';
import { commandEventId } from '../../services/platform/commands/ids';
import type { EventStore } from '../../services/platform/eventstore/port';
import type { GeneratedCommand } from './case-run';
import { complaintCase } from './complaint-case';
import { FORMS, TRACKS, privatizationCase, type CasePlan, type Scenario } from './privatization-case';
import { createRng, skewedPicker } from './random';

export const PROVIDERS: readonly string[] = [
  'akimat-astana',
  'akimat-almaty',
  'akimat-shymkent',
  'akimat-karaganda',
  'akimat-aktobe',
  'akimat-pavlodar',
  'akimat-oskemen',
  'akimat-semey',
  'akimat-taraz',
  'akimat-kostanay',
  'akimat-kyzylorda',
  'akimat-atyrau',
  'akimat-oral',
  'akimat-petropavl',
  'akimat-aktau',
  'akimat-turkistan',
  'akimat-kokshetau',
  'akimat-taldykorgan',
  'akimat-ekibastuz',
  'akimat-zhezkazgan',
];

export interface GenerateOptions {
  /** Stop once at least this many events are written. */
  events: number;
  store: EventStore;
  seed?: number;
  /** Appends in flight (default 256). */
  concurrency?: number;
  onProgress?: (events: number) => void;
  /** Cases decided by the real deciders before re-keyed copies take over (default: all). */
  decidedCases?: number;
}

export interface GenerateResult {
  cases: number;
  complaints: number;
  events: number;
  commands: number;
  seconds: number;
  scenarios: Record<Scenario, number>;
  /** Commands whose events went to the store, in order per stream (for checks). */
  perProvider: Record<string, number>;
}

const SCENARIOS: readonly [Scenario, number][] = [
  ['contracted', 0.62],
  ['refused-after-hearing', 0.12],
  ['withdrawn', 0.06],
  ['open', 0.2],
];

/** First working days from July 2025 to October 2026 (order No. 115 in force; calendar data loaded). */
function startDays(calendar: ReturnType<typeof createCalendar>): string[] {
  const days: string[] = [];
  for (let d = calendar.workingDayOnOrAfter('2025-07-01'); d < '2026-11-01'; d = calendar.nextWorkingDay(d))
    days.push(d);
  return days;
}

type GeneratedCase = { commands: GeneratedCommand[]; plan: CasePlan; complaint: boolean };

/**
 * A case re-keyed: the same history under a fresh case id (and complaint id), fresh command and event ids. Used
 * after `decidedCases` cases to reach a million events quickly: deciding a case (EDS signing, mostly) is far slower
 * than copying one. The copies' EDS values were made over the original case id, so they are for throughput figures,
 * not for signature audits (docs/PERFORMANCE.md, "The data set").
 */
function rekey(original: DecidedCase, rng: ReturnType<typeof createRng>): GeneratedCase {
  const caseId = rng.uuid();
  let text = original.json.split(original.plan.caseId).join(caseId);
  if (original.complaintId) text = text.split(original.complaintId).join(rng.uuid());
  const commands = JSON.parse(text) as GeneratedCommand[];
  const ids = new Map<string, string>();
  for (const c of commands) {
    const commandId = rng.uuid();
    ids.set(c.commandId, commandId);
    c.commandId = commandId;
    c.events.forEach((e, i) => {
      e.eventId = commandEventId(commandId, i);
      e.metadata.commandId = commandId;
      e.metadata.correlationId = ids.get(e.metadata.correlationId) ?? commandId;
      e.metadata.causationId = ids.get(e.metadata.causationId) ?? commandId;
    });
  }
  return { commands, plan: { ...original.plan, caseId }, complaint: original.complaint };
}

/**
 * What re-keying needs of a decided case: its commands as JSON text only. Keeping the decided cases as objects too
 * held them on the heap through the whole generation, and the generator's peak RSS is the benchmark suite's peak.
 */
interface DecidedCase {
  json: string;
  plan: CasePlan;
  complaint: boolean;
  complaintId: string | undefined;
}

/** Cases decided by the real deciders first (`decidedCases`, default unlimited), then re-keyed copies of them. */
export function* generateCases(seed = 115, decidedCases = Infinity): Generator<GeneratedCase> {
  const decided = yield* decideCases(seed, decidedCases);
  const rng = createRng(seed ^ 0x5eed);
  for (;;) {
    const i = rng.int(decided.length);
    yield rekey(decided[i]!, rng);
  }
}

function* decideCases(seed: number, limit: number): Generator<GeneratedCase, DecidedCase[]> {
  const kept: DecidedCase[] = [];
  const rng = createRng(seed);
  const calendar = createCalendar();
  const base = { calendar, regulations: defaultRegulations(), signatures: testSignatureVerifier() };
  const provider = skewedPicker(PROVIDERS, rng);
  const days = startDays(calendar);
  for (;;) {
    const r = rng.next();
    let acc = 0;
    const scenario = SCENARIOS.find(([, w]) => (acc += w) > r)?.[0] ?? 'contracted';
    const plan: CasePlan = {
      caseId: rng.uuid(),
      providerId: provider(),
      track: rng.pick(TRACKS),
      form: rng.pick(FORMS),
      channel: rng.chance(0.35) ? 'portal' : 'state-corporation',
      scenario,
      startOn: rng.pick(days),
    };
    const run = privatizationCase(plan, base, rng);
    const commands = [...run.commands];
    const complaint = scenario !== 'withdrawn' && rng.chance(0.06);
    if (complaint) {
      const lodgedOn = calendar.addWorkingDays(plan.startOn, 3).dueOn;
      commands.push(
        ...complaintCase(
          { caseId: plan.caseId, providerId: plan.providerId, applicantIin: TEST_IINS.applicant, lodgedOn },
          base,
          rng,
        ).commands,
      );
    }
    const generated = { commands, plan, complaint };
    const complaintStream = commands.find((c) => c.streamName.startsWith(COMPLAINT_STREAM_PREFIX))?.streamName;
    kept.push({
      json: JSON.stringify(commands),
      plan,
      complaint,
      complaintId: complaintStream?.slice(COMPLAINT_STREAM_PREFIX.length),
    });
    yield generated;
    if (kept.length >= limit) return kept;
  }
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 256;
  const result: GenerateResult = {
    cases: 0,
    complaints: 0,
    events: 0,
    commands: 0,
    seconds: 0,
    scenarios: { contracted: 0, 'refused-after-hearing': 0, withdrawn: 0, open: 0 },
    perProvider: {},
  };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  // Bulk load: a case's whole stream in one append (its events keep their per-command metadata); cases concurrently.
  const writeCase = async (commands: GeneratedCommand[]) => {
    const streams = new Map<string, GeneratedCommand['events']>();
    for (const c of commands) streams.set(c.streamName, [...(streams.get(c.streamName) ?? []), ...c.events]);
    for (const [stream, events] of streams) await options.store.append(stream, events, 'no-stream');
  };
  for (const { commands, plan, complaint } of generateCases(options.seed, options.decidedCases)) {
    if (result.events >= options.events) break;
    if (failure) throw failure;
    result.cases += 1;
    result.complaints += complaint ? 1 : 0;
    result.scenarios[plan.scenario] += 1;
    result.perProvider[plan.providerId] = (result.perProvider[plan.providerId] ?? 0) + 1;
    result.commands += commands.length;
    result.events += commands.reduce((n, c) => n + c.events.length, 0);
    const p: Promise<void> = writeCase(commands).then(
      () => void inFlight.delete(p),
      (e: unknown) => {
        failure ??= e;
        inFlight.delete(p);
      },
    );
    inFlight.add(p);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (result.cases % 200 === 0) options.onProgress?.(result.events);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  options.onProgress?.(result.events);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
