/**
 * A deterministic synthetic log (same events, same positions on every run) for crash and rebuild tests and the
 * rebuild benchmark.
 */
import type { NewEvent } from '../../../../contracts/envelope';
import { InMemoryEventStore } from './in-memory-event-store';

export interface SyntheticLogOptions {
  events: number;
  streams: number;
  prefix?: string;
}

export function syntheticEvent(i: number, type = 'SyntheticEventRecorded'): NewEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    data: { n: i },
    metadata: {
      commandId: `cmd-${i}`,
      correlationId: `cor-${i}`,
      causationId: `cmd-${i}`,
      actor: { sub: 'system:synthetic', roles: ['system'] },
      occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      regulationVersion: 'order-115-2025',
    },
  };
}

export function fillSyntheticLog(store: InMemoryEventStore, options: SyntheticLogOptions): void {
  const prefix = options.prefix ?? 'synthetic-';
  for (let i = 0; i < options.events; i++) {
    store.appendSync(`${prefix}${i % options.streams}`, [syntheticEvent(i)], 'any');
  }
}
