/**
 * Regional parameter files (parameter data — not from the seed regulation): validated on load, the bad entry named.
 */
import { PARAMETER_DATA_LABEL } from '../../contracts/housing-assistance/parameters';
import { RuleViolation } from '../shared/errors';
import {
  bundledParameters,
  createParameterRegistry,
  ParameterFileError,
  parseRegionalParameterFile,
} from './parameters';
import almaty from './parameters/almaty-city.json';

const clone = (): Record<string, unknown> & { editions: Record<string, unknown>[] } =>
  JSON.parse(JSON.stringify(almaty));

function errorOf(json: unknown, fileName = 'almaty-city.json'): ParameterFileError {
  try {
    parseRegionalParameterFile(json, fileName);
  } catch (e) {
    if (e instanceof ParameterFileError) return e;
    throw e;
  }
  throw new Error('expected a ParameterFileError');
}

describe('regional parameter files', () => {
  test('the shipped files load, each labelled as parameter data with a source and an effective date per edition', () => {
    expect(bundledParameters.regions()).toEqual(['almaty-city', 'astana', 'shymkent']);
    for (const region of bundledParameters.regions()) {
      const p = bundledParameters.inForce(region, '2026-06-01');
      expect(p.label).toBe("parameter data — not from the seed regulation; replace with the akimat's decision");
      expect(p.edition.source).toMatch(/replace with/);
      expect(p.edition.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('the edition in force is the latest one that took effect on or before the date', () => {
    expect(bundledParameters.inForce('almaty-city', '2025-12-31').edition.parametersId).toBe('almaty-city-2025-01');
    expect(bundledParameters.inForce('almaty-city', '2026-01-01').edition.parametersId).toBe('almaty-city-2026-01');
  });

  test('no edition in force (before the first, or an unknown region) is a rule error naming the region and date', () => {
    expect(() => bundledParameters.inForce('almaty-city', '2024-12-31')).toThrow(RuleViolation);
    expect(() => bundledParameters.inForce('atlantis', '2026-01-01')).toThrow(/atlantis.*2026-01-01/);
  });

  test('a share outside 5–10% names the entry', () => {
    const f = clone();
    f.editions[1]!.maxSharePercent = 12;
    const e = errorOf(f);
    expect(e.path).toBe('editions[1].maxSharePercent');
    expect(e.message).toBe(
      'Housing assistance parameters almaty-city.json: editions[1].maxSharePercent: 12 is outside 5–10% or has more than 2 decimals',
    );
  });

  test('a share with more than two decimals is refused', () => {
    const f = clone();
    f.editions[0]!.maxSharePercent = 7.125;
    expect(errorOf(f).path).toBe('editions[0].maxSharePercent');
  });

  test('a missing field names its place', () => {
    const f = clone();
    delete f.editions[0]!.source;
    const e = errorOf(f);
    expect(e.path).toBe('editions[0]');
    expect(e.message).toMatch(/source/);
  });

  test('an unknown field is named', () => {
    const f = clone();
    (f.editions[0]!.areaNorm as Record<string, unknown>).perPersonM3 = 1;
    const e = errorOf(f);
    expect(e.path).toBe('editions[0].areaNorm');
    expect(e.message).toMatch(/perPersonM3/);
  });

  test('a wrong type deep inside names the full path', () => {
    const f = clone();
    (f.editions[0]!.utilityNorms as Record<string, Record<string, unknown>>).electricity!.perPersonMonthly = 'seventy';
    expect(errorOf(f).path).toBe('editions[0].utilityNorms.electricity.perPersonMonthly');
  });

  test('a zero norm is refused', () => {
    const f = clone();
    (f.editions[0]!.utilityNorms as Record<string, Record<string, unknown>>)['cold-water']!.perPersonMonthly = 0;
    expect(errorOf(f).path).toBe('editions[0].utilityNorms.cold-water.perPersonMonthly');
  });

  test('editions out of date order are refused', () => {
    const f = clone();
    f.editions[1]!.effectiveFrom = '2024-06-01';
    const e = errorOf(f);
    expect(e.path).toBe('editions[1].effectiveFrom');
    expect(e.message).toMatch(/date order/);
  });

  test('a duplicate edition id is refused', () => {
    const f = clone();
    f.editions[1]!.parametersId = f.editions[0]!.parametersId;
    expect(errorOf(f).path).toBe('editions[1].parametersId');
  });

  test('the file must carry the parameter-data label verbatim', () => {
    const f = clone();
    f.label = 'official';
    expect(errorOf(f).path).toBe('label');
    expect(PARAMETER_DATA_LABEL).toContain('not from the seed regulation');
  });

  test('the region code must match the file name', () => {
    expect(errorOf(clone(), 'astana.json').path).toBe('regionCode');
  });

  test('a registry refuses the same region twice', () => {
    expect(() =>
      createParameterRegistry([
        { fileName: 'almaty-city.json', json: clone() },
        { fileName: 'x/almaty-city.json', json: clone() },
      ]),
    ).toThrow(/defined twice/);
  });
});
