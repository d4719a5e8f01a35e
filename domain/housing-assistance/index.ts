/**
 * The housing assistance decider (HA Rules as amended by order No. 115): stream `housing-assistance-<caseId>`.
 */
import type { HousingAssistanceCommand } from '../../contracts/housing-assistance/commands';
import type { Decider } from '../shared/decider';
import { decideWith } from './decide';
import { bundledParameters, type ParameterRegistry } from './parameters';
import { evolve, initialState, type HousingAssistanceEvent, type HousingAssistanceState } from './state';

export type HousingAssistanceDecider = Decider<
  HousingAssistanceCommand,
  HousingAssistanceEvent,
  HousingAssistanceState
>;

export function createHousingAssistanceDecider(
  options: { parameters?: ParameterRegistry } = {},
): HousingAssistanceDecider {
  return { initialState, decide: decideWith(options.parameters ?? bundledParameters), evolve };
}

export const housingAssistanceDecider: HousingAssistanceDecider = createHousingAssistanceDecider();

export { HOUSING_ASSISTANCE_STREAM_PREFIX, housingAssistanceStream } from './stream';

export * from './state';
export { calculateAmount, maxAllowableShareTiyn } from './amount';
export { calculateFamilyIncome } from './income';
export {
  bundledParameters,
  createParameterRegistry,
  parseRegionalParameterFile,
  ParameterFileError,
  type ParameterRegistry,
} from './parameters';
