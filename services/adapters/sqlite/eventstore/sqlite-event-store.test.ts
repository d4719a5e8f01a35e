/** The event-store contract on the embedded SQLite adapter (a temp directory per test). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../../../../test/contracts/event-store.contract';
import { canonicalJson } from '../../../platform/eventstore/canonical-json';
import { verifyStream } from '../../../platform/eventstore/hash-chain';
import { UpcasterRegistry } from '../../../platform/eventstore/upcasting';
import { SqliteEventStore, createSqliteEventStore } from './sqlite-event-store';
import { sqliteContractFactory } from './testing/fixtures';

eventStoreContract('embedded SQLite', sqliteContractFactory('kezen-es-'));

const META = {
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  actor: { sub: 'officer-1', roles: ['provider-officer' as const] },
  occurredAt: '2025-06-02T09:00:00.000Z',
  regulationVersion: 'order-115-2025',
};

describe('embedded SQLite store: durability settings', () => {
  it('runs in WAL mode with synchronous=FULL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-es-'));
    const store = createSqliteEventStore({ dataDir }) as SqliteEventStore;
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('embedded SQLite store: the events an append stored are handed back (no read-back needed)', () => {
  it('equal what readStream returns, upcast the same way, and a re-sent append hands back none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-es-'));
    const upcasters = new UpcasterRegistry([
      { type: 'HearingScheduled', fromVersion: 1, upcast: (d) => ({ ...(d as object), room: 'main hall' }) },
    ]);
    const store = createSqliteEventStore({ dataDir, upcasters });
    const events = [1, 2].map((n) => ({
      eventId: `00000000-0000-4000-8000-00000000000${n}`,
      type: 'HearingScheduled',
      schemaVersion: 1,
      data: { at: `2025-06-1${n}T10:00:00Z`, dropped: undefined },
      metadata: META,
    }));
    const result = await store.append('hearing-1', events, 'no-stream');
    const read = await store.readStream('hearing-1');
    expect(result.recorded).toEqual(read);
    expect(JSON.stringify(result.recorded)).toBe(JSON.stringify(read));
    expect(result.recorded!.map((e) => [e.schemaVersion, e.data])).toEqual([
      [2, { at: '2025-06-11T10:00:00Z', room: 'main hall' }],
      [2, { at: '2025-06-12T10:00:00Z', room: 'main hall' }],
    ]);
    const resent = await store.append('hearing-1', events, 'no-stream');
    expect(resent).toEqual({ nextRevision: 1, position: result.position });
    expect(resent.recorded).toBeUndefined();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('embedded SQLite store: data prepared by the appending thread', () => {
  it('stores `data` as JSON in its own key order, and the hash covers its canonical JSON (the chain verifies)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-es-'));
    const store = createSqliteEventStore({ dataDir }) as SqliteEventStore;
    const data = { b: 1, a: { d: [2, { z: 1, y: null }], c: 'three' }, gone: undefined };
    const result = await store.append(
      'canonical-1',
      [
        {
          eventId: '00000000-0000-4000-8000-0000000000c1',
          type: 'Noted',
          schemaVersion: 1,
          data,
          metadata: META,
        },
      ],
      'no-stream',
    );
    const stored = store.db
      .prepare('SELECT data FROM events WHERE event_id = ?')
      .pluck()
      .get(result.recorded![0]!.eventId);
    expect(stored).toBe('{"b":1,"a":{"d":[2,{"z":1,"y":null}],"c":"three"}}');
    expect(canonicalJson(JSON.parse(stored as string))).toBe('{"a":{"c":"three","d":[2,{"y":null,"z":1}]},"b":1}');
    expect(JSON.stringify(result.recorded![0]!.data)).toBe(stored);
    expect(await verifyStream(store, 'canonical-1')).toEqual({ valid: true, checked: 1 });
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
