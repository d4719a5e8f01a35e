/**
 * The CommandService over the generic handler: a command reads and folds its stream at most once, and authorisation is
 * judged on that same folded state (before `decide`); a refusal appends nothing.
 */
import type { Command, Decider, DomainEvent } from '../../domain/shared/decider';
import { InMemoryEventStore } from './projector/testing/in-memory-event-store';
import type { ReadStreamOptions } from './eventstore/port';
import { createCommandService } from './command-service';
import type { ServiceModule } from './service-module';

interface Tally {
  status: 'none' | 'open';
  owner?: string;
  total: number;
}

const tally: Decider<Command, DomainEvent, Tally> = {
  initialState: { status: 'none', total: 0 },
  decide(command) {
    const data = command.data as { owner?: string; by?: number };
    return command.type === 'Open'
      ? [{ type: 'Opened', data: { owner: data.owner } }]
      : [{ type: 'Counted', data: { by: data.by } }];
  },
  evolve(state, event) {
    const data = event.data as { owner?: string; by?: number };
    return event.type === 'Opened'
      ? { ...state, status: 'open', owner: data.owner }
      : { ...state, total: state.total + (data.by ?? 0) };
  },
};

const tallyModule = {
  service: 'privatization',
  streamPrefix: 'tally-',
  decider: tally,
  regulationVersionOf: () => 'order-115-2025',
} as unknown as ServiceModule;

/**
 * A store that counts the reads a fold needs: reads to the stream's end (the whole stream, or only the events since
 * the handler's cached fold — services/platform/commands/folded-state-cache.ts).
 */
class CountingStore extends InMemoryEventStore {
  folds = 0;
  override async readStream(streamName: string, options?: ReadStreamOptions) {
    if (options?.toRevision === undefined) this.folds += 1;
    return super.readStream(streamName, options);
  }
}

function setup() {
  const store = new CountingStore();
  const service = createCommandService({
    store,
    calendar: {} as never,
    regulations: {} as never,
    signatures: {} as never,
  });
  const actor = { sub: 'officer', roles: ['provider-officer' as const] };
  const run = (type: string, data: unknown, authorize: (state: unknown, revision: number) => void, create = false) =>
    service.execute({
      module: tallyModule,
      caseId: 'c1',
      command: { type, data },
      commandId: `${type}-${JSON.stringify(data)}`,
      actor,
      create,
      authorize,
      now: '2026-03-02T05:00:00.000Z',
    });
  return { store, run };
}

describe('at most one read per command', () => {
  it('authorises on the state the handler folds, reading the stream once', async () => {
    const { store, run } = setup();
    await run('Open', { owner: 'p-1' }, () => undefined, true);
    store.folds = 0;
    const seen: { state: unknown; revision: number }[] = [];
    const outcome = await run('Count', { by: 2 }, (state, revision) => seen.push({ state, revision }));
    expect(outcome.revision).toBe(1);
    expect(seen).toEqual([{ state: { status: 'open', owner: 'p-1', total: 0 }, revision: 0 }]);
    // No read at all: the handler decides on its cached fold of the previous command (the append's expected
    // revision guards it); the command record lookup is not a fold.
    expect(store.folds).toBe(0);
  });

  it('a refusal thrown by authorize appends nothing', async () => {
    const { store, run } = setup();
    await run('Open', { owner: 'p-1' }, () => undefined, true);
    const head = await store.headPosition();
    await expect(
      run('Count', { by: 1 }, (state) => {
        if ((state as Tally).owner !== 'p-2') throw new Error('forbidden: not your provider');
      }),
    ).rejects.toThrow('forbidden');
    expect(await store.headPosition()).toBe(head);
  });

  it('a command on a missing stream is refused by authorize with revision -1 before deciding', async () => {
    const { store, run } = setup();
    const revisions: number[] = [];
    await expect(
      run('Count', { by: 1 }, (_state, revision) => {
        revisions.push(revision);
        if (revision < 0) throw new Error('not found');
      }),
    ).rejects.toThrow('not found');
    expect(revisions).toEqual([-1]);
    expect(await store.headPosition()).toBe(0);
  });
});
