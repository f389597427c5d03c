// MQTT 5 properties (§2.2.2): the table below is the single source of truth for id, name, wire
// type, where each may appear, whether it may repeat, and its value range; one reader and one
// validating writer are driven by it. Invariant: properties are written in the object's key order and read
// back in wire order, so encode(decode(bytes)) reproduces the bytes.
import { fail, malformed, REASON_MALFORMED_PACKET, REASON_PROTOCOL_ERROR } from './fail.js';
import type { PacketType, Properties } from './packets.js';
import type { Reader } from './reader.js';
import { MAX_VARINT } from './varint.js';
import { isIntegerIn, isObject, Measurer, type Sink } from './writer.js';

/** Where a property can sit: a packet, or the will properties inside CONNECT. */
export type PropertyContext = Exclude<PacketType, 'pingreq' | 'pingresp'> | 'will';

/** How a value is carried: `byte` is a number, `bool` a 0/1 byte read as a boolean. */
export type PropertyWireType = 'byte' | 'bool' | 'u16' | 'u32' | 'varint' | 'utf8' | 'binary' | 'pair';

/** One row of PROPERTY_TABLE: how an MQTT 5 property is identified, carried and checked. */
export interface PropertyDefinition {
  /** The property identifier on the wire (0x01 to 0x2A). */
  readonly id: number;
  /** The property's field name in Properties. */
  readonly name: keyof Properties;
  /** How the value is carried on the wire. */
  readonly wire: PropertyWireType;
  /** The packets (and 'will') the property may appear in; elsewhere it is rejected. */
  readonly allowedIn: readonly PropertyContext[];
  /** Contexts where the property may appear more than once (the model holds an array). */
  readonly repeatsIn: readonly PropertyContext[];
  /** Inclusive value range for numeric wire types ("It is a Protocol Error" outside it). */
  readonly min: number;
  /** Inclusive upper bound: the wire type's largest value (1 for `byte`); 0 for the non-numeric types. */
  readonly max: number;
}

const U16 = 0xffff;
const U32 = 0xffff_ffff;
const MESSAGE: readonly PropertyContext[] = ['publish', 'will'];
const ALL: readonly PropertyContext[] = ['connect', 'connack', 'publish', 'will', 'puback', 'pubrec', 'pubrel', 'pubcomp', 'subscribe', 'suback', 'unsubscribe', 'unsuback', 'disconnect', 'auth'];
const REASON_STRING_IN: readonly PropertyContext[] = ['connack', 'puback', 'pubrec', 'pubrel', 'pubcomp', 'suback', 'unsuback', 'disconnect', 'auth'];

/** The largest value of each numeric wire type; both `byte` properties are 0 or 1. */
const MAX: { readonly [W in PropertyWireType]?: number } = { byte: 1, u16: U16, u32: U32, varint: MAX_VARINT };

/** A row of the table: numeric ranges run from `min` (0 unless given) to the wire type's maximum. */
function def(id: number, name: keyof Properties, wire: PropertyWireType, allowedIn: readonly PropertyContext[], min = 0, repeatsIn: readonly PropertyContext[] = []): PropertyDefinition {
  return { id, name, wire, allowedIn, repeatsIn, min, max: MAX[wire] ?? 0 };
}

