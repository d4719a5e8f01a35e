/**
 * The deadline watcher on the embedded parts: SQLite event store, SQLite read store, the projector with
 * the deadline index, the real privatization decider, calendar and regulation. Annex 1 item 3.1: the commission's
 * decision within 30 calendar days of submission; Civil Code art. 176–178: the term ends at the end of its last day.
 */
import { privatizationStream } from '../../../domain/privatization/stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { createCalendar } from '../../../domain/calendar';
import { defaultRegulations } from '../../../domain/regulation';
import {
  testSignatureVerifier,
  TEST_ACTOR,
  validSubmitApplication,
} from '../../../domain/privatization/testing/fixtures';
import { deadlineIndexProjection } from '../../../projections/dashboard/deadline-index';
import { createCommandService, type CommandService } from '../../platform/commands';
import { createSqliteEventStore, type SqliteEventStore } from '../../adapters/sqlite/eventstore/sqlite-event-store';
import { privatizationModule } from '../privatization/module';
import { Projector } from '../../platform/projector/projector';
import { SqliteReadStore } from '../../adapters/sqlite/readstore/sqlite-read-store';
import { approachingDeadlines } from './approaching';
import { readStoreDeadlines } from './open-deadlines';
import { DeadlineWatcher, type WatchedService } from './watcher';

const calendar = createCalendar();
const regulations = defaultRegulations();
const signatures = testSignatureVerifier();
const services = [privatizationModule as unknown as WatchedService];
const SUBMITTED_AT = '2026-04-01T05:00:00Z'; // Wednesday 1 April 2026, 10:00 Almaty

interface Env {
  dir: string;
  store: SqliteEventStore;
  commands: CommandService;
  readStore: SqliteReadStore;
  projector: Projector;
}

let env: Env;

async function open(dir: string): Promise<Env> {
  const store = createSqliteEventStore({ dataDir: dir });
  const readStore = new SqliteReadStore({ filename: join(dir, 'read.sqlite') });
  const projector = new Projector({ eventStore: store, readStore, projections: [deadlineIndexProjection] });
  await projector.start();
  const commands = createCommandService({ store, calendar, regulations, signatures, modules: services });
  return { dir, store, commands, readStore, projector };
}

async function close(e: Env): Promise<void> {
  await e.projector.stop();
  await e.readStore.close();
  await e.store.close();
}

async function caught(e: Env): Promise<void> {
  const head = await e.store.headPosition();
  expect(await e.projector.waitForPosition(head, 5000)).toBe(true);
}

function watcher(e: Env, at: string): DeadlineWatcher {
  return new DeadlineWatcher({
    commands: e.commands,
    deadlines: readStoreDeadlines(e.readStore),
    services,
    calendar,
    clock: () => new Date(at),
  });
}

async function submitCase(e: Env): Promise<{ caseId: string; streamName: string; dueOn: string }> {
  const caseId = uuidv4();
  const streamName = privatizationStream(caseId);
  const result = await e.commands.execute({
    module: privatizationModule as WatchedService,
    name: 'SubmitApplication',
    data: validSubmitApplication({ caseId, channel: 'state-corporation', signedAt: '2026-03-31T05:00:00Z' }),
    create: true,
    principal: { sub: 'user:intake', roles: ['intake-operator'] },
    now: SUBMITTED_AT,
  });
  if (result.outcome !== 'accepted') throw new Error(`not submitted: ${JSON.stringify(result)}`);
  const set = result.events.find(
    (ev) =>
      ev.type === 'DeadlineSet' && (ev.data as { deadline: { deadlineId: string } }).deadline.deadlineId === 'decision',
  );
  const dueOn = (set!.data as { deadline: { dueOn: string } }).deadline.dueOn;
  await caught(e);
  return { caseId, streamName, dueOn };
}

async function missedEvents(e: Env, streamName: string) {
  return (await e.store.readStream(streamName)).filter((ev) => ev.type === 'DeadlineMissed');
}

/** 01:00 Almaty on the day after `date` (UTC+5). */
const dayAfter = (date: string) => `${date}T20:00:00Z`;

beforeEach(async () => {
  env = await open(mkdtempSync(join(tmpdir(), 'kezen-watcher-')));
});
afterEach(async () => {
  await close(env);
  rmSync(env.dir, { recursive: true, force: true });
});

