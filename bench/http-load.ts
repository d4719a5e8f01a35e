/**
 * HTTP load: N clients (keep-alive agent), each walking its own privatization case through the realistic command
 * sequence of a track-1 case (Rules §5–§9.1: submission, gateway data, review, commission, votes, signed decision,
 * dwelling data, contract, result) — 15 commands over many cases, the roles' own tokens — for a fixed time.
 * Also: timeline and time-travel latency on a 200-event case.
 */
import { Agent, request } from 'node:http';
import { mintDevToken } from '../services/platform/auth/dev-token';
import { receiptNumberOf } from '../domain/privatization';
import {
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
} from '../domain/privatization/testing/case-script';
import { validSubmitApplication } from '../domain/privatization/testing/fixtures';
import { decisionBody } from '../scripts/dataset/signer';
import { RawPool } from './raw-http';
import { summarize } from './stats';

export interface Target {
  port: number;
  secret: string;
}

interface Reply {
  status: number;
  body: unknown;
}

/**
 * A request function. The load generator shares the machine's cores with the server, so it spends as little as it
 * can: a body given as a Buffer is sent as is (serialised once), and with `parse: false` the answer is not parsed
 * (only its status is needed).
 */
export function client(target: Target, agent: Agent) {
  return (method: string, path: string, token: string, body?: unknown, parse = true): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      const req = request(
        {
          host: '127.0.0.1',
          port: target.port,
          method,
          path,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (!parse) return resolve({ status: res.statusCode ?? 0, body: undefined });
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              /* not JSON */
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

export async function tokens(secret: string) {
  const t = (role: string, providerId?: string) =>
    mintDevToken({
      secret,
      issuer: 'kezen-dev',
      audience: 'kezen',
      sub: `bench:${role}`,
      roles: [role as never],
      providerId,
    });
  return {
    intake: await t('intake-operator'),
    officer: await t('provider-officer', 'akimat-astana'),
    secretary: await t('commission-secretary', 'akimat-astana'),
    head: await t('provider-head', 'akimat-astana'),
  };
}

const BASE = '/v1/privatization/cases';
const submission = (() => {
  const body = validSubmitApplication() as Record<string, unknown>;
  delete body.caseId;
  return body;
})();

export async function commandLoad(target: Target, clients: number, seconds: number, onCommand?: () => void) {
  // The lean client (./raw-http.ts): the generator's CPU is taken from the server it measures.
  const pool = new RawPool(target.port);
  const nodeHttp =
    process.env.BENCH_NODE_HTTP_CLIENT === '1' ? client(target, new Agent({ keepAlive: true })) : undefined;
  const send = (method: string, path: string, token: string, body: unknown, parse = true) =>
    nodeHttp
      ? nodeHttp(method, path, token, body, parse)
      : pool.request(method, path, token, Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)), parse);
  const tok = await tokens(target.secret);
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const deadline = performance.now() + seconds * 1000;
  // The bodies that do not depend on the case, serialised once.
  const bytes = (data: unknown) => Buffer.from(JSON.stringify(data));
  const submissionBytes = bytes(submission);
  const identity = identityDataSteps().map((c) => ({ type: c.type, data: bytes(c.data) }));
  const review = bytes(reviewCompliant.data);
  const commission = bytes(formCommission.data);
  const threeVotes = votes('for', 'for', 'for').map((v) => ({ type: v.type, data: bytes(v.data) }));
  const dwelling = dwellingDataSteps().map((c) => ({ type: c.type, data: bytes(c.data) }));
  const timed = async (method: string, path: string, token: string, body: unknown, parse = false) => {
    const t0 = performance.now();
    const r = await send(method, path, token, body, parse);
    latencies.push(performance.now() - t0);
    onCommand?.();
    if (r.status >= 300) failures[r.status] = (failures[r.status] ?? 0) + 1;
    return r;
  };
  const walkCase = async () => {
    const created = await timed('POST', BASE, tok.intake, submissionBytes, true);
    const { caseId, registrationDate } = created.body as { caseId: string; registrationDate: string };
    if (!caseId) return;
    const cmd = (token: string, type: string, data: unknown) =>
      performance.now() < deadline ? timed('POST', `${BASE}/${caseId}/commands/${type}`, token, data) : undefined;
    for (const c of identity) await cmd(tok.officer, c.type, c.data);
    await cmd(tok.officer, reviewCompliant.type, review);
    await cmd(tok.secretary, formCommission.type, commission);
    for (const v of threeVotes) await cmd(tok.secretary, v.type, v.data);
    const signedAt = new Date(Date.now() - 60_000).toISOString();
    await cmd(tok.head, 'AdoptPrivatizationDecision', decisionBody(caseId, `HC-${caseId.slice(0, 6)}`, signedAt));
    for (const c of dwelling) await cmd(tok.officer, c.type, c.data);
    await cmd(tok.head, 'SignContract', { contractNumber: `PC-${caseId.slice(0, 8)}`, contractForm: 'electronic' });
    await cmd(tok.intake, 'IssueResult', {
      delivery: {
        channel: 'state-corporation',
        receiptNumber: receiptNumberOf(caseId, registrationDate),
        recipient: 'applicant',
        identityVerifiedBy: 'identity-document',
      },
    });
  };
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) await walkCase();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  pool.close();
  const total = latencies.length;
  return {
    clients,
    commands: total,
    commandsPerSecond: Math.round(total / elapsed),
    /** This process's CPU per command (the load generator, on the server's cores; the lag probe is in it too). */
    generatorCpuMsPerCommand: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(total, 1)) * 1000) / 1000,
    ...summarize(latencies),
    failures,
  };
}

