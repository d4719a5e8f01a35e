/**
 * Ordered, idempotent document writes without transactions (FerretDB v1 has none; services/readstore/port.ts):
 * every stored document carries `_position`, the log position of the last event applied to it, and a write applies
 * only where the stored `_position` is older. A replayed batch (after a crash before its checkpoint) is a no-op.
 * A deletion leaves a tombstone (`_deleted: true` with its `_position`), so a replayed older write cannot bring a
 * deleted document back; reads skip tombstones (LIVE).
 */
import { MongoServerError, type AnyBulkWriteOperation, type Collection, type Document } from 'mongodb';
import type { ReadDoc } from '../../projections/projection';

export interface PhysicalWrite {
  id: string;
  doc: ReadDoc | null;
  position: number;
}

const DUPLICATE_KEY = 11000;

/** The filter part every read adds: tombstones are not documents. */
export const LIVE = { _deleted: { $ne: true } } as const;

export const isDuplicateKey = (error: unknown): boolean =>
  error instanceof MongoServerError &&
  (error.code === DUPLICATE_KEY ||
    (error as { writeErrors?: { code?: number }[] }).writeErrors?.[0]?.code === DUPLICATE_KEY);

/** The stored form: the document's own fields, `_id` = its id, and the guard. */
export function stored(write: PhysicalWrite & { doc: ReadDoc }): Document {
  return { ...write.doc, _id: write.id, _position: write.position };
}

/** The document as the projection wrote it (without the storage fields). */
export function unstored<D extends ReadDoc>(document: Document): D {
  const { _id, _position, _deleted, ...rest } = document;
  return { ...rest, id: String(rest.id ?? _id) } as D;
}

function operation(write: PhysicalWrite): AnyBulkWriteOperation<Document> {
  // Never apply an older position over a newer one: the filter only matches an older document.
  const filter = { _id: write.id, _position: { $lt: write.position } } as Document;
  const replacement =
    write.doc === null ? { _position: write.position, _deleted: true } : stored({ ...write, doc: write.doc });
  return { replaceOne: { filter, replacement, upsert: true } };
}

/**
 * One write at a time. An upsert whose guard did not match fails with a duplicate `_id` when the stored document is
 * as new or newer: that is the idempotent no-op. A duplicate key where the stored document is OLDER is a real
 * unique-index violation and is rethrown.
 */
async function applyOne(collection: Collection<Document>, write: PhysicalWrite): Promise<void> {
  const op = operation(write);
  try {
    if ('deleteOne' in op) await collection.deleteOne(op.deleteOne.filter);
    else if ('replaceOne' in op)
      await collection.replaceOne(op.replaceOne.filter, op.replaceOne.replacement, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const current = await collection.findOne({ _id: write.id } as Document, { projection: { _position: 1 } });
    const storedPosition = typeof current?._position === 'number' ? current._position : -1;
    if (storedPosition < write.position) throw error;
  }
}

/**
 * Applies the writes in order. Fast path: one ordered bulkWrite. A duplicate key means a replay met a newer
 * document (or a unique violation): the whole group is then re-applied one write at a time — safe, because
 * re-applying an applied write is a no-op under the guard (FerretDB v1 also misreports the failing index of a
 * bulk write, so resuming from it is not an option).
 */
export async function applyInOrder(collection: Collection<Document>, writes: readonly PhysicalWrite[]): Promise<void> {
  if (writes.length === 0) return;
  try {
    await collection.bulkWrite(writes.map(operation), { ordered: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    for (const write of writes) await applyOne(collection, write);
  }
}
