/** Schema pieces of the privatization service (docs/REGULATION.md: Rules §4, §9, §10, Annex 1–3). */
import { Type, type Static } from '@sinclair/typebox';
import { IinSchema, LocalDateSchema, MoneySchema, NonEmptyText, SignatureDataSchema, InstantSchema } from '../common';

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

export const TRACKS = ['communal-fund', 'communal-institution', 'republican-institution'] as const;
export const TrackSchema = literals(
  TRACKS,
  'Who holds the dwelling (Rules §9): 1 communal housing fund; 2 a communal state institution or enterprise; 3 a republican state institution or enterprise.',
);

export const PrivatizationFormSchema = Type.Union(
  [
    Type.Object(
      { kind: Type.Literal('free', { description: 'Free privatization (Annex 2).' }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('residual-value', { description: 'Purchase at residual value (Annex 3).' }) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('instalments', { description: 'Purchase with the price paid in instalments (Annex 3).' }),
        termMonths: Type.Integer({ minimum: 1, maximum: 600, description: 'Instalment term in months (Annex 3).' }),
        initialPayment: { ...MoneySchema, description: 'Initial payment in tenge (Annex 3).' },
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'Form of privatization: Annex 2 (free) or Annex 3 (purchase at residual value / by instalments).' },
);

/** Applicant categories that change the Annex 1 item 8 checklist. */
export const APPLICANT_CATEGORIES = [
  'civil-servant',
  'budget-organisation-employee',
  'military-serviceman',
  'special-state-body-employee',
  'judge',
  'elected-state-office-holder',
  'astronaut',
  'housing-law-art13-para8',
] as const;
export const ApplicantCategorySchema = literals(
  APPLICANT_CATEGORIES,
  'Applicant category (Annex 1 items 8.5–8.7; domain/regulation/documents.ts): decides which documents apply.',
);

/**
 * Documents of Annex 1 item 8 by item number (as in domain/regulation/documents.ts), plus documents whose data only
 * the information systems hold (identity, ownership, address, vulnerable-group membership): those must never be
 * demanded from the applicant (Annex 1 item 8, closing paragraph).
 */
export const DOCUMENT_CODES = [
  '8.1', // application signed by all adult family members
  '8.2', // civil-status certificates, only where the information systems lack them
  '8.3', // lease contract or dwelling order
  '8.4', // court decision recognising family members
  '8.5', // right to a free dwelling (Housing Law art. 13 para 8), where the information systems lack it
  '8.6', // certificate from the place of work
  '8.7', // astronaut status document
  '8.8', // no debt under the tenancy contract
  '8.9', // category entitled to a free dwelling (privatizing under Rules §11)
  'identity-document',
  'property-ownership-certificate',
  'address-certificate',
  'vulnerable-group-certificate',
] as const;
export const DocumentCodeSchema = literals(
  DOCUMENT_CODES,
  'A document: an Annex 1 item 8 number (8.1–8.9) or a gateway-only document that must not be demanded.',
);

export const GATEWAY_KINDS = [
  'identity',
  'civil-status',
  'property-ownership',
  'address',
  'court-decisions',
  'vulnerable-group',
  'rights-encumbrances',
  'technical-characteristics',
] as const;
export const GatewayKindSchema = literals(
  GATEWAY_KINDS,
  'Data the provider obtains from state information systems through the e-government gateway (Rules §7, §9, Annex 1 item 8).',
);

export const REFUSAL_GROUNDS = [
  'unreliable-documents', // Annex 1 item 9.1
  'not-meeting-requirements', // 9.2
  'court-ban-on-activity', // 9.3
  'court-deprivation-of-special-right', // 9.4
  'no-personal-data-consent', // 9.5 (codes as in domain/regulation/refusal-grounds.ts)
] as const;
export const RefusalGroundSchema = literals(REFUSAL_GROUNDS, 'One of the five grounds for refusal (Annex 1 item 9).');

export const KINSHIPS = ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'other'] as const;
export const KinshipSchema = literals(KINSHIPS, 'Degree of kinship to the applicant (Annex 2).');

export const IdentityDocumentSchema = Type.Object(
  {
    number: NonEmptyText('Identity document number.', 50),
    issuedOn: LocalDateSchema,
    issuer: NonEmptyText('Issuing authority.', 200),
  },
  { additionalProperties: false, description: 'Identity document (Annex 2).' },
);

export const FamilyMemberSchema = Type.Object(
  {
    iin: IinSchema,
    fullName: NonEmptyText('Surname, name, patronymic.', 300),
    kinship: KinshipSchema,
    adult: Type.Boolean({
      description: 'Adult (18 or over) on the submission date; checked against the IIN birth date.',
    }),
    recognisedByCourt: Type.Optional(
      Type.Boolean({ description: 'Recognised as a family member by a court decision (Annex 1 item 8.4).' }),
    ),
    identityDocument: Type.Optional(IdentityDocumentSchema),
    consent: Type.Optional(
      Type.Object(
        {
          consentsToForm: Type.Boolean({ description: 'Consents to privatization in the form applied for.' }),
          signature: SignatureDataSchema,
        },
        {
          additionalProperties: false,
          description:
            'Consent of an adult family member with EDS data (Annex 1 item 8.1, Annex 2/3); signed over privatizationConsentPayload.',
        },
      ),
    ),
  },
  { additionalProperties: false, description: 'A member of the tenant family (Annex 2).' },
);

export const ApplicantSchema = Type.Object(
  {
    iin: IinSchema,
    fullName: NonEmptyText('Surname, name, patronymic.', 300),
    identityDocument: IdentityDocumentSchema,
    categories: Type.Array(ApplicantCategorySchema, { uniqueItems: true, maxItems: 9 }),
  },
  { additionalProperties: false, description: 'The applicant (Annex 2/3).' },
);

export const DwellingSchema = Type.Object(
  {
    address: NonEmptyText('Address of the dwelling.', 500),
    cadastralNumber: Type.Optional(NonEmptyText('Cadastral number, if known.', 50)),
    areaSqm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10000, description: 'Total area, m².' })),
  },
  { additionalProperties: false, description: 'The dwelling to be privatized.' },
);

