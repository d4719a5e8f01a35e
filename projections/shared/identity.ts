/**
 * Masked identities for read models shown to investigators and auditors (docs/HTTP-CONTRACT.md "Personal data": no IINs
 * or names in clear where not needed). System actors (`system:<component>`) are not persons and stay readable.
 */
export function maskIdentity(value: string): string {
  if (value.startsWith('system:')) return value;
  if (/^\d{12}$/.test(value)) return `********${value.slice(8)}`; // an IIN: the last four digits only
  if (value.length <= 4) return '***';
  return `${value.slice(0, 2)}***${value.slice(-2)}`;
}

/** Initials only, e.g. "Seitkali Aigerim N." → "S. A. N." (for signer names shown on a timeline). */
export function initialsOf(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(' ');
}
