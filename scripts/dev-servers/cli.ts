/** `npm run servers:start` | `npm run servers:stop` — see index.ts. Prints the env vars that point kezen at them. */
import { MissingTool, startDevServers, stopDevServers } from './index';

async function main(command: string | undefined): Promise<void> {
  if (command === 'start') {
    const started = Date.now();
    const servers = await startDevServers();
    console.log(`dev servers up in ${((Date.now() - started) / 1000).toFixed(1)} s (logs: ${servers.config.runDir})`);
    console.log(`export KAFKA_BROKERS=${servers.kafkaBrokers}`);
    console.log(`export MONGODB_URL=${servers.mongoUrl}`);
  } else if (command === 'stop') {
    await stopDevServers();
    console.log('dev servers stopped');
  } else {
    console.error('usage: tsx scripts/dev-servers/cli.ts start|stop');
    process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof MissingTool ? error.message : error);
  process.exitCode = 1;
});
