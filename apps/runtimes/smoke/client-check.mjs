// One client over one URL: connect, subscribe at QoS 2, publish at QoS 0, 1 and 2, receive each
// message back with its QoS, disconnect. Returns what it saw; throws on anything else.
const QOS_LEVELS = [0, 1, 2];
const RECEIVE_TIMEOUT = 10_000;

export async function runClientCheck(Client, url, { caFile, tag }) {
  const client = new Client({ clientId: `smoke-${Math.random().toString(16).slice(2, 10)}`, autoReconnect: false, connectTimeout: 5 });
  if (caFile !== undefined && url.startsWith('mqtts:')) client.tlsSet({ ca: caFile });
  if (caFile !== undefined && url.startsWith('wss:')) client.tlsSet({ ca: caFile });
  const topic = `smoke/${tag.replace(/[^a-z0-9-]/gi, '_')}`;
  const received = [];
  let arrived;
  const allArrived = new Promise((resolve) => {
    arrived = resolve;
  });
  client.onMessage = (_client, _userdata, message) => {
    received.push({ topic: message.topic, payload: new TextDecoder().decode(message.payload), qos: message.qos });
    if (received.length === QOS_LEVELS.length) arrived();
  };
  try {
    await client.connect(url);
    await client.subscribe(`${topic}/#`, 2);
    for (const qos of QOS_LEVELS) await client.publish(`${topic}/q${qos}`, `payload at qos ${qos}`, qos);
    let timer;
    await Promise.race([
      allArrived,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`received ${received.length} of ${QOS_LEVELS.length} messages`)), RECEIVE_TIMEOUT);
      }),
    ]).finally(() => clearTimeout(timer));
    received.sort((a, b) => a.qos - b.qos);
    for (const [i, qos] of QOS_LEVELS.entries()) {
      const m = received[i];
      if (m.topic !== `${topic}/q${qos}` || m.payload !== `payload at qos ${qos}` || m.qos !== qos) throw new Error(`unexpected message ${JSON.stringify(m)}`);
    }
    return { receivedQos: received.map((m) => m.qos) };
  } finally {
    await client.disconnect().catch(() => undefined);
  }
}
