/**
 * THE command pipeline: every sender — the HTTP routes and the command lane, the deadline watcher — sends its
 * commands through `CommandService.execute`, and gets one result type back (./types.ts). The steps, in order:
 *
 *   1. admit      authorization that needs no case (./authorization.ts): the system actor's rule; a create's
 *                 channel, scope and linked case — a refusal is answered before anything else is looked at;
 *   2. identify   the command id (the sender's Idempotency-Key, an internal sender's own id, or a new one), the
 *                 case id of a create, the domain command (the module's `toCommand`);
 *   3. replay     a command id handled before gets its first answer (the case's authorization is not re-judged);
 *   4. load       the case folded, from the folded-state cache;
 *   5. authorize  on the folded case: it exists and is within the sender's reach;
 *   6. If-Match   the pinned revision;
 *   7. decide     the module's decider;
 *   8. append     optimistic concurrency (4–8 again on a conflict), the idempotency record.
 *
 * Steps 3–8 are ./decide-append.ts. To move a step (e.g. judge authorization before a replay), move it here or
 * there; nothing outside depends on the order.
 */
import { v4 as uuidv4 } from 'uuid';
import type { WorkingCalendar } from '../../../domain/calendar/types';
import type { RegulationRegistry } from '../../../domain/regulation/types';
import type { DecisionContext, SignatureVerifier } from '../../../domain/shared/decider';
import { actorOf } from '../auth/principal';
import type { EventStore } from '../eventstore/port';
import { streamNameOf, type CaseParties, type ServiceModule } from '../service-module';
import { admit, admitLinked, authorizeOnCase, needsLinkedCase } from './authorization';
import { decideAndAppend } from './decide-append';
import { foldStream } from './folded-state-cache';
import { isIdempotencyKey, keyedCommandId, newCaseId } from './ids';
import type { CommandRequest, CommandResult } from './types';

export interface CommandServiceDeps {
  store: EventStore;
  calendar: WorkingCalendar;
  regulations: RegulationRegistry;
  signatures: SignatureVerifier;
  /** Every module served: a create about another case (a complaint) finds that case's module here. */
  modules: readonly ServiceModule[];
}

export interface CommandService {
  execute(request: CommandRequest): Promise<CommandResult>;
}

const INVALID_KEY: CommandResult = Object.freeze({
  outcome: 'invalid-request',
  code: 'invalid-idempotency-key',
  detail: 'Idempotency-Key must be 1–200 visible ASCII characters',
});

export function createCommandService(deps: CommandServiceDeps): CommandService {
  const { store } = deps;
  /** The parties of another module's case, folded as a command's own case is (undefined: no such case). */
  const partiesOf = async (module: ServiceModule, caseId: string): Promise<CaseParties | undefined> => {
    const folded = await foldStream(store, module.decider, streamNameOf(module, caseId));
    return folded.revision >= 0 ? module.partiesOf(folded.state) : undefined;
  };

  return {
    async execute(request: CommandRequest): Promise<CommandResult> {
      const { module, name, create } = request;
      // 1. admit
      let admission = admit(request);
      if (admission.allowed && needsLinkedCase(request))
        admission = await admitLinked(request, deps.modules, partiesOf);
      if (!admission.allowed) return { outcome: 'refused', refusal: admission, step: 'request' };

      // 2. identify
      const key = request.idempotencyKey;
      if (key !== undefined && !isIdempotencyKey(key)) return INVALID_KEY;
      const sub = request.principal ? request.principal.sub : request.system.sub;
      const commandId = request.commandId ?? (key === undefined ? uuidv4() : keyedCommandId(sub, key));
      const caseId = request.caseId ?? createdCaseId(module, request.data, sub, key);
      const command = module.toCommand
        ? module.toCommand(name, request.data, { caseId })
        : { type: name, data: request.data };

      // 3.–8. replay, load, authorize, If-Match, decide, append
      const result = await decideAndAppend(
        {
          store,
          service: module,
          streamName: streamNameOf(module, caseId),
          command,
          ...formerNamesOf(module, command.type),
          commandId,
          freshCommandId: request.commandId === undefined && key === undefined,
          // A create pins "no stream": a second create of the same case id is a conflict, not a new case.
          expectedRevision: create ? -1 : request.expectedRevision,
          context: decisionContext(module, {
            now: request.now,
            actor: request.principal ? actorOf(request.principal) : request.system,
            calendar: deps.calendar,
            regulations: deps.regulations,
            signatures: deps.signatures,
          }),
        },
        authorizeOnCase,
        request,
      );
      if (create && result.outcome === 'wrong-revision')
        return { outcome: 'conflict', reason: 'case-exists', currentRevision: result.actual };
      return result;
    },
  };
}

/** A new case's id: the body's id field (lower-cased), else from the Idempotency-Key, else new. */
function createdCaseId(module: ServiceModule, data: unknown, sub: string, key: string | undefined): string {
  const given = (data as Record<string, unknown> | null)?.[module.createCommand.idField ?? 'caseId'];
  return typeof given === 'string' ? given.toLowerCase() : newCaseId(module.service, sub, key);
}

/** The names a module's command had before (its `commandAliases`), as decideAndAppend takes them. */
function formerNamesOf(module: ServiceModule, type: string): { formerCommandTypes?: string[] } {
  if (!module.commandAliases) return {};
  const former = Object.keys(module.commandAliases).filter((alias) => module.commandAliases![alias] === type);
  return former.length > 0 ? { formerCommandTypes: former } : {};
}

/** The shared decision context, with what the service adds to it (housing assistance: its regional parameters). */
const decisionContext = (module: ServiceModule, context: DecisionContext): DecisionContext =>
  module.extendContext ? module.extendContext(context) : context;
