// MQTT 5 request/response (beyond Paho 1.5's README): the requester publishes with a response topic
// and correlation data; the responder answers on that topic, echoing the correlation data.
// Needs an MQTT 5 broker, so a URL is required: the embedded aedes speaks MQTT 3.1.1 only.
// Usage: npx -y pnpm@10.34.9 --filter @x/examples example src/mqtt5-request-response.ts mqtt://host:1883
import { Client, MQTTv5 } from '@x/mqtt';
import { runExample, timeout, uniqueTopic } from './broker.js';

const url = process.argv[2];
if (url === undefined) {
  console.error('This example needs an MQTT 5 broker (the embedded aedes speaks 3.1.1 only).');
  console.error('Usage: npx -y pnpm@10.34.9 --filter @x/examples example src/mqtt5-request-response.ts mqtt://host:1883   (e.g. a local mosquitto)');
  process.exit(2);
}

await runExample({ url, caFile: undefined, stop: async () => undefined }, async () => {
  const base = uniqueTopic('mqtt5-request-response');
  const utf8 = new TextEncoder();

  const responder = new Client({ protocol: MQTTv5 });
  responder.onMessage = (client, _u, request) => {
    const { responseTopic, correlationData } = request.properties ?? {};
    if (responseTopic === undefined) return;
    const answer = String(Number(request.text()) ** 2);
    console.log(`responder: ${request.text()} squared is ${answer}`);
    client.publish(responseTopic, answer, 1, false, correlationData !== undefined ? { correlationData } : {});
  };
  await responder.connect(url);
  await responder.subscribe(`${base}/square`, 1);

  const requester = new Client({ protocol: MQTTv5 });
  const pending = new Map<string, (answer: string) => void>();
  requester.onMessage = (_c, _u, reply) => {
    const id = new TextDecoder().decode(reply.properties?.correlationData);
    pending.get(id)?.(reply.text());
    pending.delete(id);
  };
  await requester.connect(url);
  await requester.subscribe(`${base}/replies`, 1);

  const request = (n: number, id: string): Promise<string> => {
    const answered = new Promise<string>((resolve) => pending.set(id, resolve));
    requester.publish(`${base}/square`, String(n), 1, false, { responseTopic: `${base}/replies`, correlationData: utf8.encode(id) });
    return Promise.race([answered, timeout(5000, `the answer to ${id}`)]);
  };
  const [a, b] = await Promise.all([request(7, 'req-1'), request(12, 'req-2')]);
  console.log(`requester: req-1 -> ${a}, req-2 -> ${b}`);

  await Promise.all([requester.disconnect(), responder.disconnect()]);
});
