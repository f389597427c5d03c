// fast-check arbitraries for canonical packets (the form `decode` returns), per protocol version.
// Properties are generated from the codec's own PROPERTY_TABLE, so a new property is covered too.
import fc from 'fast-check';
import { isReasonCodeAllowed, PROPERTY_TABLE, REASON_CODES, type Packet, type PropertyContext, type PropertyDefinition, type ProtocolVersion, type Properties } from '../../src/index.js';

const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
const level = text.filter((s) => !/[+#/]/.test(s));
export const topicName = fc.array(level, { minLength: 1, maxLength: 4 }).map((levels) => levels.join('/')).filter((t) => t.length > 0);
export const topicFilter = fc
  .tuple(fc.array(fc.oneof(level, fc.constant('+')), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([levels, hash]) => [...levels, ...(hash ? ['#'] : [])].join('/'))
  .filter((f) => f.length > 0);
const bytes = fc.uint8Array({ maxLength: 40 });
const packetId = fc.integer({ min: 1, max: 0xffff });
const qos = fc.constantFrom(0 as const, 1 as const, 2 as const);

function valueOf(d: PropertyDefinition, ctx: PropertyContext): fc.Arbitrary<unknown> {
  switch (d.wire) {
    case 'byte':
    case 'u16':
    case 'u32':
      return fc.integer({ min: d.min, max: d.max });
    case 'bool':
      return fc.boolean();
    case 'utf8':
      return text;
    case 'binary':
      return bytes;
    case 'varint':
      return fc.array(fc.integer({ min: d.min, max: d.max }), { minLength: 1, maxLength: d.repeatsIn.includes(ctx) ? 3 : 1 });
    case 'pair':
      return fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 3 });
  }
}

export function properties(ctx: PropertyContext): fc.Arbitrary<Properties | undefined> {
  const fields = Object.fromEntries(PROPERTY_TABLE.filter((d) => d.allowedIn.includes(ctx)).map((d) => [d.name, valueOf(d, ctx)]));
  return fc.record(fields, { requiredKeys: [] }).map((p) => (Object.keys(p).length === 0 ? undefined : (p as Properties)));
}

function reasonCode(type: Packet['type']): fc.Arbitrary<number> {
  return fc.constantFrom(...new Set(REASON_CODES.filter((r) => isReasonCodeAllowed(type, r.code) && r.packets.includes(type)).map((r) => r.code)));
}

/** Adds `key: value` unless value is undefined, keeping objects sparse like decoded ones. */
function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out as T;
}

function v5<T>(version: ProtocolVersion, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return version === 5 ? arb : fc.constant(undefined);
}

/** Rebuilds plain objects (fc.record makes null-prototype ones), keeping Uint8Arrays as they are. */
function plainObjects<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainObjects) as T;
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainObjects(v)])) as T;
}

