// The streaming Decoder: feed chunks of any size, get whole packets. Named states; the size check
// runs on the fixed header, before any body byte is buffered. Invariants: never holds more than
// maximumPacketSize bytes; a body wholly inside a chunk is decoded in place (payloads are views);
// after an error the decoder is poisoned and rethrows it; only MqttError ever leaves `push`.
import { CODECS, fixedFlags } from './codecs.js';
import { checkProtocolVersion, isProtocolVersion } from './connect.js';
import { MqttError, MqttProtocolError } from './errors.js';
import { asMqttError, fail, invalidQos, malformed, REASON_MALFORMED_PACKET, REASON_PACKET_TOO_LARGE } from './fail.js';
import type { Packet, ProtocolVersion } from './packets.js';
import { Reader } from './reader.js';
import { MAX_VARINT } from './varint.js';
import { isIntegerIn } from './writer.js';

/** The largest packet MQTT can frame: 268,435,455 bytes of body plus a 5-byte fixed header. */
export const MAXIMUM_PACKET_SIZE_LIMIT = MAX_VARINT + 5;
/** Defaults to 268,435,460 bytes: the largest packet MQTT can frame. */
export const DEFAULT_MAXIMUM_PACKET_SIZE = MAXIMUM_PACKET_SIZE_LIMIT;
/** The smallest maximumPacketSize accepted: a packet with an empty body is 2 bytes. */
export const MINIMUM_PACKET_SIZE = 2;

/** Options of `new Decoder(options)`. */
export interface DecoderOptions {
  /** The protocol level to decode by; a decoded CONNECT switches it to that packet's level. */
  readonly protocolVersion: ProtocolVersion;
  /**
   * The largest whole packet (fixed header included) accepted; larger ones throw PACKET_TOO_LARGE
   * as soon as their fixed header is read. Defaults to 268,435,460 (DEFAULT_MAXIMUM_PACKET_SIZE).
   */
  readonly maximumPacketSize?: number;
}

/** The decoder's states, named for what the next byte is expected to be. */
export const DecoderState = {
  /** Between packets: the next byte is the first byte (type and flags) of a packet. */
  FIXED_HEADER: 'fixedHeader',
  /** Reading the Remaining Length, a variable byte integer of 1 to 4 bytes. */
  REMAINING_LENGTH: 'remainingLength',
  /** Collecting the body of a packet that did not arrive whole in one chunk. */
  BODY: 'body',
  /** A push threw; every later push rethrows that error. */
  FAILED: 'failed',
} as const;
export type DecoderState = (typeof DecoderState)[keyof typeof DecoderState];

const PUBLISH = 3;
const AUTH = 15;

/** Rejects a first byte that no packet may start with, before anything else is read. */
function checkFirstByte(first: number, version: ProtocolVersion): void {
  const type = first >> 4;
  const flags = first & 0x0f;
  if (type === 0) malformed('packet type 0 is reserved');
  if (type === AUTH && version !== 5) malformed('AUTH exists only in MQTT 5');
  if (type === PUBLISH) {
    if ((flags & 0b0110) === 0b0110) invalidQos('publish'); // [MQTT-3.3.1-4]
    return;
  }
  const expected = fixedFlags(type);
  if (flags !== expected) fail('INVALID_FLAGS', `packet type ${type}: reserved flags must be ${expected}, got ${flags}`, REASON_MALFORMED_PACKET); // [MQTT-2.2.2-2]
}

function invalidArgument(message: string): never {
  throw new MqttProtocolError('INVALID_ARGUMENT', message);
}

/** First allocation for a packet split across chunks; it doubles up to the announced length. */
const INITIAL_BODY_CAPACITY = 64 * 1024;

/**
 * Streaming MQTT packet decoder: push byte chunks of any size and get the whole packets they
 * complete. A packet over maximumPacketSize throws PACKET_TOO_LARGE once its fixed header is read.
 */
export class Decoder {
  #version: ProtocolVersion;
  readonly #maximumPacketSize: number;
  #state: DecoderState = DecoderState.FIXED_HEADER;
  #firstByte = 0;
  #remainingLength = 0;
  #lengthBytes = 0;
  #multiplier = 1;
  #body: Uint8Array | undefined;
  /** The body length the fixed header announced; #body grows towards it as bytes arrive. */
  #bodyLength = 0;
  #filled = 0;
  #error: MqttError | undefined;
  readonly #reader = new Reader();

  constructor(options: DecoderOptions) {
    if (typeof options !== 'object' || options === null) invalidArgument('Decoder needs an options object');
    if (!isProtocolVersion(options.protocolVersion)) invalidArgument(`protocolVersion ${String(options.protocolVersion)} is not 3, 4 or 5`);
    const max = options.maximumPacketSize ?? DEFAULT_MAXIMUM_PACKET_SIZE;
    if (!isIntegerIn(max, MINIMUM_PACKET_SIZE, MAXIMUM_PACKET_SIZE_LIMIT)) invalidArgument(`maximumPacketSize must be an integer in ${MINIMUM_PACKET_SIZE}..${MAXIMUM_PACKET_SIZE_LIMIT}`);
    this.#version = options.protocolVersion;
    this.#maximumPacketSize = max;
  }

  /** The level packets are decoded by. A server sets it (or lets a decoded CONNECT set it). */
  get protocolVersion(): ProtocolVersion {
    return this.#version;
  }

