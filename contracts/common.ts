/**
 * Shared schema pieces of the public language (TypeBox → JSON Schema for ajv and OpenAPI).
 * Other services' contracts import these; extend, never rename.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Kazakh IIN (ЖСН): 12 digits; the check digit, birth date and century/sex digit are checked by the domain. */
export const IinSchema = Type.String({
  pattern: '^[0-9]{12}$',
  description: 'Individual identification number (IIN, ЖСН): 12 digits; the 12th is the check digit.',
  examples: ['900101300018'],
});

export const LocalDateSchema = Type.String({
  format: 'date',
  description: 'A local date of legal meaning in Asia/Almaty, YYYY-MM-DD.',
});

export const InstantSchema = Type.String({
  format: 'date-time',
  description: 'An ISO-8601 instant (UTC, e.g. 2026-05-06T04:30:00Z).',
});

export const ChannelSchema = Type.Union(
  [
    Type.Literal('state-corporation'),
    Type.Literal('state-corporation-duty'),
    Type.Literal('portal'),
    Type.Literal('provider'),
  ],
  {
    description: 'Intake channel (Rules §4, Annex 1 item 2 and 7): State Corporation, its duty department, the portal.',
  },
);

export const RuleSchema = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'The citation a fact rests on, e.g. `Rules §9.1`, `Annex 1 item 3.2`.',
});

export const NonEmptyText = (description: string, maxLength = 500) =>
  Type.String({ minLength: 1, maxLength, description });

export const SignatureDataSchema = Type.Object(
  {
    signer: NonEmptyText('Full name of the signer as in the certificate.', 300),
    certificateSerial: NonEmptyText('Serial number of the signing certificate (hex).', 128),
    signedAt: { ...InstantSchema, description: 'When the signature was made (ISO-8601 instant).' },
    algorithm: Type.Union([Type.Literal('RSA-SHA256'), Type.Literal('ECDSA-SHA256')], {
      description: 'Signature algorithm.',
    }),
    value: Type.String({
      pattern: '^[A-Za-z0-9+/]+={0,2}$',
      maxLength: 4096,
      description: 'The signature over the canonical JSON of the signed payload, base64.',
    }),
    certificate: Type.String({
      minLength: 1,
      maxLength: 16384,
      description: 'PEM certificate or public key of the signer; must chain to / be in the trust store.',
    }),
  },
  {
    additionalProperties: false,
    description: 'EDS (electronic digital signature) data (Rules §7, Annex 2/3 "EDS data").',
  },
);

export const MoneySchema = Type.Number({
  minimum: 0,
  multipleOf: 0.01,
  description: 'Amount in tenge (KZT), two decimals at most.',
});

export type Iin = Static<typeof IinSchema>;
export type SignatureDataDto = Static<typeof SignatureDataSchema>;
