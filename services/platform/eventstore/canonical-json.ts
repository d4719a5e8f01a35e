/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped (as JSON.stringify does).
 * The hash chain and the command fingerprint hash this form, so the same value always gives the same bytes.
 * Built by string concatenation with quoted keys memoised (this is on every append's path, and concatenation is
 * faster than joining arrays of parts, with the same output).
 */
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, q);
  }
  return q;
}

/**
 * A value already in canonical JSON, spliced in as is: the embedded store's writer hashes an event whose `data` the
 * request loop rendered (canonicalJson) before handing it over, instead of rendering it again.
 */
export class CanonicalJsonText {
  constructor(readonly text: string) {}
}

/**
 * The object's own keys in code-unit order (what Array#sort's default order is for strings), by insertion sort in
 * place: objects here have a few dozen keys at most, and Array#sort allocated a work array per object (profiled:
 * the largest allocation site of the request loop under command load).
 */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j -= 1;
    }
    keys[j + 1] = key;
  }
  return keys;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    // JSON.stringify(undefined) is undefined: inside arrays JSON writes null, so we do too.
    return s === undefined ? 'null' : s;
  }
  if (value instanceof CanonicalJsonText) return value.text;
  if (Array.isArray(value)) {
    let out = '[';
    // A hole of a sparse array writes nothing (as `map(...).join(',')` did): the bytes of the chain never change.
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + (i in value ? canonicalJson(value[i]) : '');
    return `${out}]`;
  }
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return canonicalJson(toJSON.call(value));
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  const keys = sortedKeys(record);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    const member = record[key];
    if (member === undefined || typeof member === 'function') continue;
    out += `${first ? '' : ','}${quoted(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}
