/**
 * Regional parameters of housing assistance: the maximum allowable share of family income spent on housing (5–10%)
 * and the norms (area per person, per-person utility volumes, caps). They are set by each akimat, not by the seed
 * regulation (which fixes only HA Rules §13 and §24.19), so they live as data files per region
 * (domain/housing-assistance/parameters/*.json), each edition with its source and effective date.
 */
import { Type, type Static } from '@sinclair/typebox';
import { UTILITY_KINDS } from './commands';
import { LocalDateSchema, Quantity, RegionCode, Tiyn } from './primitives';

const closed = { additionalProperties: false } as const;

export const PARAMETER_DATA_LABEL = "parameter data — not from the seed regulation; replace with the akimat's decision";

export const UtilityNorm = Type.Union([
  /** A volume per registered family member per month (kWh, m³, …): the quantity above it is not covered. */
  Type.Object(
    {
      basis: Type.Literal('per-person'),
      unit: Type.String({ minLength: 1, maxLength: 20 }),
      perPersonMonthly: Quantity,
    },
    closed,
  ),
  /** Charged by area (e.g. heating): covered in proportion to the norm area over the actual area. */
  Type.Object({ basis: Type.Literal('area') }, closed),
]);

export const ParameterEdition = Type.Object(
  {
    parametersId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,80}$' }),
    effectiveFrom: LocalDateSchema,
    source: Type.String({ minLength: 1, maxLength: 500 }),
    /** Maximum allowable share of family income spent on housing, per cent (5–10), at most 2 decimals. */
    maxSharePercent: Type.Number(),
    areaNorm: Type.Object({ perPersonM2: Quantity, singlePersonM2: Quantity }, closed),
    utilityNorms: Type.Object(
      Object.fromEntries(UTILITY_KINDS.map((k) => [k, UtilityNorm])) as Record<
        (typeof UTILITY_KINDS)[number],
        typeof UtilityNorm
      >,
      closed,
    ),
    /** Monthly caps in tiyn. */
    communicationCapTiyn: Tiyn,
    rentCapTiyn: Tiyn,
  },
  closed,
);

export const RegionalParameterFile = Type.Object(
  {
    label: Type.Literal(PARAMETER_DATA_LABEL),
    regionCode: RegionCode,
    regionName: Type.String({ minLength: 1, maxLength: 200 }),
    editions: Type.Array(ParameterEdition, { minItems: 1 }),
  },
  closed,
);

/** The edition a case was decided with, pinned into AssistanceAssigned. */
export const PinnedParameters = Type.Object(
  {
    label: Type.Literal(PARAMETER_DATA_LABEL),
    regionCode: RegionCode,
    regionName: Type.String(),
    edition: ParameterEdition,
  },
  closed,
);

export type ParameterEditionData = Static<typeof ParameterEdition>;
export type RegionalParameterFileData = Static<typeof RegionalParameterFile>;
export type PinnedParametersData = Static<typeof PinnedParameters>;
export type UtilityNormData = Static<typeof UtilityNorm>;
