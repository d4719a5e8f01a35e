/**
 * How long a live (caught-up) subscriber — each projection, the monitoring feed's runner — pauses after committing a
 * short batch, so the commits of the next few milliseconds are applied in ONE log read and ONE read-store
 * transaction instead of one each. The projections and the feed runner use the same pause, so in the projector
 * thread they wake in the same turn and share that turn's transaction (./grouped-commits.ts).
 *
 * 25 ms rather than a shorter pause: under command load the projector thread then spends clearly less CPU per
 * command, and projection lag stays well within its target (p99 < 500 ms). The price is at most this much more lag
 * for a read that waits for its own write (`minPosition`).
 */
export const LIVE_BATCH_DELAY_MS = 25;
