/**
 * Commands of the housing assistance service (HA Rules, as amended by order No. 115). Imperative names; these and
 * the route `/v1/housing-assistance/cases/{caseId}/commands/{CommandName}` are the public contract.
 */
import { Type, type Static } from '@sinclair/typebox';
import { INCOME_KIND_CODES } from './income-kinds';
import { ChannelSchema, Iin, InstantSchema, LocalDateSchema, Month, Quantity, RegionCode, Tiyn } from './primitives';

const closed = { additionalProperties: false } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const KINSHIPS = [
  'applicant',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'other',
] as const;

/** Consent of an adult family member to the use of data held in information systems (cf. Rules §8). */
export const MemberConsent = Type.Object(
  {
    consentsToPersonalData: Type.Literal(true),
    consentsToProtectedSecrets: Type.Literal(true),
    signedAt: InstantSchema,
  },
  closed,
);

export const FamilyMember = Type.Object(
  {
    iin: Iin,
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    kinship: literals(KINSHIPS),
    birthDate: LocalDateSchema,
    /** Required of every member who is an adult on the registration date. */
    consent: Type.Optional(MemberConsent),
  },
  closed,
);

/** The family's only dwelling, or a rented state dwelling, or one the akimat leases from the private fund. */
export const DWELLING_BASES = ['only-dwelling-owned', 'rented-state-housing', 'akimat-leased-housing'] as const;

export const Dwelling = Type.Object(
  {
    address: Type.String({ minLength: 1, maxLength: 500 }),
    basis: literals(DWELLING_BASES),
    totalAreaM2: Quantity,
    /** The lease (tenancy) contract: required for rented and akimat-leased dwellings. */
    lease: Type.Optional(
      Type.Object({ number: Type.String({ minLength: 1, maxLength: 100 }), date: LocalDateSchema }, closed),
    ),
  },
  closed,
);

export const UTILITY_KINDS = [
  'electricity',
  'gas',
  'cold-water',
  'hot-water',
  'sewerage',
  'heating',
  'solid-waste',
] as const;

/** Monthly housing expenses, by kind. Utilities carry the quantity consumed in the month. */
export const ExpenseLine = Type.Union([
  Type.Object({ kind: Type.Literal('maintenance'), amountTiyn: Tiyn }, closed),
  Type.Object({ kind: Type.Literal('capital-repair'), amountTiyn: Tiyn }, closed),
  Type.Object(
    { kind: Type.Literal('utility'), utility: literals(UTILITY_KINDS), quantity: Quantity, amountTiyn: Tiyn },
    closed,
  ),
  Type.Object({ kind: Type.Literal('communication'), amountTiyn: Tiyn }, closed),
  Type.Object({ kind: Type.Literal('rent'), amountTiyn: Tiyn }, closed),
]);

export const SubmitApplication = Type.Object(
  {
    channel: ChannelSchema,
    providerId: Type.String({ minLength: 1, maxLength: 100 }),
    regionCode: RegionCode,
    family: Type.Object({ members: Type.Array(FamilyMember, { minItems: 1, maxItems: 30 }) }, closed),
    dwelling: Dwelling,
    monthlyExpenses: Type.Array(ExpenseLine, { minItems: 1, maxItems: 30 }),
  },
  closed,
);

/** The State Corporation accepts the complete set of documents: the 6-working-day term starts (HA Rules §13). */
export const AcceptCompleteDocuments = Type.Object(
  { documents: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50 }) },
  closed,
);

export const IncomeLine = Type.Object(
  {
    memberIin: Iin,
    kind: literals(INCOME_KIND_CODES),
    period: Type.Object({ from: Month, to: Month }, closed),
    /** Total received over the period, in tiyn. */
    amountTiyn: Tiyn,
    source: Type.Optional(Type.String({ maxLength: 200 })),
  },
  closed,
);

export const PROPERTY_KINDS = ['dwelling', 'land-plot', 'non-residential', 'vehicle'] as const;

/** Data obtained from state information systems through the e-government gateway. */
export const RecordGatewayData = Type.Object(
  {
    /** The months whose income is averaged (the family income period). */
    incomePeriod: Type.Object({ from: Month, to: Month }, closed),
    incomes: Type.Array(IncomeLine, { maxItems: 500 }),
    property: Type.Array(
      Type.Object(
        { ownerIin: Iin, kind: literals(PROPERTY_KINDS), address: Type.String({ minLength: 1, maxLength: 500 }) },
        closed,
      ),
      { maxItems: 100 },
    ),
    registration: Type.Array(Type.Object({ memberIin: Iin, registeredAtDwelling: Type.Boolean() }, closed), {
      maxItems: 30,
    }),
  },
  closed,
);

export const AssignAssistance = Type.Object(
  { decisionNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  closed,
);

export const REFUSAL_GROUNDS = [
  'unreliable-documents',
  'dwelling-not-eligible',
  'no-entitlement-income',
  'no-consent',
  'requirements-not-met',
] as const;

/** A reasoned refusal (HA Rules §13): at least one ground, each explained. */
export const RefuseAssistance = Type.Object(
  {
    reasons: Type.Array(
      Type.Object(
        { ground: literals(REFUSAL_GROUNDS), explanation: Type.String({ minLength: 10, maxLength: 2000 }) },
        closed,
      ),
      { minItems: 1, maxItems: 10 },
    ),
    decisionNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  closed,
);

export const IssueResult = Type.Object(
  { deliveredVia: Type.Union([Type.Literal('personal-cabinet'), Type.Literal('state-corporation')]) },
  closed,
);

export const WithdrawApplication = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, closed);

/** For the deadline watcher: idempotent (a deadline already missed, met or cancelled yields nothing). */
export const RecordDeadlineMissed = Type.Object({ deadlineId: Type.String({ minLength: 1, maxLength: 100 }) }, closed);

export const housingAssistanceCommandSchemas = {
  SubmitApplication,
  AcceptCompleteDocuments,
  RecordGatewayData,
  AssignAssistance,
  RefuseAssistance,
  IssueResult,
  WithdrawApplication,
  RecordDeadlineMissed,
} as const;

export type HousingAssistanceCommandName = keyof typeof housingAssistanceCommandSchemas;

export type FamilyMemberData = Static<typeof FamilyMember>;
export type DwellingData = Static<typeof Dwelling>;
export type ExpenseLineData = Static<typeof ExpenseLine>;
export type IncomeLineData = Static<typeof IncomeLine>;
export type UtilityKind = (typeof UTILITY_KINDS)[number];
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export type HousingAssistanceCommand =
  | { type: 'SubmitApplication'; data: Static<typeof SubmitApplication> }
  | { type: 'AcceptCompleteDocuments'; data: Static<typeof AcceptCompleteDocuments> }
  | { type: 'RecordGatewayData'; data: Static<typeof RecordGatewayData> }
  | { type: 'AssignAssistance'; data: Static<typeof AssignAssistance> }
  | { type: 'RefuseAssistance'; data: Static<typeof RefuseAssistance> }
  | { type: 'IssueResult'; data: Static<typeof IssueResult> }
  | { type: 'WithdrawApplication'; data: Static<typeof WithdrawApplication> }
  | { type: 'RecordDeadlineMissed'; data: Static<typeof RecordDeadlineMissed> };
