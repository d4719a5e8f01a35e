/** Stage guards: a command out of order is refused with the stage it needs (InvalidState → 409). */
import { InvalidState } from '../shared/errors';
import type { HousingAssistanceState, HousingAssistanceStatus } from './state';

export function requireStatus(
  state: HousingAssistanceState,
  command: string,
  allowed: readonly HousingAssistanceStatus[],
): void {
  if (!allowed.includes(state.status))
    throw new InvalidState(
      `${command} is not allowed when the case is ${state.status}; it needs: ${allowed.join(' or ')}`,
      'invalid-state',
      {
        command,
        status: state.status,
        needs: allowed,
      },
    );
}
