/**
 * Today's kezen on a copy of the fixture's data directory (./goldens.ts), caught up, with every golden request
 * replayed in the recorded order, and the comparison with the earlier code's answers — for the compatibility tests
 * (./data-dir.test.ts, ./rebuilt-read-models.test.ts).
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { buildKezen, type Kezen } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import type { Role } from '../../services/platform/roles';
import { FIXTURE_DIR, copyFixture, normalise, readGoldens, readManifest, subOf, type Golden } from './goldens';
import { withTodaysEventNames } from './todays-names';
import { differences } from './differences';

export const goldens = readGoldens();
export const manifest = readManifest();
export const secret = readFileSync(join(FIXTURE_DIR, 'dev-secret'), 'utf8').trim();
export const now = new Date(goldens.readAt);

/** The environment of every run: the watcher off (at the fixed clock it would record the missed deadlines). */
export const envOf = (dataDir: string) => ({
  KEZEN_DATA_DIR: dataDir,
  KEZEN_WATCHER_INTERVAL_MS: '0',
  KEZEN_READY_MAX_LAG: '0',
  LOG_LEVEL: 'warn',
});

interface Reply {
  golden: Golden;
  status: number;
  etag?: string;
  body: unknown;
}

/** Today's kezen on a fresh copy of the fixture, caught up, with every golden request replayed. */
export class Run {
  kezen!: Kezen;
  dataDir = '';
  filesBefore: string[] = [];
  readonly replies: Reply[] = [];

  /** `prepare`: what happens to the copy before today's kezen starts on it (e.g. its read models deleted). */
  async start(options: { prepare?: (dataDir: string) => Promise<void> | void; groups: readonly string[] }) {
    this.dataDir = copyFixture();
    await options.prepare?.(this.dataDir);
    this.filesBefore = this.dataFiles();
    const logDestination = new Writable({ write: (_c, _e, cb) => cb() });
    this.kezen = await buildKezen(loadConfig(envOf(this.dataDir)), { clock: () => now, logDestination });
    await this.kezen.start();
    await this.caughtUp();
    // In the recorded order: the investigator's reads append to the access log the auditor then reads.
    for (const golden of goldens.answers.filter((a) => options.groups.includes(a.group))) {
      const res = await this.get(golden.path, golden.role as Role);
      const etag = String(res.headers.etag ?? '');
      this.replies.push({
        golden,
        status: res.status,
        ...(etag && !etag.startsWith('W/') ? { etag } : {}),
        body: normalise(res.body),
      });
    }
  }

  async close() {
    await this.kezen?.close();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  dataFiles() {
    return readdirSync(this.dataDir)
      .filter((f) => !/-(wal|shm|journal)$/.test(f))
      .sort();
  }

  async get(path: string, role: Role = 'quality-authority') {
    return request(this.kezen.app)
      .get(path)
      .set('Authorization', `Bearer ${await token(role)}`);
  }

  /** Every projection live at the log head and the monitoring feed there too; /readyz allows no lag (envOf). */
  async caughtUp(timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const head = await this.kezen.eventStore.headPosition();
      const live = this.kezen.projector.status().every((s) => s.phase === 'live' && s.position >= head);
      const ready = await request(this.kezen.app).get('/readyz');
      const feed = (ready.body.checks as { name: string; detail?: string }[] | undefined)?.find(
        (c) => c.name === 'monitoring-feed',
      );
      if (live && ready.status === 200 && feed?.detail === `checkpoint ${head}`) return;
      if (Date.now() > until) throw new Error(`not caught up with ${head}: ${JSON.stringify(ready.body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * The recorded answers of one group that today's code answers differently, with where they differ. The earlier
   * answers are compared with today's event names (./todays-names.ts), and today's may have the fields added since
   * (./differences.ts): every field the earlier code answered must be there with the same value.
   */
  mismatches(group: string): string[] {
    const found: string[] = [];
    for (const r of this.replies.filter((x) => x.golden.group === group)) {
      const { answer } = withTodaysEventNames(r.golden, manifest.cases);
      const diff = [
        ...(r.status === r.golden.status ? [] : [`status: ${r.golden.status} → ${r.status}`]),
        ...(r.etag === r.golden.etag ? [] : [`ETag: ${r.golden.etag} → ${r.etag}`]),
        ...differences(r.golden.path, answer, r.body),
      ];
      if (diff.length > 0) found.push(`GET ${r.golden.path} (${r.golden.role})\n    ${diff.join('\n    ')}`);
    }
    return found;
  }
}

const tokens = new Map<string, Promise<string>>();
export const token = (role: Role, claims: { providerId?: string; sub?: string } = {}) => {
  const key = `${role} ${JSON.stringify(claims)}`;
  if (!tokens.has(key))
    tokens.set(
      key,
      mintDevToken({ secret, issuer: 'kezen-dev', audience: 'kezen', sub: subOf(role), roles: [role], ...claims }),
    );
  return tokens.get(key)!;
};

export const caseOf = (label: string) => {
  const c = manifest.cases.find((x) => x.label === label);
  if (!c) throw new Error(`no case ${label} in the fixture's manifest`);
  return c;
};

export const groups = [...new Set(goldens.answers.map((a) => a.group))];
/** Answers folded from the log alone: the same whatever the read models hold, so asked once. */
const FROM_THE_LOG = new Set(['state', 'state-as-of', 'verify', 'diff']);
export const fromReadModels = groups.filter((g) => !FROM_THE_LOG.has(g));
