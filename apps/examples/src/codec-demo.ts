// The codec on its own: encode a few packets for each protocol version, decode them back
// from a stream split into small chunks, and print both. No broker, no network.
import { encode, Decoder, type Packet, type ProtocolVersion } from '@x/mqtt-codec';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const text = new TextEncoder();

function show(packet: Packet): string {
  return JSON.stringify(packet, (_key, value: unknown) => (value instanceof Uint8Array ? `<${value.length} bytes: ${new TextDecoder().decode(value)}>` : value));
}

const samples: Array<[ProtocolVersion, Packet]> = [
  [4, { type: 'connect', protocolVersion: 4, clientId: 'demo', cleanStart: true, keepalive: 60 }],
  [4, { type: 'publish', topic: 'sensors/kitchen/temp', payload: text.encode('21.5'), qos: 1, retain: false, dup: false, packetId: 7 }],
  [4, { type: 'subscribe', packetId: 8, subscriptions: [{ topicFilter: 'sensors/+/temp', qos: 2 }] }],
  [5, { type: 'connect', protocolVersion: 5, clientId: 'demo5', cleanStart: false, keepalive: 30, properties: { sessionExpiryInterval: 3600 } }],
  [
    5,
    {
      type: 'publish',
      topic: 'rpc/request',
      payload: text.encode('{"op":"ping"}'),
      qos: 0,
      retain: false,
      dup: false,
      properties: { responseTopic: 'rpc/reply', correlationData: text.encode('42'), userProperties: [['trace', 'abc']] },
    },
  ],
  [5, { type: 'disconnect', reasonCode: 0x04, properties: { reasonString: 'bye, keep my will' } }],
];

for (const [version, packet] of samples) {
  const bytes = encode(packet, version);
  console.log(`v${version} ${packet.type.padEnd(10)} ${bytes.length.toString().padStart(3)} B  ${hex(bytes)}`);
}

console.log('\nDecoding the MQTT 5 packets from one stream, fed 3 bytes at a time:');
const stream = samples.filter(([v]) => v === 5).map(([v, p]) => encode(p, v));
const all = new Uint8Array(stream.reduce((n, b) => n + b.length, 0));
stream.reduce((offset, b) => (all.set(b, offset), offset + b.length), 0);
const decoder = new Decoder({ protocolVersion: 5 });
for (let i = 0; i < all.length; i += 3) {
  for (const packet of decoder.push(all.subarray(i, i + 3))) console.log('  ', show(packet));
}
