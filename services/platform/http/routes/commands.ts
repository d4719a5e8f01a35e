/**
 * Command routes of one service module (docs/HTTP-CONTRACT.md "Commands"):
 *   POST {basePath}                               → 201 { caseId, revision, position, registrationDate, dueDates, events }
 *   POST {basePath}/:caseId/commands/:command     → 200 { caseId, revision, position, events }
 * Order of checks (so that bad input changes nothing): token → known command → role → schema and IINs →
 * (in the handler, against the folded state) case exists, provider/applicant scope, If-Match → decide → append.
 */
import { Router, type Request, type Response } from 'express';
import type { RecordedEvent } from '../../../../contracts/envelope';
import { actorOf, type Principal } from '../../auth/principal';
import { authorizeCommand } from '../../auth/policy';
import type { KezenMetrics } from '../../observability/metrics';
import type { CaseQueries, CommandOutcome, CommandService } from '../../ports';
import { streamNameOf, summarizeCreated, type ServiceModule } from '../../service-module';
import { WrongExpectedRevision } from '../../eventstore/port';
import { commandIdOf, etagOf, forPrincipal, ifMatchOf, isUuid, newCaseId, principalOf } from '../context';
import { badRequest, forbidden, HttpProblem, notFound } from '../problem';
import { assertValid } from '../validation';

export interface CommandRouteDeps {
  commands: CommandService;
  /** The read side, for a create about another case (a complaint): that case is folded from its stream. */
  queries: Pick<CaseQueries, 'load'>;
  /** Every module served (to find a linked case's service). */
  modules: readonly ServiceModule[];
  metrics: KezenMetrics;
  clock: () => Date;
}

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

function outcomeLabel(error: unknown): string {
  if (error instanceof HttpProblem) return `rejected-${error.status}`;
  const name = (error as Error)?.name ?? 'Error';
  return `rejected-${name}`;
}

export interface CommandHandlers {
  /** POST {basePath}: the module's create command (opens a case). */
  create(req: Request, res: Response): Promise<void>;
  /** POST {basePath}/:caseId/commands/:command (params `caseId`, `command`). */
  command(req: Request, res: Response): Promise<void>;
}

/**
 * The two handlers, apart from any router: the module's router below mounts them, and so does the command lane
 * (../command-lane.ts), which serves the same routes without Express's routing.
 */
