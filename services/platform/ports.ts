/**
 * What the HTTP layer needs from command handling and the read side, as narrow interfaces. The composition root
 * (services/composition.ts) adapts the implementations (services/platform/commands, services/platform/readstore + projections,
 * services/features/timetravel) to these, so the routes do not depend on any adapter.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { ListScope } from './auth/policy';
import type { ServiceModule } from './service-module';

/** Commands: the one pipeline every sender goes through (services/platform/commands/pipeline.ts). */
export type { CommandRequest, CommandResult, CommandService } from './commands';

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
