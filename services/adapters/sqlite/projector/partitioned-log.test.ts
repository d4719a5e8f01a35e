/** The partitions of a parallel rebuild cover every bucket of `stream_id % 100` exactly once. */
import { bucketRange } from './partitioned-log';

test.each([1, 2, 3, 4, 8])('%i partitions: contiguous, disjoint, [0, 100) in all', (count) => {
  const ranges = Array.from({ length: count }, (_, index) => bucketRange({ index, count }));
  expect(ranges[0]![0]).toBe(0);
  expect(ranges[count - 1]![1]).toBe(100);
  for (let i = 1; i < count; i += 1) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
  for (const [from, to] of ranges) expect(to).toBeGreaterThan(from);
});

test('two threads: the calling thread, which starts first, takes 52 buckets', () => {
  expect(bucketRange({ index: 0, count: 2 })).toEqual([0, 52]);
  expect(bucketRange({ index: 1, count: 2 })).toEqual([52, 100]);
});
