export { handleCommand, UNVERSIONED, type CommandResult, type HandleCommandInput } from './handle-command';
export { IdempotencyKeyReused, ConcurrencyRetriesExhausted } from './errors';
export { commandEventId, commandFingerprint, KEZEN_EVENT_ID_NAMESPACE } from './ids';