/** MQTT 5 §2.2.2.2, Table 2-4. */
export const PROPERTY_TABLE: readonly PropertyDefinition[] = [
  def(0x01, 'payloadFormatIndicator', 'byte', MESSAGE),
  def(0x02, 'messageExpiryInterval', 'u32', MESSAGE),
  def(0x03, 'contentType', 'utf8', MESSAGE),
  def(0x08, 'responseTopic', 'utf8', MESSAGE),
  def(0x09, 'correlationData', 'binary', MESSAGE),
  def(0x0b, 'subscriptionIdentifiers', 'varint', ['publish', 'subscribe'], 1, ['publish']), // 0 is a Protocol Error
  def(0x11, 'sessionExpiryInterval', 'u32', ['connect', 'connack', 'disconnect']),
  def(0x12, 'assignedClientIdentifier', 'utf8', ['connack']),
  def(0x13, 'serverKeepAlive', 'u16', ['connack']),
  def(0x15, 'authenticationMethod', 'utf8', ['connect', 'connack', 'auth']),
  def(0x16, 'authenticationData', 'binary', ['connect', 'connack', 'auth']),
  def(0x17, 'requestProblemInformation', 'bool', ['connect']),
  def(0x18, 'willDelayInterval', 'u32', ['will']),
  def(0x19, 'requestResponseInformation', 'bool', ['connect']),
  def(0x1a, 'responseInformation', 'utf8', ['connack']),
  def(0x1c, 'serverReference', 'utf8', ['connack', 'disconnect']),
  def(0x1f, 'reasonString', 'utf8', REASON_STRING_IN),
  def(0x21, 'receiveMaximum', 'u16', ['connect', 'connack'], 1), // 0 is a Protocol Error
  def(0x22, 'topicAliasMaximum', 'u16', ['connect', 'connack']),
  def(0x23, 'topicAlias', 'u16', ['publish'], 1), // 0 is a Protocol Error
  def(0x24, 'maximumQoS', 'byte', ['connack']),
  def(0x25, 'retainAvailable', 'bool', ['connack']),
  def(0x26, 'userProperties', 'pair', ALL, 0, ALL),
  def(0x27, 'maximumPacketSize', 'u32', ['connect', 'connack'], 1), // 0 is a Protocol Error
  def(0x28, 'wildcardSubscriptionAvailable', 'bool', ['connack']),
  def(0x29, 'subscriptionIdentifiersAvailable', 'bool', ['connack']),
  def(0x2a, 'sharedSubscriptionAvailable', 'bool', ['connack']),
];

const BY_ID: (PropertyDefinition | undefined)[] = [];
const BY_NAME = new Map<string, PropertyDefinition>();
for (const d of PROPERTY_TABLE) {
  BY_ID[d.id] = d;
  BY_NAME.set(d.name, d);
}

/** The definition of the property with wire identifier `id`; undefined when there is none. */
export function propertyById(id: number): PropertyDefinition | undefined {
  return BY_ID[id];
}

/** The definition of the property named `name` (as in Properties); undefined when there is none. */
export function propertyByName(name: string): PropertyDefinition | undefined {
  return BY_NAME.get(name);
}

// ---- checks shared by encode and decode (decode passes the v5 reason code to close with) -----

function invalidProperty(name: string, message: string, reasonCode?: number): never {
  return fail('INVALID_PROPERTY', `property ${name}: ${message}`, reasonCode);
}

/** A numeric value in the property's range ("It is a Protocol Error" outside it). */
function checkNumber(d: PropertyDefinition, value: unknown, reasonCode?: number): number {
  if (!isIntegerIn(value, d.min, d.max)) {
    invalidProperty(d.name, `${String(value)} is not an integer in ${d.min}..${d.max}`, reasonCode);
  }
  return value;
}

function checkAllowed(d: PropertyDefinition, ctx: PropertyContext, reasonCode?: number): void {
  if (!d.allowedIn.includes(ctx)) invalidProperty(d.name, `not allowed on ${ctx}`, reasonCode);
}

function duplicate(d: PropertyDefinition, ctx: PropertyContext, reasonCode?: number): never {
  return fail('DUPLICATE_PROPERTY', `property ${d.name}: at most one on ${ctx}`, reasonCode);
}

// ---- encode -------------------------------------------------------------------------------

/** The Reader and Sink method that carries each numeric wire type (they share the names). */
const NUMERIC = { byte: 'u8', u16: 'u16', u32: 'u32', varint: 'varint' } as const;

function arrayOf(d: PropertyDefinition, value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) invalidProperty(d.name, `must be an array of ${what}`);
  return value;
}

