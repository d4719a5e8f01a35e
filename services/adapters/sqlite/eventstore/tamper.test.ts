/**
 * Tamper evidence on the embedded store: someone with access to the SQLite file edits, re-hashes or deletes a
 * stored event; the verifier names the first broken link (stream, revision, event id, expected vs actual).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../../../../test/contracts/event-store.contract';
import { computeEventHash, verifyAll, verifyStream } from '../../../platform/eventstore/hash-chain';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';

let dataDir: string;
let store: SqliteEventStore;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kezen-tamper-'));
  store = createSqliteEventStore({ dataDir });
  await store.append('privatization-a', [newEvent('ApplicationSubmitted', { area: 54.2 }), newEvent()], 'no-stream');
  await store.append('privatization-b', [newEvent('ApplicationSubmitted', { area: 71 })], 'no-stream');
  await store.append('privatization-a', [newEvent('ContractSigned', { price: 1000000 }), newEvent()], 1);
});
afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const row = (stream: string, revision: number) =>
  store.db
    .prepare('SELECT event_id, data, metadata FROM events_by_stream WHERE stream = ? AND revision = ?')
    .get(stream, revision) as {
    event_id: string;
    data: string;
    metadata: string;
  };

it('an untouched log verifies, stream by stream and as a whole', async () => {
  expect(await verifyStream(store, 'privatization-a')).toEqual({ valid: true, checked: 4 });
  expect(await verifyAll(store, { batchSize: 2 })).toEqual({ valid: true, checked: 5 });
});

it('an edited event body is found: the stored hash no longer matches its content', async () => {
  const target = row('privatization-a', 2);
  store.db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify({ price: 1 }), target.event_id);
  const result = await verifyStream(store, 'privatization-a');
  expect(result.valid).toBe(false);
  expect(result.firstBroken).toMatchObject({
    streamName: 'privatization-a',
    revision: 2,
    eventId: target.event_id,
    reason: 'hash-mismatch',
    actual: (JSON.parse(target.metadata) as { hash: string }).hash,
  });
  expect((await verifyAll(store, { batchSize: 2 })).firstBroken).toMatchObject({ eventId: target.event_id });
});

it('an edit that also recomputes the event’s own hash breaks the link to the next event', async () => {
  const target = row('privatization-a', 1);
  const [stored] = await store.readStream('privatization-a', { fromRevision: 1, maxCount: 1, raw: true });
  const data = { forged: true };
  const { hash: _old, ...metadata } = stored!.metadata;
  const hash = computeEventHash({ ...stored!, data, prevHash: metadata.prevHash, metadata });
  store.db
    .prepare('UPDATE events SET data = ?, metadata = ? WHERE event_id = ?')
    .run(JSON.stringify(data), JSON.stringify({ ...metadata, hash }), target.event_id);
  const result = await verifyStream(store, 'privatization-a');
  expect(result.firstBroken).toMatchObject({
    revision: 2,
    reason: 'prevHash-mismatch',
    actual: (JSON.parse(target.metadata) as { hash: string }).hash,
    expected: hash,
  });
});

it('a deleted event is found as a gap in the revisions', async () => {
  store.db
    .prepare(
      "DELETE FROM events WHERE event_id = (SELECT event_id FROM events_by_stream WHERE stream = 'privatization-a' AND revision = 1)",
    )
    .run();
  expect((await verifyStream(store, 'privatization-a')).firstBroken).toMatchObject({
    revision: 2,
    reason: 'revision-gap',
  });
});
