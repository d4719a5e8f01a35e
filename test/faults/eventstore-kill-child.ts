/**
 * Child process of the kill test: appends to the embedded store from many concurrent writers, forever, and prints
 * the id of every event whose append was ACKNOWLEDGED (promise resolved), one per line. The parent kills it with
 * SIGKILL mid-load. (stdout to a pipe is synchronous on Linux, so a printed id was acknowledged before the kill.)
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../contracts/envelope';
import { createSqliteEventStore } from '../../services/adapters/sqlite/eventstore/sqlite-event-store';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: eventstore-kill-child <dataDir> [writer-thread]');
const store = createSqliteEventStore({ dataDir, writerThread: process.argv[3] === 'writer-thread' });

const event = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'Counted',
  schemaVersion: 1,
  data: { n },
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { sub: 'system:kill-test', roles: [] },
    occurredAt: '2025-06-02T09:00:00.000Z',
    regulationVersion: 'order-115-2025',
  },
});

async function writer(w: number) {
  const stream = `killtest-${w}-${randomUUID()}`;
  for (let revision = -1; ;) {
    // Mix single and multi-event appends: both must survive whole or not at all.
    const events = Array.from({ length: 1 + (revision % 3 === 0 ? 2 : 0) }, (_, i) => event(revision + 1 + i));
    const result = await store.append(stream, events, revision === -1 ? 'no-stream' : revision);
    revision = result.nextRevision;
    process.stdout.write(events.map((e) => `${e.eventId}\n`).join(''));
  }
}

for (let w = 0; w < 16; w += 1) void writer(w);
process.stdout.write('ready\n');
