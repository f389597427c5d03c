// A tagged binary encoding for MQTT 5 Properties: any mix of booleans, numbers, strings,
// Uint8Arrays, arrays (userProperties' [name, value] pairs, subscriptionIdentifiers) and plain
// objects round-trips byte-exact. Generic on purpose: a property added to the codec later is stored
// without a change here. Keys whose value is undefined are omitted (as JSON would).

import { MqttError } from '@x/mqtt-codec';
import { type ByteReader, type ByteWriter, MalformedRecord } from './bytes.js';

const Tag = {
  false: 0,
  true: 1,
  /** Non-negative safe integer as a varint: the common case (intervals, ids, flags). */
  uint: 2,
  /** Any other number (negative, fractional, -0, NaN) as float64. */
  float: 3,
  string: 4,
  bytes: 5,
  array: 6,
  object: 7,
} as const;

/** Nesting allowed when decoding: Properties are at most two levels deep; this bounds bad input. */
const MAX_DEPTH = 8;

export function writeValue(writer: ByteWriter, value: unknown, depth = 0): void {
  if (depth > MAX_DEPTH) throw invalid('nested deeper than ' + MAX_DEPTH);
  if (typeof value === 'boolean') {
    writer.u8(value ? Tag.true : Tag.false);
  } else if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)) writer.u8(Tag.uint).varint(value);
    else writer.u8(Tag.float).f64(value);
  } else if (typeof value === 'string') {
    writer.u8(Tag.string).string(value);
  } else if (value instanceof Uint8Array) {
    writer.u8(Tag.bytes).bytes(value);
  } else if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    writer.u8(Tag.array).varint(items.length);
    for (const item of items) writeValue(writer, item, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    const entries: [string, unknown][] = Object.entries(value).filter(([, v]) => v !== undefined);
    writer.u8(Tag.object).varint(entries.length);
    for (const [key, item] of entries) {
      writer.string(key);
      writeValue(writer, item, depth + 1);
    }
  } else {
    throw invalid(`cannot store a property value of type ${typeof value}`);
  }
}

export function readValue(reader: ByteReader, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new MalformedRecord('value nested too deep');
  const tag = reader.u8();
  switch (tag) {
    case Tag.false:
      return false;
    case Tag.true:
      return true;
    case Tag.uint:
      return reader.varint();
    case Tag.float:
      return reader.f64();
    case Tag.string:
      return reader.string();
    case Tag.bytes:
      return reader.bytes();
    case Tag.array: {
      const count = reader.varint();
      if (count > reader.remaining) throw new MalformedRecord('array longer than its record');
      const items: unknown[] = [];
      for (let i = 0; i < count; i++) items.push(readValue(reader, depth + 1));
      return items;
    }
    case Tag.object: {
      const count = reader.varint();
      if (count > reader.remaining) throw new MalformedRecord('object longer than its record');
      const object: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const key = reader.string();
        // defineProperty, not assignment: a key named "__proto__" must stay a plain key.
        Object.defineProperty(object, key, { value: readValue(reader, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    default:
      throw new MalformedRecord(`unknown value tag ${tag}`);
  }
}

function invalid(message: string): MqttError {
  return new MqttError('SESSION_STORE_ERROR', `FileSessionStore: ${message}`);
}
