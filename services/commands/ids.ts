/** Deterministic ids of command handling: the same command always yields the same event ids and fingerprint. */
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { Command } from '../../domain/shared/decider';
import { canonicalJson } from '../eventstore/canonical-json';

/** kezen's UUID v5 namespace for event ids. */
export const KEZEN_EVENT_ID_NAMESPACE = '6f1c8a52-3b1e-5d4a-9a57-1f0e2c7d9b31';

/**
 * Event id of the `index`-th event a command appends: a retried append carries the same ids, so both stores
 * recognise it (the embedded store by its unique event_id, EventStoreDB by its idempotent-write check).
 */
export function commandEventId(commandId: string, index: number): string {
  return uuidv5(`${commandId}:${index}`, KEZEN_EVENT_ID_NAMESPACE);
}

/** Fingerprint of what a command asks for: an Idempotency-Key reused for another request is detected by it. */
export function commandFingerprint(streamName: string, command: Command): string {
  return createHash('sha256')
    .update(canonicalJson({ streamName, type: command.type, data: command.data }))
    .digest('hex');
}
