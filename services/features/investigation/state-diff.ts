/**
 * What changed in a case's state between two moments (`GET …/cases/{caseId}/diff?from=&to=`): the stream
 * is folded with the service's own `evolve` up to each instant by business time (`occurredAt`: when the step
 * happened, as time travel does by default: services/features/timetravel `stateAsOf`), the two states are compared
 * structurally, and the events that happened in (from, to] are listed — they are what changed it. Pure.
 */
import type { RecordedEvent } from '../../../contracts/envelope';

export interface Change {
  /** JSON pointer of the changed member, e.g. `/deadlines/decision/state`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Structural diff: objects member by member, arrays index by index, everything else by value. */
export function structuralDiff(before: unknown, after: unknown, path = ''): Change[] {
  if (Object.is(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => {
      const p = `${path}/${escape(k)}`;
      if (!(k in before) || before[k] === undefined)
        return after[k] === undefined ? [] : [{ path: p, kind: 'added' as const, after: after[k] }];
      if (!(k in after) || after[k] === undefined) return [{ path: p, kind: 'removed' as const, before: before[k] }];
      return structuralDiff(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    const changes: Change[] = [];
    for (let i = 0; i < n; i++) {
      const p = `${path}/${i}`;
      if (i >= before.length) changes.push({ path: p, kind: 'added', after: after[i] });
      else if (i >= after.length) changes.push({ path: p, kind: 'removed', before: before[i] });
      else changes.push(...structuralDiff(before[i], after[i], p));
    }
    return changes;
  }
  if (before === undefined) return [{ path: path || '/', kind: 'added', after }];
  if (after === undefined) return [{ path: path || '/', kind: 'removed', before }];
  return [{ path: path || '/', kind: 'changed', before, after }];
}

export interface Evolver<S> {
  initialState: S;
  evolve(state: S, event: { type: string; data: unknown }): S;
}

export interface StateAt<S> {
  asOf: string;
  /** -1 when the case did not exist yet. */
  revision: number;
  state: S;
}

export function stateAt<S>(decider: Evolver<S>, events: readonly RecordedEvent[], asOf: string): StateAt<S> {
  let state = decider.initialState;
  let revision = -1;
  for (const e of events) {
    if (Date.parse(e.metadata.occurredAt) > Date.parse(asOf)) break;
    state = decider.evolve(state, e);
    revision = e.revision;
  }
  return { asOf, revision, state };
}

export interface CaseDiff<S> {
  from: StateAt<S>;
  to: StateAt<S>;
  changes: Change[];
  /** The events that happened in (from, to], in order: what changed the state. */
  events: {
    position: number;
    revision: number;
    eventId: string;
    type: string;
    occurredAt: string;
    recordedAt: string;
    actor: string;
    data: unknown;
  }[];
}

export function caseDiff<S>(
  decider: Evolver<S>,
  events: readonly RecordedEvent[],
  from: string,
  to: string,
): CaseDiff<S> {
  const [f, t] = [Date.parse(from), Date.parse(to)];
  if (Number.isNaN(f) || Number.isNaN(t) || f > t)
    throw new RangeError('from and to must be instants, from not after to');
  const a = stateAt(decider, events, from);
  const b = stateAt(decider, events, to);
  return {
    from: a,
    to: b,
    changes: structuralDiff(a.state, b.state),
    events: events
      .filter((e) => Date.parse(e.metadata.occurredAt) > f && Date.parse(e.metadata.occurredAt) <= t)
      .map((e) => ({
        position: e.position,
        revision: e.revision,
        eventId: e.eventId,
        type: e.type,
        occurredAt: e.metadata.occurredAt,
        recordedAt: e.metadata.recordedAt,
        actor: e.metadata.actor.sub,
        data: e.data,
      })),
  };
}
