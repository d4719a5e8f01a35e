/**
 * Time travel (docs/HTTP-CONTRACT.md "Queries": `GET /v1/<service>/cases/{caseId}/state?asOf=<instant>`): the state of
 * a case as of an instant, folded from its stream with the SAME `evolve` the command side uses.
 *
 * Which clock:
 * - `recordedAt` (default): what the system knew at that instant — the events the store had accepted by then. This
 *   is the honest answer for an investigator ("what did the provider's system show on 14 March?"); it is a prefix
 *   of the stream, because the store stamps recordedAt in append order.
 * - `occurredAt`: business time — the facts that had happened by then, including ones recorded later (e.g. a paper
 *   step entered afterwards). The events with occurredAt <= instant are folded in stream order.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import type { Decider, DomainEvent } from '../../../domain/shared/decider';
import type { EventStore } from '../../platform/eventstore/port';

export type TimeAxis = 'recordedAt' | 'occurredAt';

export interface StateAsOf<S> {
  state: S;
  asOf: string;
  by: TimeAxis;
  /** Revision of the last event folded (-1: none — the case did not exist yet at that instant). */
  revision: number;
  /** Global position of the last event folded (0: none). */
  position: number;
  eventsApplied: number;
  /** Events of the stream left out (after the instant). */
  eventsAfter: number;
}

export class InvalidInstant extends Error {
  constructor(readonly value: string) {
    super(`Not an ISO-8601 instant: ${value}`);
    this.name = 'InvalidInstant';
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds of an ISO-8601 instant with an explicit offset (a local time without offset is refused). */
export function parseInstant(value: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new InvalidInstant(value);
  // Date.parse rolls impossible dates over (30 February → 2 March): refuse them.
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
    throw new InvalidInstant(value);
  return ms;
}

/** The events of a stream that count as of `instant` on the given axis (pure). */
export function eventsAsOf(
  events: readonly RecordedEvent[],
  instant: string,
  by: TimeAxis = 'recordedAt',
): RecordedEvent[] {
  const limit = parseInstant(instant);
  return events.filter((e) => Date.parse(e.metadata[by]) <= limit);
}

export async function stateAsOf<S>(
  store: Pick<EventStore, 'readStream'>,
  streamName: string,
  decider: Pick<Decider<never, DomainEvent, S>, 'initialState' | 'evolve'>,
  instant: string,
  options: { by?: TimeAxis } = {},
): Promise<StateAsOf<S>> {
  const by = options.by ?? 'recordedAt';
  const all = await store.readStream(streamName);
  const included = eventsAsOf(all, instant, by);
  const state = included.reduce<S>((s, e) => decider.evolve(s, { type: e.type, data: e.data }), decider.initialState);
  const last = included[included.length - 1];
  return {
    state,
    asOf: new Date(parseInstant(instant)).toISOString(),
    by,
    revision: last?.revision ?? -1,
    position: last?.position ?? 0,
    eventsApplied: included.length,
    eventsAfter: all.length - included.length,
  };
}
