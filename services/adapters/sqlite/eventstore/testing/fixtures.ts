/** Test fixtures of the embedded store's suites: a sized event, and the contract factory over temporary data dirs. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../../../../../contracts/envelope';
import type { EventStoreFactory } from '../../../../../test/contracts/event-store.contract';
import type { EventStore } from '../../../../platform/eventstore/port';
import { createSqliteEventStore, type SqliteEventStoreOptions } from '../sqlite-event-store';

/** An event carrying `size` bytes of payload (to fill a disk, or a batch), recorded as `sub`. */
export const filledEvent = (size: number, sub: string): NewEvent => ({
  eventId: randomUUID(),
  type: 'Filled',
  schemaVersion: 1,
  data: { blob: 'x'.repeat(size) },
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { sub, roles: [] },
    occurredAt: '2026-03-02T09:00:00.000Z',
    regulationVersion: 'order-115-2025',
  },
});

/** The event-store contract's factory: a store on a fresh temporary data dir, removed again on dispose. */
export function sqliteContractFactory(
  prefix: string,
  options: Omit<SqliteEventStoreOptions, 'dataDir' | 'upcasters'> = {},
): EventStoreFactory {
  const dirs = new Map<EventStore, string>();
  return {
    async create({ upcasters }) {
      const dataDir = mkdtempSync(join(tmpdir(), prefix));
      const store = createSqliteEventStore({ ...options, dataDir, upcasters });
      dirs.set(store, dataDir);
      return store;
    },
    async dispose(store) {
      await store.close();
      rmSync(dirs.get(store)!, { recursive: true, force: true });
      dirs.delete(store);
    },
  };
}
