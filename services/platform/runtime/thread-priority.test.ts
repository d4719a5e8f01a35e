/** A niced thread is niced alone: the thread that asks gets the value, the process's other threads keep theirs. */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { currentThreadId, lowerThreadPriority } from './thread-priority';

const linux = process.platform === 'linux';
const niceOf = (tid: number) => {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19 of stat: nice
};

(linux ? test : test.skip)('a worker thread lowers its own priority; the main thread keeps its own', async () => {
  const mainTid = currentThreadId()!;
  expect(mainTid).toBe(process.pid);
  const before = niceOf(mainTid);
  // The module itself, in a thread (loaded through tsx, as the projector thread loads its modules under jest).
  const script = `
    require('tsx/cjs');
    const { parentPort } = require('node:worker_threads');
    const { currentThreadId, lowerThreadPriority } = require(${JSON.stringify(require.resolve('./thread-priority'))});
    parentPort.postMessage({ tid: currentThreadId(), outcome: lowerThreadPriority(7) });
    setTimeout(() => {}, 200);`;
  const worker = new Worker(script, { eval: true });
  const reply = await new Promise<{ tid: number; outcome: unknown }>((resolve) => worker.once('message', resolve));
  expect(reply.tid).not.toBe(mainTid);
  const expected = Math.max(before, 7); // a test run that is niced already is not raised
  expect(reply.outcome).toEqual({ applied: true, nice: expected });
  expect(niceOf(reply.tid)).toBe(expected);
  expect(niceOf(mainTid)).toBe(before);
  await worker.terminate();
});

test('out-of-range and zero values change nothing and say why', () => {
  expect(lowerThreadPriority(0)).toEqual({ applied: false, reason: 'nice 0: priority left as is' });
  expect(lowerThreadPriority(25)).toMatchObject({ applied: false });
  expect(lowerThreadPriority(-5)).toMatchObject({ applied: false });
});
