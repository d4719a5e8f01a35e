/**
 * The fence of the MongoDB read store: two projector instances never both apply a batch (the port's
 * `expectedCheckpoint` / `CheckpointMoved`, which the SQLite store gets from a transaction). Only what FerretDB v1
 * supports (docs/REAL-SERVERS.md): no transactions, and no atomic conditional update either.
 *
 * Why not "a conditional update of the checkpoint `{_id, checkpoint: expected}`, documents position-guarded":
 * 1. FerretDB v1 runs an update as a SELECT, the filter evaluated in Go, then `UPDATE … WHERE _id = ?` in another
 *    transaction (internal/handler/msg_update.go, common/update.go) — two writers can both see `checkpoint: c` and
 *    both "win". The one atomic conditional write it has is an INSERT against the unique `_id` index (SQLite).
 * 2. Documents are written before the checkpoint, so a losing writer's documents would already be stored — and they
 *    are not harmless: a batch computed from checkpoint c folds documents it loaded; if the other instance had
 *    already written some of its batch (c, e], the loser folded those events a second time and wrote the result at a
 *    NEWER position, which the position guard lets through (e.g. a counter incremented twice).
 *
 * So the fence is a claim on the transition FROM a checkpoint, taken before any document is written:
 * - `readstore_fences`, `_id` = `<projection>#<generation>@<from>#<attempt>`: inserting it is the claim. Whoever
 *   inserts it first owns the step from `from`; a duplicate `_id` means someone else does → `CheckpointMoved`, and
 *   the loser has written nothing. After winning, the owner re-reads the checkpoint: if it is no longer `from`, the
 *   claim came after that step was finished and cleaned up → `CheckpointMoved` (that is why cleanup is safe).
 * - Before writing any document, the owner logs the batch's writes: inside the claim document itself when they
 *   take ≤ 1 MB (the usual live batch: the claim and the log are one insert), else in `readstore_fence_log` (parts
 *   of ≤ 4 MB) before marking the claim `logged`; then it writes the documents (position-guarded, writes.ts), moves
 *   the checkpoint and deletes the claims and logs below the new checkpoint. (A claim logged at its insert whose
 *   owner died before re-checking the checkpoint is harmless: a successor re-checks before rolling it forward, and a
 *   checkpoint still at `from` means the batch was computed from it.)
 * - A claim carries a lease (`leaseUntil`, renewed while writing). An owner that finds its lease expired stops
 *   before its next write. A claim whose lease expired belongs to a dead (or hopelessly stalled) owner and is
 *   taken over by inserting the next attempt: if it was `logged`, its documents may be half written, so the new owner
 *   does NOT apply its own batch (it was computed from those half-written documents) but rolls the logged one
 *   forward — the same writes, positions and target checkpoint, hence idempotent — and answers `CheckpointMoved`, so
 *   the caller recomputes from the new checkpoint. If it was not logged, no document of it was written: the new
 *   owner applies its own batch.
 *
 * Hence no double apply: every batch written was computed from documents that reflected exactly the events up to
 * its `from` (only an owner of the step from `from` writes documents beyond it, and only after logging, so a
 * successor either rolls that log forward or finds nothing written), and each step is written from one log.
 * The limit is the lease's: an owner stalled longer than the lease between its lease check and a write (a very long
 * GC pause, a suspended VM) could still land a write after a successor took over. The lease is 10 s by default,
 * checked before every write; after a crash, the restarted projector waits at most that long for the dead owner's
 * claim to expire (its own failed commits it takes over at once).
 */
import { randomUUID } from 'node:crypto';
import { BSON, type Collection, type Db } from 'mongodb';
import { CheckpointMoved, type DocWrite } from '../../platform/readstore/port';
import { isDuplicateKey } from './writes';

/** The fence's collections (exported for the crash tests that lay out a dead instance's claim). */
export const FENCE_CLAIMS = 'readstore_fences';
export const FENCE_LOG = 'readstore_fence_log';

