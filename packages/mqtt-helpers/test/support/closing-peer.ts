// A scripted MQTT peer on a raw loopback TCP socket, built on the codec, for the one failure a real
// broker will not stage on cue: closing the connection right after a PUBLISH (or SUBSCRIBE), before
// acknowledging it. It answers CONNECT with CONNACK (v5: with a Topic Alias Maximum, so a client
// could assign aliases) and records every packet; on connections past `closeOnConnections` it
// acknowledges normally (PUBACK, PUBREC/PUBCOMP, SUBACK) and can send PUBLISHes to subscribers.
import { createServer, type Server, type Socket } from 'node:net';
import { Decoder, encode, type Packet, type ProtocolVersion } from '@x/mqtt-codec';

export interface ClosingPeerOptions {
  readonly protocolVersion: ProtocolVersion;
  /** The packet after which the peer closes the connection, unacknowledged. */
  readonly closeAfter: 'publish' | 'subscribe';
  /** How many connections are closed that way (Infinity: every one). Defaults to 1. */
  readonly closeOnConnections?: number;
  /** Sent to a client whose SUBSCRIBE was acknowledged, on the filter's topic. */
  readonly publishToSubscribers?: string;
}

export interface ClosingPeer {
  readonly port: number;
  /** Every packet received, with the number of its connection (1, 2, ...). */
  readonly received: Array<{ readonly connection: number; readonly packet: Packet }>;
  readonly connections: number;
  close(): Promise<void>;
}

export async function startClosingPeer(options: ClosingPeerOptions): Promise<ClosingPeer> {
  const v = options.protocolVersion;
  const received: ClosingPeer['received'] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const send = (socket: Socket, packet: Packet): void => void socket.write(encode(packet, v));
  const server: Server = createServer((socket) => {
    const connection = ++connections;
    const closing = connection <= (options.closeOnConnections ?? 1);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const decoder = new Decoder({ protocolVersion: v });
    socket.on('data', (chunk) => {
      for (const packet of decoder.push(chunk)) {
        received.push({ connection, packet });
        if (packet.type === 'connect') {
          send(socket, { type: 'connack', sessionPresent: false, reasonCode: 0, ...(v === 5 ? { properties: { topicAliasMaximum: 10 } } : {}) });
        } else if (packet.type === options.closeAfter && closing) {
          socket.destroy();
          return;
        } else if (packet.type === 'publish' && packet.qos === 1) {
          send(socket, { type: 'puback', packetId: packet.packetId ?? 0 });
        } else if (packet.type === 'publish' && packet.qos === 2) {
          send(socket, { type: 'pubrec', packetId: packet.packetId ?? 0 });
        } else if (packet.type === 'pubrel') {
          send(socket, { type: 'pubcomp', packetId: packet.packetId });
        } else if (packet.type === 'subscribe') {
          send(socket, { type: 'suback', packetId: packet.packetId, reasonCodes: packet.subscriptions.map((s) => s.qos) });
          const topic = options.publishToSubscribers;
          if (topic !== undefined) send(socket, { type: 'publish', topic, payload: new TextEncoder().encode(`on connection ${connection}`), qos: 0, retain: false, dup: false });
        } else if (packet.type === 'pingreq') {
          send(socket, { type: 'pingresp' });
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the peer has no port');
  return {
    port: address.port,
    received,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
