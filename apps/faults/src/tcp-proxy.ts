// A loopback TCP proxy for fault injection: forwards client <-> broker byte for byte, lets a test
// watch the bytes, and can "freeze" the connections open now, which models a half-open link:
// sockets stay open, bytes are read and silently dropped both ways. New connections forward again.

import { createServer, connect, type Server, type Socket } from 'node:net';
import { LOOPBACK } from '@x/test-brokers';

export interface ProxyOptions {
  /** The broker's port on 127.0.0.1. */
  readonly targetPort: number;
  /** Sees every chunk the client sends (before forwarding), with the connection's number (1, 2, ...). */
  readonly onClientBytes?: (connection: number, bytes: Uint8Array) => void;
  /** Sees every chunk the broker sends to the client. */
  readonly onServerBytes?: (connection: number, bytes: Uint8Array) => void;
}

export interface TcpProxy {
  readonly port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Connections open now (frozen ones included). */
  readonly open: number;
  /** Bytes dropped by frozen connections, both directions. */
  readonly dropped: number;
  /** Black-holes every connection open now; later connections forward normally. */
  freeze(): void;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  readonly server: Socket;
  frozen: boolean;
}

export async function startTcpProxy(options: ProxyOptions): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let connections = 0;
  let dropped = 0;
  const server: Server = createServer((client) => {
    const number = ++connections;
    const upstream = connect({ host: LOOPBACK, port: options.targetPort });
    const pair: Pair = { client, server: upstream, frozen: false };
    pairs.add(pair);
    const forward = (to: Socket, tap?: (bytes: Uint8Array) => void) => (chunk: Buffer) => {
      if (pair.frozen) {
        dropped += chunk.length;
        return;
      }
      tap?.(chunk);
      // A slow reader on the far side slows this side down, as a real network path would.
      if (!to.write(chunk)) {
        const from = to === upstream ? client : upstream;
        from.pause();
        to.once('drain', () => from.resume());
      }
    };
    client.on('data', forward(upstream, options.onClientBytes && ((b) => options.onClientBytes?.(number, b))));
    upstream.on('data', forward(client, options.onServerBytes && ((b) => options.onServerBytes?.(number, b))));
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A frozen link never reports the far side closing: that is the point of the fault.
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (!pair.frozen || socket === client) end();
      });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    get connections() {
      return connections;
    },
    get open() {
      return pairs.size;
    },
    get dropped() {
      return dropped;
    },
    freeze() {
      for (const pair of pairs) pair.frozen = true;
    },
    close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.server.destroy();
      }
      pairs.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
