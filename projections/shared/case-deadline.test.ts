/**
 * The deadline shape every answer gives (contracts/read-models.ts `CaseDeadline`): folded by the one status rule, so
 * it says what the older per-service shapes say, with every member always present.
 */
import fc from 'fast-check';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CaseDeadlineSchema } from '../../contracts/read-models';
import type { Deadline } from '../../domain/shared/deadlines';
import { caseDeadlinesOf, evolveCaseDeadlines, stepDeadlineOf, type CaseDeadline } from './case-deadline';
import { evolveDeadlines } from './deadlines';

const deadline = (deadlineId: string, dueOn: string): Deadline => ({
  deadlineId,
  termId: 'complaints.forward',
  rule: 'Rules §14',
  description: `The ${deadlineId} step`,
  unit: 'working-days',
  days: 3,
  triggeredOn: '2026-04-24',
  dueOn,
  provisional: false,
  regulationVersion: 'order-115-2025',
});
const set = (id: string, dueOn: string) => ({ type: 'DeadlineSet', data: { deadline: deadline(id, dueOn) } });
const satisfied = (id: string, on: string, late: boolean) => ({
  type: 'DeadlineSatisfied',
  data: { deadlineId: id, satisfiedOn: on, late, rule: 'Rules §14' },
});
const missed = (id: string, on: string) => ({
  type: 'DeadlineMissed',
  data: { deadlineId: id, dueOn: '2026-04-29', missedOn: on, rule: 'Rules §14', detectedBy: 'watcher' },
});
const cancelled = (id: string) => ({ type: 'DeadlineCancelled', data: { deadlineId: id, reason: 'withdrawn' } });

const ajv = new Ajv({ strict: false });
addFormats(ajv);
const isCaseDeadline = ajv.compile(CaseDeadlineSchema);

test('a set deadline is open, with the term as set and every other member null', () => {
  const [d] = caseDeadlinesOf([set('forward', '2026-04-29')]);
  expect(d).toEqual({
    ...deadline('forward', '2026-04-29'),
    state: 'open',
    satisfiedOn: null,
    missedOn: null,
    cancelledReason: null,
  });
  expect(isCaseDeadline(d)).toBe(true);
});

test('a late step is missed, with its date; a recorded breach stays missed when the step comes or is cancelled', () => {
  expect(caseDeadlinesOf([set('a', '2026-04-29'), satisfied('a', '2026-04-30', true)])[0]).toMatchObject({
    state: 'missed',
    satisfiedOn: '2026-04-30',
    missedOn: null,
  });
  expect(
    caseDeadlinesOf([set('a', '2026-04-29'), missed('a', '2026-04-30'), satisfied('a', '2026-05-04', true)])[0],
  ).toMatchObject({ state: 'missed', satisfiedOn: '2026-05-04', missedOn: '2026-04-30' });
  expect(caseDeadlinesOf([set('a', '2026-04-29'), missed('a', '2026-04-30'), cancelled('a')])[0]).toMatchObject({
    state: 'missed',
    cancelledReason: 'withdrawn',
  });
  expect(caseDeadlinesOf([set('a', '2026-04-29'), cancelled('a')])[0]).toMatchObject({ state: 'cancelled' });
});

test('kept by due date, then id; events about no deadline of the list, or malformed, change nothing', () => {
  const list = caseDeadlinesOf([
    set('review', '2026-05-04'),
    set('satisfy', '2026-04-29'),
    set('forward', '2026-04-29'),
  ]);
  expect(list.map((d) => d.deadlineId)).toEqual(['forward', 'satisfy', 'review']);
  for (const e of [
    { type: 'ComplaintRegistered', data: {} },
    satisfied('other', '2026-04-28', false),
    { type: 'DeadlineSet', data: {} },
    { type: 'DeadlineSatisfied', data: null },
  ])
    expect(evolveCaseDeadlines(list, e)).toBe(list);
});

test('what a timeline step records: set with the due date, taken (late: missed) or breached with the date, cancelled', () => {
  expect(stepDeadlineOf(set('a', '2026-04-29'))).toEqual({ deadlineId: 'a', state: 'open', dueOn: '2026-04-29' });
  expect(stepDeadlineOf(satisfied('a', '2026-04-30', true))).toEqual({
    deadlineId: 'a',
    state: 'missed',
    onDate: '2026-04-30',
  });
  expect(stepDeadlineOf(missed('a', '2026-04-30'))).toEqual({
    deadlineId: 'a',
    state: 'missed',
    dueOn: '2026-04-29',
    onDate: '2026-04-30',
  });
  expect(stepDeadlineOf(cancelled('a'))).toEqual({ deadlineId: 'a', state: 'cancelled' });
  expect(stepDeadlineOf({ type: 'DeadlineSet', data: {} })).toBeUndefined();
  expect(stepDeadlineOf({ type: 'ComplaintLodged', data: {} })).toBeUndefined();
});

test('any history of deadline facts: the same deadlines, states and dates as the older shape says', () => {
  const id = fc.constantFrom('a', 'b');
  const day = fc.constantFrom('2026-04-28', '2026-04-29', '2026-04-30');
  const fact = fc.oneof(
    fc.tuple(id, day).map(([i, d]) => set(i, d)),
    fc.tuple(id, day, fc.boolean()).map(([i, d, late]) => satisfied(i, d, late)),
    fc.tuple(id, day).map(([i, d]) => missed(i, d)),
    id.map(cancelled),
  );
  fc.assert(
    fc.property(fc.array(fact, { maxLength: 12 }), (facts) => {
      const current = caseDeadlinesOf(facts);
      const older = facts.reduce(evolveDeadlines, []);
      expect(current.map((d) => d.deadlineId)).toEqual(older.map((d) => d.deadlineId));
      for (const [i, d] of current.entries()) {
        const o = older[i]!;
        expect(d).toEqual<CaseDeadline>({
          ...deadline(o.deadlineId, o.dueOn),
          triggeredOn: o.triggeredOn,
          state: o.state,
          satisfiedOn: o.satisfiedOn ?? null,
          missedOn: o.missedOn ?? null,
          cancelledReason: o.cancelledReason ?? null,
        });
        expect(isCaseDeadline(d)).toBe(true);
      }
    }),
  );
});
