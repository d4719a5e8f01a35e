/**
 * The command pipeline with a toy module (a tally owned by a provider): a command reads and folds its stream at most
 * once, authorization is judged on that same folded state before the decider runs, and every "no" is a value —
 * nothing appended, the decider not called when authorization refuses.
 */
import type { Command, Decider, DomainEvent } from '../../../domain/shared/decider';
import { RuleViolation } from '../../../domain/shared/errors';
import type { Principal } from '../auth/principal';
import type { ReadStreamOptions } from '../eventstore/port';
import { InMemoryEventStore } from '../projector/testing/in-memory-event-store';
import type { ServiceModule } from '../service-module';
import { keyedCommandId } from './ids';
import { createCommandService } from './pipeline';
import type { CommandRequest } from './types';

interface Tally {
  status: 'none' | 'open';
  owner?: string;
  total: number;
}

const decide = jest.fn((command: Command, state: Tally): DomainEvent[] => {
  const data = command.data as { owner?: string; by?: number };
  if (command.type === 'Count' && state.total + (data.by ?? 0) > 10)
    throw new RuleViolation('A tally counts to 10 at most', 'Tally §1', 'tally-full', { total: state.total });
  return command.type === 'Open'
    ? [{ type: 'Opened', data: { owner: data.owner } }]
    : [{ type: 'Counted', data: { by: data.by ?? 1 } }];
});

const tally: Decider<Command, DomainEvent, Tally> = {
  initialState: { status: 'none', total: 0 },
  decide,
  evolve(state, event) {
    const data = event.data as { owner?: string; by?: number };
    return event.type === 'Opened'
      ? { ...state, status: 'open', owner: data.owner }
      : { ...state, total: state.total + (data.by ?? 0) };
  },
};

const tallyModule = {
  service: 'privatization',
  basePath: '/v1/tallies',
  streamPrefix: 'tally-',
  decider: tally,
  createCommand: { name: 'Open', idField: 'tallyId' },
  commandRoles: { Open: ['provider-officer'], Count: ['provider-officer'], Tick: [] },
  partiesOf: (s: Tally) => ({ providerId: s.owner, memberIins: [] }),
  partiesOfCreate: (b: { owner?: string }) => ({ providerId: b.owner, memberIins: [] }),
  authorizeCreate: (_p: unknown, b: { owner?: string }) =>
    b.owner === 'closed-provider'
      ? { rule: 'Tally §2', reason: 'Tally §2: this provider keeps no tallies' }
      : undefined,
  regulationVersionOf: () => 'order-115-2025',
} as unknown as ServiceModule;

/**
 * A store that counts the reads a fold needs: reads to the stream's end (the whole stream, or only the events since
 * the pipeline's cached fold — services/platform/commands/folded-state-cache.ts).
 */
class CountingStore extends InMemoryEventStore {
  folds = 0;
  override async readStream(streamName: string, options?: ReadStreamOptions) {
    if (options?.toRevision === undefined) this.folds += 1;
    return super.readStream(streamName, options);
  }
}

const officer = (providerId: string): Principal => ({
  sub: `officer-${providerId}`,
  roles: ['provider-officer'],
  providerId,
});
const NOW = '2026-03-02T05:00:00.000Z';

function setup() {
  const store = new CountingStore();
  const service = createCommandService({
    store,
    calendar: {} as never,
    regulations: {} as never,
    signatures: {} as never,
    modules: [tallyModule],
  });
  const open = (owner = 'p-1', principal = officer(owner)) =>
    service.execute({
      module: tallyModule,
      name: 'Open',
      data: { tallyId: 'c1', owner },
      create: true,
      principal,
      now: NOW,
    });
  const count = (by: number, principal: Principal = officer('p-1'), extra: Partial<CommandRequest> = {}) =>
    service.execute({
      module: tallyModule,
      name: 'Count',
      data: { by },
      caseId: 'c1',
      create: false,
      principal,
      now: NOW,
      ...extra,
    } as CommandRequest);
  return { store, service, open, count };
}

beforeEach(() => decide.mockClear());

describe('at most one read per command', () => {
  it('authorises on the state the pipeline folds, reading the stream not at all on a cached fold', async () => {
    const { store, open, count } = setup();
    expect(await open()).toMatchObject({ outcome: 'accepted', revision: 0, streamName: 'tally-c1' });
    store.folds = 0;
    expect(await count(2)).toMatchObject({ outcome: 'accepted', revision: 1, state: { owner: 'p-1', total: 2 } });
    // No read at all: the pipeline decides on its cached fold of the previous command (the append's expected
    // revision guards it).
    expect(store.folds).toBe(0);
  });
});

