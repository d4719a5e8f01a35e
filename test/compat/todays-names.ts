/**
 * THE one intended difference between the earlier code's answers and today's (docs/ARCHITECTURE.md "Names"): events
 * the earlier code named with their service's name are answered by today's names. The test applies the very renames
 * the event stores read the log with (services/stored-events.ts) to the recorded answers, and nothing else; every
 * other byte must be as the earlier code answered.
 */
import type { EventRename } from '../../contracts/envelope';
import { storedEventUpcasters } from '../../services/stored-events';
import { basePathOf, type FixtureCase, type Golden } from './goldens';

/** Keys whose value is an event type: an event's or timeline step's `type`, the feed's, a signature's. */
const TYPE_KEYS = new Set(['type', 'sourceEventType', 'eventType']);

/** The case file describes an event without a summary of its own by its type in words (its `summary` begins so). */
const inWords = (type: string) => type.replace(/([a-z])([A-Z])/g, '$1 $2');

/** The stream (or its prefix) an answer is about, from its path: a case's, a stream's; none for the feed, the dashboard. */
function streamOfPath(path: string, cases: readonly FixtureCase[]): string {
  const verified = /^\/v1\/audit\/streams\/([^/?]+)/.exec(path);
  if (verified) return verified[1]!;
  const c = cases.find((x) => path.startsWith(basePathOf(x)));
  return c ? c.streamName.slice(0, c.streamName.length - c.caseId.length) : '';
}

export interface Renamed {
  answer: unknown;
  /** How many event types were renamed (the test checks it is not nothing). */
  renamed: number;
}

/** The earlier answer with today's event names, in the streams the renames are about (their stream prefixes). */
export function withTodaysEventNames(golden: Golden, cases: readonly FixtureCase[]): Renamed {
  const renames = storedEventUpcasters().renames;
  let renamed = 0;
  const todays = (stream: string, type: string): string => {
    const r = renames.find((x: EventRename) => x.from === type && stream.startsWith(x.streamPrefix));
    if (r) renamed += 1;
    return r ? r.to : type;
  };
  const walk = (value: unknown, stream: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, stream));
    if (!value || typeof value !== 'object') return value;
    const o = value as Record<string, unknown>;
    // The nearest stream: the object's own, the service of a feed message, else the enclosing one.
    const here =
      typeof o.streamName === 'string'
        ? o.streamName
        : typeof o.serviceCode === 'string'
          ? `${o.serviceCode}-`
          : stream;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o))
      out[k] = TYPE_KEYS.has(k) && typeof v === 'string' ? todays(here, v) : walk(v, here);
    const from = typeof o.type === 'string' ? o.type : undefined;
    if (from && out.type !== from && typeof o.summary === 'string' && o.summary.startsWith(inWords(from)))
      out.summary = inWords(out.type as string) + o.summary.slice(inWords(from).length);
    return out;
  };
  const answer = walk(golden.body, streamOfPath(golden.path, cases));
  return { answer, renamed };
}
