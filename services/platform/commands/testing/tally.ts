/** Test support: a toy decider (a tally that is opened, counted and closed) for the pipeline's case steps. */
import type { Decider, DecisionContext } from '../../../../domain/shared/decider';
import { InvalidState } from '../../../../domain/shared/errors';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../eventstore/port';
import { decideAndAppend, type DecideAndAppendInput } from '../decide-append';
import type { CommandResult } from '../types';

export type TallyCommand =
  | { type: 'OpenTally'; data: { regulation: string } }
  | { type: 'Count'; data: { by: number } }
  | { type: 'Close'; data: Record<string, never> };
export type TallyEvent =
  | { type: 'TallyOpened'; data: { regulation: string } }
  | { type: 'Counted'; data: { by: number } }
  | { type: 'TallyClosed'; data: Record<string, never> };
export interface Tally {
  status: 'none' | 'open' | 'closed';
  total: number;
  regulation?: string;
}

export const tally: Decider<TallyCommand, TallyEvent, Tally> = {
  initialState: { status: 'none', total: 0 },
  decide(command, state) {
    switch (command.type) {
      case 'OpenTally':
        if (state.status !== 'none') throw new InvalidState('Tally already open', 'tally-exists');
        return [{ type: 'TallyOpened', data: command.data }];
      case 'Count':
        if (state.status !== 'open') throw new InvalidState('Tally is not open', 'tally-not-open');
        return command.data.by === 0 ? [] : [{ type: 'Counted', data: command.data }];
      case 'Close':
        return state.status === 'closed' ? [] : [{ type: 'TallyClosed', data: {} }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'TallyOpened':
        return { ...state, status: 'open', regulation: event.data.regulation };
      case 'Counted':
        return { ...state, total: state.total + event.data.by };
      case 'TallyClosed':
        return { ...state, status: 'closed' };
    }
  },
};

export const context = {
  now: '2025-06-02T09:00:00.000Z',
  actor: { sub: 'officer-7', roles: ['provider-officer'], providerId: 'p-1' },
} as unknown as DecisionContext; // the toy decider needs neither calendar, regulations nor signatures

/** The accepted result (the test fails on any other). */
export async function accepted<S>(result: Promise<CommandResult<S>>) {
  const r = await result;
  if (r.outcome !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(r)}`);
  return r;
}

/**
 * A fresh store per test in its own directory (registered with jest's hooks; `openStore` opens it, e.g. the embedded
 * one) and `run`, which sends a tally command through the pipeline's case steps on the stream `tally-1`.
 */
export function tallyOnStore<S extends EventStore>(openStore: (dataDir: string) => S) {
  const harness = { store: undefined as unknown as S, dataDir: '', streamName: 'tally-1' };
  beforeEach(() => {
    harness.dataDir = mkdtempSync(join(tmpdir(), 'kezen-cmd-'));
    harness.store = openStore(harness.dataDir);
  });
  afterEach(async () => {
    await harness.store.close();
    rmSync(harness.dataDir, { recursive: true, force: true });
  });
  const run = (
    command: TallyCommand,
    commandId: string,
    extra: Partial<DecideAndAppendInput<TallyCommand, TallyEvent, Tally>> = {},
  ) =>
    decideAndAppend({
      store: harness.store,
      service: { decider: tally, regulationVersionOf: (s) => s.regulation },
      streamName: harness.streamName,
      command,
      context,
      commandId,
      ...extra,
    });
  return { harness, run };
}
