/**
 * Prometheus metrics (prom-client) on a registry per app instance (tests build several apps in one process):
 * request latency, command outcomes, projection lag per projection, event-store append latency, CPU per thread.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface KezenMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  commandOutcomes: Counter<'service' | 'command' | 'outcome'>;
  appendDuration: Histogram<'service'>;
  projectionLag: Gauge<'projection'>;
  projectionCheckpoint: Gauge<'projection'>;
  logHead: Gauge;
  threadCpu: Gauge<'thread'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): KezenMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'kezen_' });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'kezen_http_request_duration_seconds',
      help: 'HTTP request latency by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    commandOutcomes: new Counter({
      name: 'kezen_commands_total',
      help: 'Commands by outcome (accepted, replayed, rejected-<status>)',
      labelNames: ['service', 'command', 'outcome'],
      registers,
    }),
    appendDuration: new Histogram({
      name: 'kezen_eventstore_append_duration_seconds',
      help: 'Event-store append latency (decide + append of one command)',
      labelNames: ['service'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    projectionLag: new Gauge({
      name: 'kezen_projection_lag_events',
      help: 'Log head position minus the projection checkpoint',
      labelNames: ['projection'],
      registers,
    }),
    projectionCheckpoint: new Gauge({
      name: 'kezen_projection_checkpoint',
      help: 'Global position of the last event applied by the projection',
      labelNames: ['projection'],
      registers,
    }),
    logHead: new Gauge({
      name: 'kezen_eventstore_head_position',
      help: 'Global position of the last event',
      registers,
    }),
    threadCpu: new Gauge({
      name: 'kezen_thread_cpu_seconds',
      help: "CPU seconds used so far by each of kezen's threads: main (the request loop), projector, writer (Linux)",
      labelNames: ['thread'],
      registers,
    }),
  };
}