export interface ClaimDoc {
  _id: string;
  projection: string;
  generation: number;
  from: number;
  to: number;
  attempt: number;
  token: string;
  leaseUntil: number;
  logged: boolean;
  /** The claim whose log this one rolls forward (a takeover of a logged claim); itself when it logged its own. */
  logOf?: string;
  /** The log inline (≤ INLINE_BYTES) … */
  writes?: DocWrite[];
  /** … or in this many parts in the log collection. */
  parts?: number;
}

export interface LogPart {
  _id: string;
  projection: string;
  generation: number;
  from: number;
  writes: DocWrite[];
}

export interface FenceStep {
  projection: string;
  generation: number;
  /** The checkpoint the batch was computed from (`expectedCheckpoint`). */
  from: number;
  /** The checkpoint the batch moves to. */
  to: number;
  writes: readonly DocWrite[];
}

export interface FenceIo {
  /** The stored checkpoint of the generation. */
  checkpoint(): Promise<number>;
  /** Writes documents, calling `beforeWrite` before each write (the lease check). */
  apply(writes: readonly DocWrite[], beforeWrite: () => Promise<void>): Promise<void>;
  /** Moves the checkpoint from `from` to `to`; false if it was not `from`. */
  advance(from: number, to: number): Promise<boolean>;
}

export class LeaseLost extends Error {
  constructor(claim: string) {
    super(`Read-store fence ${claim}: lease expired before the batch was written; another instance takes over`);
    this.name = 'LeaseLost';
  }
}

const PART_BYTES = 4 * 1024 * 1024;
const INLINE_BYTES = 1024 * 1024;
export const claimKey = (s: Pick<FenceStep, 'projection' | 'generation' | 'from'>, attempt: number) =>
  `${s.projection}#${s.generation}@${s.from}#${attempt}`;

export class BatchFence {
  private readonly claims: Collection<ClaimDoc>;
  private readonly log: Collection<LogPart>;
  /** Claims of this store whose commit failed (nothing of it in flight any more): taken over without waiting. */
  private readonly abandoned = new Set<string>();

  constructor(
    db: Db,
    private readonly leaseMs: number,
  ) {
    this.claims = db.collection<ClaimDoc>(FENCE_CLAIMS);
    this.log = db.collection<LogPart>(FENCE_LOG);
  }

  /** Applies `step` as its only writer, or throws `CheckpointMoved` (nothing of the batch written). */
  async commit(step: FenceStep, io: FenceIo): Promise<void> {
    const claim = await this.claim(step, io);
    try {
      await this.write(claim, step, io);
    } catch (error) {
      this.abandoned.add(claim._id);
      throw error;
    }
  }

  private async claim(step: FenceStep, io: FenceIo): Promise<ClaimDoc> {
    let rollForward: Pick<ClaimDoc, 'logOf' | 'to' | 'parts'> | undefined;
    const inline = step.writes.length > 0 && BSON.calculateObjectSize({ w: step.writes }) <= INLINE_BYTES;
    for (let attempt = 1, tries = 0; ; attempt++) {
      if (++tries > 1000) throw new Error(`Read-store fence ${claimKey(step, attempt)}: no claim after 1000 tries`);
      const claim: ClaimDoc = {
        _id: claimKey(step, attempt),
        projection: step.projection,
        generation: step.generation,
        from: step.from,
        to: rollForward?.to ?? step.to,
        attempt,
        token: randomUUID(),
        leaseUntil: Date.now() + this.leaseMs,
        // A takeover of a logged claim is logged from its first moment (one insert): a successor of THIS claim
        // must roll the same log forward, never a batch computed over its half-written documents.
        logged: rollForward !== undefined || inline,
        ...(rollForward
          ? { logOf: rollForward.logOf, parts: rollForward.parts }
          : inline
            ? { logOf: claimKey(step, attempt), writes: [...step.writes] }
            : {}),
      };
      try {
        await this.claims.insertOne(claim);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const held = await this.claims.findOne({ _id: claim._id });
        if (!held) {
          attempt--; // cleaned up meanwhile: the step was finished — the re-check below reports it
          const now = await io.checkpoint();
          if (now !== step.from) throw new CheckpointMoved(step.projection, step.from, now);
          continue;
        }
        if (held.leaseUntil > Date.now() && !this.abandoned.has(held._id)) {
          throw new CheckpointMoved(step.projection, step.from, held.to);
        }
        this.abandoned.delete(held._id);
        if (held.logged) rollForward = { logOf: held.logOf ?? held._id, to: held.to, parts: held.parts ?? 0 };
        continue;
      }
      const now = await io.checkpoint();
      if (now !== step.from) {
        await this.claims.deleteOne({ _id: claim._id });
        throw new CheckpointMoved(step.projection, step.from, now);
      }
      return claim;
    }
  }

