/**
 * The tamper-evident chain: every event's `hash` is SHA-256 over the canonical form of its predecessor's hash and
 * everything that gives the event its meaning. Editing, removing or reordering a stored event breaks the chain at
 * that event, and the verifier names the first broken link (stream, revision, event id, expected vs actual).
 *
 * Hashes are computed over the event AS STORED (before upcasting), so verifiers read with `raw: true`.
 */
import { createHash } from 'node:crypto';
import type { EventMetadata, RecordedEvent } from '../../../contracts/envelope';
import { canonicalJson } from './canonical-json';
import type { EventStore } from './port';

/** The `prevHash` of revision 0 of every stream. */
export const GENESIS_HASH = createHash('sha256').update('kezen:genesis:v1').digest('hex');

/** What the hash covers: everything except the hash itself and the storage position (which is store-specific). */
export interface HashInput {
  prevHash: string;
  eventId: string;
  streamName: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Omit<EventMetadata, 'prevHash' | 'hash'>;
}

export function computeEventHash(input: HashInput): string {
  const m = input.metadata;
  const canonical = canonicalJson({
    prevHash: input.prevHash,
    eventId: input.eventId,
    streamName: input.streamName,
    revision: input.revision,
    type: input.type,
    schemaVersion: input.schemaVersion,
    data: input.data,
    commandId: m.commandId,
    correlationId: m.correlationId,
    causationId: m.causationId,
    actor: m.actor,
    occurredAt: m.occurredAt,
    recordedAt: m.recordedAt,
    regulationVersion: m.regulationVersion,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

export interface BrokenLink {
  streamName: string;
  revision: number;
  eventId: string;
  position: number;
  /** What is wrong: the stored `prevHash` is not the predecessor's hash, or the stored `hash` is not the content's. */
  reason: 'prevHash-mismatch' | 'hash-mismatch' | 'revision-gap';
  expected: string;
  actual: string;
}

export interface VerificationResult {
  valid: boolean;
  /** Events checked. */
  checked: number;
  firstBroken?: BrokenLink;
}

/** Incremental checker: feed events of any number of streams in log order; it remembers each stream's last hash. */
export class ChainChecker {
  private readonly last = new Map<string, { revision: number; hash: string }>();
  checked = 0;

  /** Returns the first problem with this event, or undefined when it links correctly. */
  check(event: RecordedEvent): BrokenLink | undefined {
    this.checked += 1;
    const previous = this.last.get(event.streamName);
    const expectedRevision = previous ? previous.revision + 1 : 0;
    const at = {
      streamName: event.streamName,
      revision: event.revision,
      eventId: event.eventId,
      position: event.position,
    };
    if (event.revision !== expectedRevision) {
      return { ...at, reason: 'revision-gap', expected: String(expectedRevision), actual: String(event.revision) };
    }
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (event.metadata.prevHash !== expectedPrev) {
      return { ...at, reason: 'prevHash-mismatch', expected: expectedPrev, actual: String(event.metadata.prevHash) };
    }
    const { hash, ...metadata } = event.metadata;
    const recomputed = computeEventHash({ ...event, prevHash: expectedPrev, metadata });
    if (hash !== recomputed) return { ...at, reason: 'hash-mismatch', expected: recomputed, actual: String(hash) };
    this.last.set(event.streamName, { revision: event.revision, hash });
    return undefined;
  }
}

/** Walks one stream from revision 0 (in pages) and names the first broken link. */
export async function verifyStream(
  store: EventStore,
  streamName: string,
  pageSize = 1000,
): Promise<VerificationResult> {
  const checker = new ChainChecker();
  for (let from = 0; ; from += pageSize) {
    const page = await store.readStream(streamName, { fromRevision: from, maxCount: pageSize, raw: true });
    for (const event of page) {
      const broken = checker.check(event);
      if (broken) return { valid: false, checked: checker.checked, firstBroken: broken };
    }
    if (page.length < pageSize) return { valid: true, checked: checker.checked };
  }
}

/**
 * Walks the whole log in batches of `batchSize` (memory: one hash per stream) and names the first broken link.
 * `streamPrefixes` limits the walk to kezen's streams when the log holds others.
 */
export async function verifyAll(
  store: EventStore,
  options: { batchSize?: number; streamPrefixes?: readonly string[] } = {},
): Promise<VerificationResult> {
  const batchSize = options.batchSize ?? 5000;
  const prefixes = options.streamPrefixes;
  const checker = new ChainChecker();
  let after = 0;
  for (;;) {
    const batch = await store.readAll(after, batchSize, { raw: true });
    for (const event of batch) {
      if (prefixes && !prefixes.some((p) => event.streamName.startsWith(p))) continue;
      const broken = checker.check(event);
      if (broken) return { valid: false, checked: checker.checked, firstBroken: broken };
    }
    if (batch.length < batchSize) return { valid: true, checked: checker.checked };
    after = batch[batch.length - 1]!.position;
  }
}