describe('authorization is decided before the decider runs, and returned as a value', () => {
  it('a case of another provider: refused (403), the decider not called, nothing appended', async () => {
    const { store, open, count } = setup();
    await open();
    const head = await store.headPosition();
    decide.mockClear();
    expect(await count(1, officer('p-2'))).toEqual({
      outcome: 'refused',
      step: 'case',
      refusal: {
        allowed: false,
        reason: 'forbidden',
        code: 'forbidden',
        detail: "Provider staff act only on their own provider's cases",
      },
    });
    expect(decide).not.toHaveBeenCalled();
    expect(await store.headPosition()).toBe(head);
  });

  it('no such case: refused (404) on the folded stream (revision -1), the decider not called', async () => {
    const { store, count } = setup();
    expect(await count(1)).toMatchObject({ outcome: 'refused', step: 'case', refusal: { reason: 'not-found' } });
    expect(decide).not.toHaveBeenCalled();
    expect(await store.headPosition()).toBe(0);
  });

  it("a create is judged on its body before anything is read: the module's channel rule, the role's scope", async () => {
    const { store, open } = setup();
    expect(await open('closed-provider')).toEqual({
      outcome: 'refused',
      step: 'request',
      refusal: {
        allowed: false,
        reason: 'forbidden',
        code: 'channel-not-allowed',
        detail: 'Tally §2: this provider keeps no tallies',
        rule: 'Tally §2',
      },
    });
    expect(await open('p-1', officer('p-2'))).toMatchObject({
      outcome: 'refused',
      step: 'request',
      refusal: { code: 'forbidden' },
    });
    expect(decide).not.toHaveBeenCalled();
    expect(store.folds).toBe(0);
    expect(await store.headPosition()).toBe(0);
  });

  it('the system actor sends internal commands (no API role may) and nothing else', async () => {
    const { open, service } = setup();
    await open();
    const system = { sub: 'system:test', roles: ['system'] };
    const tick = await service.execute({
      module: tallyModule,
      name: 'Tick',
      data: {},
      caseId: 'c1',
      create: false,
      system,
      commandId: 'tick-1',
      now: NOW,
    });
    expect(tick).toMatchObject({ outcome: 'accepted', revision: 1 });
    if (tick.outcome === 'accepted') expect(tick.events[0]!.metadata.actor).toEqual(system);
    decide.mockClear();
    const count = await service.execute({
      module: tallyModule,
      name: 'Count',
      data: { by: 1 },
      caseId: 'c1',
      create: false,
      system,
      now: NOW,
    });
    expect(count).toMatchObject({ outcome: 'refused', step: 'request', refusal: { reason: 'forbidden' } });
    expect(decide).not.toHaveBeenCalled();
  });
});

describe('the other answers are values too', () => {
  it("the decider's rule violation: rejected with the error, nothing appended", async () => {
    const { store, open, count } = setup();
    await open();
    const head = await store.headPosition();
    const result = await count(11);
    expect(result).toEqual({ outcome: 'rejected', error: expect.any(RuleViolation) });
    if (result.outcome === 'rejected') expect(result.error).toMatchObject({ rule: 'Tally §1', code: 'tally-full' });
    expect(await store.headPosition()).toBe(head);
  });

  it('If-Match of another revision: wrong-revision with the actual one, the decider not called', async () => {
    const { open, count } = setup();
    await open();
    decide.mockClear();
    expect(await count(1, officer('p-1'), { expectedRevision: 5 })).toEqual({
      outcome: 'wrong-revision',
      expected: 5,
      actual: 0,
    });
    expect(decide).not.toHaveBeenCalled();
    expect(await count(1, officer('p-1'), { expectedRevision: 0 })).toMatchObject({ outcome: 'accepted' });
  });

  it('a create of a case that exists: a conflict with its revision', async () => {
    const { open } = setup();
    await open();
    expect(await open()).toEqual({ outcome: 'conflict', reason: 'case-exists', currentRevision: 0 });
  });

  it('a replay: the first answer again, nothing appended, authorization not judged again', async () => {
    const { store, open, count } = setup();
    await open();
    const first = await count(3, officer('p-1'), { idempotencyKey: 'k-1' });
    expect(first).toMatchObject({ outcome: 'accepted', replayed: false });
    const head = await store.headPosition();
    decide.mockClear();
    // The same sender's key again: the first answer (authorization is judged before decide, not before a replay).
    const again = await count(3, officer('p-1'), { idempotencyKey: 'k-1' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(decide).not.toHaveBeenCalled();
    expect(await store.headPosition()).toBe(head);
    // The command id is the sender's own: uuid v5 of the subject and the key.
    if (again.outcome === 'accepted')
      expect(again.events[0]!.metadata.commandId).toBe(keyedCommandId('officer-p-1', 'k-1'));
  });

  it('an Idempotency-Key that is not one: invalid-request, nothing read or appended', async () => {
    const { store, open, count } = setup();
    await open();
    store.folds = 0;
    expect(await count(1, officer('p-1'), { idempotencyKey: 'with space' })).toEqual({
      outcome: 'invalid-request',
      code: 'invalid-idempotency-key',
      detail: 'Idempotency-Key must be 1–200 visible ASCII characters',
    });
    expect(store.folds).toBe(0);
  });
});
