/** The complaint decider's specs: the shared given/when/then. */
import { complaintEventSchemas } from '../../../contracts/complaints';
import { spec, TEST_CONTEXT } from '../../shared/testing/given-when-then';
import { complaintDecider } from '..';

export const complaints = spec(complaintDecider, { context: TEST_CONTEXT, eventSchemas: complaintEventSchemas });
