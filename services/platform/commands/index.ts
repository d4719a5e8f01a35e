export { createCommandService, type CommandService, type CommandServiceDeps } from './pipeline';
export { authorizeRole } from './authorization';
export {
  ALLOWED,
  caseIdOf,
  CommandNotAccepted,
  errorOf,
  type Accepted,
  type Authorization,
  type CommandRequest,
  type CommandResult,
  type Refusal,
} from './types';
export { commandEventId, commandFingerprint, COMMAND_ID_NAMESPACE, KEZEN_EVENT_ID_NAMESPACE } from './ids';
