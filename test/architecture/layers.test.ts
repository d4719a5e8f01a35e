/**
 * The house rules (docs/ARCHITECTURE.md), checked from imports alone: the pure core imports no service code, the
 * platform no feature and no adapter, features no adapter, adapters no feature, and nothing that ships imports a
 * test helper or a test key.
 */
import { importGraph, ships, type ImportEdge } from './import-graph';

const edges = importGraph(['contracts', 'domain', 'projections', 'services', 'scripts']);
/**
 * What ships: the service and its operator tools. The demo filler and the benchmark's data-set generator sign as
 * test persons with the development CA's keys, so they are development tools, not shipped ones.
 */
const DEVELOPMENT_TOOLS = /^scripts\/(demo\.ts|dataset\/|dev-servers\/)/;
const shipping = edges.filter((e) => ships(e.from) && !DEVELOPMENT_TOOLS.test(e.from));

const wing = (file: string): string | undefined => {
  const m = /^services\/(platform|adapters|features)\//.exec(file);
  if (m) return m[1];
  if (/^services\/[^/]+$/.test(file)) return 'root';
  return undefined;
};

const show = (list: readonly ImportEdge[]) => list.map((e) => `${e.from} → ${e.to}`);

describe('the house rules, read from the imports', () => {
  it('contracts, domain and projections import nothing from services/', () => {
    const crossing = shipping.filter(
      (e) => /^(contracts|domain|projections)\//.test(e.from) && e.to.startsWith('services/'),
    );
    expect(show(crossing)).toEqual([]);
  });

  it('contracts import neither domain nor projections', () => {
    const crossing = shipping.filter((e) => e.from.startsWith('contracts/') && /^(domain|projections)\//.test(e.to));
    expect(show(crossing)).toEqual([]);
  });

  it('the platform imports no feature, no adapter and not the root (registry, composition)', () => {
    const crossing = shipping.filter(
      (e) => wing(e.from) === 'platform' && ['features', 'adapters', 'root'].includes(wing(e.to) ?? ''),
    );
    expect(show(crossing)).toEqual([]);
  });

  it('features import no adapter and not the root (ports only)', () => {
    const crossing = shipping.filter(
      (e) => wing(e.from) === 'features' && ['adapters', 'root'].includes(wing(e.to) ?? ''),
    );
    expect(show(crossing)).toEqual([]);
  });

  it('a feature imports another feature only through that feature’s index', () => {
    const crossing = shipping.filter((e) => {
      const a = /^services\/features\/([^/]+)\//.exec(e.from)?.[1];
      const b = /^services\/features\/([^/]+)\/(.+)$/.exec(e.to);
      return a !== undefined && b !== null && b[1] !== a && b[2] !== 'index.ts';
    });
    expect(show(crossing)).toEqual([]);
  });

  it('adapters import no feature and not the root; one adapter does not reach into another', () => {
    const crossing = shipping.filter((e) => {
      if (wing(e.from) !== 'adapters') return false;
      if (['features', 'root'].includes(wing(e.to) ?? '')) return true;
      const a = /^services\/adapters\/([^/]+)\//.exec(e.from)?.[1];
      const b = /^services\/adapters\/([^/]+)\//.exec(e.to)?.[1];
      return b !== undefined && a !== b;
    });
    expect(show(crossing)).toEqual([]);
  });

  it('every sender goes through the command pipeline: only services/platform/commands reaches its case steps', () => {
    const crossing = shipping.filter(
      (e) =>
        e.to === 'services/platform/commands/decide-append.ts' && !e.from.startsWith('services/platform/commands/'),
    );
    expect(show(crossing)).toEqual([]);
  });

  it('nothing that ships imports a test helper or a test key', () => {
    const crossing = shipping.filter((e) => !ships(e.to) || /test-keys/.test(e.to));
    expect(show(crossing)).toEqual([]);
  });

  it('the checker sees the graph (a rule over no edges proves nothing)', () => {
    expect(shipping.length).toBeGreaterThan(500);
    expect(shipping.some((e) => e.from === 'services/composition.ts' && e.to === 'services/registry.ts')).toBe(true);
  });
});
