/**
 * The event-store contract on EventStoreDB / KurrentDB — only against a real server (EVENTSTORE_URL, e.g.
 * `esdb://localhost:2113?tls=false`). Without one the suite is reported as skipped, never as passed
 * (docs/REAL-SERVERS.md: no EventStoreDB server can be obtained on the CI machines).
 */
import { eventStoreContract } from '../../../test/contracts/event-store.contract';
import { createEsdbEventStore } from './esdb-event-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', {
    async create({ upcasters }) {
      return createEsdbEventStore({ url, upcasters });
    },
    async dispose(store) {
      await store.close();
    },
  });
} else {
  describe.skip('EventStoreDB adapter (skipped: EVENTSTORE_URL not set)', () => {
    it('passes the event-store contract against a real server', () => undefined);
  });
}

/** Idempotent command handling in EventStoreDB mode: the record is the events themselves (commandId + fingerprint). */
(url ? describe : describe.skip)(
  url ? 'command idempotency on EventStoreDB' : 'command idempotency on EventStoreDB (skipped: EVENTSTORE_URL not set)',
  () => {
    it('a command handled before (also by another client instance) returns its first result, appending nothing', async () => {
      const { decideAndAppend } = await import('../../platform/commands/decide-append');
      const { randomUUID } = await import('node:crypto');
      const decider = {
        initialState: 0,
        decide: (c: { type: 'Add'; data: { n: number } }) => [{ type: 'Added', data: { n: c.data.n } }],
        evolve: (s: number, e: { type: string; data: { n: number } }) => s + e.data.n,
      };
      const streamName = `kezen-idem-${randomUUID()}`;
      const input = {
        service: { decider, regulationVersionOf: () => 'order-115-2025' },
        streamName,
        command: { type: 'Add' as const, data: { n: 2 } },
        context: { now: '2025-06-02T09:00:00.000Z', actor: { sub: 'officer', roles: [] } } as never,
        commandId: randomUUID(),
      };
      const first = createEsdbEventStore({ url: url! });
      const a = await decideAndAppend({ ...input, store: first });
      await first.close();
      const second = createEsdbEventStore({ url: url! });
      const b = await decideAndAppend({ ...input, store: second });
      expect(b).toEqual({ ...a, replayed: true });
      expect(await second.readStream(streamName)).toHaveLength(1);
      await second.close();
    });
  },
);
