// Compiled by the pack check against the installed tarballs' declarations (strict, skipLibCheck
// off), copied to .mts and .cts for node16 and used as is for bundler: one use of each package
// that has a CommonJS entry, and the type errors the README promises.
import { Client, MQTTv311, MQTTv5, MqttError, isMqttError, publish as facadePublish, type MqttMessage, type QoS } from '@x/mqtt';
import { Decoder, encode, type Packet } from '@x/mqtt-codec';
import { MemorySessionStore, Session, topicMatchesSub } from '@x/mqtt-core';
import { publish } from '@x/mqtt-helpers';
import { instrumentMqtt, parseTraceparent } from '@x/mqtt-otel';
import { FileSessionStore } from '@x/mqtt-store-file';
import { tcpTransport } from '@x/mqtt-transport-tcp';
import { tlsTransport } from '@x/mqtt-transport-tls';
import { wsTransport } from '@x/mqtt-transport-ws';

const bytes: Uint8Array = encode({ type: 'pingreq' }, 4);
const packets: Packet[] = new Decoder({ protocolVersion: 4 }).push(bytes);
const session = new Session({ protocolVersion: 5 });
const matches: boolean = topicMatchesSub('sensors/+', 'sensors/7');
const store = new MemorySessionStore();
const stored: Promise<FileSessionStore> = FileSessionStore.open('/tmp/never-opened');
const transports = [tcpTransport({ host: '127.0.0.1', port: 1883 }), tlsTransport({ host: '127.0.0.1', port: 8883 }), wsTransport({ url: 'ws://127.0.0.1:8080/mqtt' })];
const names: string[] = transports.map((transport) => transport.name);

const client = new Client({ clientId: 'types', protocol: MQTTv5 });
client.onMessage = (_client, _userdata, message: MqttMessage) => message.text();
const qos: QoS = 1;
client.publish('t', 'payload', qos, false, { messageExpiryInterval: 60 });
// @ts-expect-error a QoS outside 0..2 does not compile
client.publish('t', 'payload', 3);
const v311 = new Client({ protocol: MQTTv311 });
// @ts-expect-error MQTT 5 properties on a 3.1.1 client do not compile
v311.publish('t', 'payload', 1, false, { messageExpiryInterval: 60 });

function codeOf(error: unknown): string | undefined {
  return isMqttError(error) ? error.code : undefined;
}
const error: MqttError = new MqttError('TIMEOUT', 'late');
const helperSingle: typeof publish.single = publish.single;
const oneShot = (): Promise<void> => facadePublish.single('t', 'payload', { hostname: '127.0.0.1', qos: 1 });

const uninstall: () => void = instrumentMqtt({ clients: [client] });
// @ts-expect-error a traceparent is a string
parseTraceparent(42);

export const used = [uninstall, packets, session, matches, store, stored, names, codeOf(error), helperSingle, oneShot];
