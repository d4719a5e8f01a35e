export * from './port';
export {
  GENESIS_HASH,
  computeEventHash,
  verifyStream,
  verifyAll,
  type VerificationResult,
  type BrokenLink,
} from './hash-chain';
export { UpcasterRegistry, noUpcasters, type Upcaster, type Upcast } from './upcasting';
