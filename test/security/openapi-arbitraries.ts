/**
 * fast-check arbitraries from the OpenAPI description: schema-derived valid-ish values (so requests get past the first
 * gate and reach the deciders) and the mutations a hostile or broken client sends — wrong types, missing and extra
 * fields, huge strings, unicode, impossible dates, traversal-ish ids, bad JSON, wrong content types, garbage headers.
 * The fuzz test (openapi-fuzz.test.ts) asserts what docs/HTTP-CONTRACT.md "Guarantees" promises for all of them.
 */
import fc from 'fast-check';

export type Schema = Record<string, unknown>;
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

const HUGE = 'A'.repeat(70_000);

/** Strings a hostile client tries in any text position. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '../../etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    '%00',
    '\u0000',
    '${jndi:ldap://x}',
    "' OR 1=1 --",
    '{"$gt": ""}',
    '<script>alert(1)</script>',
    'Қазақстан 🇰🇿 \u202e',
    '\ud800',
    'NaN',
    '-1',
    '1e309',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00T00:00:00Z',
    '9999999-01-01',
    HUGE,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);

/** Any JSON value a client could send (wrong types in every position). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyString,
  fc.constantFrom(null, true, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, [], {}),
);

function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return doc.components?.schemas?.[name] ?? {};
}

/** A value that matches the schema most of the time (patterns, formats and enums honoured where we can). */
export function validish(doc: OpenApiDoc, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alts = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(alts) && alts.length > 0) return fc.oneof(...alts.map((s) => validish(doc, s, depth + 1)));
  if (Array.isArray(schema.allOf)) return validish(doc, (schema.allOf as Schema[])[0] ?? {}, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: (schema.minimum as number) ?? -5, max: (schema.maximum as number) ?? 1_000_000 });
    case 'number':
      return fc.double({ min: (schema.minimum as number) ?? -5, max: (schema.maximum as number) ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validish(doc, (schema.items as Schema) ?? {}, depth + 1), {
        minLength: (schema.minItems as number) ?? 0,
        maxLength: Math.max((schema.minItems as number) ?? 0, 3),
      });
    case 'object':
    case undefined: {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      if (Object.keys(props).length === 0) return type === 'object' ? fc.constant({}) : anyJson;
      const required = new Set((schema.required as string[]) ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) record[k] = validish(doc, s, depth + 1);
      return fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return anyJson;
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
  }
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200);
    } catch {
      /* an ECMA-incompatible pattern: fall through to plain strings */
    }
  }
  return fc.string({
    minLength: (schema.minLength as number) ?? 0,
    maxLength: Math.min((schema.maxLength as number) ?? 30, 30),
  });
}

/** A mutation of a valid-ish object body: a field dropped, added, or replaced by a value of the wrong kind. */
export function mutated(body: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(body, fc.nat(), fc.constantFrom('drop', 'extra', 'retype', 'wrap'), anyJson, fc.string({ maxLength: 20 }))
    .map(([b, i, how, value, extra]) => {
      if (b === null || typeof b !== 'object' || Array.isArray(b)) return how === 'wrap' ? [b] : value;
      const copy: Record<string, unknown> = { ...(b as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length > 0 ? keys[i % keys.length]! : extra;
      if (how === 'drop') delete copy[key];
      else if (how === 'extra') copy[`x${extra}`] = value;
      else if (how === 'retype') copy[key] = value;
      else return [copy];
      return copy;
    });
}

type Path = (string | number)[];
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...at, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      pathsOf(v, p, out);
    }
  }
  return out;
}

/**
 * A deep mutation of a VALID body (from the domain fixtures): one nested field dropped, retyped or replaced by a
 * plausible-but-wrong value, so the request passes most gates and reaches the decider's rules.
 */
export function deepMutated(seed: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(seed);
  return fc
    .tuple(fc.nat(), fc.constantFrom('drop', 'retype', 'swap'), anyJson, fc.constantFrom(...PLAUSIBLE))
    .map(([n, how, wrong, plausible]) => {
      const copy = structuredClone(seed) as Record<string | number, unknown>;
      if (paths.length === 0) return wrong;
      const path = paths[n % paths.length]!;
      let parent: Record<string | number, unknown> = copy;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      if (how === 'drop') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      } else parent[last] = how === 'retype' ? wrong : plausible;
      return copy;
    });
}

/** Well-formed values in the wrong place: other dates, IINs with a bad check digit, negative amounts, far futures. */
const PLAUSIBLE: readonly unknown[] = [
  '2026-03-01',
  '2030-01-01',
  '1999-12-31',
  '2026-03-02T04:59:59Z',
  '2099-01-01T00:00:00Z',
  '850314301012',
  '000000000000',
  'akimat-almaty',
  -1,
  0,
  1e12,
  true,
  false,
  [],
  {},
];
