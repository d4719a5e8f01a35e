/**
 * The read-store port: a document store for read models, fed by the projector and queried by the API.
 * Adapters: embedded SQLite (default, services/platform/readstore/sqlite) and MongoDB/FerretDB. Both pass
 * test/contracts/read-store.contract.ts.
 *
 * Exactly-once application of events, per adapter:
 * - SQLite: `commit` writes the documents and the checkpoint in ONE transaction, so a crash can neither skip
 *   nor double-apply an event.
 * - Mongo/FerretDB (no multi-document transactions): the writes are applied in order and idempotently — each
 *   document carries `_position` and a write never replaces a document with a newer `_position` — and the
 *   checkpoint is advanced only after the batch. A crash replays the batch; the guard makes the replay a no-op.
 *   With `expectedCheckpoint`, a claim document fences the step first (services/adapters/mongo/fence.ts).
 *
 * Blue/green (rebuilds while the API keeps serving): every projection has numbered physical generations of its
 * collection behind the logical collection name. Reads and default writes go to the active generation;
 * `beginRebuild` makes a new, empty generation (checkpoint 0); `commit(..., { generation })` fills it;
 * `switchAlias` atomically makes it the active one; `dropPhysical` removes an old one.
 */
import type { ProjectionDescriptor, ReadDoc } from '../../../projections/projection';

export type Scalar = string | number | boolean | null;

/** A condition on one declared field: a value (equality; for `multi` fields "contains"), or a range / set. */
export type FieldCondition =
  | Scalar
  | {
      eq?: Scalar;
      ne?: Scalar;
      gt?: string | number;
      gte?: string | number;
      lt?: string | number;
      lte?: string | number;
      in?: readonly Scalar[];
      /**
       * Also match documents where the field is null or absent (the other operators OR'ed with "is null"), e.g. "not
       * overdue" = `{ gte: today, orNull: true }`: no open deadline is not overdue either. Not for `multi` fields.
       */
      orNull?: boolean;
    };

export interface OrderBy {
  field: string;
  direction?: 'asc' | 'desc';
}

/**
 * Only fields declared in the projection's `indexes` (plus `id`) may appear in `where` and `orderBy`; an adapter
 * throws `QueryNotSupported` otherwise. Results are ordered by `orderBy` then by `id` ascending (the tie-breaker that
 * makes keyset pagination exact). Nulls sort first in ascending order (as in both SQLite and MongoDB).
 */
export interface FindQuery {
  where?: Readonly<Record<string, FieldCondition>>;
  orderBy?: readonly OrderBy[];
  /** Default 50, max 1000. */
  limit?: number;
  /** An opaque cursor from a previous page's `nextCursor` (same where/orderBy). */
  after?: string;
}

export interface Page<D> {
  items: D[];
  /** Opaque (base64) keyset cursor; null on the last page. */
  nextCursor: string | null;
}

/** One document change: `doc` null deletes. `position` is the global position of the last event applied to it. */
export interface DocWrite {
  /** Logical collection (the projection's `collection`). */
  collection: string;
  id: string;
  doc: ReadDoc | null;
  position: number;
  /**
   * `JSON.stringify(doc)` when the writer has it already (a rebuild serializes once to weigh its cache): an adapter
   * that stores JSON text may use it instead of serializing again. Optional; adapters may ignore it.
   */
  json?: string;
  /**
   * The document's multi-valued index fields as the store holds them now (`storedMultiOf`), or null when the store
   * holds no such document — when the writer knows (it read the document, or wrote it itself): an adapter that keeps
   * them apart (the SQLite side tables) then rewrites only the fields that changed. Undefined: unknown (rewrite).
   */
  storedMulti?: Readonly<Record<string, string>> | null;
}

/** The fields of a projection's multi-valued indexes (none: nothing to track). */
export const multiFieldsOf = (indexes: readonly { field: string; multi?: boolean }[]): string[] =>
  indexes.filter((i) => i.multi === true).map((i) => i.field);

/** A snapshot of `doc`'s multi-valued fields (their JSON), to tell later whether a write changes them. */
export function storedMultiOf(doc: ReadDoc | null, fields: readonly string[]): Record<string, string> | null {
  if (doc === null) return null;
  const out: Record<string, string> = {};
  for (const f of fields) out[f] = JSON.stringify(doc[f] ?? null);
  return out;
}

