/** Stage guards: a command out of order is refused with the stage it needs (InvalidState → 409). */
import { InvalidState } from '../shared/errors';
import type { CaseStatus, OpenCase, PrivatizationState } from './state';

export function requireCase(state: PrivatizationState, command: string): OpenCase {
  if (state.status === 'none') {
    throw new InvalidState(`${command} needs a registered application (Rules §5)`, 'out-of-order', {
      command,
      status: 'none',
      needs: 'application registered (Rules §5)',
    });
  }
  return state;
}

/** Throws InvalidState naming the stage needed unless the case is in one of `allowed`. */
export function requireStatus(
  state: PrivatizationState,
  command: string,
  allowed: readonly CaseStatus[],
  needs: string,
): OpenCase {
  const file = requireCase(state, command);
  if (!allowed.includes(file.status)) {
    throw new InvalidState(`${command} needs ${needs}; the case is ${file.status}`, 'out-of-order', {
      command,
      status: file.status,
      needs,
    });
  }
  return file;
}

/** Throws InvalidState naming the step needed when a precondition within the stage is not met. */
export function requireStep(ok: boolean, file: OpenCase, command: string, needs: string): void {
  if (!ok) {
    throw new InvalidState(`${command} needs ${needs}`, 'out-of-order', { command, status: file.status, needs });
  }
}
