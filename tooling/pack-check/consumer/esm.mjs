// Run by the pack check inside the consumer project: imports every installed @x/* package as ESM,
// uses the codec alone, and makes a QoS 1 round trip with the facade over each broker URL given.
// usage: node esm.mjs <comma-separated package names> <broker URL>...  -> one JSON line on stdout
import { Client, MQTTv5 } from '@x/mqtt';
import { Decoder, encode } from '@x/mqtt-codec';

const [names, ...urls] = process.argv.slice(2);
const packages = {};
for (const name of names.split(',')) packages[name] = Object.keys(await import(name)).length;

const pingreq = Array.from(encode({ type: 'pingreq' }, 4));
const decoded = new Decoder({ protocolVersion: 4 }).push(Uint8Array.from(pingreq)).map((packet) => packet.type);

async function roundTrip(url) {
  const client = new Client({ protocol: MQTTv5 });
  const topic = `pack-check/esm/${process.pid}`;
  const received = new Promise((resolve) => {
    client.onMessage = (_client, _userdata, message) => resolve(message.text());
  });
  await client.connect(url);
  await client.subscribe(topic, 1);
  await client.publish(topic, `hello over ${new URL(url).protocol}`, 1);
  const text = await received;
  await client.disconnect();
  return text;
}

const roundTrips = {};
for (const url of urls) roundTrips[url] = await roundTrip(url);
const entry = new URL(import.meta.resolve('@x/mqtt')).pathname;
console.log(JSON.stringify({ entry, packages, pingreq, decoded, roundTrips }));
