/**
 * What goes into the command pipeline (./pipeline.ts) and what comes out, for every sender alike: the HTTP routes,
 * the command lane and internal senders such as the deadline watcher.
 *
 * Every answer the pipeline anticipates is a value of `CommandResult` — accepted, or refused / rejected / in
 * conflict / on a wrong revision — so no sender needs to know the pipeline's exceptions, and the HTTP layer maps the
 * values to answers in one place (../http/command-answer.ts). What stays an exception is what nobody anticipates:
 * an unavailable store, a bug.
 */
import type { Actor, RecordedEvent } from '../../../contracts/envelope';
import type { DomainError } from '../../../domain/shared/errors';
import type { Principal } from '../auth/principal';
import type { ServiceModule } from '../service-module';

/** A "no" of authorization, with what the answer needs. */
export interface Refusal {
  readonly allowed: false;
  /**
   * forbidden: out of the sender's reach (403); not-found: no such case (404); unprocessable: the request
   * contradicts the case it refers to (422, e.g. a complaint about a case of another provider).
   */
  readonly reason: 'forbidden' | 'not-found' | 'unprocessable';
  /** The problem code (`forbidden`, `not-found`, `channel-not-allowed`, `not-a-party`, …). */
  readonly code: string;
  readonly detail: string;
  /** The rule of the regulation the request would break, when one is cited. */
  readonly rule?: string;
}

/** Authorization as a value, decided before the decider runs (./authorization.ts). */
export type Authorization = { readonly allowed: true } | Refusal;

/** The one "yes" (shared: allowing allocates nothing). */
export const ALLOWED: Authorization = Object.freeze({ allowed: true as const });

interface CommandRequestBase {
  module: ServiceModule;
  /** The command's public name: a key of the module's `commandRoles`. */
  name: string;
  /** The command's data, validated by the sender; the module's `toCommand` builds the domain command from it. */
  data: unknown;
  /** The sender's Idempotency-Key: the command id is derived from it and the sender's subject. */
  idempotencyKey?: string;
  /** An internal sender's own deterministic command id, in place of an Idempotency-Key. */
  commandId?: string;
  /** If-Match: the case must be at exactly this revision. */
  expectedRevision?: number;
  /** The clock (ISO instant). */
  now: string;
}

/**
 * A command and its sender: an authenticated API caller (judged by the module's `commandRoles` and the case's
 * parties), or an internal sender acting as a system actor (judged by the system actor's rule).
 */
export type CommandRequest = CommandRequestBase &
  (
    | { create: false; caseId: string }
    /**
     * Opens a case (`POST {basePath}`): the stream must not exist yet. Without a case id, the body's id field names
     * it, else the Idempotency-Key, else it is a new uuid.
     */
    | { create: true; caseId?: string }
  ) &
  ({ principal: Principal; system?: undefined } | { system: Actor; principal?: undefined });

export interface Accepted<S = unknown> {
  outcome: 'accepted';
  streamName: string;
  /** The stream's revision after the command (the last event's revision; -1: the stream still does not exist). */
  revision: number;
  /** Global position of the command's last event (or the log head for a command that appended nothing). */
  position: number;
  /** The events the command appended, as recorded. */
  events: RecordedEvent[];
  /** The case's state after the command. */
  state: S;
  /** The command id had been handled before: this is its first answer again, and nothing was appended now. */
  replayed: boolean;
}

export type CommandResult<S = unknown> =
  | Accepted<S>
  /** Authorization said no, before the case was loaded (`request`) or judged on the folded case (`case`). */
  | { outcome: 'refused'; refusal: Refusal; step: 'request' | 'case' }
  /** The decider said no: RuleViolation (422), InvalidState (409), InvalidCommand (400), another DomainError. */
  | { outcome: 'rejected'; error: DomainError }
  /** If-Match named another revision than the case's (`actual` null: no such stream). */
  | { outcome: 'wrong-revision'; expected: number; actual: number | null }
  /** A create of a case that exists (`case-exists`), or other writers kept changing the case (`retries-exhausted`). */
  | { outcome: 'conflict'; reason: 'case-exists'; currentRevision: number | null }
  | { outcome: 'conflict'; reason: 'retries-exhausted'; attempts: number }
  /** The command id (Idempotency-Key) was used before for a different command or case. */
  | { outcome: 'idempotency-key-reused'; firstStream: string }
  /** The request itself is malformed (an Idempotency-Key that is not one). */
  | { outcome: 'invalid-request'; code: string; detail: string };

/** The case id of a stream of `module`. */
export const caseIdOf = (module: Pick<ServiceModule, 'streamPrefix'>, streamName: string) =>
  streamName.slice(module.streamPrefix.length);

/** A result that is not an acceptance, as an Error (for senders that report failures as errors, e.g. in logs). */
export class CommandNotAccepted extends Error {
  constructor(readonly result: Exclude<CommandResult, Accepted>) {
    super(describe(result));
    this.name = 'CommandNotAccepted';
  }
}

/** The decider's own error for a rejection (as it was thrown), else a CommandNotAccepted. */
export function errorOf(result: Exclude<CommandResult, Accepted>): Error {
  return result.outcome === 'rejected' ? result.error : new CommandNotAccepted(result);
}

function describe(result: Exclude<CommandResult, Accepted>): string {
  switch (result.outcome) {
    case 'refused':
      return `refused (${result.refusal.code}): ${result.refusal.detail}`;
    case 'rejected':
      return `rejected (${result.error.code}): ${result.error.message}`;
    case 'wrong-revision':
      return `wrong revision: expected ${result.expected}, actual ${String(result.actual)}`;
    case 'conflict':
      return result.reason === 'case-exists'
        ? `the case exists (revision ${String(result.currentRevision)})`
        : `the case kept changing during ${result.attempts} attempts`;
    case 'idempotency-key-reused':
      return `the command id was used before for a different command (stream ${result.firstStream})`;
    case 'invalid-request':
      return `invalid request (${result.code}): ${result.detail}`;
  }
}