export interface CommitOptions {
  /** The physical generation to write into (default: the active one). */
  generation?: number;
  /**
   * Fail with `GenerationChanged` when `generation` is no longer the active one (the live projector passes this:
   * after a blue/green switch it must resume from the new generation's checkpoint).
   */
  requireActive?: boolean;
  /**
   * The checkpoint the batch was computed from. When given, the commit fails with `CheckpointMoved` if the stored
   * checkpoint is no longer this one — another projector instance (e.g. an orphan of a killed parent) committed
   * meanwhile, so this batch's documents may be stale and must not be written (no double apply).
   */
  expectedCheckpoint?: number;
}

export interface ReadOptions {
  generation?: number;
}

export interface GenerationInfo {
  generation: number;
  /** The projection version it was built with. */
  version: number;
  checkpoint: number;
  active: boolean;
}

export interface ReadStoreHealth {
  ok: boolean;
  detail?: string;
}

export class GenerationChanged extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly active: number,
  ) {
    super(`Projection ${projection}: generation ${expected} is no longer active (active: ${active})`);
    this.name = 'GenerationChanged';
  }
}

export class CheckpointMoved extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Projection ${projection}: checkpoint moved from ${expected} to ${actual} by another writer`);
    this.name = 'CheckpointMoved';
  }
}

export class QueryNotSupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryNotSupported';
  }
}

export interface ReadStore {
  /**
   * Registers projections: for one seen for the first time, creates generation 1 (active, checkpoint 0) with its
   * indexes. Idempotent. A changed `version` does not rebuild by itself (see `activeGeneration`).
   */
  init(projections: readonly ProjectionDescriptor[]): Promise<void>;
  /** The active generation of a registered projection. */
  activeGeneration(projection: string): Promise<GenerationInfo>;
  generations(projection: string): Promise<GenerationInfo[]>;
  /** Position of the last event applied to the generation (default: active); 0 before any. */
  getCheckpoint(projection: string, generation?: number): Promise<number>;
  /** Applies the writes in order and sets the checkpoint (see the file comment for the guarantee per adapter). */
  commit(projection: string, writes: readonly DocWrite[], checkpoint: number, options?: CommitOptions): Promise<void>;

  /** Reads go to the active generation unless `generation` is given (a rebuild reading its own generation). */
  get<D extends ReadDoc = ReadDoc>(collection: string, id: string, options?: ReadOptions): Promise<D | null>;
  /** Found documents by id (missing ids are absent from the map). */
  getMany<D extends ReadDoc = ReadDoc>(
    collection: string,
    ids: readonly string[],
    options?: ReadOptions,
  ): Promise<Map<string, D>>;
  find<D extends ReadDoc = ReadDoc>(collection: string, query?: FindQuery): Promise<Page<D>>;
  count(collection: string, where?: FindQuery['where']): Promise<number>;

  /** Creates a new empty generation (checkpoint 0, indexes of `projection`) and returns its number. */
  beginRebuild(projection: ProjectionDescriptor): Promise<number>;
  /** Atomically makes `generation` the active one; returns the previously active generation. */
  switchAlias(projection: string, generation: number): Promise<number>;
  /** Drops an inactive generation (refuses the active one). */
  dropPhysical(projection: string, generation: number): Promise<void>;

  health(): Promise<ReadStoreHealth>;
  close(): Promise<void>;
  /**
   * Optional, for rebuilds: a store that loads a new generation faster with other settings (the embedded store's
   * WAL and busy wait) says so here; `on: false` restores the live settings.
   */
  bulkLoad?(on: boolean): void;
  /**
   * Optional, for rebuilds: every projection's commit of a flush in one transaction, synchronously (one turn of the
   * store's write lock). A store without it gets a `commit` each.
   */
  commitAllSync?(commits: readonly BulkCommit[]): void;
}

/** One projection's share of a rebuild flush (`ReadStore.commitAllSync`). */
export interface BulkCommit {
  projection: string;
  writes: readonly DocWrite[];
  checkpoint: number;
  options?: CommitOptions;
}
