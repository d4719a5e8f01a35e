/**
 * Command routes of one service module (docs/HTTP-CONTRACT.md "Commands"):
 *   POST {basePath}                               → 201 { caseId, revision, position, registrationDate, dueDates, events }
 *   POST {basePath}/:caseId/commands/:command     → 200 { caseId, revision, position, events }
 * Order of checks (so that bad input changes nothing): token → known command → role → schema and IINs → the command
 * pipeline (../../commands/pipeline.ts: a create's channel, scope and linked case → Idempotency-Key → replay →
 * against the folded state: case exists, provider/applicant scope → If-Match → decide → append). The pipeline's
 * result becomes the answer in ../command-answer.ts.
 */
import { Router, type Request, type Response } from 'express';
import { authorizeRole, type CommandResult } from '../../commands';
import type { Principal } from '../../auth/principal';
import type { KezenMetrics } from '../../observability/metrics';
import type { CommandService } from '../../ports';
import type { ServiceModule } from '../../service-module';
import { answerCommand, answerCreated, outcomeLabel, refusalProblem } from '../command-answer';
import { ifMatchOf, isUuid, principalOf } from '../context';
import { badRequest, notFound } from '../problem';
import { assertValid } from '../validation';

export interface CommandRouteDeps {
  commands: CommandService;
  metrics: KezenMetrics;
  clock: () => Date;
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

  /** The role first: before the body is read, so a caller without it learns nothing about the schema. */
  function assertRole(principal: Principal, name: string): void {
    const role = authorizeRole(principal, module, name);
    if (!role.allowed) throw refusalProblem(role);
  }

  /** kezen_commands_total and the append latency of what the pipeline answered. */
  function count(name: string, result: CommandResult, started: bigint): void {
    const outcome = outcomeLabel(result);
    if (outcome) deps.metrics.commandOutcomes.inc({ service: module.service, command: name, outcome });
    if (result.outcome === 'accepted')
      deps.metrics.appendDuration.observe({ service: module.service }, Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** A failure the pipeline did not anticipate (e.g. the store unavailable), counted by its name. */
  function countFailure(name: string, error: unknown): void {
    const outcome = `rejected-${(error as Error)?.name ?? 'Error'}`;
    deps.metrics.commandOutcomes.inc({ service: module.service, command: name, outcome });
  }

  async function create(req: Request, res: Response): Promise<void> {
    const principal = principalOf(res);
    assertRole(principal, createName);
    assertValid(module.commandSchemas[createName]!, req.body, createName);
    const started = process.hrtime.bigint();
    let result: CommandResult;
    try {
      result = await deps.commands.execute({
        module,
        name: createName,
        data: req.body,
        create: true,
        principal,
        idempotencyKey: req.get('idempotency-key'),
        now: deps.clock().toISOString(),
      });
    } catch (error) {
      countFailure(createName, error);
      throw error;
    }
    count(createName, result, started);
    answerCreated(res, principal, module, result);
  }

  async function command(req: Request, res: Response): Promise<void> {
    const principal = principalOf(res);
    const caseId = String(req.params.caseId);
    // A former name is today's command (docs/HTTP-CONTRACT.md: extend, never rename).
    const sent = String(req.params.command);
    const name = module.commandAliases?.[sent] ?? sent;
    const schema = module.commandSchemas[name];
    if (!schema || name === createName)
      throw badRequest(
        'unknown-command',
        name === createName
          ? `${createName} opens a case: POST ${module.basePath}`
          : `${module.title} has no command ${name}`,
      );
    if (!isUuid(caseId)) throw notFound(`No case ${caseId}`);
    assertRole(principal, name);
    const expectedRevision = ifMatchOf(req);
    assertValid(schema, req.body, name);
    const started = process.hrtime.bigint();
    let result: CommandResult;
    try {
      result = await deps.commands.execute({
        module,
        name,
        data: req.body,
        caseId,
        create: false,
        principal,
        idempotencyKey: req.get('idempotency-key'),
        expectedRevision,
        now: deps.clock().toISOString(),
      });
    } catch (error) {
      countFailure(name, error);
      throw error;
    }
    count(name, result, started);
    answerCommand(res, principal, caseId, result);
  }

  return { create, command };
}

export function commandRoutes(handlers: CommandHandlers): Router {
  const router = Router();
  router.post('/', handlers.create);
  router.post('/:caseId/commands/:command', handlers.command);
  return router;
}
