/**
 * The monitoring feed after a fault ("the feed holds every message"): the messages the log calls for
 * (one per stage-changing event of a monitored case, or a deadline the watcher found missed; message id = source
 * event id, projections/monitoring/feed.ts) against what `GET /v1/monitoring/feed` serves, page by page.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { ServiceStageMessage } from '../../contracts/monitoring';
import { serviceOf, stageOf } from '../../projections/monitoring/services';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import { monitoredServices } from '../../services/platform/definitions';
import { registry } from '../../services/registry';
import { httpGet } from './server-child';

/** Ids of the messages the log calls for, in log order. */
export function expectedFeedIds(log: readonly RecordedEvent[]): string[] {
  const opened = new Set<string>();
  const ids: string[] = [];
  for (const e of log) {
    const service = serviceOf(e.streamName, monitoredServices(registry.services));
    if (!service) continue;
    if (e.type === service.intakeEvent) opened.add(e.streamName);
    if (!opened.has(e.streamName)) continue;
    const data = e.data as Record<string, unknown>;
    const watcherMiss = e.type === 'DeadlineMissed' && data.detectedBy === 'watcher';
    if (stageOf(service, e.type, data) !== undefined || watcherMiss) ids.push(e.eventId);
  }
  return ids;
}

export const monitoringToken = (secret: string) =>
  mintDevToken({
    secret,
    issuer: 'kezen-dev',
    audience: 'kezen',
    sub: 'faults:monitoring',
    roles: ['monitoring' as never],
  });

/** Every message of the embedded feed, following `nextCursor` (1,000 a page). */
export async function readWholeFeed(baseUrl: string, token: string): Promise<ServiceStageMessage[]> {
  const all: ServiceStageMessage[] = [];
  for (let after = '0'; ;) {
    // A connection of its own (httpGet): feedMatchesLog reads the log between two reads of the feed.
    const res = await httpGet(`${baseUrl}/v1/monitoring/feed?after=${after}&limit=1000`, {
      authorization: `Bearer ${token}`,
    });
    if (res.status !== 200) throw new Error(`feed answered ${res.status}: ${res.text}`);
    const page = JSON.parse(res.text) as { items: ServiceStageMessage[]; nextCursor: string };
    all.push(...page.items);
    if (page.items.length < 1000) return all;
    after = page.nextCursor;
  }
}

/** What is wrong with the feed compared with the log (empty: nothing). */
export function feedProblems(log: readonly RecordedEvent[], feed: readonly ServiceStageMessage[]): string[] {
  const problems: string[] = [];
  const expected = expectedFeedIds(log);
  const positionOf = new Map(log.map((e) => [e.eventId, e.position]));
  const served = new Map<string, number>();
  for (const m of feed) served.set(m.messageId, (served.get(m.messageId) ?? 0) + 1);
  const missing = expected.filter((id) => !served.has(id));
  const duplicated = [...served].filter(([, n]) => n > 1).map(([id]) => id);
  const expectedSet = new Set(expected);
  const unexpected = [...served.keys()].filter((id) => !expectedSet.has(id));
  const misplaced = feed.filter((m) => positionOf.get(m.messageId) !== m.position).map((m) => m.messageId);
  if (missing.length) problems.push(`${missing.length} missing, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (duplicated.length)
    problems.push(`${duplicated.length} duplicated ids, e.g. ${duplicated.slice(0, 3).join(', ')}`);
  if (unexpected.length) problems.push(`${unexpected.length} without a source event in the log`);
  if (misplaced.length) problems.push(`${misplaced.length} whose position is not their source event's`);
  return problems;
}

/** Polls the feed until it matches the log (the feed runner catches up after a restart), else returns the problems. */
export async function feedMatchesLog(
  baseUrl: string,
  token: string,
  readLog: () => Promise<RecordedEvent[]>,
  timeoutMs = 30_000,
): Promise<{ problems: string[]; messages: number }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // The feed first, then the log: every served message's source event is then in the log read (the deadline
    // watcher may append meanwhile).
    const feed = await readWholeFeed(baseUrl, token);
    const problems = feedProblems(await readLog(), feed);
    if (problems.length === 0 || Date.now() > until) return { problems, messages: feed.length };
    await new Promise((r) => setTimeout(r, 250));
  }
}
