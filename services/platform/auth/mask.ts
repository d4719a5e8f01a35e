/**
 * Masking personal data in responses for roles that do not need it (docs/HTTP-CONTRACT.md "Personal data": IINs are
 * masked where shown to roles that do not need them). IINs: any string field whose key ends in `iin`/`Iin`/`IIN` (and
 * arrays of them); names: the name fields of the contracts.
 */
import { maskIin } from '../../../domain/shared/iin';

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

/** A 12-digit run standing alone (an IIN or BIN) in any other string: an actor's `sub`, a diff value, free text. */
const IIN_LIKE = /(?<![\w-])\d{12}(?![\w-])/g;

/** A change of the investigator's diff (`{ path: "/applicant/fullName", before, after }`): its values take the key
 * at the end of the path, so a changed name or IIN is masked like the field itself. */
function keyOfChange(change: Record<string, unknown>): string | undefined {
  if (typeof change.path !== 'string' || !('before' in change || 'after' in change)) return undefined;
  return change.path.split('/').pop();
}

function walk(value: unknown, key: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, key));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const changed = keyOfChange(record);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record))
      out[k] = walk(v, changed !== undefined && (k === 'before' || k === 'after') ? changed : k);
    return out;
  }
  if (typeof value === 'string' && key !== undefined) {
    if (IIN_KEY.test(key)) return maskIin(value);
    if (NAME_KEYS.has(key)) return maskName(value);
  }
  return typeof value === 'string' ? value.replace(IIN_LIKE, maskIin) : value;
}
