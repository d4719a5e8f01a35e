/**
 * Canonical JSON is what the hash chain hashes: its bytes must never change for the same value. The reference below
 * is the first implementation (sorted keys joined from parts); the current one must agree with it on any JSON value.
 */
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return reference(toJSON.call(value));
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || typeof member === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${reference(member)}`);
  }
  return `{${parts.join(',')}}`;
}

describe('canonical JSON (the bytes the hash chain hashes)', () => {
  it('is the same as the reference form for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys, drops undefined and functions, writes dates by toJSON', () => {
    const value = { b: 1, a: [undefined, 'x"\n'], u: undefined, f: () => 1, d: new Date('2025-06-02T09:00:00Z') };
    expect(canonicalJson(value)).toBe('{"a":[null,"x\\"\\n"],"b":1,"d":"2025-06-02T09:00:00.000Z"}');
  });
});
