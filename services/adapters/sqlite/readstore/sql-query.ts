/**
 * Translates a read-store query (where / orderBy / keyset cursor) into SQL over a physical collection table whose
 * declared scalar fields are columns `c_<field>` and whose multi (array) fields live in side tables.
 */
import type { IndexSpec } from '../../../../projections/projection';
import { decodeCursor } from '../../../platform/readstore/cursor';
import { QueryNotSupported, type FindQuery, type FieldCondition, type Scalar } from '../../../platform/readstore/port';

export type SqlValue = string | number | null;

export function sqlValue(v: unknown): SqlValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' || typeof v === 'number') return v;
  return JSON.stringify(v);
}

export function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new QueryNotSupported(`Unsupported name: ${name}`);
  return `"${name}"`;
}

export const column = (field: string): string => (field === 'id' ? '"id"' : ident(`c_${field}`));

export interface TableShape {
  table: string;
  indexes: readonly IndexSpec[];
  /** Side-table name of a multi field. */
  sideTable(field: string): string;
}

function specOf(shape: TableShape, field: string): IndexSpec {
  if (field === 'id') return { field: 'id', unique: true };
  const spec = shape.indexes.find((i) => i.field === field);
  if (!spec) throw new QueryNotSupported(`Field ${field} is not declared in the projection's indexes`);
  return spec;
}

const OPS: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

function conditionSql(expr: string, cond: FieldCondition, params: SqlValue[]): string {
  if (cond === null || typeof cond !== 'object') {
    if (cond === null) return `${expr} IS NULL`;
    params.push(sqlValue(cond));
    return `${expr} = ?`;
  }
  const parts: string[] = [];
  for (const [op, value] of Object.entries(cond)) {
    if (value === undefined || op === 'orNull') continue;
    if (op === 'eq') parts.push(conditionSql(expr, value as Scalar, params));
    else if (op === 'ne') {
      if (value === null) parts.push(`${expr} IS NOT NULL`);
      else {
        params.push(sqlValue(value));
        parts.push(`(${expr} IS NULL OR ${expr} <> ?)`);
      }
    } else if (op in OPS) {
      params.push(sqlValue(value));
      parts.push(`${expr} ${OPS[op]} ?`);
    } else if (op === 'in') {
      const values = value as readonly Scalar[];
      const nonNull = values.filter((v) => v !== null);
      const alts: string[] = [];
      if (nonNull.length > 0) {
        alts.push(`${expr} IN (${nonNull.map(() => '?').join(',')})`);
        params.push(...nonNull.map(sqlValue));
      }
      if (nonNull.length !== values.length) alts.push(`${expr} IS NULL`);
      parts.push(alts.length === 0 ? '0' : `(${alts.join(' OR ')})`);
    } else throw new QueryNotSupported(`Unknown operator ${op}`);
  }
  const all = parts.length === 0 ? '1' : parts.join(' AND ');
  return cond.orNull === true ? `((${all}) OR ${expr} IS NULL)` : all;
}

export function whereSql(shape: TableShape, where: FindQuery['where'], params: SqlValue[]): string[] {
  const clauses: string[] = [];
  for (const [field, cond] of Object.entries(where ?? {})) {
    if (cond === undefined) continue;
    const spec = specOf(shape, field);
    if (spec.multi) {
      if (cond !== null && typeof cond === 'object' && cond.orNull)
        throw new QueryNotSupported(`orNull is not supported on the array field ${field}`);
      const side = ident(shape.sideTable(field));
      clauses.push(`EXISTS (SELECT 1 FROM ${side} s WHERE s.id = t.id AND ${conditionSql('s.value', cond, params)})`);
    } else clauses.push(conditionSql(`t.${column(field)}`, cond, params));
  }
  return clauses;
}

export interface Sort {
  field: string;
  desc: boolean;
}

export function sortOf(shape: TableShape, query: FindQuery): Sort[] {
  return (query.orderBy ?? [])
    .filter((o) => o.field !== 'id')
    .map((o) => {
      if (specOf(shape, o.field).multi) throw new QueryNotSupported(`Cannot sort on the array field ${o.field}`);
      return { field: o.field, desc: o.direction === 'desc' };
    });
}

/** ORDER BY: the sort fields then `id` ascending; nulls first ascending, last descending (SQLite = MongoDB). */
export function orderSql(sort: readonly Sort[]): string {
  return [...sort.map((s) => `t.${column(s.field)} ${s.desc ? 'DESC' : 'ASC'}`), 't."id" ASC'].join(', ');
}

/** The keyset predicate "strictly after the cursor row" under the given order, null-aware. */
export function afterSql(sort: readonly Sort[], cursor: string, params: SqlValue[]): string {
  const { values, id } = decodeCursor(cursor, sort.length);
  const keys = [...sort.map((s, i) => ({ expr: `t.${column(s.field)}`, desc: s.desc, value: sqlValue(values[i]) }))];
  keys.push({ expr: 't."id"', desc: false, value: id });
  const alternatives: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k.desc && k.value === null) continue; // nothing sorts after null in descending order
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      const e = keys[j]!;
      if (e.value === null) parts.push(`${e.expr} IS NULL`);
      else {
        parts.push(`${e.expr} = ?`);
        params.push(e.value);
      }
    }
    if (k.desc) {
      parts.push(`(${k.expr} < ? OR ${k.expr} IS NULL)`);
      params.push(k.value);
    } else if (k.value === null) parts.push(`${k.expr} IS NOT NULL`);
    else {
      parts.push(`${k.expr} > ?`);
      params.push(k.value);
    }
    alternatives.push(`(${parts.join(' AND ')})`);
  }
  return alternatives.length === 0 ? '0' : `(${alternatives.join(' OR ')})`;
}
