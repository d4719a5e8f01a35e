/**
 * Schema pieces the housing-assistance contracts need. IIN, LocalDate and Channel are shared (contracts/common.ts)
 * and re-exported; the pieces below are specific to this service.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Money in integer tiyn (1 tenge = 100 tiyn): no floats near money. */
export const Tiyn = Type.Integer({ minimum: 0, maximum: 1e13, description: 'Amount in tiyn (1/100 tenge), integer' });

/** A calendar month `YYYY-MM` (income periods are whole months). */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Calendar month YYYY-MM' });

/**
 * A non-negative decimal quantity with at most 3 fraction digits (m², kWh, m³, Gcal). Kept as a number in the JSON
 * contract; the domain converts it to an exact integer of thousandths before any arithmetic.
 */
export const Quantity = Type.Number({
  minimum: 0,
  maximum: 1e9,
  description: 'Decimal quantity, at most 3 fraction digits',
});

export const RegionCode = Type.String({
  pattern: '^[a-z][a-z0-9-]{1,40}$',
  description: 'Region code of the parameter files',
});

export type TiynT = Static<typeof Tiyn>;

// Shared with the other services (contracts/common.ts): re-exported under the names this contract uses.
export { IinSchema as Iin, LocalDateSchema, ChannelSchema, InstantSchema, RuleSchema } from '../common';
