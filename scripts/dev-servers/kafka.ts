/**
 * Apache Kafka 3.9.1 (last 3.x line: KRaft, and every old protocol version kafkajs 2.2.4 speaks) as one
 * broker+controller node on loopback. Jars come from Maven Central through kafka/pom.xml (docs/REAL-SERVERS.md).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { contentKey, type DevServersConfig } from './config';
import { portAnswers, readPid, requireTool, runStep, spawnDetached, stopPid, waitUntil } from './process';

const paths = (config: DevServersConfig) => {
  const pom = join(config.sourceDir, 'kafka', 'pom.xml');
  const libs = join(config.cacheDir, `kafka-3.9.1-${contentKey([pom])}`, 'libs');
  return {
    pom,
    libs,
    pidFile: join(config.runDir, 'kafka.pid'),
    logFile: join(config.runDir, 'kafka.log'),
    properties: join(config.dataDir, 'kafka', 'server.properties'),
    log4j: join(config.dataDir, 'kafka', 'log4j.properties'),
    logDirs: join(config.dataDir, 'kafka', 'data'),
  };
};

/** Downloads the jars once (cached by the pom's hash). */
export function prepareKafka(config: DevServersConfig): string {
  const p = paths(config);
  if (existsSync(p.libs) && readdirSync(p.libs).some((f) => f.startsWith('kafka_2.13-3.9.1'))) return p.libs;
  requireTool('java', ['-version'], 'a Java runtime 17+ (e.g. `apt-get install openjdk-17-jre-headless`)');
  requireTool('mvn', ['-v'], 'Apache Maven 3.6+ (e.g. `apt-get install maven`)');
  const staging = `${p.libs}.partial`;
  rmSync(staging, { recursive: true, force: true });
  runStep(
    'mvn',
    ['-q', '-B', '-f', p.pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`],
    config.sourceDir,
    join(config.runDir, 'kafka-download.log'),
  );
  rmSync(p.libs, { recursive: true, force: true });
  renameSync(staging, p.libs);
  return p.libs;
}

function writeConfig(config: DevServersConfig): void {
  const p = paths(config);
  mkdirSync(p.logDirs, { recursive: true });
  const properties = [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${config.kafkaControllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${config.kafkaPort},CONTROLLER://127.0.0.1:${config.kafkaControllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${config.kafkaPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${p.logDirs}`,
    'num.partitions=3',
    // One node: without these the consumer-group coordinator never becomes available.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // kezen creates its topics up front; auto-creation would hide a missing createTopics.
    'auto.create.topics.enable=false',
  ];
  writeFileSync(p.properties, `${properties.join('\n')}\n`);
  writeFileSync(
    p.log4j,
    [
      'log4j.rootLogger=INFO, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.kafka=INFO',
      'log4j.logger.org.apache.kafka=INFO',
      'log4j.logger.state.change.logger=WARN',
      '',
    ].join('\n'),
  );
}

export async function kafkaAnswers(config: DevServersConfig): Promise<boolean> {
  if (!(await portAnswers(config.kafkaPort))) return false;
  const admin = new Kafka({
    clientId: 'kezen-dev-servers',
    brokers: [`127.0.0.1:${config.kafkaPort}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Idempotent: a running node is reused; a stopped one restarts on its existing data (no reformat). */
export async function startKafka(config: DevServersConfig): Promise<string> {
  const p = paths(config);
  const brokers = `127.0.0.1:${config.kafkaPort}`;
  if (readPid(p.pidFile) !== undefined && (await kafkaAnswers(config).catch(() => false))) return brokers;
  await stopPid(p.pidFile);
  if (await portAnswers(config.kafkaPort)) {
    throw new Error(`port ${config.kafkaPort} is taken by another process; set KEZEN_DEV_KAFKA_PORT`);
  }
  const libs = prepareKafka(config);
  const classpath = join(libs, '*');
  const jvm = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', `-Dlog4j.configuration=file:${p.log4j}`];
  if (!existsSync(join(p.logDirs, 'meta.properties'))) {
    writeConfig(config);
    const clusterId = randomBytes(16).toString('base64url'); // Kafka's cluster ids are 16 random bytes, base64url
    runStep(
      'java',
      [...jvm, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', p.properties],
      config.dataDir,
      join(config.runDir, 'kafka-format.log'),
    );
  }
  spawnDetached('java', [...jvm, '-cp', classpath, 'kafka.Kafka', p.properties], {
    cwd: config.dataDir,
    logFile: p.logFile,
    pidFile: p.pidFile,
  });
  await waitUntil('Kafka', () => kafkaAnswers(config), { timeoutMs: 90000, pidFile: p.pidFile, logFile: p.logFile });
  return brokers;
}

/** `SIGKILL` simulates a crash; the default is a clean shutdown. Data is kept (removeKafkaData clears it). */
export async function stopKafka(config: DevServersConfig, signal: NodeJS.Signals = 'SIGTERM'): Promise<boolean> {
  return stopPid(paths(config).pidFile, 30000, signal);
}

export function removeKafkaData(config: DevServersConfig): void {
  rmSync(join(config.dataDir, 'kafka'), { recursive: true, force: true });
}