/** A case with ~200 events (gateway data re-obtained), then p99 of GET timeline and GET state?asOf=. */
export async function timelineLatency(target: Target, requests: number) {
  const agent = new Agent({ keepAlive: true });
  const send = client(target, agent);
  const tok = await tokens(target.secret);
  const created = await send('POST', BASE, tok.intake, submission);
  const { caseId, revision } = created.body as { caseId: string; revision: number };
  let events = revision + 1;
  let asOf = new Date().toISOString();
  let position = (created.body as { position: number }).position;
  const steps = [...identityDataSteps(), ...dwellingDataSteps()];
  for (let i = 0; events < 200; i += 1) {
    const c = steps[i % steps.length]!;
    const r = await send('POST', `${BASE}/${caseId}/commands/${c.type}`, tok.officer, c.data);
    if (r.status !== 200) throw new Error(`building the 200-event case: ${r.status} ${JSON.stringify(r.body)}`);
    events = (r.body as { revision: number }).revision + 1;
    position = (r.body as { position: number }).position;
    if (events >= 100 && events < 102) asOf = new Date().toISOString();
  }
  const measure = async (path: string) => {
    const l: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const t0 = performance.now();
      const r = await send('GET', path, tok.officer);
      l.push(performance.now() - t0);
      // A route that fails (e.g. a projection not built yet) is reported in the results, not measured.
      if (r.status !== 200) return { p50Ms: NaN, p99Ms: NaN, count: i, failedStatus: r.status };
    }
    return { ...summarize(l), failedStatus: undefined as number | undefined };
  };
  // Read latency, not projection lag: wait (up to 2 min, e.g. FerretDB catching up after the load) until the
  // timeline has applied the case's last event, then measure.
  for (const until = performance.now() + 120_000; performance.now() < until;) {
    const r = await send('GET', `${BASE}/${caseId}/timeline?minPosition=${position}`, tok.officer);
    if (r.status !== 503) break;
  }
  const timeline = await measure(`${BASE}/${caseId}/timeline`);
  const timeTravel = await measure(`${BASE}/${caseId}/state?asOf=${encodeURIComponent(asOf)}`);
  agent.destroy();
  return { caseEvents: events, timeline, timeTravel };
}
