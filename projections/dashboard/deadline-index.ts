/**
 * One document per deadline of every case and complaint, indexed on state and due date: what the deadline watcher
 * (services/features/deadlines) asks — "open deadlines whose term ended before today" — answered by an index range scan,
 * never by in-memory timers. Built from the shared deadline facts (domain/shared/deadlines.ts) only.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { Projection, ReadDoc } from '../projection';
import { deadlineStateAfter } from '../shared/deadlines';

export interface DeadlineIndexDoc extends ReadDoc {
  streamName: string;
  deadlineId: string;
  rule: string;
  dueOn: string;
  state: 'open' | 'met' | 'missed' | 'cancelled';
}

export const DEADLINE_INDEX = 'deadline_index';
export const DEADLINE_EVENT_TYPES = ['DeadlineSet', 'DeadlineSatisfied', 'DeadlineMissed', 'DeadlineCancelled'];

type Data = Record<string, unknown>;

function deadlineIdOf(event: RecordedEvent): string | undefined {
  const d = event.data as Data;
  const id = event.type === 'DeadlineSet' ? (d.deadline as Data | undefined)?.deadlineId : d.deadlineId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export const deadlineKey = (streamName: string, deadlineId: string) => `${streamName}|${deadlineId}`;

export const deadlineIndexProjection: Projection<DeadlineIndexDoc> = {
  name: 'deadline-index',
  version: 1,
  collection: DEADLINE_INDEX,
  indexes: [{ field: 'state' }, { field: 'dueOn' }],
  eventTypes: DEADLINE_EVENT_TYPES,
  // A document is changed by the events of one stream only (a parallel rebuild splits the log by stream).
  streamLocal: true,
  keysOf(event) {
    const id = deadlineIdOf(event);
    return id ? [deadlineKey(event.streamName, id)] : [];
  },
  evolve(doc, event, key) {
    const d = event.data as Data;
    if (event.type === 'DeadlineSet') {
      const dl = d.deadline as Data;
      return {
        id: key,
        streamName: event.streamName,
        deadlineId: String(dl.deadlineId),
        rule: String(dl.rule ?? ''),
        dueOn: String(dl.dueOn),
        state: 'open',
      };
    }
    if (!doc) return null;
    // The one deadline rule of every read model (projections/shared/deadlines.ts): a late step is `missed`.
    const state = deadlineStateAfter(doc.state, event);
    return state === doc.state ? doc : { ...doc, state };
  },
};