/** Validates one property and writes its entries (id then value; one entry per array item). */
function writeProperty(w: Sink, d: PropertyDefinition, value: unknown, ctx: PropertyContext): void {
  switch (d.wire) {
    case 'bool':
      if (typeof value !== 'boolean') invalidProperty(d.name, 'must be a boolean');
      w.u8(d.id);
      w.u8(value ? 1 : 0);
      return;
    case 'utf8':
      w.u8(d.id);
      w.utf8(value as string, `property ${d.name}`);
      return;
    case 'binary':
      w.u8(d.id);
      w.binary(value as Uint8Array, `property ${d.name}`);
      return;
    case 'pair':
      for (const pair of arrayOf(d, value, '[name, value] pairs')) {
        if (!Array.isArray(pair) || pair.length !== 2) invalidProperty(d.name, 'must be an array of [name, value] pairs');
        w.u8(d.id);
        w.utf8(pair[0] as string, 'user property name');
        w.utf8(pair[1] as string, 'user property value');
      }
      return;
    case 'varint': {
      const values = arrayOf(d, value, 'numbers');
      if (values.length > 1 && !d.repeatsIn.includes(ctx)) duplicate(d, ctx);
      for (const v of values) {
        w.u8(d.id);
        w.varint(checkNumber(d, v));
      }
      return;
    }
    default:
      w.u8(d.id);
      w[NUMERIC[d.wire]](checkNumber(d, value));
  }
}

/** Validates and writes the entries of a property section, in the object's key order. */
function writeEntries(w: Sink, props: unknown, ctx: PropertyContext): void {
  if (!isObject(props) || Array.isArray(props)) invalidProperty('properties', 'must be an object');
  for (const name in props) {
    const value = props[name];
    if (value === undefined) continue;
    const d = BY_NAME.get(name);
    if (d === undefined) invalidProperty(name, 'unknown property');
    checkAllowed(d, ctx);
    writeProperty(w, d, value, ctx);
  }
}

/** Byte length of the property entries (without the length prefix); validates everything. */
export function propertiesLength(props: unknown, ctx: PropertyContext): number {
  if (props === undefined) return 0;
  const m = new Measurer();
  writeEntries(m, props, ctx);
  return m.pos;
}

/** Validates and writes a whole property section: length prefix, then entries. */
export function writeProperties(w: Sink, props: Properties | undefined, ctx: PropertyContext): void {
  if (props === undefined) w.u8(0);
  else w.section((s) => writeEntries(s, props, ctx));
}

// ---- decode -------------------------------------------------------------------------------

function readValue(r: Reader, d: PropertyDefinition): unknown {
  switch (d.wire) {
    case 'utf8':
      return r.utf8(d.name);
    case 'binary':
      return r.binary(d.name);
    case 'pair':
      return [r.utf8('user property name'), r.utf8('user property value')];
    case 'bool': {
      const n = r.u8(d.name);
      if (n > 1) invalidProperty(d.name, `${n} is not 0 or 1`, REASON_PROTOCOL_ERROR);
      return n === 1;
    }
    default:
      return checkNumber(d, r[NUMERIC[d.wire]](d.name), REASON_PROTOCOL_ERROR);
  }
}

/** Sets `properties` on `packet` when there are any (the canonical form omits empty ones). */
export function withProperties<P extends { properties?: Properties }>(packet: P, properties: Properties | undefined): P {
  if (properties !== undefined) packet.properties = properties;
  return packet;
}

/** Reads a property section; returns undefined when it is empty (the canonical form). */
export function readProperties(r: Reader, ctx: PropertyContext): Properties | undefined {
  const length = r.varint('property length');
  if (length === 0) return undefined;
  if (length > r.remaining) malformed('property length exceeds the packet');
  const end = r.pos + length;
  const packetEnd = r.end;
  r.end = end; // a property that runs past its section is malformed
  const props: Record<string, unknown> = {};
  while (r.pos < end) {
    const id = r.varint('property identifier');
    const d = BY_ID[id];
    if (d === undefined) invalidProperty(`0x${id.toString(16)}`, 'unknown property', REASON_MALFORMED_PACKET);
    checkAllowed(d, ctx, REASON_MALFORMED_PACKET);
    const value = readValue(r, d);
    const existing = props[d.name];
    const repeats = d.wire === 'varint' || d.wire === 'pair'; // the model holds an array
    if (existing === undefined) props[d.name] = repeats ? [value] : value;
    else if (repeats && d.repeatsIn.includes(ctx)) (existing as unknown[]).push(value);
    else duplicate(d, ctx, REASON_PROTOCOL_ERROR);
  }
  r.end = packetEnd;
  return props as Properties;
}
