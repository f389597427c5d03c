// Tiny SOCKS5 (RFC 1928/1929) and HTTP CONNECT proxies for tests, listening on 127.0.0.1 and
// tunnelling only to loopback targets. They record what they were asked for, so a test can check
// the traffic really went through them.

import { connect, createServer, type Server, type Socket } from 'node:net';
import { LOOPBACK } from './free-port.js';

const LOOPBACK_TARGETS = new Set(['127.0.0.1', 'localhost', '::1']);

export interface ProxyServerOptions {
  /** Require these credentials (SOCKS5 username/password, or HTTP Basic). Defaults to none. */
  readonly username?: string;
  readonly password?: string;
}

export interface TestProxy {
  readonly host: typeof LOOPBACK;
  readonly port: number;
  /** `host:port` of every tunnel the proxy opened. */
  readonly tunnels: string[];
  /** Handshakes it turned down (bad credentials, non-loopback target, refused target). */
  readonly refusals: string[];
  close(): Promise<void>;
}

export function startSocks5Proxy(options: ProxyServerOptions = {}): Promise<TestProxy> {
  return listen((client, tunnel) => void socks5Session(client, tunnel, options));
}

export function startHttpConnectProxy(options: ProxyServerOptions = {}): Promise<TestProxy> {
  return listen((client, tunnel) => void httpSession(client, tunnel, options));
}

/** What a session needs: the proxy's records and a way to register the upstream socket for close(). */
interface Tunnel {
  readonly proxy: TestProxy;
  track(socket: Socket): void;
}

async function listen(onClient: (client: Socket, tunnel: Tunnel) => void): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const address = server.address();
  const proxy: TestProxy = {
    host: LOOPBACK,
    port: typeof address === 'object' && address !== null ? address.port : 0,
    tunnels: [],
    refusals: [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  };
  server.on('connection', (client) => {
    track(client);
    onClient(client, { proxy, track });
  });
  return proxy;
}

/** Reads exact byte counts from a socket in paused mode. */
class Reader {
  #buffer = Buffer.alloc(0);
  #waiter: (() => void) | undefined;
  #ended = false;
  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#waiter?.();
    });
    socket.on('close', () => {
      this.#ended = true;
      this.#waiter?.();
    });
  }
  async read(length: number): Promise<Buffer> {
    while (this.#buffer.length < length) {
      if (this.#ended) throw new Error('client went away');
      await new Promise<void>((resolve) => (this.#waiter = resolve));
    }
    const out = this.#buffer.subarray(0, length);
    this.#buffer = this.#buffer.subarray(length);
    return out;
  }
  async readHead(): Promise<string> {
    let end: number;
    while ((end = this.#buffer.indexOf('\r\n\r\n')) < 0) {
      if (this.#ended) throw new Error('client went away');
      await new Promise<void>((resolve) => (this.#waiter = resolve));
    }
    const head = this.#buffer.subarray(0, end).toString('latin1');
    this.#buffer = this.#buffer.subarray(end + 4);
    return head;
  }
  /** Bytes read past the handshake. */
  rest(): Buffer {
    return this.#buffer;
  }
}

function openTunnel(client: Socket, reader: Reader, host: string, port: number, { proxy, track }: Tunnel, onOpen: () => void, onFail: () => void): void {
  if (!LOOPBACK_TARGETS.has(host)) {
    proxy.refusals.push(`${host}:${port} (not loopback)`);
    onFail();
    return;
  }
  const upstream = connect({ host, port });
  track(upstream);
  const refused = (): void => {
    proxy.refusals.push(`${host}:${port} (refused)`);
    onFail();
  };
  upstream.once('error', refused);
  upstream.once('connect', () => {
    upstream.off('error', refused);
    proxy.tunnels.push(`${host}:${port}`);
    client.removeAllListeners('data');
    onOpen();
    const early = reader.rest();
    if (early.length > 0) upstream.write(early);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
}

async function socks5Session(client: Socket, tunnel: Tunnel, options: ProxyServerOptions): Promise<void> {
  const { proxy } = tunnel;
  const reader = new Reader(client);
  try {
    const [version, methodCount = 0] = await reader.read(2);
    if (version !== 0x05) return void client.destroy();
    const methods = [...(await reader.read(methodCount))];
    const wantsAuth = options.username !== undefined;
    const method = wantsAuth ? (methods.includes(0x02) ? 0x02 : 0xff) : methods.includes(0x00) ? 0x00 : 0xff;
    client.write(Buffer.from([0x05, method]));
    if (method === 0xff) {
      proxy.refusals.push('no acceptable authentication method');
      return void client.end();
    }
    if (method === 0x02) {
      const [, userLength = 0] = await reader.read(2);
      const username = (await reader.read(userLength)).toString('utf8');
      const [passLength = 0] = await reader.read(1);
      const password = (await reader.read(passLength)).toString('utf8');
      const ok = username === options.username && password === (options.password ?? '');
      client.write(Buffer.from([0x01, ok ? 0x00 : 0x01]));
      if (!ok) {
        proxy.refusals.push(`bad credentials for ${username}`);
        return void client.end();
      }
    }
    const [, command, , addressType] = await reader.read(4);
    let host: string;
    if (addressType === 0x01) host = [...(await reader.read(4))].join('.');
    else if (addressType === 0x03) host = (await reader.read((await reader.read(1))[0] ?? 0)).toString('utf8');
    else if (addressType === 0x04) host = ipv6Text(await reader.read(16));
    else return void client.destroy();
    const port = (await reader.read(2)).readUInt16BE(0);
    const reply = (code: number): Buffer => Buffer.from([0x05, code, 0x00, 0x01, 0, 0, 0, 0, 0, 0]);
    if (command !== 0x01) return void client.end(reply(0x07));
    openTunnel(
      client,
      reader,
      host,
      port,
      tunnel,
      () => client.write(reply(0x00)),
      () => client.end(reply(LOOPBACK_TARGETS.has(host) ? 0x05 : 0x02)),
    );
  } catch {
    client.destroy();
  }
}

function ipv6Text(bytes: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  const text = groups.join(':');
  return text === '0:0:0:0:0:0:0:1' ? '::1' : text;
}

async function httpSession(client: Socket, tunnel: Tunnel, options: ProxyServerOptions): Promise<void> {
  const { proxy } = tunnel;
  const reader = new Reader(client);
  try {
    const head = await reader.readHead();
    const [requestLine = '', ...headerLines] = head.split('\r\n');
    const match = /^CONNECT (\[[^\]]+\]|[^:\s]+):(\d+) HTTP\/1\.[01]$/.exec(requestLine);
    if (match === null) return void client.end('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n');
    if (options.username !== undefined) {
      const expected = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
      const given = headerLines.find((line) => line.toLowerCase().startsWith('proxy-authorization:'))?.slice('proxy-authorization:'.length).trim();
      if (given !== expected) {
        proxy.refusals.push('bad or missing Proxy-Authorization');
        return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      }
    }
    const host = (match[1] ?? '').replace(/^\[|\]$/g, '');
    const port = Number(match[2]);
    openTunnel(
      client,
      reader,
      host,
      port,
      tunnel,
      () => client.write('HTTP/1.1 200 Connection Established\r\n\r\n'),
      () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'),
    );
  } catch {
    client.destroy();
  }
}
