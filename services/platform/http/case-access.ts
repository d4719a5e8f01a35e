/** The reach check of every single-case read: the platform's query routes and the features' (time travel). */
import type { Principal } from '../auth/principal';
import { authorizeRead } from '../auth/policy';
import type { CaseQueries, LoadedCase } from '../ports';
import type { ServiceModule } from '../service-module';
import { isUuid } from './context';
import { forbidden, notFound } from './problem';

/** Loads the case (now) and checks the caller may see it: 404 when there is no such case, 403 when out of reach. */
export async function reachableCase(
  queries: CaseQueries,
  principal: Principal,
  module: ServiceModule,
  caseId: string,
): Promise<LoadedCase> {
  if (!isUuid(caseId)) throw notFound(`No case ${caseId}`);
  const loaded = await queries.load(module, caseId);
  if (loaded.revision < 0) throw notFound(`No case ${caseId}`);
  const decision = authorizeRead(principal, module.partiesOf(loaded.state));
  if (!decision.allowed) throw forbidden(decision.reason);
  return loaded;
}
