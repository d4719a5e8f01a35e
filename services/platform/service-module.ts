/**
 * How a state service plugs into the shared platform (HTTP routes, auth, command handling, projections, OpenAPI).
 *
 * A service (privatization, housing assistance, complaints) describes itself ONCE as a `ServiceModule`; the generic
 * routes of docs/HTTP-CONTRACT.md "Commands" and "Queries" are then built from the registered modules
 * (services/registry.ts):
 *
 *   POST {basePath}                               create (the module's `createCommand`) → 201
 *   POST {basePath}/{id}/commands/{CommandName}   any of `commandSchemas` → 200 { revision, position, events }
 *   GET  {basePath}/{id} | ?filters | /{id}/timeline   (and `/{id}/state?asOf=`: the timetravel feature's)
 *
 * Everything a route needs to know about the service is here, so no service copies plumbing:
 * - validation: `commandSchemas` (TypeBox) — the same schemas drive ajv and /openapi.json;
 * - authorisation: `commandRoles` (who may send what — the matrix of the service, one table) and `partiesOf` (whose
 *   case it is: the provider, the applicant and family IINs), checked with the role scopes of services/platform/roles.ts;
 * - command handling: `decider`, `streamPrefix`, `regulationVersionOf`.
 *
 * A service is one definition (services/platform/definitions.ts `ServiceDefinition`) in its feature folder: the light
 * half (`ServiceReadSide`: name, stream prefix, projections, feed and dashboard mappings) in `definition.ts`, and this
 * module, the heavy half, in `module.ts`, loaded by the composition root alone. It is registered by one line in
 * services/registry.ts (docs/ADDING-A-SERVICE.md).
 */
import type { TSchema } from '@sinclair/typebox';
import type { EventRename, RecordedEvent } from '../../contracts/envelope';
import type { Command, Decider, DecisionContext, DomainEvent } from '../../domain/shared/decider';
import { caseDeadlinesOf, type CaseDeadline } from '../../projections/shared/case-deadline';
import type { DashboardSummary } from '../../projections/dashboard/case-summary';
import type { MonitoringMapping } from '../../projections/monitoring/services';
import type { Projection } from '../../projections/projection';
import type { Principal } from './auth/principal';
import type { Role } from './roles';

/** Whose case it is: what provider-scoped and applicant-scoped roles are checked against. */
export interface CaseParties {
  providerId?: string;
  /** The applicant (may act on the case, e.g. withdraw). */
  applicantIin?: string;
  /** Family members and other persons who may SEE the case (Annex 2 family members, co-applicants). */
  memberIins: readonly string[];
}

/** Why a create is refused, with the rule of the regulation it would break. */
export interface CreateRefusal {
  rule: string;
  reason: string;
}

/** Why a create about another case is refused (403 out of reach, 422 inconsistent with that case). */
export interface LinkedCaseRefusal extends CreateRefusal {
  status: 403 | 422;
  code: string;
}

/** What the 201 of a create carries besides the case id (docs/HTTP-CONTRACT.md "Commands"). */
export interface CreatedSummary {
  registrationDate?: string;
  /** The deadlines the create set, in the shape of the case view's `dueDates`. */
  dueDates: CaseDeadline[];
  /** e.g. the receipt of Rules §6 or the "request accepted" result date of Rules §7. */
  extra?: Record<string, unknown>;
}

/**
 * The light half of a service's definition: what the projector side needs, as plain data and pure projections (no
 * decider, no schema), so the projector and rebuild threads load it cheaply.
 */
export interface ServiceReadSide {
  /** The service's code, e.g. `privatization` (operation ids, the access log, the dashboard's `service`). */
  service: string;
  /** Stream name = streamPrefix + caseId, e.g. `privatization-` (docs/ARCHITECTURE.md "Streams"); unique in the registry. */
  streamPrefix: string;
  /** The projections the service feeds (the projector runs them; /readyz and the rebuilds list them). */
  projections: readonly Projection[];
  /** Its stages in the monitoring feed (Rules §11); absent: not reported there. */
  monitoring?: MonitoringMapping;
  /** How its events fold into the dashboard's case summaries; absent: not on the dashboard. */
  dashboard?: DashboardSummary;
  /**
   * Former names of its event types, read as today's (docs/ARCHITECTURE.md "Names"): the composition root registers
   * them with every event store (services/platform/eventstore/upcasting.ts); stored events keep their names.
   */
  eventRenames?: readonly EventRename[];
}

