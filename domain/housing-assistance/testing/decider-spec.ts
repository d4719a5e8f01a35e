/** The housing assistance decider's specs: the shared given/when/then, with the bundled regional parameters. */
import { housingAssistanceEventSchemas } from '../../../contracts/housing-assistance';
import { spec, TEST_CONTEXT } from '../../shared/testing/given-when-then';
import { bundledParameters, housingAssistanceDecider } from '..';

export const housingAssistance = spec(housingAssistanceDecider, {
  context: { ...TEST_CONTEXT, parameters: bundledParameters },
  eventSchemas: housingAssistanceEventSchemas,
});
