/**
 * Recorded events for projection specs, in the envelope the event store gives them (contracts/envelope.ts): each
 * command's events appended to their stream take the stream's next revisions and the log's next positions, with the
 * command's instant, id and actor in their metadata. One builder, so no spec hand-builds an envelope.
 *
 *   const log = new EventLog();
 *   log.append('privatization-<id>', decidedEvents, { at: '2026-03-02T05:00:00Z' });
 *   projection.given(log.events)…
 */
import type { Actor, RecordedEvent } from '../../contracts/envelope';

/** A domain event before its envelope. */
export interface UnrecordedEvent {
  type: string;
  data: unknown;
}

export interface RecordOptions {
  /** The command's business time (`occurredAt`; also `recordedAt` unless given). */
  at: string;
  recordedAt?: string;
  /** Default: a new id per append (every event of one command shares it). */
  commandId?: string;
  /** Default: the command id. */
  correlationId?: string;
  /** Default: the command id. */
  causationId?: string;
  /** Default: a provider officer of akimat-almaty. */
  actor?: Actor;
  /** Default: order-115-2025. */
  regulationVersion?: string;
  /** Default: a uuid made of the position (unique in the log). */
  eventId?: (position: number) => string;
}

export const TEST_ACTOR: Actor = { sub: 'user:officer', roles: ['provider-officer'], providerId: 'akimat-almaty' };

const uuidOf = (position: number) => `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`;

/** A log under construction: `events` in log order (pass an array to append to one a spec already holds). */
export class EventLog {
  private appends = 0;

  constructor(
    readonly events: RecordedEvent[] = [],
    private readonly positions: { first?: number; step?: number } = {},
  ) {}

  /** One command's events, appended to `streamName`. */
  append(streamName: string, events: readonly UnrecordedEvent[], options: RecordOptions): RecordedEvent[] {
    this.appends += 1;
    const commandId = options.commandId ?? `command-${this.appends}`;
    let revision = this.events.reduce((last, e) => (e.streamName === streamName ? e.revision : last), -1);
    const last = this.events.at(-1);
    const step = this.positions.step ?? 1;
    let position = last ? last.position : (this.positions.first ?? 1) - step;
    const recorded = events.map((e): RecordedEvent => {
      revision += 1;
      position += step;
      return {
        eventId: (options.eventId ?? uuidOf)(position),
        type: e.type,
        schemaVersion: 1,
        data: e.data,
        metadata: {
          commandId,
          correlationId: options.correlationId ?? commandId,
          causationId: options.causationId ?? commandId,
          actor: options.actor ?? TEST_ACTOR,
          occurredAt: options.at,
          recordedAt: options.recordedAt ?? options.at,
          regulationVersion: options.regulationVersion ?? 'order-115-2025',
          prevHash: '',
          hash: '',
        },
        streamName,
        revision,
        position,
      };
    });
    this.events.push(...recorded);
    return recorded;
  }
}

/** The events of one command on a fresh log (revisions and positions from the start). */
export const recorded = (streamName: string, events: readonly UnrecordedEvent[], options: RecordOptions) =>
  new EventLog().append(streamName, events, options);
