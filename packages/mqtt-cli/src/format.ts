// sub's -F output formats: mosquitto_sub-style %-escapes and `json` (one object per line, for jq).
// Pure functions of the message: no I/O here.
import type { MqttMessage, Properties } from '@x/mqtt';

/** One message as a JSON line: topic, payload (UTF-8 text, or base64 when not), qos, retain, dup, mid, properties. */
export function jsonLine(m: MqttMessage): string {
  const text = utf8OrUndefined(m.payload);
  return JSON.stringify({
    topic: m.topic,
    ...(text !== undefined ? { payload: text } : { payloadBase64: Buffer.from(m.payload).toString('base64') }),
    qos: m.qos,
    retain: m.retain,
    dup: m.dup,
    mid: m.mid,
    ...(m.properties !== undefined ? { properties: plainProperties(m.properties) } : {}),
    timestamp: new Date(m.timestamp).toISOString(),
  });
}

/**
 * %t topic, %p payload, %q QoS, %r retain (0/1), %m packet id, %l payload length, %x payload in hex,
 * %j the JSON line, %P properties as JSON, %U unix time, %I ISO time, %% a percent; \n \t \\ escapes.
 */
export function formatMessage(format: string, m: MqttMessage): string {
  return format.replace(/%([tpqrmlxjPUI%])|\\([nt\\])/g, (_all, escape: string | undefined, backslash: string | undefined) => {
    if (backslash !== undefined) return backslash === 'n' ? '\n' : backslash === 't' ? '\t' : '\\';
    switch (escape) {
      case 't':
        return m.topic;
      case 'p':
        return new TextDecoder().decode(m.payload);
      case 'q':
        return String(m.qos);
      case 'r':
        return m.retain ? '1' : '0';
      case 'm':
        return String(m.mid);
      case 'l':
        return String(m.payload.length);
      case 'x':
        return Buffer.from(m.payload).toString('hex');
      case 'j':
        return jsonLine(m);
      case 'P':
        return JSON.stringify(m.properties === undefined ? {} : plainProperties(m.properties));
      case 'U':
        return (m.timestamp / 1000).toFixed(3);
      case 'I':
        return new Date(m.timestamp).toISOString();
      default:
        return '%';
    }
  });
}

function plainProperties(properties: Properties): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    out[key] = value instanceof Uint8Array ? (utf8OrUndefined(value) ?? Buffer.from(value).toString('base64')) : value;
  }
  return out;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