  /** Sets the level to decode by; throws UNSUPPORTED_PROTOCOL_VERSION unless it is 3, 4 or 5. */
  set protocolVersion(version: ProtocolVersion) {
    this.#version = checkProtocolVersion(version, 'protocol version');
  }

  /** The largest whole packet accepted, in bytes: the option given, or DEFAULT_MAXIMUM_PACKET_SIZE. */
  get maximumPacketSize(): number {
    return this.#maximumPacketSize;
  }

  /** Which part of a packet the next byte belongs to, or FAILED after an error. */
  get state(): DecoderState {
    return this.#state;
  }

  /** Bytes of the incomplete packet held so far (fixed header and body); 0 between packets. */
  get buffered(): number {
    if (this.#state === DecoderState.BODY) return 1 + this.#lengthBytes + this.#filled;
    return this.#state === DecoderState.REMAINING_LENGTH ? 1 + this.#lengthBytes : 0;
  }

  /**
   * Feeds bytes (a Node.js byte buffer is fine: it is a Uint8Array) and returns the packets they complete, in order.
   * Throws MqttProtocolError on bytes that break the protocol; from then on the decoder is
   * poisoned and every push rethrows that error: close the connection.
   */
  push(chunk: Uint8Array): Packet[] {
    if (this.#error !== undefined) throw this.#error;
    if (!(chunk instanceof Uint8Array)) invalidArgument('push: chunk must be a Uint8Array');
    const packets: Packet[] = [];
    try {
      this.#consume(chunk, packets);
    } catch (error) {
      this.#error = asMqttError(error, 'MALFORMED_PACKET', REASON_MALFORMED_PACKET);
      this.#state = DecoderState.FAILED;
      this.#body = undefined;
      throw this.#error;
    } finally {
      this.#reader.release();
    }
    return packets;
  }

  #consume(chunk: Uint8Array, out: Packet[]): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.#state === DecoderState.FIXED_HEADER) {
        const first = chunk[i++]!;
        checkFirstByte(first, this.#version);
        this.#firstByte = first;
        this.#remainingLength = 0;
        this.#lengthBytes = 0;
        this.#multiplier = 1;
        this.#state = DecoderState.REMAINING_LENGTH;
      } else if (this.#state === DecoderState.REMAINING_LENGTH) {
        const b = chunk[i++]!;
        this.#remainingLength += (b & 0x7f) * this.#multiplier;
        this.#lengthBytes++;
        if (b >= 0x80) {
          if (this.#lengthBytes === 4) malformed('remaining length: variable byte integer longer than 4 bytes');
          if (this.#lengthBytes + 2 > this.#maximumPacketSize) this.#tooLarge(this.#lengthBytes + 2);
          this.#multiplier *= 0x80;
          continue;
        }
        if (b === 0 && this.#lengthBytes > 1) malformed('remaining length: not in the fewest bytes [MQTT-1.5.5-1]');
        const length = this.#remainingLength;
        const total = 1 + this.#lengthBytes + length;
        if (total > this.#maximumPacketSize) this.#tooLarge(total);
        if (n - i >= length) {
          // the whole body is in this chunk: decode in place, payloads view the chunk
          out.push(this.#decode(chunk, i, i + length));
          i += length;
        } else {
          // Grow as bytes arrive: a header that announces 256 MB costs nothing until they come.
          this.#bodyLength = length;
          this.#body = new Uint8Array(Math.min(length, Math.max(INITIAL_BODY_CAPACITY, (n - i) * 2)));
          this.#filled = 0;
          this.#state = DecoderState.BODY;
        }
      } else if (this.#state === DecoderState.BODY) {
        let body = this.#body!;
        const take = Math.min(this.#bodyLength - this.#filled, n - i);
        if (this.#filled + take > body.length) {
          const grown = new Uint8Array(Math.min(this.#bodyLength, Math.max(body.length * 2, this.#filled + take)));
          grown.set(body.subarray(0, this.#filled));
          this.#body = body = grown;
        }
        body.set(chunk.subarray(i, i + take), this.#filled);
        this.#filled += take;
        i += take;
        if (this.#filled === this.#bodyLength) {
          this.#body = undefined;
          out.push(this.#decode(body, 0, this.#bodyLength));
        }
      } else {
        throw this.#error!;
      }
    }
  }

  #tooLarge(size: number): never {
    return fail('PACKET_TOO_LARGE', `packet of at least ${size} bytes exceeds maximumPacketSize ${this.#maximumPacketSize}`, REASON_PACKET_TOO_LARGE);
  }

  #decode(buf: Uint8Array, start: number, end: number): Packet {
    const first = this.#firstByte;
    const codec = CODECS[first >> 4]!;
    const packet = codec.decode(this.#reader.reset(buf, start, end), first & 0x0f, this.#version);
    this.#state = DecoderState.FIXED_HEADER;
    if (packet.type === 'connect') this.#version = packet.protocolVersion;
    return packet;
  }
}

/** Decodes exactly one whole packet; anything short of or beyond it is MALFORMED_PACKET. */
export function decodeOne(bytes: Uint8Array, protocolVersion: ProtocolVersion): Packet {
  const decoder = new Decoder({ protocolVersion });
  const packets = decoder.push(bytes);
  if (packets.length !== 1 || decoder.buffered !== 0) malformed(`expected exactly one packet, got ${packets.length} and ${decoder.buffered} bytes over`);
  return packets[0]!;
}
