/**
 * The write path of the SQLite read store: one projection's commit inside the caller's transaction (the documents
 * and the checkpoint together, so a crash can neither skip nor double-apply a batch). The caller owns the
 * transaction: SqliteReadStore.commitSync wraps one commit, commitAllSync several (a rebuild flush, the projector
 * thread's grouped commits).
 */
import {
  CheckpointMoved,
  GenerationChanged,
  type CommitOptions,
  type DocWrite,
} from '../../../platform/readstore/port';
import type { Shape, SqliteCatalog } from './sqlite-catalog';
import { ident, sqlValue, type SqlValue } from './sql-query';

/** The body of a commit, inside the caller's transaction. */
export function commitIn(
  catalog: SqliteCatalog,
  projection: string,
  writes: readonly DocWrite[],
  checkpoint: number,
  options: CommitOptions,
): void {
  if (options.requireActive) {
    const active = catalog.row(projection);
    // Also when the old generation was dropped meanwhile (a rebuild in another process switched and dropped it).
    if (options.generation !== undefined && active.generation !== options.generation) {
      throw new GenerationChanged(projection, options.generation, active.generation);
    }
  }
  const row = catalog.row(projection, options.generation);
  // Compare-and-set on the checkpoint, inside the write transaction: two projector instances can never both
  // apply the same events.
  if (options.expectedCheckpoint !== undefined && row.checkpoint !== options.expectedCheckpoint) {
    throw new CheckpointMoved(projection, options.expectedCheckpoint, row.checkpoint);
  }
  const shape = catalog.shape(row.collection, row.generation, row.indexes);
  for (const w of writes) {
    if (w.collection !== row.collection) throw new RangeError(`Projection ${projection} does not own ${w.collection}`);
    applyWrite(catalog, shape, w);
  }
  catalog
    .stmt('UPDATE rs_generations SET checkpoint = ? WHERE projection = ? AND generation = ?')
    .run(checkpoint, projection, row.generation);
}

/** Applies one write unless the stored document was written at a later position (idempotent replays). */
function applyWrite(catalog: SqliteCatalog, shape: Shape, w: DocWrite): void {
  let changed: number;
  if (w.doc === null) {
    changed = catalog.stmt(shape.deleteSql).run(w.id, w.position).changes;
  } else {
    const doc = w.doc;
    const values = shape.scalars.map((i) => sqlValue(doc[i.field]));
    changed = catalog.stmt(shape.upsertSql).run(w.id, w.position, w.json ?? JSON.stringify(doc), ...values).changes;
  }
  if (changed === 0 || shape.multis.length === 0) return;
  for (const i of shape.multis) {
    const raw = w.doc?.[i.field];
    // The writer knows what is stored (DocWrite.storedMulti): an unchanged field keeps its rows (rewriting every case
    // view's `partyIins` rows was a visible share of a rebuild's CPU), a new document has none to delete.
    const stored = w.storedMulti === undefined ? undefined : w.storedMulti === null ? null : w.storedMulti[i.field];
    if (typeof stored === 'string' && w.doc !== null && stored === JSON.stringify(raw ?? null)) continue;
    const side = ident(shape.sideTable(i.field));
    if (stored !== null) catalog.stmt(`DELETE FROM ${side} WHERE id = ?`).run(w.id);
    const values = Array.isArray(raw)
      ? new Set(raw.map(sqlValue))
      : raw === undefined || raw === null
        ? new Set()
        : new Set([sqlValue(raw)]);
    const insert = catalog.stmt(`INSERT OR IGNORE INTO ${side} (value, id) VALUES (?, ?)`);
    for (const v of values) insert.run(v as SqlValue, w.id);
  }
}
