/** The privatization decider's commands and events: the TypeBox contracts' static types (contracts/privatization). */
import type {
  PrivatizationCommand,
  PrivatizationCommandData,
  PrivatizationCommandName,
  PrivatizationEvent,
  PrivatizationEventData,
  PrivatizationEventType,
} from '../../contracts/privatization';

export type {
  PrivatizationCommand,
  PrivatizationCommandData,
  PrivatizationCommandName,
  PrivatizationEvent,
  PrivatizationEventData,
  PrivatizationEventType,
};

export type EventOf<T extends PrivatizationEventType> = Extract<PrivatizationEvent, { type: T }>;
export type CommandOf<N extends PrivatizationCommandName> = Extract<PrivatizationCommand, { type: N }>;

/** Helper to build a typed event. */
export const event = <T extends PrivatizationEventType>(type: T, data: PrivatizationEventData<T>): EventOf<T> =>
  ({ type, data }) as EventOf<T>;
