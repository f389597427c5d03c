// A bare TransportLike over node:net / node:tls for these tests: the real transports live in
// packages that depend on this one, so they cannot be used here.

import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { ConnectionLike, TransportLike } from '../src/index.js';

export function rawTransport(port: number, tls?: ConnectionOptions): TransportLike {
  return {
    connect: (handlers) =>
      new Promise<ConnectionLike>((resolve, reject) => {
        const socket: Socket = tls === undefined ? netConnect({ host: '127.0.0.1', port }) : tlsConnect({ host: '127.0.0.1', port, ...tls });
        socket.once(tls === undefined ? 'connect' : 'secureConnect', () => {
          socket.off('error', reject);
          socket.on('error', () => undefined);
          socket.on('data', (chunk: Buffer) => handlers.onData(new Uint8Array(chunk)));
          socket.on('close', () => handlers.onClose());
          resolve({ write: (bytes) => socket.write(bytes), end: () => socket.end(), destroy: () => socket.destroy() });
        });
        socket.once('error', reject);
      }),
  };
}
