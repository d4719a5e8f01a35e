/**
 * A projection for crash tests: counts the events applied per stream and checks each arrives exactly once and in
 * order (the event's revision must equal the number already applied), so a skip or a double is visible.
 */
import type { Projection, ReadDoc } from '../../../../projections/projection';

export interface CountDoc extends ReadDoc {
  count: number;
  /** False once an event arrived out of sequence (skipped or applied twice). */
  inSequence: boolean;
  lastPosition: number;
}

export function countingProjection(version = 1): Projection<CountDoc> {
  return {
    name: 'test-event-counts',
    version,
    collection: 'test_event_counts',
    indexes: [{ field: 'count' }, { field: 'inSequence' }],
    keysOf: (event) => [event.streamName],
    evolve: (doc, event, key) => {
      const count = doc?.count ?? 0;
      return {
        id: key,
        count: count + 1,
        inSequence: (doc?.inSequence ?? true) && event.revision === count,
        lastPosition: event.position,
      };
    },
  };
}
