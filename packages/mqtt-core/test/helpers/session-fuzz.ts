// A seeded fuzz of the sans-I/O Session: random broker packets (valid, mutated and raw bytes,
// including packets only a client may send), random commands, timers and drops, at every protocol
// level. What it checks: no input makes receive(), timerFired() or connectionClosed() throw; a
// command throws only a typed MqttError; every byte the session sends decodes as one packet.
import { Decoder, encode, isMqttError, type Packet, type ProtocolVersion, type QoS } from '@x/mqtt-codec';
import { Session } from '../../src/session/session.js';
import type { SessionEffect, TimerKind } from '../../src/session/effects.js';

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzReport {
  readonly steps: number;
  readonly packetsFed: number;
  readonly sent: number;
  /** Steps taken while connected: a fuzz that never connects proves little. */
  readonly connectedSteps: number;
  /** What escaped, if anything: the first failure, with the seed and step that reproduce it. */
  readonly failure: string | undefined;
}

const TIMERS: readonly TimerKind[] = ['connect', 'keepalive', 'pingTimeout', 'retry'];
const GOOD_TOPICS = ['a', 'a/b', 'é/ü'];
const TOPICS = [...GOOD_TOPICS, '', 'x/+', '#', 'a\u0000b'];
const REASONS = [0x00, 0x01, 0x04, 0x10, 0x11, 0x18, 0x19, 0x80, 0x81, 0x82, 0x84, 0x87, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x97, 0xa2, 0xff];

