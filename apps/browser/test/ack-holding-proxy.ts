// A loopback TCP proxy between the browser and mosquitto's WebSocket listener that can hold back
// the broker's acknowledgements: it reads the server's WebSocket frames (unmasked, RFC 6455 5.2),
// follows the MQTT packets inside them, and from the first frame that starts a packet of a held
// type on, forwards nothing more to the browser. Client-to-broker bytes always pass untouched.

import { connect, createServer, type Server, type Socket } from 'node:net';
import { LOOPBACK } from '@x/test-brokers';

/** MQTT control packet types (the high nibble of the first byte). */
export const PacketType = { PUBACK: 4, PUBREC: 5, PUBREL: 6, PUBCOMP: 7 } as const;

/** One browser connection through the proxy. */
export interface ProxiedConnection {
  /** Types of the packets the browser was sent, in order. */
  readonly forwarded: number[];
  /** Types of the packets held back (starting with the one that began holding). */
  readonly held: number[];
}

export interface AckHoldingProxy {
  readonly port: number;
  /** Packet types that connections opened from now on hold back (empty: forward everything). */
  holdOn(types: readonly number[]): void;
  readonly connections: readonly ProxiedConnection[];
  close(): Promise<void>;
}

export async function startAckHoldingProxy(targetPort: number): Promise<AckHoldingProxy> {
  const sockets = new Set<Socket>();
  const connections: ProxiedConnection[] = [];
  let holdTypes: ReadonlySet<number> = new Set();
  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  const server: Server = createServer((browser) => {
    track(browser);
    const upstream = track(connect(targetPort, LOOPBACK));
    const record: ProxiedConnection = { forwarded: [], held: [] };
    connections.push(record);
    const filter = new ServerStream(holdTypes, record);
    browser.on('data', (chunk: Buffer) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      const out = filter.push(chunk);
      if (out.length > 0) browser.write(out);
    });
    browser.once('close', () => upstream.destroy());
    upstream.once('close', () => browser.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : 0,
    holdOn: (types) => {
      holdTypes = new Set(types);
    },
    connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The broker-to-browser byte stream: the HTTP upgrade response, then frames carrying MQTT. */
class ServerStream {
  readonly #hold: ReadonlySet<number>;
  readonly #record: ProxiedConnection;
  #pending = Buffer.alloc(0);
  #upgraded = false;
  #holding = false;
  /** MQTT bytes from the start of the next packet not yet complete. */
  #mqtt = Buffer.alloc(0);

  constructor(hold: ReadonlySet<number>, record: ProxiedConnection) {
    this.#hold = hold;
    this.#record = record;
  }

  /** Returns the bytes to forward to the browser now. */
  push(chunk: Buffer): Buffer {
    this.#pending = Buffer.concat([this.#pending, chunk]);
    const out: Buffer[] = [];
    if (!this.#upgraded) {
      const end = this.#pending.indexOf('\r\n\r\n');
      if (end < 0) return Buffer.alloc(0);
      out.push(this.#pending.subarray(0, end + 4));
      this.#pending = this.#pending.subarray(end + 4);
      this.#upgraded = true;
    }
    for (let frame = nextFrame(this.#pending); frame !== undefined; frame = nextFrame(this.#pending)) {
      const bytes = this.#pending.subarray(0, frame.length);
      this.#pending = this.#pending.subarray(frame.length);
      const opcode = bytes[0]! & 0x0f;
      const types = opcode === 0x2 || opcode === 0x0 ? this.#packetsStarting(frame.payload) : [];
      if (types.some((type) => this.#hold.has(type))) this.#holding = true;
      if (this.#holding) {
        this.#record.held.push(...types);
        continue;
      }
      this.#record.forwarded.push(...types);
      out.push(bytes);
    }
    return Buffer.concat(out);
  }

  /** Feeds one frame's payload to the MQTT stream; returns the types of the packets that start in it. */
  #packetsStarting(payload: Buffer): number[] {
    const before = this.#mqtt.length;
    this.#mqtt = Buffer.concat([this.#mqtt, payload]);
    const types: number[] = [];
    let offset = 0;
    while (offset < this.#mqtt.length) {
      if (offset >= before) types.push(this.#mqtt[offset]! >> 4);
      const size = packetSize(this.#mqtt, offset);
      if (size === undefined || offset + size > this.#mqtt.length) break;
      offset += size;
    }
    this.#mqtt = this.#mqtt.subarray(offset);
    return types;
  }
}

/** A whole unmasked frame at the start of `bytes`: its total length and payload, or undefined. */
function nextFrame(bytes: Buffer): { length: number; payload: Buffer } | undefined {
  if (bytes.length < 2) return undefined;
  let length = bytes[1]! & 0x7f;
  let header = 2;
  if (length === 126) {
    if (bytes.length < 4) return undefined;
    length = bytes.readUInt16BE(2);
    header = 4;
  } else if (length === 127) {
    if (bytes.length < 10) return undefined;
    length = Number(bytes.readBigUInt64BE(2));
    header = 10;
  }
  if (bytes.length < header + length) return undefined;
  return { length: header + length, payload: bytes.subarray(header, header + length) };
}

/** Size of the MQTT packet at `offset` (fixed header + remaining length), or undefined if its header is incomplete. */
function packetSize(bytes: Buffer, offset: number): number | undefined {
  let remaining = 0;
  for (let i = 1; i <= 4; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return undefined;
    remaining += (byte & 0x7f) * 128 ** (i - 1);
    if ((byte & 0x80) === 0) return 1 + i + remaining;
  }
  return undefined;
}
