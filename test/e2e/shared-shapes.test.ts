/**
 * One set of response shapes where the services mean the same thing (docs/HTTP-CONTRACT.md "Commands", "Queries",
 * "Deadlines in answers"): the same assertions, run against a registered case of every service.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  CaseComplaintSummarySchema,
  CaseDeadlineSchema,
  CaseViewCommonSchema,
  StepDeadlineSchema,
} from '../../contracts/read-models';
import { isValidLocalDate } from '../../domain/calendar/dates';
import { startHarness, type Harness } from './harness';
import { openOneCaseOfEach, SERVICES, type Answers, type Service } from './one-case-each';

/** The 201 of every create (docs/HTTP-CONTRACT.md "Commands"). */
const CREATED = ['caseId', 'streamName', 'revision', 'position', 'replayed', 'registrationDate', 'dueDates', 'events'];
/** What a service adds to its 201, by the rule that requires it: privatization's receipt (§6) or status (§7). */
const CREATED_BY_SERVICE: Record<Service, readonly string[]> = {
  privatization: ['receipt', 'requestAccepted'],
  'housing-assistance': [],
  complaints: [],
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema([CaseDeadlineSchema, CaseComplaintSummarySchema]);
const isCaseDeadline = ajv.getSchema('CaseDeadline')!;
const hasCommonMembers = ajv.compile(CaseViewCommonSchema);
// A privatization step also keeps the deprecated `met` and `late` beside the common members.
const isStepDeadline = ajv.compile({ ...StepDeadlineSchema, $id: undefined, additionalProperties: true });

const valid = (check: ReturnType<typeof ajv.compile>, value: unknown) => ({
  value,
  errors: check(value) ? null : check.errors,
});

/** Where, at any depth, a member's name is one of these (or, for `_`, begins with it). */
function membersNamed(value: unknown, names: readonly string[], at = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(names.some((n) => (n === '_' ? k.startsWith(n) : k === n)) ? [`${at}/${k}`] : []),
    ...membersNamed(v, names, `${at}/${k}`),
  ]);
}

/** Every deadline an answer lists, with where it is. */
const deadlinesIn = (a: Answers) => [
  ...(a.created.dueDates as unknown[]).map((d, i) => [`201 /dueDates/${i}`, d] as const),
  ...(a.view.dueDates as unknown[]).map((d, i) => [`view /dueDates/${i}`, d] as const),
  ...(a.listItem.dueDates as unknown[]).map((d, i) => [`list item /dueDates/${i}`, d] as const),
  ...(a.timeline.dueDates as unknown[]).map((d, i) => [`timeline /dueDates/${i}`, d] as const),
  ...((a.view.complaints ?? []) as { dueDates: unknown[] }[]).flatMap((c, j) =>
    c.dueDates.map((d, i) => [`view /complaints/${j}/dueDates/${i}`, d] as const),
  ),
];

let h: Harness;
let answers: Record<Service, Answers>;
beforeAll(async () => {
  h = await startHarness();
  answers = await openOneCaseOfEach(h);
});
afterAll(() => h.close());

describe.each(SERVICES)('%s', (service) => {
  const a = () => answers[service];

  test('the 201 has the same members as every service’s (and only the ones its rules add)', () => {
    const own = Object.keys(a().created).filter((k) => !CREATED_BY_SERVICE[service].includes(k));
    expect(own.sort()).toEqual([...CREATED].sort());
  });

  test('the case view has registrationDate as a local date; its list item and the 201 say the same', () => {
    const { registrationDate } = a().view;
    expect(typeof registrationDate === 'string' && isValidLocalDate(registrationDate)).toBe(true);
    expect(a().listItem.registrationDate).toBe(registrationDate);
    // A complaint is registered after it is lodged: its 201 has no registration date yet.
    expect(a().created.registrationDate).toBe(service === 'complaints' ? null : registrationDate);
  });

  test('the case view and its list item have every member every service’s view has', () => {
    expect(valid(hasCommonMembers, a().view)).toEqual({ value: a().view, errors: null });
    expect(valid(hasCommonMembers, a().listItem)).toEqual({ value: a().listItem, errors: null });
    expect(a().view.streamName).toBe(a().created.streamName);
  });

  test('every deadline in the 201, the case view, the list and the timeline has the one deadline structure', () => {
    const all = deadlinesIn(a());
    expect(all.length).toBeGreaterThan(0);
    for (const [where, d] of all)
      expect({ where, ...valid(isCaseDeadline, d) }).toEqual({ where, value: d, errors: null });
    expect(a().timeline.dueDates).toEqual(a().view.dueDates);
    expect(a().listItem.dueDates).toEqual(a().view.dueDates);
  });

  test('every deadline step of the timeline records its deadline in the one step structure', () => {
    const steps = (a().timeline.steps ?? a().timeline.entries) as { type: string; deadline?: unknown }[];
    const deadlineSteps = steps.filter((s) => s.type.startsWith('Deadline'));
    expect(deadlineSteps.length).toBeGreaterThan(0);
    for (const s of deadlineSteps)
      expect(valid(isStepDeadline, s.deadline)).toEqual({ value: s.deadline, errors: null });
  });

  test('no answer carries the internal folded state, nor any member a projection keeps for itself', () => {
    for (const answer of [a().created, a().view, a().listItem, a().timeline])
      expect(membersNamed(answer, ['fold', '_'])).toEqual([]);
  });
});
