/**
 * The regulation registry: which version is in force on a date. A case pins the version in force on its
 * registration date (docs/REGULATION.md "The order"), so a later edition never changes
 * an open case's deadlines — callers look up `byId(case.regulationVersion)`, not `versionInForce(today)`.
 */
import { isValidLocalDate } from '../calendar/dates';
import type { LocalDate } from '../calendar/types';
import { DomainError } from '../shared/errors';
import type { RegulationRegistry, RegulationVersion } from './types';
import { order115Version, type PublicationOverride } from './versions';

export class NoRegulationInForce extends DomainError {
  constructor(date: LocalDate, earliest?: LocalDate) {
    super(
      `No regulation version in force on ${date}${earliest ? ` (the earliest known takes effect on ${earliest})` : ''}`,
      'no-regulation-in-force',
      { date, earliest },
    );
  }
}

/**
 * Versions are ordered by effectiveFrom; each is in force from its effectiveFrom until its effectiveUntil (inclusive)
 * or, without one, until the day before the next version's effectiveFrom.
 */
export function createRegulationRegistry(versions: readonly RegulationVersion[]): RegulationRegistry {
  if (versions.length === 0) throw new RangeError('A regulation registry needs at least one version');
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const ids = new Set<string>();
  for (const v of sorted) {
    if (ids.has(v.id)) throw new RangeError(`Duplicate regulation version id: ${v.id}`);
    ids.add(v.id);
    if (!isValidLocalDate(v.effectiveFrom)) throw new RangeError(`${v.id}: effectiveFrom is not a date`);
  }
  return {
    versionInForce(date: LocalDate): RegulationVersion {
      if (!isValidLocalDate(date)) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
      let found: RegulationVersion | undefined;
      for (const v of sorted) if (v.effectiveFrom <= date) found = v;
      if (!found || (found.effectiveUntil !== undefined && date > found.effectiveUntil))
        throw new NoRegulationInForce(date, sorted[0]?.effectiveFrom);
      return found;
    },
    byId(id: string): RegulationVersion {
      const v = sorted.find((x) => x.id === id);
      if (!v) throw new DomainError(`Unknown regulation version: ${id}`, 'unknown-regulation-version', { id });
      return v;
    },
    all: () => sorted,
  };
}

/** The default registry: order No. 115 of 4 April 2025 (its publication date configurable, see versions.ts). */
export function defaultRegulations(override: PublicationOverride = {}): RegulationRegistry {
  return createRegulationRegistry([order115Version(override)]);
}
