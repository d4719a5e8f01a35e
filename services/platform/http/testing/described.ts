/**
 * Whether `/openapi.json` describes an answer: every member of it named in its schema (through `$ref`, `allOf`,
 * `anyOf`, arrays and records), and the answer valid against the schema. An object schema without listed members
 * (e.g. an event's `data`, a calculation) is the service's data, described by its own schema elsewhere: not walked.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
export interface OpenApiDoc {
  components: { schemas: Record<string, unknown> };
}

const PREFIX = '#/components/schemas/';

function resolve(doc: OpenApiDoc, schema: unknown): Schema {
  let s = (schema ?? {}) as Schema;
  while (typeof s.$ref === 'string') s = (doc.components.schemas[s.$ref.slice(PREFIX.length)] ?? {}) as Schema;
  return s;
}

interface Members {
  properties: Record<string, unknown>;
  /** The schema of the members of a record (`additionalProperties: {…}`). */
  rest?: unknown;
}

/** The members an object schema describes (undefined: none listed, an open object). */
function membersOf(doc: OpenApiDoc, schema: unknown, value: Record<string, unknown>): Members | undefined {
  const s = resolve(doc, schema);
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p) => membersOf(doc, p, value)).filter((m): m is Members => m !== undefined);
    if (parts.length === 0) return undefined;
    return { properties: Object.assign({}, ...parts.map((p) => p.properties)), rest: parts.find((p) => p.rest)?.rest };
  }
  const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches)) {
    const options = branches.map((b) => membersOf(doc, b, value)).filter((m): m is Members => m !== undefined);
    return options.find((o) => Object.keys(value).every((k) => k in o.properties)) ?? options[0];
  }
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  const rest = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  return Object.keys(properties).length > 0 || rest ? { properties, rest } : undefined;
}

function itemsOf(doc: OpenApiDoc, schema: unknown): unknown {
  const s = resolve(doc, schema);
  if (s.items) return s.items;
  for (const part of [...((s.allOf ?? []) as unknown[]), ...((s.anyOf ?? s.oneOf ?? []) as unknown[])]) {
    const items = itemsOf(doc, part);
    if (items) return items;
  }
  return undefined;
}

/** JSON pointers of the members of `value` its schema does not name. */
export function undescribed(doc: OpenApiDoc, schema: unknown, value: unknown, at = '', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    const items = itemsOf(doc, schema);
    if (items) value.forEach((v, i) => undescribed(doc, items, v, `${at}/${i}`, out));
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  const members = membersOf(doc, schema, value as Record<string, unknown>);
  if (!members) return out;
  for (const [k, v] of Object.entries(value)) {
    const member = members.properties[k] ?? members.rest;
    if (member === undefined) out.push(`${at}/${k}`);
    else undescribed(doc, member, v, `${at}/${k}`, out);
  }
  return out;
}

/** Validates answers against a component of the document (its references resolved within the document). */
export function validatorOf(doc: OpenApiDoc) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: doc.components }, 'openapi');
  return (schema: unknown, value: unknown) => {
    const validate = ajv.compile({ $ref: `openapi${(schema as { $ref: string }).$ref}` });
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
