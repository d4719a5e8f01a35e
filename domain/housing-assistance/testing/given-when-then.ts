/**
 * given / when / then for the housing assistance decider: given the events so far, when a command is decided at an
 * instant, then these events (each checked against its published schema) or this error.
 */
import type { HousingAssistanceCommand } from '../../../contracts/housing-assistance/commands';
import { fold } from '../../shared/decider';
import { housingAssistanceDecider } from '../index';
import type { HousingAssistanceEvent, HousingAssistanceState } from '../state';
import { contextAt, expectEventsMatchSchemas } from './fixtures';

export function given(...history: HousingAssistanceEvent[][]) {
  const events = history.flat();
  const state: HousingAssistanceState = fold(housingAssistanceDecider, events);
  return {
    events,
    state,
    /** Decide `command` at the instant `now` (ISO, UTC); returns the new events, schema-checked. */
    when(command: HousingAssistanceCommand, now: string): HousingAssistanceEvent[] {
      const out = housingAssistanceDecider.decide(command, state, contextAt(now));
      expectEventsMatchSchemas(out);
      return out;
    },
    /** The error thrown by `command` at `now`. */
    whenFails(command: HousingAssistanceCommand, now: string): Error {
      try {
        housingAssistanceDecider.decide(command, state, contextAt(now));
      } catch (e) {
        return e as Error;
      }
      throw new Error(`${command.type} was expected to fail`);
    },
    then: (more: HousingAssistanceEvent[]) => given(events, more),
  };
}
