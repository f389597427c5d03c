// publish.single / publish.multiple: connect, publish, wait until every message is published
// (QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP), disconnect cleanly. As Paho's paho.mqtt.publish,
// a lost connection is reconnected and what was not acknowledged is sent again (the engine keeps it
// queued), within `timeoutMs` of the loss.
import { MqttError, type Properties, type QoS } from '@x/mqtt-codec';
import { toBytes, type HelperOptions } from './options.js';
import { runHelper } from './run.js';

/** A message payload: bytes as given, a string or number as UTF-8 text, null or undefined as an empty payload. */
export type Payload = Uint8Array | string | number | null | undefined;

/** A message for multiple(): an object with at least `topic`, or Paho's tuple (topic, payload, qos, retain). */
export type HelperMessage =
  | {
      /** Required, non-empty (INVALID_TOPIC otherwise). */
      topic: string;
      /** Defaults to an empty payload. */
      payload?: Payload;
      /** 0, 1 or 2 (INVALID_QOS otherwise). Defaults to 0. */
      qos?: QoS;
      /** Defaults to false. */
      retain?: boolean;
      /** v5 PUBLISH properties. */
      properties?: Properties;
    }
  | readonly [topic: string, payload?: Payload, qos?: QoS, retain?: boolean];

function normalise(message: HelperMessage): { topic: string; payload: Uint8Array; qos: QoS; retain: boolean; properties?: Properties } {
  const m = Array.isArray(message) ? { topic: message[0], payload: message[1], qos: message[2], retain: message[3] } : (message as Exclude<HelperMessage, readonly unknown[]>);
  if (typeof m.topic !== 'string' || m.topic === '') throw new MqttError('INVALID_TOPIC', 'every message needs a non-empty topic');
  const qos = m.qos ?? 0;
  if (qos !== 0 && qos !== 1 && qos !== 2) throw new MqttError('INVALID_QOS', `invalid QoS ${String(qos)}`);
  const properties = 'properties' in m ? m.properties : undefined;
  return { topic: m.topic, payload: toBytes(m.payload), qos, retain: m.retain ?? false, ...(properties !== undefined ? { properties } : {}) };
}

/** Publishes every message in order on one connection, then disconnects. */
export async function multiple<Tls>(messages: readonly HelperMessage[], options: HelperOptions<Tls>): Promise<void> {
  const list = messages.map(normalise);
  if (list.length === 0) throw new MqttError('INVALID_ARGUMENT', 'no messages to publish');
  await runHelper(options, async ({ engine }) => {
    const handles = list.map((m) => engine.publish(m.topic, m.payload, { qos: m.qos, retain: m.retain, ...(m.properties !== undefined ? { properties: m.properties } : {}) }));
    await Promise.all(handles.map((h) => h.done));
  });
}

/** Publishes one message, then disconnects. */
export function single<Tls>(topic: string, payload: Payload, options: HelperOptions<Tls> & { qos?: QoS; retain?: boolean; publishProperties?: Properties }): Promise<void> {
  const { qos, retain, publishProperties } = options;
  return multiple([{ topic, payload, ...(qos !== undefined ? { qos } : {}), ...(retain !== undefined ? { retain } : {}), ...(publishProperties !== undefined ? { properties: publishProperties } : {}) }], options);
}
