/**
 * Masking personal data in responses for roles that do not need it (PRODUCT.md "Quality bar": IINs are masked where
 * shown to roles that do not need them). IINs: any string field whose key ends in `iin`/`Iin`/`IIN` (and arrays of
 * them); names: the name fields of the contracts.
 */
import { maskIin } from '../../domain/shared/iin';

const IIN_KEY = /iins?$/i;
const NAME_KEYS = new Set([
  'fullName',
  'name',
  'applicantName',
  'representativeFullName',
  'employeeFullName',
  'signer',
  'intakeEmployee',
]);

const maskName = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part.slice(0, 1)}.`)
    .join(' ');

export function maskPersonalData<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
    return out;
  }
  if (typeof value === 'string' && key !== undefined) {
    if (IIN_KEY.test(key)) return maskIin(value);
    if (NAME_KEYS.has(key)) return maskName(value);
  }
  return value;
}
