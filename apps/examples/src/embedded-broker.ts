// A broker for the examples when no URL is given: aedes in this process, on 127.0.0.1 and a free
// port, over plain TCP, TLS (a throw-away self-signed certificate made with openssl) or WebSockets.
// aedes speaks MQTT 3.1 and 3.1.1 only. stop() closes every connection, the listener and the broker.
import { runProgram } from '@x/test-brokers';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { createWebSocketStream, WebSocketServer } from 'ws';

export type EmbeddedListener = 'mqtt' | 'mqtts' | 'ws';

export interface EmbeddedBroker {
  /** mqtt://127.0.0.1:<port>, mqtts://localhost:<port> or ws://127.0.0.1:<port>/mqtt */
  readonly url: string;
  /** mqtts only: the PEM file a client must trust (the broker's self-signed certificate). */
  readonly caFile: string | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  /** Seconds between aedes' `$SYS/<id>/heartbeat` messages. Defaults to 1 (aedes' own is 60). */
  readonly heartbeatSeconds?: number;
}


export async function startEmbeddedBroker(listener: EmbeddedListener = 'mqtt', options: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker({ heartbeatInterval: (options.heartbeatSeconds ?? 1) * 1000 });
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  let server: Server;
  let caFile: string | undefined;
  let certDir: string | undefined;
  let wsServer: WebSocketServer | undefined;

  if (listener === 'mqtts') {
    certDir = await mkdtemp(join(tmpdir(), 'x-mqtt-example-'));
    caFile = join(certDir, 'cert.pem');
    const keyFile = join(certDir, 'key.pem');
    await runProgram('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', caFile,
    ]);
    const [cert, key] = await Promise.all([readFile(caFile), readFile(keyFile)]);
    server = createTlsServer({ cert, key }, broker.handle);
    server.on('secureConnection', track);
  } else if (listener === 'ws') {
    const httpServer = createHttpServer();
    wsServer = new WebSocketServer({ server: httpServer, path: '/mqtt' });
    server = httpServer;
    wsServer.on('connection', (ws) => broker.handle(createWebSocketStream(ws)));
  } else {
    server = createTcpServer(broker.handle);
  }
  server.on('connection', track);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = listener === 'mqtts' ? `mqtts://localhost:${port}` : listener === 'ws' ? `ws://127.0.0.1:${port}/mqtt` : `mqtt://127.0.0.1:${port}`;

  return {
    url,
    caFile,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      wsServer?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      if (certDir !== undefined) await rm(certDir, { recursive: true, force: true });
    },
  };
}
