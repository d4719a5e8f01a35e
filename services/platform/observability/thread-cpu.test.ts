/** Per-thread CPU from /proc: this thread's figure grows with work; unknown threads are left out. */
import { threadCpuSeconds, threadsCpuSeconds } from './thread-cpu';

const linux = process.platform === 'linux';

(linux ? test : test.skip)("the request loop's own CPU seconds (task id = process id) grow with work", () => {
  const before = threadCpuSeconds(process.pid)!;
  expect(before).toBeGreaterThanOrEqual(0);
  const until = Date.now() + 120;
  let x = 0;
  while (Date.now() < until) x += Math.sqrt(x + 1);
  expect(x).toBeGreaterThan(0);
  expect(threadCpuSeconds(process.pid)!).toBeGreaterThan(before);
});

test('a thread that is not there (or no /proc) is left out, not reported as 0', () => {
  expect(threadCpuSeconds(2 ** 30)).toBeUndefined();
  const got = threadsCpuSeconds({ main: linux ? process.pid : undefined, gone: 2 ** 30, none: undefined });
  expect(Object.keys(got)).toEqual(linux ? ['main'] : []);
});
