export * from './types';
export { createRegulationRegistry, defaultRegulations, NoRegulationInForce } from './registry';
export {
  order115Version,
  effectiveFromPublication,
  EFFECTIVE_AFTER_PUBLICATION_DAYS,
  type PublicationOverride,
} from './versions';
export { ORDER_115_TERMS, ORDER_115_2025_ID, ORDER_115_PUBLICATION } from './data/order-115-2025';
export * from './documents';
export * from './refusal-grounds';
export * from './publication';
