/**
 * The projector thread's read store: the commits its projections and the feed runner make in one turn of the
 * thread's event loop go to SQLite in ONE transaction (SqliteReadStore.commitAllSync) instead of one each.
 *
 * All of them follow the same log and are woken by the same commit (FollowedLog shares the range read), so a live
 * batch reaches `commit` in every subscriber within the same turn: 7 projections + the feed runner were 8 write
 * transactions per batch, now 1. Under command load the commits' transaction overhead (BEGIN IMMEDIATE, COMMIT, the
 * rs_generations page rewritten per projection) was a large share of the thread's CPU.
 *
 * Nothing a caller relies on changes:
 * - each commit still writes its documents with its checkpoint in the same transaction, with the same
 *   generation / requireActive / expectedCheckpoint checks (commitIn), so a crash can neither skip nor double-apply;
 * - each caller's promise resolves only after the transaction holding its commit has committed;
 * - error isolation: when the shared transaction fails (one projection's GenerationChanged, CheckpointMoved, ...), it
 *   is rolled back whole and every commit of the group is retried alone, in order — each caller then gets exactly
 *   the outcome a commit of its own would have had, and the others' progress is not held up.
 */
import type { CommitOptions, DocWrite } from '../../../platform/readstore/port';
import { SqliteReadStore } from '../readstore/sqlite-read-store';

interface Pending {
  projection: string;
  writes: readonly DocWrite[];
  checkpoint: number;
  options: CommitOptions;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupedCommitReadStore extends SqliteReadStore {
  private pending: Pending[] = [];
  private scheduled?: NodeJS.Immediate;
  /** Transactions and commits so far (tests and profiling: commits / transactions is the grouping achieved). */
  readonly stats = { transactions: 0, commits: 0, fallbacks: 0 };

  override commit(
    projection: string,
    writes: readonly DocWrite[],
    checkpoint: number,
    options: CommitOptions = {},
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ projection, writes, checkpoint, options, resolve, reject });
      // setImmediate: after every subscriber woken in this turn has run its batch up to its commit (microtasks).
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is pending now (also before close, so no caller is left waiting). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    this.stats.commits += group.length;
    if (group.length > 1) {
      try {
        this.stats.transactions += 1;
        this.commitAllSync(group);
        for (const c of group) c.resolve();
        return;
      } catch {
        // Rolled back whole: retried one by one below, so only the failing commits fail.
        this.stats.fallbacks += 1;
      }
    }
    for (const c of group) {
      try {
        this.stats.transactions += 1;
        this.commitSync(c.projection, c.writes, c.checkpoint, c.options);
        c.resolve();
      } catch (error) {
        c.reject(error);
      }
    }
  }

  override async close(): Promise<void> {
    this.flush();
    await super.close();
  }
}
