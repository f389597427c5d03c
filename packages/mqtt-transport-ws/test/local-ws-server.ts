// A local `ws` server on 127.0.0.1 for tests that need to see the upgrade request or control the
// peer (pause it, send a text frame). MQTT interop itself is tested against mosquitto.

import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface LocalWsServer {
  readonly port: number;
  readonly requests: IncomingMessage[];
  readonly peers: WebSocket[];
  readonly received: Array<{ data: Buffer; isBinary: boolean }>;
  close(): Promise<void>;
}

export async function startLocalWsServer(onPeer: (peer: WebSocket) => void = () => undefined): Promise<LocalWsServer> {
  const requests: IncomingMessage[] = [];
  const peers: WebSocket[] = [];
  const received: Array<{ data: Buffer; isBinary: boolean }> = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => [...protocols][0] ?? false });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  server.on('connection', (peer, request) => {
    requests.push(request);
    peers.push(peer);
    peer.on('message', (data: Buffer, isBinary) => received.push({ data, isBinary }));
    onPeer(peer);
  });
  return {
    port: (server.address() as { port: number }).port,
    requests,
    peers,
    received,
    close: async () => {
      for (const peer of peers) peer.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
