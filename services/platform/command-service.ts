/**
 * The CommandService the routes use, over the one generic command handler (services/commands/handle-command.ts).
 * Authorisation needs the case's parties: the handler calls `authorize` on the state it folds itself, before
 * deciding, so a command reads its stream once. The handler replays idempotent retries, checks If-Match and
 * retries on concurrency conflicts.
 */
import type { WorkingCalendar } from '../../domain/calendar/types';
import type { RegulationRegistry } from '../../domain/regulation/types';
import type { SignatureVerifier } from '../../domain/shared/decider';
import { handleCommand } from '../commands/handle-command';
import type { EventStore } from '../eventstore/port';
import type { CommandOutcome, CommandService, ExecuteCommand } from './ports';
import { streamNameOf } from './service-module';

export interface CommandServiceDeps {
  store: EventStore;
  calendar: WorkingCalendar;
  regulations: RegulationRegistry;
  signatures: SignatureVerifier;
}

export function createCommandService(deps: CommandServiceDeps): CommandService {
  return {
    async execute(input: ExecuteCommand): Promise<CommandOutcome> {
      const { module } = input;
      const streamName = streamNameOf(module, input.caseId);
      const context = {
        now: input.now,
        actor: input.actor,
        calendar: deps.calendar,
        regulations: deps.regulations,
        signatures: deps.signatures,
      };
      const result = await handleCommand({
        store: deps.store,
        decider: module.decider,
        streamName,
        command: input.command,
        commandId: input.commandId,
        ...(input.freshCommandId ? { freshCommandId: true } : {}),
        // A create pins "no stream": a second SubmitApplication for the same case id is a conflict, not a new case.
        expectedRevision: input.create ? -1 : input.expectedRevision,
        regulationVersionOf: (s) => module.regulationVersionOf(s),
        // A create's scope was checked against its body; other commands against the folded case.
        ...(input.create ? {} : { authorize: (state: unknown, revision: number) => input.authorize(state, revision) }),
        context: module.extendContext?.(context) ?? context,
      });
      return { revision: result.revision, position: result.position, events: result.events, replayed: result.replayed };
    },
  };
}
