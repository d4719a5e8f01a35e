/** The privatization decider's specs: the shared given/when/then, trusting the test signing keys. */
import { privatizationEventSchemas } from '../../../contracts/privatization';
import { spec, TEST_CONTEXT } from '../../shared/testing/given-when-then';
import { privatizationDecider } from '..';
import { TEST_ACTOR, testSignatureVerifier } from './fixtures';

export const privatization = spec(privatizationDecider, {
  context: { ...TEST_CONTEXT, actor: TEST_ACTOR, signatures: testSignatureVerifier() },
  eventSchemas: privatizationEventSchemas,
});
