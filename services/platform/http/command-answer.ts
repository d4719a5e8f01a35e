/**
 * The command pipeline's result (services/platform/commands/types.ts) as the HTTP answer — status, problem+json
 * code, headers, body — in this one place, for the Express routes and the command lane alike (both run the
 * handlers of routes/commands.ts).
 *
 *   accepted            201 + Location (a create) or 200; ETag = the case's revision; `replayed` for a replay
 *   refused             403 / 404 / 422 with the refusal's code (and `rule`)
 *   rejected            the decider's error by class (./problem.ts domainProblem): 422 / 409 / 400
 *   wrong-revision      412 revision-mismatch (If-Match), with `currentRevision`
 *   conflict            409 concurrent-modification (a create of an existing case: with `currentRevision`)
 *   idempotency-key-reused  422;  invalid-request  400
 */
import type { Response } from 'express';
import type { RecordedEvent } from '../../../contracts/envelope';
import type { Principal } from '../auth/principal';
import type { Accepted, CommandResult, Refusal } from '../commands';
import { caseIdOf } from '../commands';
import { summarizeCreated, type ServiceModule } from '../service-module';
import { etagOf, forPrincipal } from './context';
import { domainProblem, HttpProblem } from './problem';

type NotAccepted = Exclude<CommandResult, Accepted>;

/** The events as the API shows them (the envelope, without the storage-internal hash fields). */
export function publicEvent(e: RecordedEvent) {
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    revision: e.revision,
    position: e.position,
    occurredAt: e.metadata.occurredAt,
    recordedAt: e.metadata.recordedAt,
    regulationVersion: e.metadata.regulationVersion,
    actor: { sub: e.metadata.actor.sub, roles: e.metadata.actor.roles, providerId: e.metadata.actor.providerId },
    data: e.data,
  };
}

const REFUSAL_STATUS: Record<Refusal['reason'], number> = { forbidden: 403, 'not-found': 404, unprocessable: 422 };

export const refusalProblem = (refusal: Refusal) =>
  new HttpProblem(
    REFUSAL_STATUS[refusal.reason],
    refusal.code,
    refusal.detail,
    refusal.rule ? { rule: refusal.rule } : {},
  );

/** A result other than acceptance as the problem the app's problem handler answers with. */
export function commandProblem(result: NotAccepted): HttpProblem {
  switch (result.outcome) {
    case 'refused':
      return refusalProblem(result.refusal);
    case 'rejected':
      return domainProblem(result.error);
    case 'wrong-revision':
      return new HttpProblem(
        412,
        'revision-mismatch',
        `If-Match "${result.expected}" does not match the case's revision`,
        {
          currentRevision: result.actual,
        },
      );
    case 'conflict':
      return result.reason === 'case-exists'
        ? new HttpProblem(409, 'concurrent-modification', 'The case changed while the command was decided; retry', {
            currentRevision: result.currentRevision,
          })
        : new HttpProblem(409, 'concurrent-modification', 'Other writers kept changing the case; retry the command');
    case 'idempotency-key-reused':
      return new HttpProblem(
        422,
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different command',
      );
    case 'invalid-request':
      return new HttpProblem(400, result.code, result.detail);
  }
}

/**
 * The `outcome` label of kezen_commands_total (undefined: not counted). Refusals and malformed requests before the
 * case is loaded are not counted, as the checks the routes make before the pipeline are not; the other labels are
 * the names the pipeline's errors had when it threw them.
 */
export function outcomeLabel(result: CommandResult): string | undefined {
  switch (result.outcome) {
    case 'accepted':
      return result.replayed ? 'replayed' : 'accepted';
    case 'refused':
      return result.step === 'case' ? `rejected-${REFUSAL_STATUS[result.refusal.reason]}` : undefined;
    case 'rejected':
      return `rejected-${result.error.name}`;
    case 'wrong-revision':
      return 'rejected-WrongExpectedRevision';
    case 'conflict':
      return result.reason === 'case-exists'
        ? 'rejected-WrongExpectedRevision'
        : 'rejected-ConcurrencyRetriesExhausted';
    case 'idempotency-key-reused':
      return 'rejected-IdempotencyKeyReused';
    case 'invalid-request':
      return undefined;
  }
}

/** 201 for a create: Location of the new case, its ETag, the registration date, the due dates and the events. */
export function answerCreated(res: Response, principal: Principal, module: ServiceModule, result: CommandResult): void {
  if (result.outcome !== 'accepted') throw commandProblem(result);
  const caseId = caseIdOf(module, result.streamName);
  const summary = (module.summarizeCreated ?? summarizeCreated)(result.events);
  res
    .status(201)
    .location(`${module.basePath}/${caseId}`)
    .set('ETag', etagOf(result.revision))
    .json(
      forPrincipal(principal, {
        caseId,
        streamName: result.streamName,
        revision: result.revision,
        position: result.position,
        replayed: result.replayed,
        registrationDate: summary.registrationDate ?? null,
        dueDates: summary.dueDates,
        ...(summary.extra ?? {}),
        events: result.events.map(publicEvent),
      }),
    );
}

/** 200 for a command on a case: its ETag and the events. */
export function answerCommand(res: Response, principal: Principal, caseId: string, result: CommandResult): void {
  if (result.outcome !== 'accepted') throw commandProblem(result);
  res
    .status(200)
    .set('ETag', etagOf(result.revision))
    .json(
      forPrincipal(principal, {
        caseId,
        revision: result.revision,
        position: result.position,
        replayed: result.replayed,
        events: result.events.map(publicEvent),
      }),
    );
}
