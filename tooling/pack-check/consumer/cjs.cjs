// Run by the pack check inside the consumer project: requires every installed @x/* package that
// has a CommonJS entry, uses the codec alone, and makes a QoS 1 round trip with the facade.
// usage: node cjs.cjs <comma-separated package names> <broker URL>...  -> one JSON line on stdout
const { Client, MQTTv5 } = require('@x/mqtt');
const { Decoder, encode } = require('@x/mqtt-codec');

async function roundTrip(url) {
  const client = new Client({ protocol: MQTTv5 });
  const topic = `pack-check/cjs/${process.pid}`;
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

async function main() {
  const [names, ...urls] = process.argv.slice(2);
  const packages = {};
  for (const name of names.split(',')) packages[name] = Object.keys(require(name)).length;
  const pingreq = Array.from(encode({ type: 'pingreq' }, 4));
  const decoded = new Decoder({ protocolVersion: 4 }).push(Uint8Array.from(pingreq)).map((packet) => packet.type);
  const roundTrips = {};
  for (const url of urls) roundTrips[url] = await roundTrip(url);
  const entry = require.resolve('@x/mqtt');
  console.log(JSON.stringify({ entry, packages, pingreq, decoded, roundTrips }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
