/**
 * Ordered, idempotent document writes without transactions (FerretDB v1 has none; services/platform/readstore/port.ts):
 * every stored document carries `_position`, the log position of the last event applied to it, and a write applies
 * only where the stored `_position` is older. A replayed batch (after a crash before its checkpoint) is a no-op.
 * A deletion leaves a tombstone (`_deleted: true` with its `_position`), so a replayed older write cannot bring a
 * deleted document back; reads skip tombstones (LIVE).
 *
 * How, per batch: look up the stored positions by `_id`; skip writes that are not newer; insert the absent documents
 * (one ordered insertMany, in write order); replace the older ones (in write order). The replace filter carries the
 * guard `_position < new` on MongoDB (index-backed), so even two writers racing never regress a document. FerretDB
 * v1 on SQLite pushes down only a bare `_id` equality — a compound filter scans the whole collection, making every
 * write O(collection) — so there the replace goes by `_id` after the looked-up guard (one writer per projection,
 * the projector's invariant). Any duplicate key falls back to one guarded upsert at a time, in order.
 */
import { MongoServerError, type Collection, type Document } from 'mongodb';
import type { ReadDoc } from '../../../projections/projection';

export interface PhysicalWrite {
  id: string;
  doc: ReadDoc | null;
  position: number;
}

export interface WriteOptions {
  /** Put the position guard into the replace filter (MongoDB). False on FerretDB v1 (see the file comment). */
  guardInFilter: boolean;
  /** Called before each write (the fence's lease check, fence.ts); throwing stops the batch. */
  beforeWrite?: () => Promise<void>;
}

const DUPLICATE_KEY = 11000;

/** The filter part every read adds: tombstones are not documents. */
export const LIVE = { _deleted: { $ne: true } } as const;

export const isDuplicateKey = (error: unknown): boolean =>
  error instanceof MongoServerError &&
  (error.code === DUPLICATE_KEY ||
    (error as { writeErrors?: { code?: number }[] }).writeErrors?.[0]?.code === DUPLICATE_KEY);

/** The stored form: the document's own fields (or a tombstone), `_id` = its id, and the guard. */
export function stored(write: PhysicalWrite): Document {
  if (write.doc === null) return { _id: write.id, _position: write.position, _deleted: true };
  return { ...write.doc, _id: write.id, _position: write.position };
}

/** The document as the projection wrote it (without the storage fields). */
export function unstored<D extends ReadDoc>(document: Document): D {
  const { _id, _position, _deleted, ...rest } = document;
  return { ...rest, id: String(rest.id ?? _id) } as D;
}

const byId = (id: string) => ({ _id: id }) as Document;

/** Stored positions by id (tombstones included); bare `_id` lookups, which every server answers from its index. */
async function positionsOf(collection: Collection<Document>, ids: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const CHUNK = 16;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const docs = await Promise.all(
      ids.slice(i, i + CHUNK).map((id) => collection.findOne(byId(id), { projection: { _position: 1 } })),
    );
    for (const d of docs) if (d && typeof d._position === 'number') found.set(String(d._id), d._position);
  }
  return found;
}

/**
 * One write, fully guarded: an upsert whose guard did not match fails with a duplicate `_id` when the stored
 * document is as new or newer — the idempotent no-op. A duplicate key where the stored document is OLDER is a real
 * unique-index violation and is rethrown.
 */
async function applyOne(collection: Collection<Document>, write: PhysicalWrite): Promise<void> {
  const filter = { _id: write.id, _position: { $lt: write.position } } as Document;
  try {
    await collection.replaceOne(filter, stored(write), { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const current = await collection.findOne(byId(write.id), { projection: { _position: 1 } });
    const storedPosition = typeof current?._position === 'number' ? current._position : -1;
    if (storedPosition < write.position) throw error;
  }
}

export async function applyInOrder(
  collection: Collection<Document>,
  writes: readonly PhysicalWrite[],
  options: WriteOptions,
): Promise<void> {
  if (writes.length === 0) return;
  const current = await positionsOf(collection, [...new Set(writes.map((w) => w.id))]);
  const inserts: PhysicalWrite[] = [];
  const replaces: PhysicalWrite[] = [];
  for (const w of writes) {
    const at = current.get(w.id);
    if (at !== undefined && at >= w.position) continue; // as new or newer already stored: a replay
    (at === undefined ? inserts : replaces).push(w);
    current.set(w.id, w.position);
  }
  const beforeWrite = options.beforeWrite ?? (async () => undefined);
  try {
    if (inserts.length > 0) {
      await beforeWrite();
      await collection.insertMany(inserts.map(stored), { ordered: true });
    }
  } catch (error) {
    // A concurrent writer, or a unique value handed over between documents of this batch: strictly in order.
    if (!isDuplicateKey(error)) throw error;
    for (const write of writes) {
      await beforeWrite();
      await applyOne(collection, write);
    }
    return;
  }
  for (const w of replaces) {
    await beforeWrite();
    const filter = options.guardInFilter ? { _id: w.id, _position: { $lt: w.position } } : { _id: w.id };
    try {
      await collection.replaceOne(filter as Document, stored(w));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await applyOne(collection, w); // rethrows a genuine unique violation
    }
  }
}
