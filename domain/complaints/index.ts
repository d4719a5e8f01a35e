export * from './decider';
export * from './events';
export * from './state';
export { complaintDecisionPayload, RULE_13, RULE_14 } from './decide';
