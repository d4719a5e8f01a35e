/**
 * One case's history, produced the way kezen produces it: every command is decided by the real decider against the
 * state folded so far, at an injected instant on the real calendar, and its events are put in the envelope the
 * command handler writes (deterministic event ids from the command id, correlation = the case's first command).
 */
import type { Actor, NewEvent } from '../../contracts/envelope';
import type { Command, Decider, DecisionContext, DomainEvent } from '../../domain/shared/decider';
import { commandEventId } from '../../services/platform/commands/ids';
import type { Rng } from './random';

/** What one command appended: one atomic append in the store. */
export interface GeneratedCommand {
  streamName: string;
  commandId: string;
  commandType: string;
  events: NewEvent[];
}

export type BaseContext = Omit<DecisionContext, 'now' | 'actor'>;

export class CaseRun<C extends Command, E extends DomainEvent, S> {
  state: S;
  readonly commands: GeneratedCommand[] = [];
  private correlationId: string | undefined;
  private previousCommandId: string | undefined;

  constructor(
    private readonly decider: Decider<C, E, S>,
    readonly streamName: string,
    private readonly base: BaseContext,
    private readonly rng: Rng,
    private readonly regulationVersionOf: (state: S) => string | undefined,
  ) {
    this.state = decider.initialState;
  }

  /** Decide `command` at `now` as `actor`; a rule error propagates (the generator counts it as a bug). */
  run(now: string, actor: Actor, command: C): E[] {
    const events = this.decider.decide(command, this.state, { ...this.base, now, actor });
    for (const e of events) this.state = this.decider.evolve(this.state, e);
    const commandId = this.rng.uuid();
    this.correlationId ??= commandId;
    const regulationVersion = this.regulationVersionOf(this.state) ?? 'unversioned';
    this.commands.push({
      streamName: this.streamName,
      commandId,
      commandType: command.type,
      events: events.map((e, i) => ({
        eventId: commandEventId(commandId, i),
        type: e.type,
        schemaVersion: 1,
        data: e.data,
        metadata: {
          commandId,
          correlationId: this.correlationId!,
          causationId: this.previousCommandId ?? commandId,
          actor,
          occurredAt: now,
          regulationVersion,
        },
      })),
    });
    this.previousCommandId = commandId;
    return events;
  }

  get eventCount(): number {
    return this.commands.reduce((n, c) => n + c.events.length, 0);
  }
}