export function packet(version: ProtocolVersion): fc.Arbitrary<Packet> {
  const props = (ctx: PropertyContext) => v5(version, properties(ctx));
  const ack = (type: 'puback' | 'pubrec' | 'pubrel' | 'pubcomp') =>
    fc.record({ packetId, reasonCode: v5(version, reasonCode(type)), properties: props(type) }).map((r) => withOptional({ type, packetId: r.packetId }, { reasonCode: r.reasonCode, properties: r.properties }) as Packet);

  const will = fc.record({ topic: topicName, payload: bytes, qos, retain: fc.boolean(), properties: props('will') }).map(({ properties: p, ...w }) => withOptional(w, { properties: p }));
  const connect = fc
    .record({
      clientId: text,
      cleanStart: fc.boolean(),
      keepalive: fc.integer({ min: 0, max: 0xffff }),
      username: fc.option(text, { nil: undefined }),
      password: fc.option(bytes, { nil: undefined }),
      will: fc.option(will, { nil: undefined }),
      properties: props('connect'),
      otherName: fc.boolean(),
      bridgeMode: fc.option(fc.constant(true), { nil: undefined }),
    })
    .map((r) => {
      const cleanStart = version === 4 && r.clientId === '' ? true : r.cleanStart; // [MQTT-3.1.3-7]
      const password = version !== 5 && r.username === undefined ? undefined : r.password; // [MQTT-3.1.2-22]
      const protocolName = r.otherName ? (version === 3 ? 'MQTT' : 'MQIsdp') : undefined;
      return withOptional({ type: 'connect', protocolVersion: version, clientId: r.clientId, cleanStart, keepalive: r.keepalive }, { protocolName, bridgeMode: r.bridgeMode, username: r.username, password, will: r.will, properties: r.properties }) as Packet;
    });

  const connack = fc
    .record({ sessionPresent: fc.boolean(), reasonCode: version === 5 ? reasonCode('connack') : fc.integer({ min: 0, max: 5 }), properties: props('connack') })
    .map(({ properties: p, ...r }) => withOptional({ type: 'connack', ...r }, { properties: p }) as Packet);

  const publish = fc
    .record({ topic: topicName, payload: fc.uint8Array({ maxLength: 300 }), qos, retain: fc.boolean(), dup: fc.boolean(), packetId, properties: props('publish') })
    .map((r) => withOptional({ type: 'publish', topic: r.topic, payload: r.payload, qos: r.qos, retain: r.retain, dup: r.qos > 0 && r.dup }, { packetId: r.qos > 0 ? r.packetId : undefined, properties: r.properties }) as Packet);

  const subscription = fc
    .record({ topicFilter, qos, noLocal: fc.boolean(), retainAsPublished: fc.boolean(), retainHandling: fc.constantFrom(0 as const, 1 as const, 2 as const) })
    .map((s) => (version === 5 ? s : { topicFilter: s.topicFilter, qos: s.qos }));
  const subscribe = fc
    .record({ packetId, subscriptions: fc.array(subscription, { minLength: 1, maxLength: 4 }), properties: props('subscribe') })
    .map(({ properties: p, ...r }) => withOptional({ type: 'subscribe', ...r }, { properties: p }) as Packet);

  const subackCode = version === 5 ? reasonCode('suback') : fc.constantFrom(0, 1, 2, 0x80);
  const suback = fc
    .record({ packetId, reasonCodes: fc.array(subackCode, { minLength: 1, maxLength: 4 }), properties: props('suback') })
    .map(({ properties: p, ...r }) => withOptional({ type: 'suback', ...r }, { properties: p }) as Packet);

  const unsubscribe = fc
    .record({ packetId, topicFilters: fc.array(topicFilter, { minLength: 1, maxLength: 4 }), properties: props('unsubscribe') })
    .map(({ properties: p, ...r }) => withOptional({ type: 'unsubscribe', ...r }, { properties: p }) as Packet);

  const unsuback = fc
    .record({ packetId, reasonCodes: v5(version, fc.array(reasonCode('unsuback'), { minLength: 1, maxLength: 4 })), properties: props('unsuback') })
    .map((r) => withOptional({ type: 'unsuback', packetId: r.packetId }, { reasonCodes: r.reasonCodes, properties: r.properties }) as Packet);

  const disconnect = fc
    .record({ reasonCode: v5(version, reasonCode('disconnect')), properties: props('disconnect') })
    .map((r) => withOptional({ type: 'disconnect' }, r) as Packet);

  const all: fc.Arbitrary<Packet>[] = [
    connect,
    connack,
    publish,
    ack('puback'),
    ack('pubrec'),
    ack('pubrel'),
    ack('pubcomp'),
    subscribe,
    suback,
    unsubscribe,
    unsuback,
    fc.constant({ type: 'pingreq' } as Packet),
    fc.constant({ type: 'pingresp' } as Packet),
    disconnect,
  ];
  if (version === 5) {
    all.push(fc.record({ reasonCode: reasonCode('auth'), properties: props('auth') }).map((r) => withOptional({ type: 'auth', reasonCode: r.reasonCode }, { properties: r.properties }) as Packet));
  }
  return fc.oneof(...all).map(plainObjects);
}
