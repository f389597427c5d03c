// MQTT.js (npm `mqtt`) as an in-process peer: a subscriber collecting messages and a publisher.
import mqtt from 'mqtt';
import type { PeerEndpoint, PeerMessage, PeerPublish } from './peer-message.js';

type MqttJsClient = ReturnType<typeof mqtt.connect>;

function open(at: PeerEndpoint): Promise<MqttJsClient> {
  const client = mqtt.connect({ host: at.host, port: at.port, protocolVersion: at.version, reconnectPeriod: 0, connectTimeout: 5000 });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
  });
}

function userProperties(raw: Record<string, string | string[]> | undefined): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const [k, v] of Object.entries(raw ?? {})) for (const value of Array.isArray(v) ? v : [v]) out.push([k, value]);
  return out;
}

export interface MqttJsSubscriber {
  readonly messages: PeerMessage[];
  close(): Promise<void>;
}

export async function mqttjsSubscriber(at: PeerEndpoint, topic: string, qos: 0 | 1 | 2): Promise<MqttJsSubscriber> {
  const client = await open(at);
  const messages: PeerMessage[] = [];
  client.on('message', (t, payload, packet) => {
    messages.push({
      topic: t,
      payload: new Uint8Array(payload),
      qos: packet.qos,
      retain: packet.retain,
      userProperties: userProperties(packet.properties?.userProperties),
      correlationData: packet.properties?.correlationData ? new Uint8Array(packet.properties.correlationData) : undefined,
    });
  });
  await client.subscribeAsync(topic, { qos });
  return { messages, close: () => client.endAsync() };
}

export async function mqttjsPublish(at: PeerEndpoint, messages: readonly PeerPublish[]): Promise<void> {
  const client = await open(at);
  try {
    for (const m of messages) {
      const userProps: Record<string, string[]> = {};
      for (const [k, v] of m.userProperties ?? []) (userProps[k] ??= []).push(v);
      const properties = at.version === 5 ? { ...(m.userProperties ? { userProperties: userProps } : {}), ...(m.correlationData ? { correlationData: Buffer.from(m.correlationData) } : {}) } : undefined;
      await client.publishAsync(m.topic, Buffer.from(m.payload), { qos: m.qos, retain: m.retain, ...(properties ? { properties } : {}) });
    }
  } finally {
    await client.endAsync();
  }
}
