// Paho's external event loop, keepalive side: mosquitto (started here, frozen with SIGSTOP) stops
// answering PINGREQ; the client, moved only by loopRead(), loopWrite() and loopMisc(), sends the
// PINGREQ from loopMisc() and declares the link dead from loopMisc(): MQTT_ERR_CONN_LOST there,
// MQTT_ERR_KEEPALIVE in onDisconnect.
import { expect, it } from 'vitest';
import { MQTT_ERR_CONN_LOST, MQTT_ERR_KEEPALIVE, MQTT_ERR_SUCCESS, MQTT_LOG_DEBUG } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';
import { selectLoop } from './support/select-loop.js';

const env = useMosquitto();

it('a client with externalLoop: true detects a broker that stopped answering PINGREQ from loopMisc()', async () => {
  const client = newClient({ externalLoop: true, keepalive: 1 });
  const packets: string[] = [];
  client.onLog = (_c, _u, level, line) => {
    if (level === MQTT_LOG_DEBUG && /^(Sending|Received) /.test(line)) packets.push(line.replace(/ \(.*$/, ''));
  };
  const disconnects: number[] = [];
  client.onDisconnect = (_c, _u, rc) => disconnects.push(rc);

  let connected = false;
  const connecting = client.connect('127.0.0.1', env.broker.ports.mqtt).then(() => (connected = true));
  await selectLoop(client, () => connected);
  await connecting;
  // Alive while the loop runs: PINGREQs go out from loopMisc() and mosquitto answers them.
  await selectLoop(client, () => packets.includes('Received PINGRESP'));

  env.broker.kill('SIGSTOP');
  try {
    const frozenAt = Date.now();
    const pingsBefore = packets.filter((p) => p === 'Sending PINGREQ').length;
    const calls = await selectLoop(client, () => disconnects.length > 0, 5_000);
    const detectedAfter = Date.now() - frozenAt;
    expect(disconnects).toEqual([MQTT_ERR_KEEPALIVE]);
    expect(calls.misc.at(-1)).toBe(MQTT_ERR_CONN_LOST);
    expect(calls.misc.slice(0, -1).every((rc) => rc === MQTT_ERR_SUCCESS)).toBe(true);
    expect(packets.filter((p) => p === 'Sending PINGREQ').length).toBe(pingsBefore + 1);
    expect(packets.at(-1)).toBe('Sending PINGREQ');
    // Dead at most 1.5 x keepalive after mosquitto was last heard, plus loop ticks on a busy machine.
    expect(detectedAfter).toBeLessThanOrEqual(1_500 + 500);
    if (process.env.X_MQTT_REPORT === '1') console.log(`external loop: keepalive 1 s, dead link found ${detectedAfter} ms after SIGSTOP`);
    expect(client.isConnected()).toBe(false);
  } finally {
    env.broker.kill('SIGCONT');
  }
});