export const TenancySchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('lease-contract'), Type.Literal('dwelling-order')], {
      description: 'Lease (sub-lease) contract or dwelling order (Annex 1 item 8.3).',
    }),
    number: NonEmptyText('Number of the contract or order.', 100),
    date: LocalDateSchema,
  },
  { additionalProperties: false, description: 'The tenancy title (Annex 1 item 8.3).' },
);

export const CommissionMemberSchema = Type.Object(
  {
    memberId: NonEmptyText('Stable member id.', 100),
    fullName: NonEmptyText('Full name.', 300),
    role: Type.Union([Type.Literal('chair'), Type.Literal('secretary'), Type.Literal('member')]),
  },
  { additionalProperties: false },
);

export const PowerOfAttorneySchema = Type.Object(
  {
    number: NonEmptyText('Number of the power of attorney.', 100),
    issuedOn: LocalDateSchema,
    notarised: Type.Boolean({ description: 'Must be true (Rules §6).' }),
    notary: NonEmptyText('Notary who certified it.', 300),
  },
  { additionalProperties: false, description: 'A notarised power of attorney (Rules §6).' },
);

export const ResultDeliverySchema = Type.Union(
  [
    Type.Object(
      {
        channel: Type.Literal('personal-cabinet'),
        signature: { ...SignatureDataSchema, description: "EDS of the provider's head over the result (Rules §7)." },
      },
      {
        additionalProperties: false,
        description: "Electronic document in the applicant's personal cabinet (Rules §7).",
      },
    ),
    Type.Object(
      {
        channel: Type.Literal('state-corporation'),
        receiptNumber: NonEmptyText('The receipt issued at intake (Rules §6).', 100),
        recipient: Type.Union([Type.Literal('applicant'), Type.Literal('representative')]),
        identityVerifiedBy: Type.Union([Type.Literal('identity-document'), Type.Literal('digital-documents-service')]),
        representativeFullName: Type.Optional(NonEmptyText('Representative full name.', 300)),
        powerOfAttorney: Type.Optional(PowerOfAttorneySchema),
      },
      { additionalProperties: false, description: 'Issued at the State Corporation against the receipt (Rules §6).' },
    ),
  ],
  { description: 'How the result reached the applicant (Rules §6, §7).' },
);

export const InstalmentSchema = Type.Object(
  {
    number: Type.Integer({ minimum: 0, description: '0 is the initial payment.' }),
    dueOn: LocalDateSchema,
    amount: MoneySchema,
  },
  { additionalProperties: false },
);

export { InstantSchema };
export type Track = Static<typeof TrackSchema>;
export type PrivatizationForm = Static<typeof PrivatizationFormSchema>;
export type ApplicantCategory = Static<typeof ApplicantCategorySchema>;
export type DocumentCode = Static<typeof DocumentCodeSchema>;
export type GatewayKind = Static<typeof GatewayKindSchema>;
export type RefusalGround = Static<typeof RefusalGroundSchema>;
export type FamilyMember = Static<typeof FamilyMemberSchema>;
export type Applicant = Static<typeof ApplicantSchema>;
export type CommissionMember = Static<typeof CommissionMemberSchema>;
export type ResultDelivery = Static<typeof ResultDeliverySchema>;
export type Instalment = Static<typeof InstalmentSchema>;
