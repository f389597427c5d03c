// A loopback TCP proxy that understands MQTT framing: it splits both directions into packets,
// logs them, and lets a scenario forward, drop or cut (drop and close both sides) each packet, or
// freeze the link (stop forwarding, keep sockets open). It decodes only what assertions need,
// independently of our codec, so it can check our client's bytes rather than trust them.
import { connect, createServer, type Server, type Socket } from 'node:net';

export const PACKET = { CONNECT: 1, CONNACK: 2, PUBLISH: 3, PUBACK: 4, PUBREC: 5, PUBREL: 6, PUBCOMP: 7, SUBSCRIBE: 8, SUBACK: 9, PINGREQ: 12, PINGRESP: 13, DISCONNECT: 14 } as const;

/** `up`: client to broker; `down`: broker to client. */
export type Direction = 'up' | 'down';

export interface WirePacket {
  /** Which accepted connection (0, 1, ...) it travelled on. */
  readonly conn: number;
  readonly dir: Direction;
  readonly type: number;
  /** The low nibble of the fixed header (DUP, QoS, RETAIN for PUBLISH). */
  readonly flags: number;
  /** The packet after the fixed header. */
  readonly body: Buffer;
  readonly at: number;
}

export type Verdict = 'forward' | 'drop' | 'cut';
export type Rule = (packet: WirePacket) => Verdict;

export interface PublishView {
  readonly topic: string;
  readonly qos: number;
  readonly dup: boolean;
  readonly retain: boolean;
  readonly packetId: number | undefined;
  /** v5 only: the Topic Alias property, if present. */
  readonly topicAlias: number | undefined;
}

/** Decodes a PUBLISH (v5 properties: only as far as the topic alias). */
export function viewPublish(packet: WirePacket, v5: boolean): PublishView {
  const b = packet.body;
  const topicLength = b.readUInt16BE(0);
  const topic = b.subarray(2, 2 + topicLength).toString('utf8');
  const qos = (packet.flags >> 1) & 3;
  let offset = 2 + topicLength;
  const packetId = qos > 0 ? b.readUInt16BE(offset) : undefined;
  if (qos > 0) offset += 2;
  return { topic, qos, dup: (packet.flags & 8) !== 0, retain: (packet.flags & 1) !== 0, packetId, topicAlias: v5 ? findTopicAlias(b, offset) : undefined };
}

/** The packet id of PUBACK/PUBREC/PUBREL/PUBCOMP/SUBACK. */
export function ackId(packet: WirePacket): number {
  return packet.body.readUInt16BE(0);
}

/** The reason codes of a SUBACK (after the packet id and, on v5, the properties). */
export function subackCodes(packet: WirePacket, v5: boolean): number[] {
  const b = packet.body;
  let offset = 2;
  if (v5) {
    const [length, size] = readVarint(b, offset);
    offset += size + length;
  }
  return [...b.subarray(offset)];
}

function readVarint(b: Buffer, offset: number): [value: number, length: number] {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const byte = b[offset + i] ?? 0;
    value += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  throw new Error('bad varint');
}

const BYTE_PROPS = new Set([0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2a]);
const U16_PROPS = new Set([0x13, 0x21, 0x22, 0x23]);
const U32_PROPS = new Set([0x02, 0x11, 0x18, 0x27]);
const DATA_PROPS = new Set([0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1a, 0x1c, 0x1f]);

/** The numeric MQTT 5 properties in the property section starting at `offset` (id -> value; strings, binaries and pairs skipped). */
export function numericProperties(b: Buffer, offset: number): Map<number, number> {
  const out = new Map<number, number>();
  const [length, size] = readVarint(b, offset);
  let i = offset + size;
  const end = i + length;
  while (i < end) {
    const id = b[i++] ?? 0;
    if (BYTE_PROPS.has(id)) (out.set(id, b[i] ?? 0), (i += 1));
    else if (U16_PROPS.has(id)) (out.set(id, b.readUInt16BE(i)), (i += 2));
    else if (U32_PROPS.has(id)) (out.set(id, b.readUInt32BE(i)), (i += 4));
    else if (DATA_PROPS.has(id)) i += 2 + b.readUInt16BE(i);
    else if (id === 0x0b) {
      const [value, n] = readVarint(b, i);
      out.set(id, value);
      i += n;
    } else if (id === 0x26) {
      i += 2 + b.readUInt16BE(i); // name
      i += 2 + b.readUInt16BE(i); // value
    } else throw new Error(`unknown property 0x${id.toString(16)}`);
  }
  return out;
}

