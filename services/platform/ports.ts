/**
 * What the HTTP layer needs from command handling and the read side, as narrow interfaces. The composition root
 * (services/composition.ts) adapts the implementations (services/platform/commands, services/platform/readstore + projections,
 * services/features/timetravel) to these, so the routes do not depend on any adapter.
 */
import type { Actor, RecordedEvent } from '../../contracts/envelope';
import type { Command } from '../../domain/shared/decider';
import type { ListScope } from './auth/policy';
import type { ServiceModule } from './service-module';

export interface ExecuteCommand {
  module: ServiceModule;
  caseId: string;
  command: Command;
  /** uuid v5 of (actor sub, Idempotency-Key) when the client sent one; a fresh uuid otherwise. */
  commandId: string;
  /** The command id is a fresh uuid of this request (no Idempotency-Key): nothing to replay, no lookup needed. */
  freshCommandId?: boolean;
  actor: Actor;
  /** From `If-Match`: the stream's current revision must equal it (else WrongExpectedRevision → 412). */
  expectedRevision?: number;
  /** `POST {basePath}`: the stream must not exist yet. */
  create: boolean;
  /**
   * Called with the folded state and its revision (-1: no stream) before deciding; throws to refuse (403/404/409).
   * Not called for an idempotent replay (the first answer is returned as it was).
   */
  authorize(state: unknown, revision: number): void;
  /** The clock (ISO instant). */
  now: string;
}

export interface CommandOutcome {
  /** The stream's revision after the command (the last event's revision). */
  revision: number;
  /** Global position of the last event appended. */
  position: number;
  events: RecordedEvent[];
  /** True when this is the stored answer of an earlier command with the same commandId (nothing appended now). */
  replayed: boolean;
}

export interface CommandService {
  execute(input: ExecuteCommand): Promise<CommandOutcome>;
}

export interface CaseListFilters {
  providerId?: string;
  status?: string;
  stage?: string;
  overdue?: boolean;
  submittedFrom?: string;
  submittedTo?: string;
  limit: number;
  cursor?: string;
}

export interface CasePage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

export interface LoadedCase {
  state: unknown;
  /** -1 when the stream has no events. */
  revision: number;
  position: number;
  events: RecordedEvent[];
}

export interface CaseQueries {
  caseView(module: ServiceModule, caseId: string, today: string): Promise<Record<string, unknown> | null>;
  listCases(module: ServiceModule, filters: CaseListFilters, scope: ListScope | null, today: string): Promise<CasePage>;
  timeline(module: ServiceModule, caseId: string, today: string): Promise<unknown>;
  /** The stream folded with the decider's `evolve` (now; `state?asOf=` uses services/features/timetravel's `stateAsOf`). */
  load(module: ServiceModule, caseId: string): Promise<LoadedCase>;
  /** Resolves true once every projection has applied `position`; false after `timeoutMs`. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  /** name → checkpoint, for /readyz and /metrics. */
  projectionCheckpoints(): Promise<Record<string, number>>;
}
