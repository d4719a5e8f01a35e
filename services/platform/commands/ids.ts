/**
 * The ids of command handling: deterministic event ids and fingerprints (the same command always yields the same
 * ones), command ids from an Idempotency-Key, and the id of a new case.
 */
import { createHash } from 'node:crypto';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { Command } from '../../../domain/shared/decider';
import { canonicalJson } from '../eventstore/canonical-json';

/** kezen's UUID v5 namespace for event ids. */
export const KEZEN_EVENT_ID_NAMESPACE = '6f1c8a52-3b1e-5d4a-9a57-1f0e2c7d9b31';

/**
 * Event id of the `index`-th event a command appends: a retried append carries the same ids, so both stores
 * recognise it (the embedded store by its unique event_id, EventStoreDB by its idempotent-write check).
 */
export function commandEventId(commandId: string, index: number): string {
  return uuidV5(`${commandId}:${index}`);
}

const NAMESPACE_BYTES = Buffer.from(KEZEN_EVENT_ID_NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * RFC 9562 UUID version 5 (SHA-1 of namespace + name) in kezen's namespace — what `uuid`'s v5 computes (ids.test.ts
 * checks they agree), without re-parsing the namespace and copying bytes on every call: every command derives its
 * event ids this way.
 */
function uuidV5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex', 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Fingerprint of what a command asks for: an Idempotency-Key reused for another request is detected by it. */
export function commandFingerprint(streamName: string, command: Command): string {
  return createHash('sha256')
    .update(canonicalJson({ streamName, type: command.type, data: command.data }))
    .digest('hex');
}

/** Namespace of command ids derived from an Idempotency-Key (uuid v5 of `<sub>\n<key>`). */
export const COMMAND_ID_NAMESPACE = '6f1c2c0e-2d4b-5b8e-9a57-0c8b3f1e9d21';
const CASE_ID_NAMESPACE = 'a3e1f0b2-7c44-5d1a-8f0e-5b2c9d7e4a10';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** An Idempotency-Key is 1–200 visible ASCII characters. */
export const isIdempotencyKey = (key: string) => KEY.test(key);

/** The command id of a sender's Idempotency-Key: a retried command is recognised (the key is the sender's own). */
export const keyedCommandId = (sub: string, key: string) => uuidv5(`${sub}\n${key}`, COMMAND_ID_NAMESPACE);

/** The case id of a create: derived from the Idempotency-Key (a retried create names the same case), else new. */
export const newCaseId = (service: string, sub: string, key: string | undefined) =>
  key === undefined ? uuidv4() : uuidv5(`${service}\n${sub}\n${key}`, CASE_ID_NAMESPACE);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
