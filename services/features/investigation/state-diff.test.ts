/** `…/diff?from=&to=`: the case's state folded to two instants with its own evolve, compared member by member. */
import { housingAssistanceDecider } from '../../../domain/housing-assistance';
import { caseDiff, structuralDiff } from './state-diff';
import { CASE_STREAM, createHarness, runScenario, T, type Harness } from './testing/scenario';
import { embeddedEventStore } from '../../adapters/sqlite/testing/embedded-store';

let h: Harness;
beforeAll(async () => {
  h = createHarness(embeddedEventStore);
  await runScenario(h);
});
afterAll(() => h.close());

const decider = housingAssistanceDecider as unknown as Parameters<typeof caseDiff>[0];

describe('structural diff', () => {
  test('added, removed and changed members with JSON pointers', () => {
    expect(
      structuralDiff({ a: 1, b: { c: 'x', d: [1] }, gone: true }, { a: 1, b: { c: 'y', d: [1, 2] }, e: null }),
    ).toEqual([
      { path: '/b/c', kind: 'changed', before: 'x', after: 'y' },
      { path: '/b/d/1', kind: 'added', after: 2 },
      { path: '/e', kind: 'added', after: null },
      { path: '/gone', kind: 'removed', before: true },
    ]);
    expect(structuralDiff({ a: [1] }, { a: [1] })).toEqual([]);
  });
});

describe('case diff between two moments', () => {
  test('between acceptance and the decision: the events in between are listed, and the state changes they made', async () => {
    const events = await h.store.readStream(CASE_STREAM);
    const diff = caseDiff(decider, events, T.accepted, T.assigned);
    expect(diff.from.revision).toBeGreaterThanOrEqual(0);
    expect(diff.events.map((e) => e.type)).toEqual(
      events.filter((e) => e.metadata.occurredAt > new Date(T.accepted).toISOString()).map((e) => e.type),
    );
    expect(diff.events.map((e) => e.type)).toContain('AssistanceAssigned');
    expect(diff.changes.length).toBeGreaterThan(0);
    // The diff is exactly the difference of the two folded states.
    expect(diff.changes).toEqual(structuralDiff(diff.from.state, diff.to.state));
    expect(diff.changes.some((c) => JSON.stringify(c.after ?? '').includes('2026-05-05'))).toBe(true);
  });

  test('before the case existed the state is the initial one; the same instant twice changes nothing', async () => {
    const events = await h.store.readStream(CASE_STREAM);
    const before = caseDiff(decider, events, '2026-04-01T00:00:00Z', T.submitted);
    expect(before.from.revision).toBe(-1);
    expect(before.events).toHaveLength(
      events.filter((e) => e.metadata.occurredAt <= new Date(T.submitted).toISOString()).length,
    );
    expect(caseDiff(decider, events, T.gateway, T.gateway)).toMatchObject({ changes: [], events: [] });
  });

  test('from after to is refused', async () => {
    expect(() => caseDiff(decider, [], T.assigned, T.accepted)).toThrow(RangeError);
  });
});
