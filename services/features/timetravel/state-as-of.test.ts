/**
 * Time travel equals the state at that instant: folding the stream up to an instant gives exactly the state the
 * decider had after the last command before it, on either time axis.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { privatizationDecider, type PrivatizationState } from '../../../domain/privatization';
import {
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
  adoptDecision,
} from '../../../domain/privatization/testing/case-script';
import { validSubmitApplication } from '../../../domain/privatization/testing/fixtures';
import { RecordedCase } from '../../../projections/privatization/specs/recorded-case';
import { InMemoryEventStore } from '../../platform/projector/testing/in-memory-event-store';
import { InvalidInstant, stateAsOf } from './state-as-of';

const tenAm = (date: string) => `${date}T05:00:00Z`;

async function storeOf(log: RecordedEvent[], recordedLater: Record<string, string> = {}) {
  let recordedAt = '';
  const store = new InMemoryEventStore({ now: () => recordedAt });
  for (const e of log) {
    const { recordedAt: at, prevHash: _p, hash: _h, ...metadata } = e.metadata;
    recordedAt = recordedLater[e.type] ?? at;
    store.appendSync(
      e.streamName,
      [{ eventId: e.eventId, type: e.type, schemaVersion: 1, data: e.data, metadata }],
      'any',
    );
  }
  return store;
}

describe('stateAsOf', () => {
  const log: RecordedEvent[] = [];
  const c = new RecordedCase(log);
  const snapshots: { after: string; state: PrivatizationState }[] = [];
  const step = (at: string, cmd: Parameters<RecordedCase['run']>[1]) => {
    c.run(at, cmd);
    snapshots.push({ after: at, state: c.script.state });
  };
  step('2026-03-02T05:00:00Z', { type: 'SubmitApplication', data: validSubmitApplication() });
  for (const cmd of identityDataSteps()) step(tenAm('2026-03-03'), cmd);
  step(tenAm('2026-03-04'), reviewCompliant);
  step(tenAm('2026-03-05'), formCommission);
  for (const cmd of votes('for', 'for', 'for')) step(tenAm('2026-03-05'), cmd);
  step(tenAm('2026-03-06'), adoptDecision(c.script.caseId, '2026-03-06T04:00:00Z'));
  for (const cmd of dwellingDataSteps()) step(tenAm('2026-03-10'), cmd);
  const stream = c.recorded[0]!.streamName;

  test('at each command instant (and just before the next) the state equals the decider state after that command', async () => {
    const store = await storeOf(log);
    // Several commands may share an instant: the state as of it is the one after the last of them.
    const lastPerInstant = new Map(snapshots.map((s) => [s.after, s.state]));
    for (const [after, state] of lastPerInstant) {
      const asOf = await stateAsOf(store, stream, privatizationDecider, after);
      expect(asOf.state).toEqual(state);
      const justAfter = new Date(Date.parse(after) + 60_000).toISOString();
      expect((await stateAsOf(store, stream, privatizationDecider, justAfter)).state).toEqual(state);
    }
  });

  test('before the application the case does not exist', async () => {
    const asOf = await stateAsOf(await storeOf(log), stream, privatizationDecider, '2026-03-02T04:59:59Z');
    expect(asOf).toMatchObject({ state: { status: 'none' }, revision: -1, eventsApplied: 0, eventsAfter: log.length });
  });

  test('recordedAt (what the system knew) and occurredAt (business time) differ for a step entered later', async () => {
    // The review happened on 4 March but was entered on 9 March.
    const store = await storeOf(log, { DocumentReviewCompleted: tenAm('2026-03-09') });
    const instant = tenAm('2026-03-04');
    const known = await stateAsOf(store, stream, privatizationDecider, instant);
    const happened = await stateAsOf(store, stream, privatizationDecider, instant, { by: 'occurredAt' });
    expect(known.state.status).toBe('registered');
    expect(happened.state.status).toBe('commission');
    expect(happened.by).toBe('occurredAt');
  });

  test('an instant without an offset or a malformed one is refused', async () => {
    const store = await storeOf(log);
    await expect(stateAsOf(store, stream, privatizationDecider, '2026-03-04T10:00:00')).rejects.toBeInstanceOf(
      InvalidInstant,
    );
    await expect(stateAsOf(store, stream, privatizationDecider, '2026-02-30T10:00:00Z')).rejects.toBeInstanceOf(
      InvalidInstant,
    );
  });
});
