// Paho README "Option functions / tls_set": MQTT over TLS, trusting a given CA. Without a URL an
// embedded aedes serves TLS with a throw-away self-signed certificate, which is the CA to trust.
// Usage: example src/tls.ts [mqtts://host:8883 [ca.pem]]   (no ca.pem: the system's CAs)
import { TLSSocket } from 'node:tls';
import { Client } from '@x/mqtt';
import { exampleBroker, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker('mqtts');
await runExample(broker, async () => {
  const topic = `${uniqueTopic('tls')}/hello`;
  const client = new Client();
  // ca: a path, PEM text or bytes. Also cert/key for client certificates.
  client.tlsSet(broker.caFile !== undefined ? { ca: broker.caFile } : {});

  await client.connect(broker.url);
  const socket = client.socket();
  if (socket instanceof TLSSocket) console.log(`connected over ${socket.getProtocol()}, certificate verified: ${socket.authorized}`);

  const arrived = new Promise<string>((resolve) => (client.onMessage = (_c, _u, msg) => resolve(msg.text())));
  await client.subscribe(topic, 1);
  await client.publish(topic, 'hello over TLS', 1);
  console.log(`received "${await Promise.race([arrived, timeout(5000, 'the message')])}"`);
  await client.disconnect();
});
