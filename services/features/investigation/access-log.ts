/**
 * The access log: every read of a case by an investigator or an auditor is recorded — who looked at
 * what, when — before the answer is given, so there is no unlogged read (a failed write answers 503).
 *
 * Stored in the event store itself, one stream per Almaty day (`access-log-YYYY-MM-DD`): append-only, durable on
 * both adapters (SQLite, EventStoreDB) and tamper-evident through the same hash chain as the cases
 * (`GET /v1/audit/streams/access-log-…/verify` is not offered: auditors verify it with the chain tools).
 */
import { v4 as uuidv4 } from 'uuid';
import type { RecordedEvent } from '../../../contracts/envelope';
import type { WorkingCalendar } from '../../../domain/calendar/types';
import { plusDays } from '../../../domain/calendar/dates';
import type { EventStore } from '../../platform/eventstore/port';
import { ACCESS_LOG_STREAM_PREFIX } from './definition';

export { ACCESS_LOG_STREAM_PREFIX };
/** The roles whose reads of a case are recorded. */
export const LOGGED_ROLES = ['investigator', 'auditor'] as const;

export interface AccessEntry {
  at: string;
  sub: string;
  roles: readonly string[];
  /** The service and the case (or complaint) read. */
  service: string;
  caseId: string;
  /** The resource read, e.g. `GET /v1/privatization/cases/{id}/file` (path without the query string). */
  resource: string;
  /** Query parameters that shape what was seen (asOf, from, to, format); never personal data. */
  query: Record<string, string>;
  requestId?: string;
}

export interface AccessLogFilter {
  /** Local dates (Asia/Almaty), inclusive; at most 31 days. */
  from: string;
  to: string;
  sub?: string;
  caseId?: string;
  limit: number;
}

export interface AccessLog {
  record(entry: AccessEntry): Promise<void>;
  query(filter: AccessLogFilter): Promise<{ items: (AccessEntry & { position: number })[]; truncated: boolean }>;
}

export const MAX_ACCESS_LOG_DAYS = 31;

export function createEventStoreAccessLog(store: EventStore, calendar: WorkingCalendar): AccessLog {
  const streamOf = (date: string) => `${ACCESS_LOG_STREAM_PREFIX}${date}`;
  return {
    async record(entry) {
      await store.append(
        streamOf(calendar.localDate(entry.at)),
        [
          {
            eventId: uuidv4(),
            type: 'CaseRead',
            schemaVersion: 1,
            data: {
              service: entry.service,
              caseId: entry.caseId,
              resource: entry.resource,
              query: entry.query,
              ...(entry.requestId ? { requestId: entry.requestId } : {}),
            },
            metadata: {
              commandId: uuidv4(),
              correlationId: entry.requestId ?? uuidv4(),
              causationId: entry.requestId ?? uuidv4(),
              actor: { sub: entry.sub, roles: entry.roles },
              occurredAt: entry.at,
              regulationVersion: 'unversioned',
            },
          },
        ],
        'any',
      );
    },
    async query(filter) {
      const items: (AccessEntry & { position: number })[] = [];
      for (let day = filter.from; day <= filter.to; day = plusDays(day, 1)) {
        const events: RecordedEvent[] = await store.readStream(streamOf(day));
        for (const e of events) {
          const d = e.data as Omit<AccessEntry, 'at' | 'sub' | 'roles'>;
          if (filter.sub && e.metadata.actor.sub !== filter.sub) continue;
          if (filter.caseId && d.caseId !== filter.caseId) continue;
          items.push({
            at: e.metadata.occurredAt,
            sub: e.metadata.actor.sub,
            roles: e.metadata.actor.roles,
            service: d.service,
            caseId: d.caseId,
            resource: d.resource,
            query: d.query ?? {},
            ...(d.requestId ? { requestId: d.requestId } : {}),
            position: e.position,
          });
          if (items.length > filter.limit) return { items: items.slice(0, filter.limit), truncated: true };
        }
      }
      return { items, truncated: false };
    },
  };
}
