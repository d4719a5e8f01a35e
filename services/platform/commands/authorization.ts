/**
 * The pipeline's authorization steps, as values: who may send which command to which case, decided before the
 * decider runs. API callers are judged by the module's `commandRoles` and the role scopes (../auth/policy.ts), a
 * create also by the module's own rules on its body (the intake channel, a linked case); internal senders by the
 * system actor's rule.
 *
 * The system actor's rule: it sends the internal commands — those no API role may send (an empty `commandRoles`
 * entry, e.g. RecordDeadlineMissed) — and nothing else; the decider judges the case.
 */
import { authorizeCommand } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { CaseParties, LinkedCaseRefusal, ServiceModule } from '../service-module';
import { isUuid } from './ids';
import { ALLOWED, type Authorization, type CommandRequest, type Refusal } from './types';

const forbidden = (detail: string): Refusal => ({ allowed: false, reason: 'forbidden', code: 'forbidden', detail });

/**
 * The role alone — no body, no case. The HTTP routes ask this before they read the body, so a caller without the
 * role learns nothing about the body's schema; the pipeline judges the role again with the rest.
 */
export function authorizeRole(
  principal: Pick<Principal, 'roles'>,
  module: Pick<ServiceModule, 'commandRoles'>,
  name: string,
): Authorization {
  const allowedRoles = module.commandRoles[name] ?? [];
  if (allowedRoles.some((r) => principal.roles.includes(r))) return ALLOWED;
  return forbidden(`${name} may be sent only by: ${allowedRoles.join(', ') || 'nobody through the API'}`);
}

/**
 * Before the case is loaded (and before an idempotent replay): the system actor's rule; for an API caller's
 * create, the module's channel rule and the role's scope over the body's parties. A create about another case is
 * judged further by `admitLinked`.
 */
export function admit(request: CommandRequest): Authorization {
  const { module, name } = request;
  if (request.system) {
    return (module.commandRoles[name] ?? []).length === 0
      ? ALLOWED
      : forbidden(`${name} is sent by its roles through the API, not by a system actor`);
  }
  if (!request.create) return ALLOWED; // judged on the case
  const principal = request.principal;
  const channel = module.authorizeCreate?.(principal, request.data);
  if (channel)
    return {
      allowed: false,
      reason: 'forbidden',
      code: 'channel-not-allowed',
      detail: channel.reason,
      rule: channel.rule,
    };
  const scoped = authorizeCommand(principal, module, name, module.partiesOfCreate(request.data));
  return scoped.allowed ? ALLOWED : forbidden(scoped.reason);
}

/** Does `admitLinked` have anything to judge for this request? */
export const needsLinkedCase = (request: CommandRequest) =>
  request.create &&
  request.principal !== undefined &&
  !!request.module.linkedCaseOf &&
  !!request.module.authorizeLinked;

/**
 * A create about another case (a complaint about a privatization case): that case must exist and the request must
 * be consistent with it (../../features/complaints/authorize.ts). `partiesOf` folds that case (undefined: none).
 */
export async function admitLinked(
  request: CommandRequest,
  modules: readonly ServiceModule[],
  partiesOf: (module: ServiceModule, caseId: string) => Promise<CaseParties | undefined>,
): Promise<Authorization> {
  const { module, principal } = request;
  if (!principal || !module.linkedCaseOf || !module.authorizeLinked) return ALLOWED;
  const about = module.linkedCaseOf(request.data);
  const target = modules.find((m) => m.service === about.service);
  const parties = target && isUuid(about.caseId) ? await partiesOf(target, about.caseId) : undefined;
  const refused = module.authorizeLinked(principal, request.data, parties);
  return refused ? linkedRefusal(refused) : ALLOWED;
}

const linkedRefusal = (r: LinkedCaseRefusal): Refusal => ({
  allowed: false,
  reason: r.status === 403 ? 'forbidden' : 'unprocessable',
  code: r.code,
  detail: r.reason,
  rule: r.rule,
});

/**
 * On the folded case (revision -1: no stream), before If-Match and the decider: the case exists and is within the
 * API caller's reach. A create was judged on its body (admit); the system actor reaches every case.
 */
export function authorizeOnCase(request: CommandRequest, state: unknown, revision: number): Authorization {
  const principal = request.principal;
  if (request.create || !principal) return ALLOWED;
  if (revision < 0)
    return { allowed: false, reason: 'not-found', code: 'not-found', detail: `No case ${request.caseId}` };
  const { module, name } = request;
  const decision = authorizeCommand(principal, module, name, module.partiesOf(state));
  return decision.allowed ? ALLOWED : forbidden(decision.reason);
}
