/**
 * Opaque keyset cursors shared by the read-store adapters: base64url of the sort values of the last item of a page
 * followed by its id. A cursor is bound to the query's orderBy (its length is checked on decode).
 */
import type { Scalar } from './port';

export function encodeCursor(values: readonly Scalar[], id: string): string {
  return Buffer.from(JSON.stringify([...values, id]), 'utf8').toString('base64url');
}

export class InvalidCursor extends Error {
  constructor(message = 'Invalid cursor') {
    super(message);
    this.name = 'InvalidCursor';
  }
}

export function decodeCursor(cursor: string, sortFields: number): { values: Scalar[]; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== sortFields + 1) throw new InvalidCursor();
  const id = parsed[sortFields];
  if (typeof id !== 'string') throw new InvalidCursor();
  const values = parsed.slice(0, sortFields) as unknown[];
  for (const v of values) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      throw new InvalidCursor();
  }
  return { values: values as Scalar[], id };
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export function effectiveLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return Math.min(limit, MAX_LIMIT);
}
