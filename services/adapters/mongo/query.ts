/**
 * Translates a read-store query (where / orderBy / keyset cursor) into a MongoDB filter and sort, using only
 * operators FerretDB v1 supports ($eq/$ne/$gt../$in/$or/$and/$elemMatch; docs/REAL-SERVERS.md).
 * Semantics match the SQLite adapter: nulls (and missing fields) sort first ascending; ties broken by id ascending.
 */
import type { Document, Filter, Sort as MongoSort } from 'mongodb';
import type { IndexSpec } from '../../../projections/projection';
import { decodeCursor } from '../../platform/readstore/cursor';
import { QueryNotSupported, type FieldCondition, type FindQuery, type Scalar } from '../../platform/readstore/port';

/** Document ids are stored as `_id` (and also kept in `id`, so a read returns the document as written). */
export const mongoField = (field: string): string => (field === 'id' ? '_id' : field);

function specOf(indexes: readonly IndexSpec[], field: string): IndexSpec {
  if (field === 'id') return { field: 'id', unique: true };
  const spec = indexes.find((i) => i.field === field);
  if (!spec) throw new QueryNotSupported(`Field ${field} is not declared in the projection's indexes`);
  return spec;
}

const RANGE = ['gt', 'gte', 'lt', 'lte'] as const;

/** Operators of one object condition, e.g. `{ gte: 1, ne: null }` → `{ $gte: 1, $ne: null }`. */
function operators(cond: Exclude<FieldCondition, Scalar>): Document {
  const ops: Document = {};
  for (const [op, value] of Object.entries(cond)) {
    if (value === undefined || op === 'orNull') continue;
    if (op === 'eq') ops.$eq = value;
    else if (op === 'ne') ops.$ne = value;
    else if ((RANGE as readonly string[]).includes(op)) ops[`$${op}`] = value;
    else if (op === 'in') ops.$in = [...(value as readonly Scalar[])];
    else throw new QueryNotSupported(`Unknown operator ${op}`);
  }
  return ops;
}

function conditionFilter(spec: IndexSpec, cond: FieldCondition): Document {
  const field = mongoField(spec.field);
  if (cond === null || typeof cond !== 'object') return { [field]: cond }; // arrays: "contains" (multikey)
  const ops = operators(cond);
  if (cond.orNull === true) {
    if (spec.multi) throw new QueryNotSupported(`orNull is not supported on the array field ${spec.field}`);
    // null matches missing fields too (as SQLite's IS NULL on an absent extracted column).
    return Object.keys(ops).length === 0 ? {} : { $or: [{ [field]: ops }, { [field]: null }] };
  }
  if (Object.keys(ops).length === 0) return {};
  // For an array field every operator must hold for ONE element ("contains an element that …"), as in SQLite.
  return spec.multi ? { [field]: { $elemMatch: ops } } : { [field]: ops };
}

export interface Sort {
  field: string;
  desc: boolean;
}

export function sortOf(indexes: readonly IndexSpec[], query: FindQuery): Sort[] {
  return (query.orderBy ?? [])
    .filter((o) => o.field !== 'id')
    .map((o) => {
      if (specOf(indexes, o.field).multi) throw new QueryNotSupported(`Cannot sort on the array field ${o.field}`);
      return { field: o.field, desc: o.direction === 'desc' };
    });
}

export function mongoSort(sort: readonly Sort[]): MongoSort {
  const spec: Record<string, 1 | -1> = {};
  for (const s of sort) spec[s.field] = s.desc ? -1 : 1;
  spec._id = 1;
  return spec;
}

/** The keyset predicate "strictly after the cursor document" under the order, null-aware (see SQLite's afterSql). */
function afterFilter(sort: readonly Sort[], cursor: string): Document {
  const { values, id } = decodeCursor(cursor, sort.length);
  const keys = sort.map((s, i) => ({ field: s.field, desc: s.desc, value: values[i] ?? null }));
  keys.push({ field: '_id', desc: false, value: id });
  const alternatives: Document[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k.desc && k.value === null) continue; // nothing sorts after null in descending order
    const parts: Document[] = keys.slice(0, i).map((e) => ({ [e.field]: e.value }));
    if (k.desc) parts.push({ $or: [{ [k.field]: { $lt: k.value } }, { [k.field]: null }] });
    else if (k.value === null) parts.push({ [k.field]: { $ne: null } });
    else parts.push({ [k.field]: { $gt: k.value } });
    alternatives.push(parts.length === 1 ? parts[0]! : { $and: parts });
  }
  // An impossible filter when nothing can follow (no FerretDB-unsupported $expr / $nor needed).
  return alternatives.length === 0 ? { _id: { $in: [] } } : { $or: alternatives };
}

export function mongoFilter(
  indexes: readonly IndexSpec[],
  where: FindQuery['where'],
  after?: string,
  sort?: Sort[],
): Filter<Document> {
  const parts: Document[] = [];
  for (const [field, cond] of Object.entries(where ?? {})) {
    if (cond === undefined) continue;
    const part = conditionFilter(specOf(indexes, field), cond);
    if (Object.keys(part).length > 0) parts.push(part);
  }
  if (after !== undefined) parts.push(afterFilter(sort ?? [], after));
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0]! : { $and: parts };
}

/** The cursor values of a stored document (its sort fields, then its id). */
export function sortValues(doc: Document, sort: readonly Sort[]): Scalar[] {
  return sort.map((s) => {
    const v: unknown = doc[s.field];
    return v === undefined ? null : (v as Scalar);
  });
}
