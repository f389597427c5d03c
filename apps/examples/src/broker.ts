// What every example starts with: the broker URL from the command line (process.argv[2]), or an
// embedded aedes started for the run. stop() stops only a broker this module started.
import { parseBrokerUrl } from '@x/mqtt';
import { startEmbeddedBroker, type EmbeddedListener } from './embedded-broker.js';

export interface ExampleBroker {
  readonly url: string;
  /** A CA file to trust: argv[3] if given, else the embedded TLS broker's certificate. */
  readonly caFile: string | undefined;
  stop(): Promise<void>;
}

/** `node example.ts [broker-url] [ca-file]`: that broker, or an embedded one speaking `listener`. */
export async function exampleBroker(listener: EmbeddedListener = 'mqtt'): Promise<ExampleBroker> {
  const [url, caFile] = process.argv.slice(2);
  if (url !== undefined) {
    parseBrokerUrl(url); // a typo fails here, with the reason
    return { url, caFile, stop: async () => undefined };
  }
  const broker = await startEmbeddedBroker(listener);
  console.log(`started an embedded broker (aedes) at ${broker.url}`);
  return { url: broker.url, caFile: broker.caFile, stop: broker.stop };
}

/** The one-shot helpers take host, port and transport rather than a URL; this maps one to the other. */
export function helperTarget(url: string): { hostname: string; port: number; transport: 'tcp' | 'websockets' } {
  const address = parseBrokerUrl(url);
  if (address.kind !== 'tcp') throw new Error(`this example uses plain mqtt:// (got ${address.kind})`);
  return { hostname: address.host, port: address.port, transport: 'tcp' };
}

/** A topic prefix of its own, so that runs sharing a broker do not see each other's messages. */
export function uniqueTopic(name: string): string {
  return `x-mqtt-examples/${name}/${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Runs an example and stops the broker. On success the process ends by itself (nothing may be left
 * running); on failure it prints why and exits 1 at once, as a client may still be reconnecting.
 */
export async function runExample(broker: ExampleBroker, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    await broker.stop();
    process.exit(1);
  }
  await broker.stop();
}

/** Rejects after `ms` with a message naming what was awaited: race it against the awaited thing. */
export function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    timer.unref();
  });
}
