/** What every fault test checks after the fault: the log, atomic commands, read models = a fresh rebuild. */
import { isDeepStrictEqual } from 'node:util';
import { v5 as uuidv5 } from 'uuid';
import type { RecordedEvent } from '../../contracts/envelope';
import { allProjections } from '../../bench/rebuild';
import { commandEventId } from '../../services/platform/commands/ids';
import type { EventStore } from '../../services/platform/eventstore/port';
import { createSqliteEventStore } from '../../services/adapters/sqlite/eventstore/sqlite-event-store';
import { COMMAND_ID_NAMESPACE } from '../../services/platform/http/context';
import { rebuildProjection } from '../../services/platform/projector/rebuild';
import type { ReadStore } from '../../services/platform/readstore/port';
import { SqliteReadStore } from '../../services/adapters/sqlite/readstore/sqlite-read-store';
import { mintDevToken } from '../../services/platform/auth/dev-token';

/** The command id the API derives from an Idempotency-Key (services/platform/http/context.ts). */
export const commandIdOfKey = (sub: string, key: string) => uuidv5(`${sub}\n${key}`, COMMAND_ID_NAMESPACE);

export const token = (secret: string, sub: string, role: string, providerId?: string) =>
  mintDevToken({ secret, issuer: 'kezen-dev', audience: 'kezen', sub, roles: [role as never], providerId });

export async function readAllEvents(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let after = 0; ;) {
    const page = await store.readAll(after, 5000);
    all.push(...page);
    if (page.length < 5000) return all;
    after = page[page.length - 1]!.position;
  }
}

/** The whole log of an events.sqlite file (opened read-write, as the server does; no checkpointer thread). */
export async function readLogFile(file: string): Promise<RecordedEvent[]> {
  const store = createSqliteEventStore({ file, backgroundCheckpoints: false });
  try {
    return await readAllEvents(store);
  } finally {
    await store.close();
  }
}

/** Commands whose events are not `commandEventId(commandId, 0..k-1)` at consecutive revisions of one stream. */
export function nonAtomicCommands(log: readonly RecordedEvent[]): string[] {
  const byCommand = new Map<string, RecordedEvent[]>();
  for (const e of log) byCommand.set(e.metadata.commandId, [...(byCommand.get(e.metadata.commandId) ?? []), e]);
  const bad: string[] = [];
  for (const [commandId, events] of byCommand) {
    events.sort((x, y) => x.revision - y.revision);
    const ok =
      events.every((e, i) => e.eventId === commandEventId(commandId, i)) &&
      new Set(events.map((e) => e.streamName)).size === 1 &&
      events[events.length - 1]!.revision - events[0]!.revision === events.length - 1;
    if (!ok) bad.push(commandId);
  }
  return bad;
}

/** Every document of a collection, page by page. */
export async function allDocs(store: ReadStore, collection: string) {
  const docs: unknown[] = [];
  for (let after: string | undefined; ;) {
    const page = await store.find(collection, { limit: 1000, ...(after ? { after } : {}) });
    docs.push(...page.items);
    if (!page.nextCursor) return docs;
    after = page.nextCursor;
  }
}

/**
 * Names of the projections whose live documents differ from a fresh blue/green rebuild of the log (into an in-memory
 * SQLite read store). Empty: the read models equal the rebuild.
 */
export async function readModelsDifferingFromRebuild(eventStore: EventStore, live: ReadStore): Promise<string[]> {
  const fresh = new SqliteReadStore({ filename: ':memory:' });
  const differing: string[] = [];
  try {
    for (const projection of allProjections()) {
      await rebuildProjection({ eventStore, readStore: fresh, projection });
      const [a, b] = [await allDocs(live, projection.collection), await allDocs(fresh, projection.collection)];
      if (!isDeepStrictEqual(a, b)) differing.push(`${projection.name} (${a.length} vs ${b.length} docs)`);
    }
  } finally {
    await fresh.close();
  }
  return differing;
}
