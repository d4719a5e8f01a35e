/**
 * How today's answers may differ from the earlier code's on the same data (./data-dir.test.ts): the public contract
 * is extended, never renamed (docs/HTTP-CONTRACT.md), so every field the earlier code answered must still be answered
 * with the same value, except the internal, never documented fields listed in REMOVED; a field the earlier code did
 * not answer is allowed only where ADDED lists it. Nothing else may differ.
 *
 * Paths are JSON pointers into the answer's body; `*` stands for any one array index or record key.
 */

const ID = '[0-9a-f-]{36}';
const CASES = '/v1/(privatization/cases|housing-assistance/cases|complaints)';
/** `GET {base}/{id}` (as any role). */
const VIEW = new RegExp(`^${CASES}/${ID}$`);
/** `GET {base}?…`. */
const LIST = new RegExp(`^${CASES}(\\?.*)?$`);
const TIMELINE = new RegExp(`^${CASES}/${ID}/timeline$`);
const service = (path: string) => /^\/v1\/([a-z-]+)/.exec(path)?.[1];

interface Rule {
  /** Which answers: the request's path and the service it is about. */
  answers: (path: string) => boolean;
  fields: readonly string[];
}

const viewOrItems = (kind: 'view' | 'list', svc: string, fields: readonly string[]): Rule => ({
  answers: (path) => (kind === 'view' ? VIEW : LIST).test(path) && service(path) === svc,
  fields: kind === 'view' ? fields : fields.map((f) => `/items/*${f}`),
});

/** The case view's and list items' additions, per service (the same document answers both). */
const VIEW_ADDITIONS: Record<string, readonly string[]> = {
  // The deadlines in the common shape; whether any was missed; the complaints' registration date and deadlines.
  privatization: ['/dueDates', '/anyMissed', '/complaints/*/registrationDate', '/complaints/*/dueDates'],
  // The common names of the registration date and the parties; the stream; the deadlines in the common shape;
  // the date a deadline step records, in the timeline kept in the view.
  'housing-assistance': [
    '/streamName',
    '/registrationDate',
    '/partyIins',
    '/dueDates',
    '/complaints/*/registrationDate',
    '/complaints/*/dueDates',
    '/timeline/*/deadline/onDate',
  ],
  // The common name of the registration date; the stream; the deadlines in the common shape; deadline steps.
  complaints: ['/streamName', '/registrationDate', '/dueDates', '/timeline/*/deadline'],
};

/** Fields today's code answers that the earlier code did not (docs/HTTP-CONTRACT.md "Queries"). */
export const ADDED: readonly Rule[] = [
  ...Object.entries(VIEW_ADDITIONS).flatMap(([svc, fields]) => [
    viewOrItems('view', svc, fields),
    viewOrItems('list', svc, fields),
  ]),
  {
    // Every timeline: the case's deadlines in the common shape; what each deadline step records (`state`, and the
    // date taken or breached); a complaint's deadline steps, also where they are merged into its case's timeline.
    answers: (path) => TIMELINE.test(path),
    fields: [
      '/dueDates',
      '/steps/*/deadline/state',
      '/steps/*/deadline',
      '/entries/*/deadline/onDate',
      '/entries/*/deadline',
    ],
  },
];

/** Internal, never documented fields the earlier code leaked into answers: a projection's folded state. */
export const REMOVED: readonly Rule[] = [
  viewOrItems('view', 'privatization', ['/fold']),
  viewOrItems('list', 'privatization', ['/fold']),
];

const pattern = (field: string) => new RegExp(`^${field.replace(/\*/g, '[^/]+')}$`);
const listed = (rules: readonly Rule[], path: string, at: string) =>
  rules.some((r) => r.answers(path) && r.fields.some((f) => pattern(f).test(at)));

/**
 * Where today's answer to `path` differs from the earlier one beyond the allowed additions and removals: `pointer:
 * old → new`, the first few.
 */
export function differences(path: string, old: unknown, current: unknown, at = '', out: string[] = []): string[] {
  if (out.length >= 5) return out;
  const objects = old && current && typeof old === 'object' && typeof current === 'object';
  if (objects && Array.isArray(old) === Array.isArray(current)) {
    const before = old as Record<string, unknown>;
    const now = current as Record<string, unknown>;
    for (const k of new Set([...Object.keys(before), ...Object.keys(now)])) {
      const where = `${at}/${k}`;
      if (!(k in now) && listed(REMOVED, path, where)) continue;
      if (!(k in before) && listed(ADDED, path, where)) continue;
      differences(path, before[k], now[k], where, out);
    }
    return out;
  }
  if (JSON.stringify(old) !== JSON.stringify(current))
    out.push(`${at || '/'}: ${JSON.stringify(old)?.slice(0, 200)} → ${JSON.stringify(current)?.slice(0, 200)}`);
  return out;
}
