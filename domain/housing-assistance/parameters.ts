/**
 * Regional parameters (parameter data — not from the seed regulation; replace with the akimat's decision): loader,
 * validator and registry. Files are validated on load and a bad entry is named with its file and path, so a typo in
 * an akimat's norms stops start-up instead of silently changing amounts.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  RegionalParameterFile,
  type ParameterEditionData,
  type PinnedParametersData,
  type RegionalParameterFileData,
} from '../../contracts/housing-assistance/parameters';
import { UTILITY_KINDS } from '../../contracts/housing-assistance/commands';
import { isValidLocalDate } from '../calendar/dates';
import type { LocalDate } from '../calendar/types';
import { RuleViolation } from '../shared/errors';
import { toHundredths, toThousandths } from './exact';
import { HA_PARAMETERS_RULE } from './rules';
import almatyCity from './parameters/almaty-city.json';
import astana from './parameters/astana.json';
import shymkent from './parameters/shymkent.json';

/** HA share bounds: the maximum allowable share of family income is set regionally between 5% and 10%. */
export const MIN_SHARE_PERCENT = 5;
export const MAX_SHARE_PERCENT = 10;

export class ParameterFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly path: string,
    detail: string,
  ) {
    super(`Housing assistance parameters ${fileName}: ${path || '(file)'}: ${detail}`);
    this.name = 'ParameterFileError';
  }
}

let validateShape: ReturnType<Ajv['compile']> | undefined;
function shapeValidator() {
  if (!validateShape) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validateShape = ajv.compile(RegionalParameterFile);
  }
  return validateShape;
}

/** `/editions/1/maxSharePercent` → `editions[1].maxSharePercent` */
const readablePath = (pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');

/** Validate one parsed file. `fileName` is `<regionCode>.json`; its region code must match. */
export function parseRegionalParameterFile(json: unknown, fileName: string): RegionalParameterFileData {
  const validate = shapeValidator();
  if (!validate(json)) {
    const e = validate.errors?.[0];
    const extra =
      e?.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : '';
    throw new ParameterFileError(fileName, readablePath(e?.instancePath ?? ''), `${e?.message ?? 'invalid'}${extra}`);
  }
  const file = json as RegionalParameterFileData;
  const expected = fileName.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (file.regionCode !== expected)
    throw new ParameterFileError(
      fileName,
      'regionCode',
      `"${file.regionCode}" does not match the file name (${expected}.json)`,
    );
  const ids = new Set<string>();
  let previous: LocalDate | undefined;
  file.editions.forEach((ed, i) => {
    const at = (field: string) => `editions[${i}]${field ? `.${field}` : ''}`;
    if (ids.has(ed.parametersId))
      throw new ParameterFileError(fileName, at('parametersId'), `duplicate id "${ed.parametersId}"`);
    ids.add(ed.parametersId);
    if (!isValidLocalDate(ed.effectiveFrom))
      throw new ParameterFileError(fileName, at('effectiveFrom'), `not a date: ${ed.effectiveFrom}`);
    if (previous !== undefined && ed.effectiveFrom <= previous)
      throw new ParameterFileError(
        fileName,
        at('effectiveFrom'),
        `${ed.effectiveFrom} is not after the previous edition's ${previous} (editions must be in date order)`,
      );
    previous = ed.effectiveFrom;
    const share = toHundredths(ed.maxSharePercent);
    if (share === null || share < MIN_SHARE_PERCENT * 100 || share > MAX_SHARE_PERCENT * 100)
      throw new ParameterFileError(
        fileName,
        at('maxSharePercent'),
        `${ed.maxSharePercent} is outside ${MIN_SHARE_PERCENT}–${MAX_SHARE_PERCENT}% or has more than 2 decimals`,
      );
    const quantities: [string, number][] = [
      ['areaNorm.perPersonM2', ed.areaNorm.perPersonM2],
      ['areaNorm.singlePersonM2', ed.areaNorm.singlePersonM2],
      ...UTILITY_KINDS.flatMap((k): [string, number][] => {
        const n = ed.utilityNorms[k];
        return n.basis === 'per-person' ? [[`utilityNorms.${k}.perPersonMonthly`, n.perPersonMonthly]] : [];
      }),
    ];
    for (const [field, value] of quantities) {
      const q = toThousandths(value);
      if (q === null || q === 0)
        throw new ParameterFileError(fileName, at(field), `${value} must be positive with at most 3 decimals`);
    }
    if (ed.areaNorm.singlePersonM2 < ed.areaNorm.perPersonM2)
      throw new ParameterFileError(fileName, at('areaNorm.singlePersonM2'), 'is smaller than the per-person norm');
  });
  return file;
}

export interface ParameterRegistry {
  regions(): readonly string[];
  hasRegion(regionCode: string): boolean;
  /** The edition in force in the region on the date (the greatest effectiveFrom ≤ date). */
  inForce(regionCode: string, date: LocalDate): PinnedParametersData;
}

export function createParameterRegistry(files: readonly { fileName: string; json: unknown }[]): ParameterRegistry {
  const byRegion = new Map<string, RegionalParameterFileData>();
  for (const f of files) {
    const parsed = parseRegionalParameterFile(f.json, f.fileName);
    if (byRegion.has(parsed.regionCode))
      throw new ParameterFileError(f.fileName, 'regionCode', `region ${parsed.regionCode} is defined twice`);
    byRegion.set(parsed.regionCode, parsed);
  }
  return {
    regions: () => [...byRegion.keys()].sort(),
    hasRegion: (code) => byRegion.has(code),
    inForce(regionCode, date) {
      const file = byRegion.get(regionCode);
      let edition: ParameterEditionData | undefined;
      for (const ed of file?.editions ?? []) if (ed.effectiveFrom <= date) edition = ed;
      if (!file || !edition)
        throw new RuleViolation(
          `No housing assistance parameters in force for region "${regionCode}" on ${date}`,
          HA_PARAMETERS_RULE,
          'no-parameters-in-force',
          { regionCode, date },
        );
      return { label: file.label, regionCode: file.regionCode, regionName: file.regionName, edition };
    },
  };
}

/** The shipped files (domain/housing-assistance/parameters/*.json), validated when this module loads. */
export const bundledParameters: ParameterRegistry = createParameterRegistry([
  { fileName: 'almaty-city.json', json: almatyCity },
  { fileName: 'astana.json', json: astana },
  { fileName: 'shymkent.json', json: shymkent },
]);
