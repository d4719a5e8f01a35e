/**
 * Building blocks of `/openapi.json` shared by the platform's and the features' route documents: references,
 * the problem+json error responses, bearer security, the `minPosition` parameter.
 */
import type { TSchema } from '@sinclair/typebox';

export type PathItem = Record<string, Record<string, unknown>>;
export type Paths = Record<string, PathItem>;
export type Schemas = Record<string, unknown>;

/** A TypeBox schema as plain JSON Schema (drops TypeBox's symbols). */
export const jsonSchema = (schema: TSchema): unknown => JSON.parse(JSON.stringify(schema));
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const bearer = [{ bearer: [] }];

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** The errors every authenticated route can answer. */
export const authErrors = {
  '401': problem('Missing, invalid or expired token'),
  '429': problem('Too many requests for this token'),
  '503': problem('A backing server is unavailable; nothing was written'),
};
/** The errors of an authenticated read of one case. */
export const caseReadErrors = {
  '400': problem('Invalid query parameters (with the failing fields)'),
  ...authErrors,
  '403': problem('The case is not within your reach'),
  '404': problem('No such case'),
};

export const ok = (description: string, schema: unknown, mediaType = 'application/json') => ({
  description,
  content: { [mediaType]: { schema } },
});

export const queryParam = (name: string, schema: unknown, description?: string, required = false) => ({
  name,
  in: 'query',
  ...(required ? { required } : {}),
  schema,
  ...(description ? { description } : {}),
});
export const pathParam = (name: string, schema: unknown, description?: string) => ({
  name,
  in: 'path',
  required: true,
  schema,
  ...(description ? { description } : {}),
});
export const caseIdParam = (description = 'The case id (for /v1/complaints: the complaint id)') =>
  pathParam('caseId', { type: 'string', format: 'uuid' }, description);

export const minPosition = queryParam(
  'minPosition',
  { type: 'integer', minimum: 0 },
  'Wait briefly (KEZEN_READ_WAIT_MS, default 2 s) until the read models have applied this global position (read your own writes): the `position` a command returned. Not reached in time: `503` problem+json `projection-behind` with `Retry-After`.',
);

export const INSTANT = { type: 'string', format: 'date-time' };
export const DATE = { type: 'string', format: 'date' };
/** An object whose listed members are documented; others may follow (read models grow additively). */
export const openObject = (properties: Record<string, unknown>, description?: string, required?: string[]) => ({
  type: 'object',
  ...(description ? { description } : {}),
  ...(required ? { required } : {}),
  properties,
  additionalProperties: true,
});
