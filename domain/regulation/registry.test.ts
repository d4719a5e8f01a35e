import { createCalendar } from '../calendar/calendar';
import { setDeadline } from '../shared/deadline-terms';
import { ORDER_115_TERMS } from './data/order-115-2025';
import { createRegulationRegistry, defaultRegulations, NoRegulationInForce } from './registry';
import type { RegulationVersion } from './types';
import { effectiveFromPublication, order115Version } from './versions';

const cal = createCalendar();

/** A hypothetical later edition shortening the decision term to 20 calendar days (test data, not a real order). */
const laterEdition: RegulationVersion = {
  ...order115Version(),
  id: 'order-999-2026-test',
  title: 'Hypothetical later edition (test)',
  order: { number: '999', signedOn: '2026-06-01', registrationNumber: '99999', registeredOn: '2026-06-01' },
  replaces: 'order-115-2025',
  publishedOn: '2026-06-05',
  publicationSource: 'test data',
  effectiveFrom: '2026-06-15',
  terms: { ...ORDER_115_TERMS, 'privatization.decision': { ...ORDER_115_TERMS['privatization.decision'], days: 20 } },
};

describe('order No. 115 of 4 April 2025 as data (docs/REGULATION.md "The order")', () => {
  const v = order115Version();
  test('order No. 115 of 4 April 2025, MoJ registration No. 35943 of 4 April 2025, replacing order No. 437 of 12 August 2021 (No. 23983)', () => {
    expect(v.order).toEqual({
      number: '115',
      signedOn: '2025-04-04',
      registrationNumber: '35943',
      registeredOn: '2025-04-04',
    });
    expect(v.replaces).toMatch(/No\. 437 of 12 August 2021.*23983/);
  });
  test('publication date is data with its source; the default is a documented assumption', () => {
    expect(v.publishedOn).toBe('2025-04-04');
    expect(v.publicationSource).toMatch(/ASSUMPTION/);
  });
  test('effective date = first official publication + 10 calendar days (order §5)', () => {
    expect(v.effectiveFrom).toBe('2025-04-14');
    expect(effectiveFromPublication('2025-04-30')).toBe('2025-05-10');
  });
  test('a confirmed publication date overrides the assumption and moves the effective date', () => {
    const confirmed = order115Version({ publishedOn: '2025-04-08', publicationSource: 'adilet.zan.kz (operator)' });
    expect(confirmed).toMatchObject({
      publishedOn: '2025-04-08',
      effectiveFrom: '2025-04-18',
      publicationSource: 'adilet.zan.kz (operator)',
    });
    expect(defaultRegulations({ publishedOn: '2025-04-08' }).versionInForce('2025-04-18').id).toBe('order-115-2025');
    expect(() => defaultRegulations({ publishedOn: '2025-04-08' }).versionInForce('2025-04-17')).toThrow(
      NoRegulationInForce,
    );
  });
});

describe('versionInForce: a case pins its version (docs/REGULATION.md "Publication of changes")', () => {
  const registry = createRegulationRegistry([laterEdition, order115Version()]);
  test('each date gets the version in force on it', () => {
    expect(registry.versionInForce('2025-04-14').id).toBe('order-115-2025');
    expect(registry.versionInForce('2026-06-14').id).toBe('order-115-2025');
    expect(registry.versionInForce('2026-06-15').id).toBe('order-999-2026-test');
    expect(registry.all().map((x) => x.id)).toEqual(['order-115-2025', 'order-999-2026-test']);
  });
  test('before the first version takes effect there is no regulation in force', () => {
    expect(() => registry.versionInForce('2025-04-13')).toThrow(NoRegulationInForce);
  });
  test('two versions with different terms coexist: a case pinned to order 115 keeps 30 days after the later edition takes effect', () => {
    const pinned = registry.versionInForce('2026-06-10'); // case registered 10 June 2026
    const later = registry.versionInForce('2026-06-20'); // case registered 20 June 2026
    // both cases take their decision step on 22 June 2026, after the later edition took effect:
    // the case pinned to order 115 keeps its 30 days, the later case gets 20
    const a = setDeadline({
      calendar: cal,
      regulation: registry.byId(pinned.id),
      termId: 'privatization.decision',
      deadlineId: 'decision',
      triggeredOn: '2026-06-22',
    });
    const b = setDeadline({
      calendar: cal,
      regulation: registry.byId(later.id),
      termId: 'privatization.decision',
      deadlineId: 'decision',
      triggeredOn: '2026-06-22',
    });
    expect(a).toMatchObject({ days: 30, dueOn: '2026-07-22', regulationVersion: 'order-115-2025' });
    // 20 days end on Sunday 12 July → Monday 13 July (Civil Code art. 178)
    expect(b).toMatchObject({ days: 20, dueOn: '2026-07-13', regulationVersion: 'order-999-2026-test' });
  });
  test('an explicit effectiveUntil closes a version', () => {
    const closed = createRegulationRegistry([{ ...order115Version(), effectiveUntil: '2025-12-31' }]);
    expect(closed.versionInForce('2025-12-31').id).toBe('order-115-2025');
    expect(() => closed.versionInForce('2026-01-01')).toThrow(NoRegulationInForce);
  });
  test('unknown ids and duplicate versions are refused', () => {
    expect(() => registry.byId('order-1')).toThrow(/Unknown regulation version/);
    expect(() => createRegulationRegistry([order115Version(), order115Version()])).toThrow(/Duplicate/);
  });
});