describe('the deadline watcher records a missed term exactly once (Annex 1 item 3.1; Civil Code art. 176–178)', () => {
  test('a deadline due today is not yet missed: the term ends at the end of its last day', async () => {
    const c = await submitCase(env);
    const result = await watcher(env, `${c.dueOn}T12:00:00Z`).tick(); // 17:00 Almaty on the due date
    expect(result).toMatchObject({ examined: 0, recorded: 0 });
    expect(await missedEvents(env, c.streamName)).toHaveLength(0);
  });

  test('the day after the due date, DeadlineMissed is appended by the system actor, citing the rule', async () => {
    const c = await submitCase(env);
    const result = await watcher(env, dayAfter(c.dueOn)).tick();
    expect(result.recorded).toBe(1);
    const [missed] = await missedEvents(env, c.streamName);
    expect(missed!.data).toMatchObject({
      deadlineId: 'decision',
      dueOn: c.dueOn,
      detectedBy: 'watcher',
      rule: expect.stringContaining('Annex 1 item 3'),
    });
    expect(missed!.metadata.actor.sub).toBe('system:deadline-watcher');
  });

  test('exactly once across a restart: a new process looks again and appends nothing more', async () => {
    const c = await submitCase(env);
    const at = dayAfter(c.dueOn);
    expect((await watcher(env, at).tick()).recorded).toBe(1);
    // Restart before the read model caught up: the index still says "open"; the command id makes it a no-op.
    await close(env);
    env = await open(env.dir);
    const again = await watcher(env, at).tick();
    expect(again.recorded).toBe(0);
    await caught(env);
    const later = await watcher(env, `${calendar.addWorkingDays(c.dueOn, 5).dueOn}T06:00:00Z`).tick();
    expect(later.recorded).toBe(0);
    expect(await missedEvents(env, c.streamName)).toHaveLength(1);
  });

  test('two watcher instances at once produce one DeadlineMissed', async () => {
    const cases = await Promise.all([submitCase(env), submitCase(env), submitCase(env)]);
    const at = dayAfter(
      cases
        .map((c) => c.dueOn)
        .sort()
        .at(-1)!,
    );
    const [a, b] = await Promise.all([watcher(env, at).tick(), watcher(env, at).tick()]);
    for (const c of cases) expect(await missedEvents(env, c.streamName)).toHaveLength(1);
    // Each instance accounted for all three; the deterministic event ids made the twin's append a re-send.
    expect(a.recorded + a.alreadyRecorded).toBe(3);
    expect(b.recorded + b.alreadyRecorded).toBe(3);
    expect(a.failed + b.failed).toBe(0);
  });

  test('a deadline met on time: nothing is appended', async () => {
    const c = await submitCase(env);
    // The fact the decider records when the commission decides on time (domain/privatization/deadlines): the
    // watcher reads the index built from it, so a met deadline must stay untouched.
    await env.store.append(
      c.streamName,
      [
        {
          eventId: uuidv4(),
          type: 'DeadlineSatisfied',
          schemaVersion: 1,
          data: { deadlineId: 'decision', satisfiedOn: c.dueOn, late: false, rule: 'Annex 1 item 3.1' },
          metadata: {
            commandId: uuidv4(),
            correlationId: 'c',
            causationId: 'c',
            actor: TEST_ACTOR,
            occurredAt: `${c.dueOn}T05:00:00Z`,
            regulationVersion: 'order-115-2025',
          },
        },
      ],
      'any',
    );
    await caught(env);
    const result = await watcher(env, dayAfter(c.dueOn)).tick();
    expect(result).toMatchObject({ examined: 0, recorded: 0 });
    expect(await missedEvents(env, c.streamName)).toHaveLength(0);
  });

  test('approaching deadlines (2 working days) are flagged without touching the log', async () => {
    const c = await submitCase(env);
    const twoBefore = calendar.subtractWorkingDays(c.dueOn, 2);
    const found = await approachingDeadlines(readStoreDeadlines(env.readStore), calendar, twoBefore, 2);
    expect(found).toEqual([
      expect.objectContaining({ streamName: c.streamName, deadlineId: 'decision', workingDaysLeft: 2 }),
    ]);
    const threeBefore = calendar.subtractWorkingDays(c.dueOn, 3);
    expect(await approachingDeadlines(readStoreDeadlines(env.readStore), calendar, threeBefore, 2)).toEqual([]);
    expect(await missedEvents(env, c.streamName)).toHaveLength(0);
  });
});