export function fuzzSession(seed: number, steps: number): FuzzReport {
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  let packetsFed = 0;
  let sent = 0;
  let connectedSteps = 0;
  let step = 0;
  const fail = (what: string, error: unknown): FuzzReport => ({
    steps: step,
    packetsFed,
    sent,
    connectedSteps,
    failure: `seed ${seed}, step ${step}: ${what}: ${error instanceof Error ? `${error.name} ${(error as { code?: string }).code ?? ''} ${error.message}` : String(error)}`,
  });

  const version = pick<ProtocolVersion>([3, 4, 5]);
  const session = new Session({
    protocolVersion: version,
    clientId: 'fuzz',
    cleanSession: random() < 0.5,
    keepalive: pick([0, 5, 60]),
    maxInflightMessages: pick([0, 1, 3]),
    maxQueuedMessages: pick([0, 5]),
    topicAliasMaximum: version === 5 ? pick([0, 3]) : 0,
    receiveMaximum: version === 5 ? pick([2, 65535]) : 65535,
    retryInterval: pick([0, 1]),
  });
  const clientSide = new Decoder({ protocolVersion: version });
  let now = 0;
  let open = false;

  const randomPacket = (): Packet => {
    const id = 1 + int(4);
    const props = version === 5 && random() < 0.15 ? { properties: pick([{ topicAlias: int(5) }, { reasonString: 'r' }, { receiveMaximum: 1 + int(3) }, { maximumPacketSize: 10 + int(60) }, { topicAliasMaximum: int(3) }, { serverKeepAlive: int(3) }, { assignedClientIdentifier: 'z' }]) } : {};
    // On a live connection, packets that end it (CONNACK again, client-only types) come rarely.
    const live = session.state === 'connected';
    const kind = live && random() < 0.9 ? 1 + int(10) : session.state === 'connecting' && random() < 0.8 ? 0 : int(14);
    switch (kind) {
      case 0:
        // Mostly accepted, so most steps run on a live connection.
        return { type: 'connack', sessionPresent: random() < 0.5, reasonCode: random() < 0.8 ? 0 : pick(version === 5 ? REASONS : [0, 1, 5, 0x80]), ...props } as Packet;
      case 1:
      case 2:
      case 3: {
        const qos = int(3) as QoS;
        return { type: 'publish', topic: random() < 0.9 ? pick(GOOD_TOPICS) : pick(TOPICS), payload: new Uint8Array(int(8)), qos, retain: random() < 0.2, dup: qos > 0 && random() < 0.3, ...(qos > 0 ? { packetId: id } : {}), ...props } as Packet;
      }
      case 4:
        return { type: 'puback', packetId: id, ...(version === 5 ? { reasonCode: pick(REASONS) } : {}) } as Packet;
      case 5:
        return { type: 'pubrec', packetId: id, ...(version === 5 ? { reasonCode: pick(REASONS) } : {}) } as Packet;
      case 6:
        return { type: 'pubrel', packetId: id } as Packet;
      case 7:
        return { type: 'pubcomp', packetId: id } as Packet;
      case 8:
        return { type: 'suback', packetId: id, reasonCodes: [pick(REASONS)] } as Packet;
      case 9:
        return { type: 'unsuback', packetId: id, ...(version === 5 ? { reasonCodes: [pick(REASONS)] } : {}) } as Packet;
      case 10:
        return { type: 'pingresp' };
      case 11:
        return { type: 'disconnect', reasonCode: pick(REASONS), ...props } as Packet;
      case 12:
        return { type: 'auth', reasonCode: pick([0x00, 0x18, 0x19]) } as Packet;
      default:
        return pick<Packet>([
          { type: 'connect', protocolVersion: pick<ProtocolVersion>([3, 4, 5]), clientId: 'x', cleanStart: true, keepalive: 60 },
          { type: 'subscribe', packetId: id, subscriptions: [{ topicFilter: 'a', qos: 0 }] },
          { type: 'unsubscribe', packetId: id, topicFilters: ['a'] },
          { type: 'pingreq' },
        ]);
    }
  };

  /** Broker bytes: an encoded packet, that packet with a byte changed, or noise. */
  const brokerBytes = (): Uint8Array => {
    let packet = randomPacket();
    let bytes: Uint8Array | undefined;
    for (let attempt = 0; bytes === undefined && attempt < 4; attempt++) {
      try {
        bytes = encode(packet, packet.type === 'connect' ? packet.protocolVersion : version);
      } catch {
        packet = randomPacket(); // not a packet this version can carry: draw another
      }
    }
    bytes ??= Uint8Array.from({ length: 1 + int(8) }, () => int(256));
    const roll = random();
    if (packet.type === 'connect' && roll < 0.5) {
      bytes = Uint8Array.from(bytes);
      bytes[8] = int(8); // the protocol level: a CONNECT of a level no decoder knows (the 15-byte crash of issue 11.1)
    } else if (roll < 0.05) {
      bytes = Uint8Array.from(bytes);
      bytes[int(bytes.length)] = int(256);
    } else if (roll < 0.07) {
      bytes = Uint8Array.from({ length: 1 + int(12) }, () => int(256));
    }
    return bytes;
  };

  const perform = (effects: readonly SessionEffect[]): string | undefined => {
    for (const e of effects) {
      if (e.type === 'send') {
        sent++;
        try {
          clientSide.push(e.bytes);
        } catch (error) {
          return `the session sent bytes that do not decode (${e.packet.type}): ${String(error)}`;
        }
      } else if (e.type === 'close' && open) {
        open = false;
        const more = session.connectionClosed(now);
        const problem = perform(more);
        if (problem !== undefined) return problem;
      }
    }
    return undefined;
  };

  for (step = 0; step < steps; step++) {
    const roll = random();
    if (session.state === 'connected') connectedSteps++;
    try {
      let effects: readonly SessionEffect[] = [];
      if (session.state === 'disconnected') {
        if (roll < 0.3) {
          try {
            const r = session.publish({ topic: pick(TOPICS), payload: new Uint8Array(int(4)), qos: int(3) as QoS }, now);
            effects = r.effects;
          } catch (error) {
            if (!isMqttError(error)) return fail('publish threw an untyped error', error);
          }
        } else {
          open = true;
          effects = session.connectionOpened(now);
        }
      } else if (roll < 0.55 || session.state === 'connecting') {
        packetsFed++;
        effects = session.receive(brokerBytes(), now);
      } else if (roll < 0.7) {
        try {
          const kind = int(3);
          const r =
            kind === 0
              ? session.publish({ topic: pick(TOPICS), payload: new Uint8Array(int(4)), qos: int(3) as QoS, ...(version === 5 && random() < 0.3 ? { properties: { topicAlias: int(4) } } : {}) }, now)
              : kind === 1
                ? session.subscribe([{ topicFilter: pick(TOPICS), qos: int(3) as QoS }], undefined, now)
                : session.unsubscribe([pick(TOPICS)], undefined, now);
          effects = r.effects;
        } catch (error) {
          if (!isMqttError(error)) return fail('a command threw an untyped error', error);
        }
      } else if (roll < 0.96) {
        now += int(3000);
        effects = session.timerFired(pick(TIMERS), now);
      } else if (roll < 0.98) {
        effects = session.disconnect({}, now);
      } else {
        open = false;
        effects = session.connectionClosed(now);
      }
      const problem = perform(effects);
      if (problem !== undefined) return fail('invariant', problem);
    } catch (error) {
      return fail('an input escaped the session', error);
    }
  }
  return { steps, packetsFed, sent, connectedSteps, failure: undefined };
}
