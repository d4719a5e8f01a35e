/**
 * Errors of command handling (the API maps them): a pinned revision that does not match is the store's
 * `WrongExpectedRevision` (If-Match → 412); these two are the handler's own.
 */
import type { WrongExpectedRevision } from '../eventstore/port';

/** The same command id (Idempotency-Key) was used before for a different command or stream (API: 422). */
export class IdempotencyKeyReused extends Error {
  constructor(
    readonly commandId: string,
    readonly firstStream: string,
  ) {
    super(`Command id ${commandId} was already used for a different command (stream ${firstStream})`);
    this.name = 'IdempotencyKeyReused';
  }
}

/** Other writers kept changing the stream: the decision was retried and every attempt lost the race (API: 409). */
export class ConcurrencyRetriesExhausted extends Error {
  constructor(
    readonly streamName: string,
    readonly attempts: number,
    override readonly cause: WrongExpectedRevision,
  ) {
    super(`Stream ${streamName} changed during each of ${attempts} attempts to handle the command`);
    this.name = 'ConcurrencyRetriesExhausted';
  }
}
