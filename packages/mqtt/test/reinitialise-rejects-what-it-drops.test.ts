// Issue 13 item 2: reinitialise() resets the client's one engine; every MessageInfo it drops
// rejects with ABORTED (documented), so no await hangs.
import { expect, it } from 'vitest';
import { MqttError } from '../src/index.js';
import { newClient, uniqueTopic } from './support/broker.js';

it('queued QoS 0 and QoS 1 messages reject with ABORTED when reinitialise() drops them', async () => {
  const client = newClient();
  const infos = [client.publish(uniqueTopic('r'), 'a', 0), client.publish(uniqueTopic('r'), 'b', 1)];
  client.reinitialise();
  for (const info of infos) {
    const error = await info.waitForPublish().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MqttError);
    expect((error as MqttError).code).toBe('ABORTED');
  }
});
