/**
 * The housing assistance decider (HA Rules as amended by order No. 115): stream `housing-assistance-<caseId>`.
 * Its decisions need the regional parameters: they come in the context (`HousingAssistanceContext`).
 */
import type { HousingAssistanceCommand } from '../../contracts/housing-assistance/commands';
import type { Decider } from '../shared/decider';
import { decide, type HousingAssistanceContext } from './decide';
import { evolve, initialState, type HousingAssistanceEvent, type HousingAssistanceState } from './state';

export const housingAssistanceDecider: Decider<
  HousingAssistanceCommand,
  HousingAssistanceEvent,
  HousingAssistanceState,
  HousingAssistanceContext
> = { initialState, decide, evolve };

export { HOUSING_ASSISTANCE_STREAM_PREFIX, housingAssistanceStream } from './stream';
export { HOUSING_ASSISTANCE_COMMAND_ALIASES, HOUSING_ASSISTANCE_EVENT_RENAMES } from './former-names';

export type { HousingAssistanceContext };
export {
  accessOf,
  channelOf,
  DECISION_DEADLINE_ID,
  regulationVersionOf,
  type HousingAssistanceAccess,
  type HousingAssistanceEvent,
  type HousingAssistanceState,
  type HousingAssistanceStatus,
  type TrackedDeadline,
} from './state';
export { calculateAmount, maxAllowableShareTiyn } from './amount';
export { calculateFamilyIncome } from './income';
export {
  bundledParameters,
  createParameterRegistry,
  parseRegionalParameterFile,
  ParameterFileError,
  type ParameterRegistry,
} from './parameters';
