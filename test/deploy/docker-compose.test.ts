/**
 * docker-compose.yml and the Dockerfile are checked without a Docker engine (none runs on the CI machines): the YAML
 * parses, every server has a health check, kezen waits for them healthy and is wired to them by the same variables
 * services/platform/config.ts reads; the image builds in stages and runs as a non-root user with a health check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../services/platform/config';

const root = join(__dirname, '..', '..');
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

describe('docker-compose.yml: the production set', () => {
  const { eventstore, kafka, mongo, kezen } = compose.services;

  test('starts EventStoreDB/KurrentDB, Kafka, MongoDB and kezen', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['eventstore', 'kafka', 'kezen', 'mongo']);
    expect(eventstore?.image).toMatch(/kurrentdb|eventstore/);
    expect(kafka?.image).toBe('apache/kafka:3.9.1');
    expect(mongo?.image).toMatch(/^mongo:/);
    expect(kezen?.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
  });

  test('EventStoreDB is a single insecure dev node; Kafka is one KRaft node with replication factor 1', () => {
    expect(eventstore?.environment).toMatchObject({ KURRENTDB_CLUSTER_SIZE: '1', KURRENTDB_INSECURE: 'true' });
    expect(kafka?.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
    expect(kafka?.environment?.KAFKA_ADVERTISED_LISTENERS).toContain('PLAINTEXT://kafka:9092');
    // The apache/kafka image's configure script exits in KRaft mode without CLUSTER_ID (a base64 UUID, 22 chars).
    expect(kafka?.environment?.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  test('MongoDB runs as a replica set that its health check initiates', () => {
    expect(mongo?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(mongo?.healthcheck?.test.join(' ')).toContain('rs.initiate');
    // Healthy only as a writable primary (mongosh --eval exits 0 whatever its expression returns).
    expect(mongo?.healthcheck?.test.join(' ')).toMatch(/isWritablePrimary\) quit\(1\)/);
  });

  test('every server has a health check and kezen starts only when all are healthy', () => {
    for (const name of ['eventstore', 'kafka', 'mongo']) {
      expect(compose.services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
      expect(kezen?.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
  });

  test('kezen is wired by the environment variables its configuration reads, to the compose services', () => {
    const config = loadConfig(kezen!.environment as NodeJS.ProcessEnv);
    expect(config.eventStoreUrl).toBe('esdb://eventstore:2113?tls=false');
    expect(config.mongodbUrl).toBe('mongodb://mongo:27017/?replicaSet=rs0');
    expect(config.kafkaBrokers).toEqual(['kafka:9092']);
    expect(config.port).toBe(8080);
  });
});

describe('Dockerfile', () => {
  test('builds in a stage of its own with npm ci and npm run build', () => {
    expect(dockerfile).toMatch(/^FROM node:20[^\n]* AS build$/m);
    expect(dockerfile).toContain('RUN npm ci');
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
  });

  test('the runtime stage runs as the non-root node user, with a health check on /healthz', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(runtime).toContain('CMD ["node", "dist/services/main.js"]');
    expect(runtime).not.toContain('npm ci');
  });
});
