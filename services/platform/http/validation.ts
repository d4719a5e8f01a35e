/**
 * Request validation with ajv over the same TypeBox schemas that /openapi.json publishes. Schema errors become the
 * failing fields of a 400; IINs are checked beyond the 12-digit pattern (check digit, birth date: domain/shared/iin.ts).
 * Validation happens BEFORE any read or append, so bad input changes nothing.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { checkIin } from '../../../domain/shared/iin';
import { badRequest, type FieldError } from './problem';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv);

const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorOf(schema: TSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/**
 * Compiles validators ahead of the first requests (`Kezen.warmUp`, called by `npm start` once listening): compiling
 * the command schemas is slow, and the first request of each command type would otherwise pay it as latency.
 */
export function precompile(schemas: Iterable<TSchema>): void {
  for (const schema of schemas) validatorOf(schema);
}

function fieldOf(e: ErrorObject): FieldError {
  const path = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    return { path: `${e.instancePath}/${extra}`, message: 'unknown field' };
  }
  if (e.keyword === 'required')
    return {
      path: `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`,
      message: 'is required',
    };
  return { path, message: e.message ?? 'is invalid' };
}

/** De-duplicated fields; a union's noise ("must match a schema in anyOf") is kept once at its path. */
function fieldsOf(errors: readonly ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const f = fieldOf(e);
    const k = `${f.path}|${f.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  }
  return out.slice(0, 50);
}

const IIN_KEY = /iin$/i;

/** Every IIN in the body (fields named `iin`, `…Iin`) must be one that can exist. */
export function impossibleIins(value: unknown, path = ''): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => impossibleIins(v, `${path}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  const out: FieldError[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && IIN_KEY.test(k)) {
      const check = checkIin(v);
      if (!check.valid) out.push({ path: `${path}/${k}`, message: `not a valid IIN (${check.reason})` });
    } else out.push(...impossibleIins(v, `${path}/${k}`));
  }
  return out;
}

/** Validates a body against a schema; throws a 400 problem with the failing fields. */
export function assertValid(schema: TSchema, body: unknown, what: string): void {
  const validate = validatorOf(schema);
  if (!validate(body)) {
    const fields = fieldsOf(validate.errors ?? []);
    const unknownOnly = fields.every((f) => f.message === 'unknown field');
    throw badRequest(
      unknownOnly ? 'unknown-field' : 'schema-invalid',
      `${what}: the body does not match the schema`,
      fields,
    );
  }
  const iins = impossibleIins(body);
  if (iins.length > 0) throw badRequest('invalid-iin', `${what}: an IIN cannot exist`, iins);
}
