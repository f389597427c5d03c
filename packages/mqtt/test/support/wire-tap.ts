// A loopback TCP forwarder between a client and a real broker that decodes what the client sends,
// so a test can read the packets on the wire (the CONNECT's client id, how many SUBSCRIBEs went
// out). It answers nothing itself: every byte goes to the broker and back. When either side
// closes, the other is closed too, so a broker restart is seen by the client as a lost link.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Decoder, type Packet, type ProtocolVersion } from '@x/mqtt-codec';
import { LOOPBACK } from '@x/test-brokers';

export interface WireTap {
  /** The port clients connect to (on 127.0.0.1). */
  readonly port: number;
  /** Every packet clients sent, in order, with the number of the connection it came on (1, 2, ...). */
  readonly sent: Array<{ readonly connection: number; readonly packet: Packet }>;
  close(): Promise<void>;
}

export async function startWireTap(brokerPort: number, protocolVersion: ProtocolVersion): Promise<WireTap> {
  const sent: WireTap['sent'] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((client) => {
    const connection = ++connections;
    const upstream = connect({ host: LOOPBACK, port: brokerPort });
    const decoder = new Decoder({ protocolVersion });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      for (const packet of decoder.push(chunk)) sent.push({ connection, packet });
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the wire tap has no port');
  return {
    port: address.port,
    sent,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
