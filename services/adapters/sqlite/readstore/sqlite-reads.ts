/**
 * The query side of the SQLite read store: get-by-ids, find (where / orderBy / keyset cursor, translated by
 * sql-query.ts) and count. Each runs in one read transaction, so the catalogue lookup (which generation is active)
 * and the table read see the same snapshot even while a rebuild switches generations.
 */
import type { ReadDoc } from '../../../../projections/projection';
import { encodeCursor, effectiveLimit } from '../../../platform/readstore/cursor';
import type { FindQuery, Page, ReadOptions, Scalar } from '../../../platform/readstore/port';
import { physicalName, type SqliteCatalog } from './sqlite-catalog';
import { afterSql, column, ident, orderSql, sortOf, whereSql, type SqlValue } from './sql-query';

export function getManyIn<D extends ReadDoc>(
  catalog: SqliteCatalog,
  collection: string,
  ids: readonly string[],
  options: ReadOptions,
): Map<string, D> {
  const result = new Map<string, D>();
  if (ids.length === 0) return result;
  catalog.db.transaction(() => {
    const row = catalog.rowOfCollection(collection, options.generation);
    const t = ident(physicalName(row.collection, row.generation));
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = catalog
        .stmt(`SELECT id, doc FROM ${t} WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as {
        id: string;
        doc: string;
      }[];
      for (const r of rows) result.set(r.id, JSON.parse(r.doc) as D);
    }
  })();
  return result;
}

export function findIn<D extends ReadDoc>(catalog: SqliteCatalog, collection: string, query: FindQuery): Page<D> {
  const limit = effectiveLimit(query.limit);
  return catalog.db.transaction(() => {
    const row = catalog.rowOfCollection(collection);
    const shape = catalog.shape(row.collection, row.generation, row.indexes);
    const params: SqlValue[] = [];
    const clauses = whereSql(shape, query.where, params);
    const sort = sortOf(shape, query);
    if (query.after) clauses.push(afterSql(sort, query.after, params));
    const sortCols = sort.map((s, i) => `, t.${column(s.field)} AS k${i}`).join('');
    const sql =
      `SELECT t.id AS id, t.doc AS doc${sortCols} FROM ${ident(shape.table)} t` +
      (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
      ` ORDER BY ${orderSql(sort)} LIMIT ?`;
    const rows = catalog.stmt(sql).all(...params, limit + 1) as Record<string, SqlValue>[];
    const page = rows.slice(0, limit);
    const items = page.map((r) => JSON.parse(r.doc as string) as D);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor(
            sort.map((_, i) => last[`k${i}`] as Scalar),
            last.id as string,
          )
        : null;
    return { items, nextCursor };
  })();
}

export function countIn(catalog: SqliteCatalog, collection: string, where: FindQuery['where']): number {
  return catalog.db.transaction(() => {
    const row = catalog.rowOfCollection(collection);
    const shape = catalog.shape(row.collection, row.generation, row.indexes);
    const params: SqlValue[] = [];
    const clauses = whereSql(shape, where, params);
    const sql = `SELECT COUNT(*) AS n FROM ${ident(shape.table)} t${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}`;
    return (catalog.stmt(sql).get(...params) as { n: number }).n;
  })();
}
