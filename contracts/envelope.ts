/**
 * The event envelope: the public shape of every fact kezen records (contracts are versioned; extend, never rename).
 * `hash`/`prevHash` make each stream a tamper-evident chain (see services/platform/eventstore/hash-chain.ts).
 */

/** Who did it. `sub` is the token subject; for the system (deadline watcher, projector) `sub` is `system:<component>`. */
export interface Actor {
  sub: string;
  roles: readonly string[];
  providerId?: string;
  /** Shown masked to roles that do not need it; never logged. */
  name?: string;
}

export interface EventMetadata {
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** Business time of the fact (ISO-8601 instant, UTC). */
  occurredAt: string;
  /** When the store accepted it (ISO-8601 instant, UTC), set by the event store. */
  recordedAt: string;
  /** Regulation version in force for the case, e.g. `order-115-2025`. */
  regulationVersion: string;
  /** Previous event's hash in the same stream, or the genesis hash for revision 0. */
  prevHash: string;
  /** SHA-256 (hex) over the canonical form of (prevHash, type, schemaVersion, data, the metadata that matters). */
  hash: string;
}

/** An event as handed to the store: the store fills `recordedAt`, `prevHash`, `hash`. */
export interface NewEvent<T extends string = string, D = unknown> {
  eventId: string;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: Omit<EventMetadata, 'recordedAt' | 'prevHash' | 'hash'>;
}

/** An event as read back from the store. */
export interface RecordedEvent<T extends string = string, D = unknown> {
  eventId: string;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
  streamName: string;
  /** 0-based revision within the stream. */
  revision: number;
  /** Global position in the log (strictly increasing, 1-based; gaps allowed). */
  position: number;
}

/**
 * A former name of an event type, read as today's name in the streams that start with `streamPrefix`: a rename is
 * data (no function), so it can be sent to a thread and applied by any adapter (services/platform/eventstore/upcasting.ts).
 * The stored event keeps the name it was written with, and its hash covers that name.
 */
export interface EventRename {
  streamPrefix: string;
  from: string;
  to: string;
}
