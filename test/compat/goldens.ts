/**
 * What the compatibility test compares: the read API's answers recorded from the earlier code (./record-goldens.ts),
 * and what may differ between two runs of the same code on the same data.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const FIXTURE = 'embedded-2026-05';
export const FIXTURE_DIR = join(__dirname, 'fixtures', FIXTURE);
/** Gzipped, pretty-printed JSON: `zcat goldens.json.gz | less`. */
export const GOLDENS_FILE = 'goldens.json.gz';

export function readGoldens(): Goldens {
  return JSON.parse(gunzipSync(readFileSync(join(FIXTURE_DIR, GOLDENS_FILE))).toString('utf8')) as Goldens;
}

export function readManifest(): FixtureManifest {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as FixtureManifest;
}

/** One recorded request and its answer. */
export interface Golden {
  /** What the answer is (case-view, timeline, list, feed…): the test reports differences per group. */
  group: string;
  role: string;
  path: string;
  status: number;
  etag?: string;
  body: unknown;
}

/** The fixture's manifest (written by ./generate-fixture.ts): what each case is. */
export interface FixtureCase {
  label: string;
  service: 'privatization' | 'housing-assistance' | 'complaints';
  caseId: string;
  streamName: string;
  providerId: string;
  ending: string;
}

export interface FixtureManifest {
  generatedBy: string;
  /** The instant the goldens are read at (the fixed clock of record-goldens.ts and of the test). */
  readAt: string;
  cases: FixtureCase[];
  /** A command the earlier code accepted with an Idempotency-Key: sent again, it must be answered from the log. */
  resend: { role: string; sub: string; providerId?: string; path: string; idempotencyKey: string; body: unknown };
}

export const basePathOf = (c: Pick<FixtureCase, 'service'>) =>
  c.service === 'complaints' ? '/v1/complaints' : `/v1/${c.service}/cases`;

export interface Goldens {
  recordedWith: string;
  readAt: string;
  answers: Golden[];
}

/** Who asks: a token subject per role, the same in the recording and in the test (the access log records it). */
export const subOf = (role: string) => `compat:${role}`;

/**
 * Fields that legitimately differ from run to run: the request id (random per request) and the instant a chain was
 * verified (wall clock, not the injected one). Everything else must be equal.
 */
const VOLATILE = new Set(['requestId', 'verifiedAt']);

export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!VOLATILE.has(k)) out[k] = normalise(v);
    return out;
  }
  return value;
}

/** A fresh copy of the fixture's data directory (the server writes to it: never run on the committed files). */
export function copyFixture(prefix = 'kezen-compat-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of ['events.sqlite', 'read-models.sqlite'])
    writeFileSync(join(dir, name), gunzipSync(readFileSync(join(FIXTURE_DIR, `${name}.gz`))));
  copyFileSync(join(FIXTURE_DIR, 'dev-secret'), join(dir, 'dev-secret'));
  return dir;
}