function findTopicAlias(b: Buffer, offset: number): number | undefined {
  return numericProperties(b, offset).get(0x23);
}

/** A v5 CONNECT's numeric properties (Receive Maximum is 0x21, Session Expiry 0x11, ...). */
export function connectProperties(packet: WirePacket): Map<number, number> {
  const nameLength = packet.body.readUInt16BE(0);
  return numericProperties(packet.body, 2 + nameLength + 4);
}

/** Splits a byte stream into MQTT packets. */
class Framer {
  #buffer = Buffer.alloc(0);
  push(chunk: Buffer): Array<{ raw: Buffer; type: number; flags: number; body: Buffer }> {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const out: Array<{ raw: Buffer; type: number; flags: number; body: Buffer }> = [];
    for (;;) {
      if (this.#buffer.length < 2) return out;
      let length = 0;
      let i = 1;
      for (; i < 5; i++) {
        if (i >= this.#buffer.length) return out;
        const byte = this.#buffer[i] ?? 0;
        length += (byte & 0x7f) * 128 ** (i - 1);
        if ((byte & 0x80) === 0) break;
      }
      const total = i + 1 + length;
      if (this.#buffer.length < total) return out;
      const raw = this.#buffer.subarray(0, total);
      const first = raw[0] ?? 0;
      out.push({ raw, type: first >> 4, flags: first & 0x0f, body: raw.subarray(i + 1) });
      this.#buffer = this.#buffer.subarray(total);
    }
  }
}

export class WireProxy {
  readonly packets: WirePacket[] = [];
  /** Decides each packet's fate; forward everything when unset. */
  rule: Rule | undefined;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #frozen: { up: boolean; down: boolean } = { up: false, down: false };
  #connections = 0;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(host: string, targetPort: number): Promise<WireProxy> {
    const server = createServer();
    const proxy = new WireProxy(server);
    server.on('connection', (client) => proxy.#pair(client, host, targetPort));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    const address = this.#server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  }

  /** Connections accepted so far. */
  get connections(): number {
    return this.#connections;
  }

  /**
   * Stops forwarding (packets are still logged); the sockets stay open. `down` only: the broker
   * still hears the client (so it does not time the client out) but its answers are lost.
   */
  freeze(direction: Direction | 'both' = 'both'): void {
    this.#frozen = { up: direction !== 'down', down: direction !== 'up' };
  }

  of(type: number, dir?: Direction): WirePacket[] {
    return this.packets.filter((p) => p.type === type && (dir === undefined || p.dir === dir));
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #pair(client: Socket, host: string, port: number): void {
    const conn = this.#connections++;
    const upstream = connect({ host, port });
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => this.#sockets.delete(socket));
    }
    const cut = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    const pipe = (from: Socket, to: Socket, dir: Direction): void => {
      const framer = new Framer();
      from.on('data', (chunk: Buffer) => {
        for (const frame of framer.push(chunk)) {
          const packet: WirePacket = { conn, dir, type: frame.type, flags: frame.flags, body: Buffer.from(frame.body), at: Date.now() };
          this.packets.push(packet);
          if (this.#frozen[dir]) continue; // logged, never delivered
          const verdict = this.rule?.(packet) ?? 'forward';
          if (verdict === 'cut') return cut();
          if (verdict === 'forward') to.write(frame.raw);
        }
      });
    };
    pipe(client, upstream, 'up');
    pipe(upstream, client, 'down');
  }
}
