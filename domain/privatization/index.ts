/**
 * The privatization case as a pure decider (docs/REGULATION.md: Rules §4–§10, Annex 1–3).
 * See README.md in this folder for the map from each paragraph of the regulation to the code and its spec.
 */
import type { Decider } from '../shared/decider';
import { decide } from './decide';
import { evolve } from './evolve';
import { initialState, type PrivatizationState } from './state';
import type { PrivatizationCommand, PrivatizationEvent } from './types';

export const privatizationDecider: Decider<PrivatizationCommand, PrivatizationEvent, PrivatizationState> = {
  initialState,
  decide,
  evolve,
};

export { regulationVersionOf, type PrivatizationState, type OpenCase, type CaseStatus } from './state';
export type * from './types';
export { event } from './types';
export * from './signing';
export { RESOLUTION_23_CASES } from './contract/resolution-23';
export { receiptNumberOf } from './application/submit';
export { PRIVATIZATION_STREAM_PREFIX, privatizationStream } from './stream';
