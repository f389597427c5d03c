// aedes in process (MQTT 3.1.1 only) on a free loopback port, with the same users and ACL as
// the mosquitto set-up: anonymous allowed, `interop`/`secret` checked, `denied/#` refused to
// subscribers, and a $SYS heartbeat every 500 ms. Closing it closes every client socket.
import { createServer, type Socket } from 'node:net';
import type { BrokerDriver, BrokerHandle, Capabilities } from '../types.js';
import { CREDENTIALS } from './mosquitto.js';

const CAPS: Capabilities = {
  versions: ['3.1.1'],
  maxQos: 2,
  // Observed: one copy per client (MQTT 3.1.1 allows either).
  overlap: { '3.1.1': 'per-client' },
  dollar: { kind: 'sys', filter: '$SYS/+/heartbeat' },
  deniedFilter: 'denied/#',
  credentials: CREDENTIALS,
  badPassword: { v3: 4, v5: 0x86 },
  sharedSubscriptions: false,
  peers: false,
};

function deniedTopic(topic: string): boolean {
  return topic === 'denied' || topic.startsWith('denied/');
}

export const aedes: BrokerDriver = {
  name: 'aedes',
  async start(): Promise<BrokerHandle> {
    const { Aedes } = await import('aedes');
    const broker = await Aedes.createBroker({
      heartbeatInterval: 500,
      authenticate: (_client, username, password, callback) => {
        if (username === undefined || username === null) return callback(null, true);
        const ok = username === CREDENTIALS.username && password?.toString() === CREDENTIALS.password;
        if (ok) return callback(null, true);
        const error = Object.assign(new Error('bad user name or password'), { returnCode: 4 });
        return callback(error as Parameters<typeof callback>[0], false);
      },
      authorizeSubscribe: (_client, subscription, callback) => {
        callback(null, deniedTopic(subscription.topic) ? null : subscription);
      },
    });
    const server = createServer(broker.handle);
    const sockets = new Set<Socket>();
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    return {
      name: 'aedes',
      host: '127.0.0.1',
      port: typeof address === 'object' && address !== null ? address.port : 0,
      caps: CAPS,
      pid: undefined,
      stop: async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await new Promise<void>((resolve) => broker.close(() => resolve()));
      },
    };
  },
};
