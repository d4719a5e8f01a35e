/**
 * The deadlines read model: one document per deadline of a case, indexed on the due date and state, for
 * the deadline watcher (open deadlines due before today) and the `overdue` filters. Generic over services: it only
 * reads the shared deadline facts of the streams with the given prefixes.
 */
import type { Projection, ReadDoc } from '../projection';
import { DEADLINE_EVENT_TYPES, deadlineIdOf, evolveDeadline, type DeadlineView } from './deadlines';

export interface DeadlineDoc extends ReadDoc, DeadlineView {
  streamName: string;
  /** The stream prefix without the trailing dash, e.g. `privatization`. */
  service: string;
  caseId: string;
  lastPosition: number;
}

export interface DeadlinesProjectionSpec {
  name?: string;
  version?: number;
  collection?: string;
  streamPrefixes: readonly string[];
}

export const deadlineDocId = (streamName: string, deadlineId: string) => `${streamName}#${deadlineId}`;

export function deadlinesProjection(spec: DeadlinesProjectionSpec): Projection<DeadlineDoc> {
  const prefixOf = (stream: string) => spec.streamPrefixes.find((p) => stream.startsWith(p)) ?? '';
  return {
    name: spec.name ?? 'deadlines',
    version: spec.version ?? 1,
    collection: spec.collection ?? 'deadlines',
    indexes: [
      { field: 'dueOn' },
      { field: 'state' },
      { field: 'streamName' },
      { field: 'service' },
      { field: 'termId' },
    ],
    streamPrefixes: spec.streamPrefixes,
    eventTypes: DEADLINE_EVENT_TYPES,
    // A document is changed by the events of one stream only (a parallel rebuild splits the log by stream).
    streamLocal: true,
    keysOf: (event) => {
      const id = deadlineIdOf(event);
      return id === undefined ? [] : [deadlineDocId(event.streamName, id)];
    },
    evolve: (doc, event, key) => {
      if (doc && event.position <= doc.lastPosition) return doc; // idempotent replay
      const view = evolveDeadline(doc ?? undefined, event);
      if (!view) return doc;
      const prefix = prefixOf(event.streamName);
      return {
        ...view,
        id: key,
        streamName: event.streamName,
        service: prefix.replace(/-$/, ''),
        caseId: event.streamName.slice(prefix.length),
        lastPosition: event.position,
      };
    },
  };
}

/**
 * The index range of deadlines overdue on `today` (a local date from the caller's clock): open or missed, due before
 * today. A missed deadline whose step was taken late or that was cancelled is in the range but no longer owed, so keep
 * the documents for which `isOverdue(doc, today)` (./deadlines.ts) holds — the read store filters indexed fields only.
 */
export const overdueDeadlinesWhere = (today: string) => ({ state: { in: ['open', 'missed'] }, dueOn: { lt: today } });
/** Open deadlines due on or before `day` (the watcher's query: not yet recorded as missed). */
export const openDueByWhere = (day: string) => ({ state: 'open', dueOn: { lte: day } });
