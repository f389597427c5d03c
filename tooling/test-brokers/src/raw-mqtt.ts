// A few hand-built MQTT packets and a CONNECT -> CONNACK exchange over any transport, so that
// transport tests need no codec. Typed structurally: this package depends on no @x package.

/** The CONNACK a broker sends to an accepted MQTT 3.1.1 CONNECT: session present 0, return code 0. */
export const CONNACK_ACCEPTED = Uint8Array.of(0x20, 0x02, 0x00, 0x00);
/** DISCONNECT for MQTT 3.1 / 3.1.1. */
export const DISCONNECT = Uint8Array.of(0xe0, 0x00);
/** PINGREQ and the PINGRESP it is answered with. */
export const PINGREQ = Uint8Array.of(0xc0, 0x00);
export const PINGRESP = Uint8Array.of(0xd0, 0x00);

export interface ConnectPacketOptions {
  /** Defaults to a random `x-test-...` id. */
  readonly clientId?: string;
  /** 3 (MQTT 3.1), 4 (3.1.1) or 5. Defaults to 4. */
  readonly protocolVersion?: 3 | 4 | 5;
  readonly username?: string;
  readonly password?: string;
  /** Seconds. Defaults to 60. */
  readonly keepAlive?: number;
}

/** A CONNECT packet with a clean session / clean start and no will. */
export function connectPacket(options: ConnectPacketOptions = {}): Uint8Array {
  const version = options.protocolVersion ?? 4;
  const clientId = options.clientId ?? `x-test-${Math.random().toString(16).slice(2, 10)}`;
  const flags = 0x02 | (options.username === undefined ? 0 : 0x80) | (options.password === undefined ? 0 : 0x40);
  const keepAlive = options.keepAlive ?? 60;
  const variable = [
    ...utf8(version === 3 ? 'MQIsdp' : 'MQTT'),
    version,
    flags,
    keepAlive >> 8,
    keepAlive & 0xff,
    ...(version === 5 ? [0x00] : []),
    ...utf8(clientId),
    ...(options.username === undefined ? [] : utf8(options.username)),
    ...(options.password === undefined ? [] : utf8(options.password)),
  ];
  return Uint8Array.from([0x10, ...remainingLength(variable.length), ...variable]);
}

function utf8(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [bytes.length >> 8, bytes.length & 0xff, ...bytes];
}

function remainingLength(length: number): number[] {
  const out: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    out.push(byte);
  } while (length > 0);
  return out;
}

/** Bytes in hex, space separated, for readable assertions: `20 02 00 00`. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

/** The shape of core's Transport that these helpers use. */
export interface TransportLike {
  connect(
    handlers: { onData(bytes: Uint8Array): void; onDrain(): void; onClose(error?: Error): void },
    options?: { signal?: AbortSignal; protocolVersion?: 3 | 4 | 5 },
  ): Promise<ConnectionLike>;
}

export interface ConnectionLike {
  write(bytes: Uint8Array): boolean;
  end(): void;
  destroy(): void;
}

export interface MqttExchange {
  readonly connection: ConnectionLike;
  /** The first packet the broker sent back (the CONNACK), whole. */
  readonly connack: Uint8Array;
  /** Settles when the transport reports onClose, with the error it reported. */
  readonly closed: Promise<Error | undefined>;
  /** Sends DISCONNECT, ends the connection and waits for onClose. */
  disconnect(): Promise<Error | undefined>;
}

export interface ExchangeOptions extends ConnectPacketOptions {
  readonly signal?: AbortSignal;
  /** Milliseconds to wait for the CONNACK. Defaults to 5000. */
  readonly timeoutMs?: number;
}

/** Connects `transport`, sends CONNECT and resolves with the CONNACK bytes. */
export async function connectAndReadConnack(transport: TransportLike, options: ExchangeOptions = {}): Promise<MqttExchange> {
  let buffered = new Uint8Array(0);
  let gotPacket: (packet: Uint8Array) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const firstPacket = new Promise<Uint8Array>((resolve, reject) => {
    gotPacket = resolve;
    failed = reject;
  });
  let closedWith: (error: Error | undefined) => void = () => undefined;
  const closed = new Promise<Error | undefined>((resolve) => {
    closedWith = resolve;
  });
  const connection = await transport.connect(
    {
      onData(bytes) {
        buffered = Uint8Array.from([...buffered, ...bytes]);
        if (buffered.length >= 2 && buffered.length >= 2 + (buffered[1] ?? 0)) gotPacket(buffered.slice(0, 2 + (buffered[1] ?? 0)));
      },
      onDrain() {},
      onClose(error) {
        failed(error ?? new Error('closed before CONNACK'));
        closedWith(error);
      },
    },
    {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.protocolVersion === undefined ? {} : { protocolVersion: options.protocolVersion }),
    },
  );
  connection.write(connectPacket(options));
  const timeoutMs = options.timeoutMs ?? 5000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no CONNACK within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const connack = await Promise.race([firstPacket, timeout]);
    return {
      connection,
      connack,
      closed,
      disconnect: async () => {
        connection.write(DISCONNECT);
        connection.end();
        return closed;
      },
    };
  } catch (error) {
    connection.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
