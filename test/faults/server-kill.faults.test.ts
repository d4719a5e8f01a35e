/**
 * kill -9 of the server under a load of concurrent commands, 20 times. After each restart:
 * - every acknowledged command's events exist exactly once;
 * - no command left a partial effect: a command's events are ids commandEventId(commandId, 0..k-1) at consecutive
 *   revisions of one stream, and an acknowledged command has exactly the events it was acknowledged with;
 * - once the projector has caught up, every read model equals a fresh rebuild from the log;
 * - the monitoring feed (GET /v1/monitoring/feed, embedded) holds every message the log calls for, once each
 *   (message id = source event id), also for commands acknowledged just before a kill.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../contracts/envelope';
import { client, tokens } from '../../bench/http-load';
import { allProjections } from '../../bench/rebuild';
import { commandEventId } from '../../services/platform/commands/ids';
import { createSqliteEventStore } from '../../services/adapters/sqlite/eventstore/sqlite-event-store';
import { rebuildProjection } from '../../services/platform/projector/rebuild';
import { SqliteReadStore } from '../../services/adapters/sqlite/readstore/sqlite-read-store';
import { allDocs, readAllEvents } from './checks';
import { identityDataSteps, dwellingDataSteps } from '../../domain/privatization/testing/case-script';
import { validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { feedMatchesLog, monitoringToken } from './feed-check';
import { SECRET, ServerChild, freePort, progress } from './server-child';

const ROUNDS = Number(process.env.FAULTS_KILL_ROUNDS ?? 20);
const BASE = '/v1/privatization/cases';

interface Acked {
  stream: string;
  eventIds: string[];
}

async function readLog(dataDir: string): Promise<RecordedEvent[]> {
  const store = createSqliteEventStore({ dataDir });
  try {
    return await readAllEvents(store);
  } finally {
    await store.close();
  }
}

/** Load: clients each open cases and send gateway data, recording what was acknowledged, until stopped. */
function load(server: ServerChild, acked: Acked[], clients: number) {
  const agent = new Agent({ keepAlive: true });
  const send = client({ port: server.port, secret: SECRET }, agent);
  let stopped = false;
  const submission = { ...validSubmitApplication() } as Record<string, unknown>;
  delete submission.caseId;
  const steps = [...identityDataSteps(), ...dwellingDataSteps()];
  const record = (body: unknown) => {
    const b = body as { caseId: string; events: { eventId: string }[] };
    acked.push({ stream: privatizationStream(b.caseId), eventIds: b.events.map((e) => e.eventId) });
  };
  const running = tokens(SECRET).then((tok) =>
    Promise.all(
      Array.from({ length: clients }, async () => {
        try {
          while (!stopped) {
            const created = await send('POST', BASE, tok.intake, submission);
            if (created.status !== 201) continue;
            record(created.body);
            const caseId = (created.body as { caseId: string }).caseId;
            for (let i = 0; i < 6 && !stopped; i += 1) {
              const c = steps[i % steps.length]!;
              const r = await send('POST', `${BASE}/${caseId}/commands/${c.type}`, tok.officer, c.data);
              if (r.status === 200) record({ ...(r.body as object), caseId });
            }
          }
        } catch {
          /* the server was killed: in-flight commands are unacknowledged */
        }
      }),
    ),
  );
  return async () => {
    stopped = true;
    await running;
    agent.destroy();
  };
}

describe('kill -9 of the server under load', () => {
  let dataDir: string;
  let server: ServerChild;
  const acked: Acked[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kezen-faults-kill-'));
    server = new ServerChild(dataDir, await freePort());
    await server.start();
  });
  afterAll(async () => {
    await server.kill9();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${ROUNDS} kills at random moments: acknowledged events exactly once, commands atomic, read models = rebuild`, async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const stop = load(server, acked, 8);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
      await server.kill9();
      await stop();
      await server.start();

      const log = await readLog(dataDir);
      const seen = new Map<string, RecordedEvent[]>();
      for (const e of log) seen.set(e.eventId, [...(seen.get(e.eventId) ?? []), e]);
      for (const a of acked)
        for (const id of a.eventIds) {
          expect(seen.get(id)?.length).toBe(1);
          expect(seen.get(id)![0]!.streamName).toBe(a.stream);
        }
      const byCommand = new Map<string, RecordedEvent[]>();
      for (const e of log) byCommand.set(e.metadata.commandId, [...(byCommand.get(e.metadata.commandId) ?? []), e]);
      for (const [commandId, events] of byCommand) {
        events.sort((x, y) => x.revision - y.revision);
        expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => commandEventId(commandId, i)));
        expect(new Set(events.map((e) => e.streamName)).size).toBe(1);
        expect(events[events.length - 1]!.revision - events[0]!.revision).toBe(events.length - 1);
      }
      for (const a of acked)
        expect(byCommand.get(seen.get(a.eventIds[0]!)![0]!.metadata.commandId)!.length).toBe(a.eventIds.length);

      // Read models: wait for the restarted projector to catch up, then compare with a fresh rebuild.
      const until = Date.now() + 60_000;
      while ((await server.projectionLag()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      expect(await server.projectionLag()).toBe(0);
      // The feed: every message once, none missing (its runner has its own checkpoint; poll until it caught up, up to
      // 60 s as for the projector: a loaded machine slows the catch-up after a restart, not the outcome).
      const feed = await feedMatchesLog(server.url, await monitoringToken(SECRET), () => readLog(dataDir), 60_000);
      expect(feed.problems).toEqual([]);
      expect(feed.messages).toBeGreaterThan(0);
      if (round % 5 === 0 || round === ROUNDS) {
        const live = new SqliteReadStore({ filename: join(dataDir, 'read-models.sqlite') });
        const fresh = new SqliteReadStore({ filename: ':memory:' });
        const store = createSqliteEventStore({ dataDir });
        try {
          for (const projection of allProjections()) {
            await rebuildProjection({ eventStore: store, readStore: fresh, projection });
            expect(await allDocs(live, projection.collection)).toEqual(await allDocs(fresh, projection.collection));
          }
        } finally {
          await Promise.all([live.close(), fresh.close(), store.close()]);
        }
      }
      progress(
        `[kill -9] round ${round}/${ROUNDS}: ${log.length} events, ${acked.length} acknowledged commands, ` +
          `${feed.messages} feed messages${round % 5 === 0 || round === ROUNDS ? ', read models = rebuild' : ''} — ok`,
      );
    }
    expect(acked.length).toBeGreaterThan(ROUNDS);
  });
});
