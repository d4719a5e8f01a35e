/**
 * The group committer with an asynchronous sink (the writer thread): batches form while others are in flight, at
 * most `maxInFlight` are sent at once, each append's promise settles with its own batch, and drain waits for all.
 */
import type { NewEvent } from '../../../../contracts/envelope';
import type { AppendRequest, Outcome } from './batch-writer';
import { GroupCommitter } from './group-commit';

const event = (i: number): NewEvent =>
  ({ eventId: `e-${i}`, type: 'Something', schemaVersion: 1, data: {}, metadata: {} }) as unknown as NewEvent;

function harness(maxInFlight?: number) {
  const sent: { batch: readonly AppendRequest[]; finish(): void }[] = [];
  let position = 0;
  const heads: number[] = [];
  const committer = new GroupCommitter({
    sink: (batch) =>
      new Promise<Outcome[]>((resolve) => {
        const outcomes = batch.map((item) => {
          position += item.events.length;
          return { ok: true as const, value: { nextRevision: 0, position } };
        });
        sent.push({ batch, finish: () => resolve(outcomes) });
      }),
    now: () => '2026-11-30T00:00:00.000Z',
    onCommit: (head) => heads.push(head),
    initialHead: 0,
    ...(maxInFlight ? { maxInFlight } : {}),
  });
  const append = (i: number) => committer.enqueue(`s-${i}`, [event(i)], 'any', {});
  // Two turns of the event loop: a settled batch frees its slot in a microtask, the next flush runs on setImmediate.
  const turn = async () => {
    for (let i = 0; i < 2; i += 1) await new Promise((r) => setImmediate(r));
  };
  return { committer, sent, heads, append, turn };
}

test('one in flight (default): the appends made meanwhile wait, then go as one batch', async () => {
  const { sent, append, turn } = harness();
  const first = append(1);
  await turn();
  const rest = [append(2), append(3)];
  await turn();
  expect(sent.map((s) => s.batch.length)).toEqual([1]);
  sent[0]!.finish();
  await first;
  await turn();
  expect(sent.map((s) => s.batch.length)).toEqual([1, 2]);
  sent[1]!.finish();
  expect((await Promise.all(rest)).map((r) => r.position)).toEqual([2, 3]);
});

test('two in flight: the next batch is sent while the first commits; a third waits; each settles with its own', async () => {
  const { committer, sent, heads, append, turn } = harness(2);
  const a = append(1);
  await turn();
  const b = [append(2), append(3)];
  await turn();
  const c = append(4);
  await turn();
  expect(sent.map((s) => s.batch.length)).toEqual([1, 2]); // the third batch waits for a free slot
  let bSettled = false;
  void Promise.all(b).then(() => (bSettled = true));
  sent[0]!.finish();
  expect((await a).position).toBe(1);
  await turn();
  expect(bSettled).toBe(false); // its own batch has not committed yet
  expect(sent.map((s) => s.batch.length)).toEqual([1, 2, 1]);
  const drained = committer.drain();
  sent[1]!.finish();
  sent[2]!.finish();
  await drained;
  expect((await Promise.all(b)).map((r) => r.position)).toEqual([2, 3]);
  expect((await c).position).toBe(4);
  expect(heads).toEqual([1, 3, 4]);
});