export interface ServiceModule<S = unknown> extends ServiceReadSide {
  /** Human title for OpenAPI tags and /docs. */
  title: string;
  /** e.g. `/v1/privatization/cases`. */
  basePath: string;
  decider: Decider<Command, DomainEvent, S>;
  /** What the decider's context needs besides the platform's (e.g. housing assistance's regional parameters). */
  extendContext?(context: DecisionContext): DecisionContext;
  /** The command that opens a case: `POST {basePath}` with this body. Must also be a key of `commandSchemas`. */
  /**
   * `idField`: the body member that may name the new stream's id (default `caseId`). A complaint names its own id in
   * `complaintId`, since its `caseId` links the case it is about.
   */
  createCommand: { name: string; idField?: string };
  /** Every command's body schema (TypeBox, closed objects), keyed by the public command name. */
  commandSchemas: Readonly<Record<string, TSchema>>;
  /**
   * Former public command names → today's (docs/ARCHITECTURE.md "Names"; docs/HTTP-CONTRACT.md: extend, never
   * rename). The API still takes them, OpenAPI lists them as deprecated, and a command recorded under a former name is
   * the same command when it is sent again (its Idempotency-Key answers from the log).
   */
  commandAliases?: Readonly<Record<string, string>>;
  /** Every event's data schema (documented in /openapi.json). */
  eventSchemas: Readonly<Record<string, TSchema>>;
  /**
   * THE authorisation matrix of the service: command name → roles that may send it. A command missing here is
   * allowed to nobody. Provider-scoped roles additionally need the case's provider; applicants need to be its
   * applicant (services/platform/roles.ts).
   */
  commandRoles: Readonly<Record<string, readonly Role[]>>;
  /** Whose case it is, from the folded state (undefined before the case exists). */
  partiesOf(state: S): CaseParties;
  /** Whose case a create body opens (so an applicant submits only for themselves, provider staff only for theirs). */
  partiesOfCreate(body: unknown): CaseParties;
  /**
   * Rules on who may open a case through which channel, judged on the validated create body (e.g. privatization:
   * State Corporation → its operator, portal → the applicant in person, Rules §4, §6–§7). A refusal is a 403 citing
   * the rule.
   */
  authorizeCreate?(principal: { roles: readonly Role[]; iin?: string }, body: unknown): CreateRefusal | undefined;
  /**
   * A create that is about another case (a complaint about a privatization case): which case. The create route
   * folds that case's stream and asks `authorizeLinked` with its parties (undefined: no such case).
   */
  linkedCaseOf?(body: unknown): { service: string; caseId: string };
  authorizeLinked?(principal: Principal, body: unknown, linked: CaseParties | undefined): LinkedCaseRefusal | undefined;
  /** The regulation version the case pinned (metadata of every event); undefined before registration. */
  regulationVersionOf(state: S): string | undefined;
  /**
   * Builds the domain command from the validated body. Default: `{ type: name, data: body }`; a decider that wants
   * the case id inside the create command (or other server-side facts) says so here.
   */
  toCommand?(name: string, body: unknown, ids: { caseId: string }): Command;
  /** The 201 body extras of a create; default: `summarizeCreated` below. */
  summarizeCreated?(events: readonly RecordedEvent[]): CreatedSummary;
  /** Where the case routes read (collections of the module's projections) and the list filters' field names. */
  readModels: ReadModelBinding;
  /**
   * What its case view (and list items) and its timeline answer, for /openapi.json: the members every service has
   * (contracts/read-models.ts) and its own. Absent: only the common members are described.
   */
  answers?: { caseView: TSchema; timeline: TSchema };
}

/**
 * The read side of a service for the generic query routes. The case collection holds one document per case
 * (id = caseId) with the fields every case view has (contracts/read-models.ts `CaseViewCommonSchema`: among them
 * `dueDates`, which the timeline answers too) and these top-level indexed fields (projection `indexes`); defaults in
 * brackets.
 */
export interface ReadModelBinding {
  cases: string;
  /** Collection of timeline documents (id = caseId, the timeline under `entries`); absent: `timeline` inside the case doc. */
  timelines?: string;
  /**
   * A timeline kept as one document per STEP (projections/shared/timeline.ts): where its steps and deadlines are;
   * the timeline is read with `readTimeline` (services/platform/readstore/timeline-query.ts) for stream `streamPrefix + caseId`.
   * Takes precedence over `timelines`.
   */
  timelineSteps?: { streamPrefix: string; stepsCollection: string; deadlinesCollection: string };
  fields?: Partial<{
    providerId: string; // [providerId]
    status: string; // [status]
    stage: string; // [stage]
    submittedOn: string; // [submittedOn] local date of submission
    openDueOn: string; // [openDueOn] earliest open due date: overdue = openDueOn < today
    partyIins: string; // [partyIins] multi: applicant and family IINs (applicants' lists)
  }>;
}

export const streamNameOf = (module: Pick<ServiceModule, 'streamPrefix'>, caseId: string) =>
  `${module.streamPrefix}${caseId}`;

/**
 * The default 201 summary: the deadlines the events set (folded as the case view folds them), and the registration
 * date of the first event that has one — the events name it `registeredOn` or `registrationDate`.
 */
export function summarizeCreated(events: readonly RecordedEvent[]): CreatedSummary {
  let registrationDate: string | undefined;
  for (const e of events) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    for (const key of ['registrationDate', 'registeredOn']) {
      if (registrationDate === undefined && typeof data[key] === 'string') registrationDate = data[key] as string;
    }
  }
  return { registrationDate, dueDates: caseDeadlinesOf(events) };
}
