// An in-process aedes broker on a free loopback port: a second real broker, next to mosquitto.

import { createServer } from 'node:net';
import { LOOPBACK } from './free-port.js';

export interface AedesBroker {
  readonly host: typeof LOOPBACK;
  readonly port: number;
  /** Closes the listening server, every client connection and the broker. */
  close(): Promise<void>;
}

export interface AedesOptions {
  /** Subscriptions to these exact filters are refused (SUBACK 0x80). Defaults to none. */
  readonly deniedFilters?: readonly string[];
}

export async function startAedes(options: AedesOptions = {}): Promise<AedesBroker> {
  const { Aedes } = await import('aedes');
  const denied = new Set(options.deniedFilters ?? []);
  const broker = await Aedes.createBroker({
    // aedes refuses a subscription when the callback gets a null subscription.
    authorizeSubscribe: (_client, subscription, callback) => callback(null, denied.has(subscription.topic) ? null : subscription),
  });
  const server = createServer(broker.handle);
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    host: LOOPBACK,
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
    },
  };
}
