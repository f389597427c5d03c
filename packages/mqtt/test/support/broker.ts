// Shared by the facade's integration tests: one real mosquitto per test file, and a client
// factory that disconnects every client it made when the file ends.
import { afterAll, beforeAll } from 'vitest';
import { startMosquitto, type MosquittoBroker, type MosquittoOptions, type ListenerName } from '@x/test-brokers';
import { Client, type ClientOptions, type MqttProtocol } from '../../src/index.js';

export function useMosquitto<L extends ListenerName = 'mqtt'>(options: MosquittoOptions<L> = {}): { readonly broker: MosquittoBroker<L> } {
  const holder = {} as { broker: MosquittoBroker<L> };
  beforeAll(async () => {
    holder.broker = await startMosquitto(options);
  });
  afterAll(async () => {
    await holder.broker?.stop();
  });
  return holder;
}

const made: Array<{ disconnect(): Promise<unknown> }> = [];
afterAll(async () => {
  await Promise.all(made.map((c) => c.disconnect().catch(() => undefined)));
});

/** A client that is disconnected when the test file ends. */
export function newClient<P extends MqttProtocol = MqttProtocol>(options: ClientOptions<P> = {}): Client<P> {
  const client = new Client<P>(options);
  made.push(client);
  return client;
}

let counter = 0;
/** A topic prefix no other test uses. */
export function uniqueTopic(name: string): string {
  return `test/${name}/${process.pid}-${++counter}`;
}