export function commandHandlers(module: ServiceModule, deps: CommandRouteDeps): CommandHandlers {
  const createName = module.createCommand.name;

  async function run(principal: Principal, name: string, exec: () => Promise<CommandOutcome>): Promise<CommandOutcome> {
    const started = process.hrtime.bigint();
    try {
      const outcome = await exec();
      deps.metrics.commandOutcomes.inc({
        service: module.service,
        command: name,
        outcome: outcome.replayed ? 'replayed' : 'accepted',
      });
      deps.metrics.appendDuration.observe({ service: module.service }, Number(process.hrtime.bigint() - started) / 1e9);
      return outcome;
    } catch (error) {
      deps.metrics.commandOutcomes.inc({ service: module.service, command: name, outcome: outcomeLabel(error) });
      throw error;
    }
  }

  async function create(req: Request, res: Response): Promise<void> {
    const principal = principalOf(res);
    const body: unknown = req.body;
    // Role first (no body needed), then the body, then the scope against the body's provider / applicant.
    const allowedRoles = module.commandRoles[createName] ?? [];
    if (!allowedRoles.some((r) => principal.roles.includes(r)))
      throw forbidden(`${createName} may be sent only by: ${allowedRoles.join(', ')}`);
    assertValid(module.commandSchemas[createName]!, body, createName);
    const refusal = module.authorizeCreate?.(principal, body);
    if (refusal) throw new HttpProblem(403, 'channel-not-allowed', refusal.reason, { rule: refusal.rule });
    const scoped = authorizeCommand(principal, module, createName, module.partiesOfCreate(body));
    if (!scoped.allowed) throw forbidden(scoped.reason);
    if (module.linkedCaseOf && module.authorizeLinked) {
      const about = module.linkedCaseOf(body);
      const target = deps.modules.find((m) => m.service === about.service);
      const loaded = target && isUuid(about.caseId) ? await deps.queries.load(target, about.caseId) : undefined;
      const parties = target && loaded && loaded.revision >= 0 ? target.partiesOf(loaded.state) : undefined;
      const refused = module.authorizeLinked(principal, body, parties);
      if (refused) throw new HttpProblem(refused.status, refused.code, refused.reason, { rule: refused.rule });
    }
    const { commandId, key } = commandIdOf(req, principal);
    const given = (body as Record<string, unknown>)[module.createCommand.idField ?? 'caseId'];
    const caseId = typeof given === 'string' ? given.toLowerCase() : newCaseId(principal, key, module.service);
    const command = module.toCommand
      ? module.toCommand(createName, body, { caseId })
      : { type: createName, data: body };
    const outcome = await run(principal, createName, () =>
      deps.commands.execute({
        module,
        caseId,
        command,
        commandId,
        freshCommandId: key === undefined,
        actor: actorOf(principal),
        create: true,
        authorize: () => undefined,
        now: deps.clock().toISOString(),
      }),
    );
    const location = `${module.basePath}/${caseId}`;
    const summary = (module.summarizeCreated ?? summarizeCreated)(outcome.events);
    res
      .status(201)
      .location(location)
      .set('ETag', etagOf(outcome.revision))
      .json(
        forPrincipal(principal, {
          caseId,
          streamName: streamNameOf(module, caseId),
          revision: outcome.revision,
          position: outcome.position,
          replayed: outcome.replayed,
          registrationDate: summary.registrationDate ?? null,
          dueDates: summary.dueDates,
          ...(summary.extra ?? {}),
          events: outcome.events.map(publicEvent),
        }),
      );
  }

  async function command(req: Request, res: Response): Promise<void> {
    const principal = principalOf(res);
    const caseId = String(req.params.caseId);
    const name = String(req.params.command);
    const schema = module.commandSchemas[name];
    if (!schema || name === createName)
      throw badRequest(
        'unknown-command',
        name === createName
          ? `${createName} opens a case: POST ${module.basePath}`
          : `${module.title} has no command ${name}`,
      );
    if (!isUuid(caseId)) throw notFound(`No case ${caseId}`);
    const allowedRoles = module.commandRoles[name] ?? [];
    if (!allowedRoles.some((r) => principal.roles.includes(r)))
      throw forbidden(`${name} may be sent only by: ${allowedRoles.join(', ') || 'nobody through the API'}`);
    const expectedRevision = ifMatchOf(req);
    assertValid(schema, req.body, name);
    const { commandId, key } = commandIdOf(req, principal);
    const command = module.toCommand ? module.toCommand(name, req.body, { caseId }) : { type: name, data: req.body };
    let outcome: CommandOutcome;
    try {
      outcome = await run(principal, name, () =>
        deps.commands.execute({
          module,
          caseId,
          command,
          commandId,
          freshCommandId: key === undefined,
          actor: actorOf(principal),
          expectedRevision,
          create: false,
          authorize: (state, revision) => {
            if (revision < 0) throw notFound(`No case ${caseId}`);
            const decision = authorizeCommand(principal, module, name, module.partiesOf(state));
            if (!decision.allowed) throw forbidden(decision.reason);
            // If-Match is checked by the handler AFTER the idempotency replay: a retried command gets its first answer.
          },
          now: deps.clock().toISOString(),
        }),
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevision && expectedRevision !== undefined)
        throw new HttpProblem(
          412,
          'revision-mismatch',
          `If-Match "${expectedRevision}" does not match the case's revision`,
          {
            currentRevision: error.actual === 'no-stream' ? null : error.actual,
          },
        );
      throw error;
    }
    res
      .status(200)
      .set('ETag', etagOf(outcome.revision))
      .json(
        forPrincipal(principal, {
          caseId,
          revision: outcome.revision,
          position: outcome.position,
          replayed: outcome.replayed,
          events: outcome.events.map(publicEvent),
        }),
      );
  }

  return { create, command };
}

export function commandRoutes(handlers: CommandHandlers): Router {
  const router = Router();
  router.post('/', handlers.create);
  router.post('/:caseId/commands/:command', handlers.command);
  return router;
}
