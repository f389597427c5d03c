// A scripted broker on a raw TCP socket, built on the codec: it answers CONNECT with CONNACK and
// records every packet it receives, acknowledging nothing else unless told to. Loopback only.
import { createServer, type Server, type Socket } from 'node:net';
import { Decoder, encode, type Packet } from '@x/mqtt-codec';

export interface SilentBroker {
  readonly port: number;
  readonly received: Packet[];
  close(): Promise<void>;
}

export async function startSilentBroker(): Promise<SilentBroker> {
  const received: Packet[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const decoder = new Decoder({ protocolVersion: 4 });
    socket.on('data', (chunk) => {
      for (const packet of decoder.push(chunk)) {
        received.push(packet);
        if (packet.type === 'connect') socket.write(encode({ type: 'connack', sessionPresent: false, reasonCode: 0 }, packet.protocolVersion));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