  private async write(claim: ClaimDoc, step: FenceStep, io: FenceIo): Promise<void> {
    const beforeWrite = () => this.holdLease(claim);
    const rollingForward = claim.logged && claim.logOf !== claim._id;
    let writes: readonly DocWrite[] = step.writes;
    if (rollingForward) {
      writes = await this.readLog(claim.logOf!, claim.parts ?? 0);
    } else if (writes.length > 0 && !claim.logged) {
      // (A batch without writes needs no log: a successor that applies its own batch instead double-applies nothing.)
      const parts = this.parts(claim, writes);
      await beforeWrite();
      await this.log.insertMany(parts, { ordered: true });
      await this.claims.updateOne(
        { _id: claim._id },
        { $set: { logged: true, logOf: claim._id, parts: parts.length } },
      );
      Object.assign(claim, { logged: true, logOf: claim._id, parts: parts.length });
    }
    await io.apply(writes, beforeWrite);
    await beforeWrite();
    if (!(await io.advance(step.from, claim.to))) {
      throw new CheckpointMoved(step.projection, step.from, await io.checkpoint());
    }
    await this.cleanUp(step, claim.to, (claim.parts ?? 0) > 0);
    // A roll-forward applied someone else's batch: the caller's own batch is stale; it resumes from `claim.to`.
    if (rollingForward) {
      throw new CheckpointMoved(step.projection, step.from, claim.to);
    }
  }

  /** Before every write: stop once the lease is gone; renew it when half used. */
  private async holdLease(claim: ClaimDoc): Promise<void> {
    const now = Date.now();
    if (now >= claim.leaseUntil) throw new LeaseLost(claim._id);
    if (claim.leaseUntil - now < this.leaseMs / 2) {
      const leaseUntil = now + this.leaseMs;
      await this.claims.updateOne({ _id: claim._id, token: claim.token }, { $set: { leaseUntil } });
      claim.leaseUntil = leaseUntil;
    }
  }

  private parts(claim: ClaimDoc, writes: readonly DocWrite[]): LogPart[] {
    const parts: LogPart[] = [];
    let current: DocWrite[] = [];
    let bytes = 0;
    const flush = () => {
      if (current.length === 0) return;
      const { projection, generation, from } = claim;
      parts.push({ _id: `${claim._id}/${parts.length}`, projection, generation, from, writes: current });
      current = [];
      bytes = 0;
    };
    for (const w of writes) {
      const size = BSON.calculateObjectSize({ w });
      if (bytes + size > PART_BYTES) flush();
      current.push(w);
      bytes += size;
    }
    flush();
    return parts;
  }

  private async readLog(claimId: string, parts: number): Promise<DocWrite[]> {
    if (parts === 0) {
      const logged = await this.claims.findOne({ _id: claimId });
      if (!logged) throw new Error(`Read-store fence: logged claim ${claimId} is missing`);
      return logged.writes ?? [];
    }
    const writes: DocWrite[] = [];
    for (let i = 0; i < parts; i++) {
      const part = await this.log.findOne({ _id: `${claimId}/${i}` });
      if (!part) throw new Error(`Read-store fence: log part ${claimId}/${i} is missing`);
      writes.push(...part.writes);
    }
    return writes;
  }

  /** Claims and logs of finished steps (below the new checkpoint): a late claim of them fails its re-check. */
  private async cleanUp(step: FenceStep, checkpoint: number, logParts: boolean): Promise<void> {
    const done = { projection: step.projection, generation: step.generation, from: { $lt: checkpoint } };
    // Parts of a dead owner's batch that was never rolled forward (its claim moved on) go with a later parts batch.
    if (logParts) await this.log.deleteMany(done);
    await this.claims.deleteMany(done);
  }
}
