// Loads mqtt-packet's test vectors (test/vectors, a copy of shared/vectors) and maps its object shape to
// ours. The adapter only renames and re-shapes; it fills mqtt-packet's own defaults for a CONNECT
// (protocolVersion 4, clean true, keepalive 0) and passes anything it does not understand through
// unchanged, so that invalid objects stay invalid.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Packet, ProtocolVersion } from '../../src/index.js';

export interface Vector {
  kind: 'roundtrip' | 'parse' | 'generate' | 'parseError' | 'generateError' | 'writeToStreamError';
  name?: string;
  object?: Record<string, unknown>;
  hex?: string | { $bigbuf: number };
  opts?: { protocolVersion?: number };
  error?: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function vectorsPath(): string {
  // MQTT_VECTORS overrides; the copy kept beside these tests (MIT, see vectors/README.md) is the default.
  const candidates = [
    process.env.MQTT_VECTORS,
    resolve(repoRoot, 'packages/mqtt-codec/test/vectors/mqtt-packet-vectors.json'),
    resolve(repoRoot, '../shared/vectors/mqtt-packet-vectors.json'),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) {
    throw new Error(`mqtt-packet vectors not found; looked in ${candidates.join(', ')}. Restore test/vectors/ or set MQTT_VECTORS.`);
  }
  return found;
}

const ALL: readonly Vector[] = JSON.parse(readFileSync(vectorsPath(), 'utf8')) as Vector[];

/**
 * mqtt-packet cases the specification overrules, by name, with the reason: we reject these bytes
 * as Malformed Packet (checked in non-minimal-lengths-and-a-one-byte-v5-connack-are-malformed.test.ts).
 */
export const OVERRULED: Readonly<Record<string, string>> = {
  'Version 5 CONNACK test 1': 'a v5 CONNACK body of 1 byte has no reason code (3.2.2.2); mqtt-packet reads it as Success',
};

export const VECTORS: readonly Vector[] = ALL.filter((v) => v.name === undefined || !(v.name in OVERRULED));
export const OVERRULED_VECTORS: readonly Vector[] = ALL.filter((v) => v.name !== undefined && v.name in OVERRULED);

export function bytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function hexOf(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
}

/** A deterministic filler for `$bigbuf` payloads. */
export function bigBuffer(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 4096) out[i] = (i >>> 12) & 0xff;
  return out;
}

function revive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if ('$buf' in value) return bytes((value as { $buf: string }).$buf);
  if ('$bigbuf' in value) return bigBuffer((value as { $bigbuf: number }).$bigbuf);
  if (Array.isArray(value)) return value.map(revive);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
}

const text = new TextEncoder();
const untext = new TextDecoder();

/** mqtt-packet accepts a Buffer where we take a string: decode it. */
function asString(value: unknown): unknown {
  return value instanceof Uint8Array ? untext.decode(value) : value;
}

/** mqtt-packet accepts a string where we take bytes: encode it. */
function asBytes(value: unknown): unknown {
  return typeof value === 'string' ? text.encode(value) : value;
}

function mapProperties(props: unknown): unknown {
  if (typeof props !== 'object' || props === null) return props;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'userProperties' && typeof value === 'object' && value !== null) {
      out.userProperties = Object.entries(value).flatMap(([k, v]) => (Array.isArray(v) ? v.map((one) => [k, one]) : [[k, v]]));
    } else if (key === 'subscriptionIdentifier') {
      out.subscriptionIdentifiers = Array.isArray(value) ? value : [value];
    } else if (key === 'payloadFormatIndicator' && typeof value === 'boolean') {
      out.payloadFormatIndicator = value ? 1 : 0;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Sets key only when value is defined, so the result matches our canonical (sparse) objects. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

export function versionOf(v: Vector): ProtocolVersion {
  const fromObject = v.object?.cmd === 'connect' ? v.object.protocolVersion : undefined;
  return ((fromObject as number | undefined) ?? v.opts?.protocolVersion ?? 4) as ProtocolVersion;
}

/** Maps mqtt-packet's packet object to our packet model (or to an equally invalid object). */
export function toPacket(raw: Record<string, unknown>): Packet {
  const o = revive(raw) as Record<string, unknown>;
  const p: Record<string, unknown> = { type: o.cmd };
  switch (o.cmd) {
    case 'connect': {
      const version = o.protocolVersion ?? 4;
      p.protocolVersion = version;
      if (o.protocolId !== (version === 3 ? 'MQIsdp' : 'MQTT')) put(p, 'protocolName', o.protocolId);
      p.clientId = asString(o.clientId);
      p.cleanStart = o.clean ?? true;
      p.keepalive = o.keepalive ?? 0;
      if (o.bridgeMode === true) p.bridgeMode = true;
      put(p, 'username', asString(o.username));
      put(p, 'password', asBytes(o.password));
      if (o.will !== undefined) {
        const w = o.will as Record<string, unknown>;
        if (typeof w !== 'object' || w === null) p.will = w;
        else {
          const will: Record<string, unknown> = { topic: w.topic, payload: asBytes(w.payload), qos: w.qos, retain: w.retain };
          put(will, 'properties', mapProperties(w.properties));
          p.will = will;
        }
      }
      break;
    }
    case 'connack':
      p.sessionPresent = o.sessionPresent;
      p.reasonCode = o.returnCode ?? o.reasonCode;
      break;
    case 'publish':
      p.topic = o.topic;
      p.payload = asBytes(o.payload);
      p.qos = o.qos ?? 0;
      p.retain = o.retain ?? false;
      p.dup = o.dup ?? false;
      put(p, 'packetId', o.messageId);
      break;
    case 'puback':
    case 'pubrec':
    case 'pubrel':
    case 'pubcomp':
      p.packetId = o.messageId;
      put(p, 'reasonCode', o.reasonCode);
      break;
    case 'subscribe':
      p.packetId = o.messageId;
      p.subscriptions = Array.isArray(o.subscriptions)
        ? o.subscriptions.map((s: Record<string, unknown>) => {
            const sub: Record<string, unknown> = { topicFilter: s.topic, qos: s.qos };
            put(sub, 'noLocal', s.nl);
            put(sub, 'retainAsPublished', s.rap);
            put(sub, 'retainHandling', s.rh);
            return sub;
          })
        : o.subscriptions;
      break;
    case 'suback':
      p.packetId = o.messageId;
      p.reasonCodes = o.granted;
      break;
    case 'unsubscribe':
      p.packetId = o.messageId;
      p.topicFilters = o.unsubscriptions;
      break;
    case 'unsuback':
      p.packetId = o.messageId;
      put(p, 'reasonCodes', o.granted);
      break;
    case 'disconnect':
    case 'auth':
      put(p, 'reasonCode', o.reasonCode);
      break;
    default:
      break; // pingreq, pingresp, and unknown commands pass through as { type }
  }
  put(p, 'properties', mapProperties(o.properties));
  return p as unknown as Packet;
}

/** Cases whose object our model cannot express, with the reason; each is still tested (see README). */
export const MAXIMUM_QOS_2_CASES: readonly string[] = ['connack MQTT 5 with properties', 'connack MQTT 5 with properties and doubled user properties'];
export const MAXIMUM_QOS_2_REASON =
  'maximumQoS 2 on CONNACK: MQTT 5 §3.2.2.3.4 "It is a Protocol Error to ... have a value other than 0 or 1"; our model types it 0 | 1. We assert rejection, and round-trip the case with maximumQoS 1.';

/** Replaces every Uint8Array by its hex, so deep comparisons of big payloads stay fast. */
export function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${hexOf(value)}`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}
