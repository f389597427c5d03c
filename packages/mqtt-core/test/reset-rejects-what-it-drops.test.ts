// Issue 13 item 2: reset() (the facade's reinitialise()) starts a fresh Session in the same engine;
// every request it drops rejects with the typed error it was given.
import { MqttError } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';

it('queued publishes and a pending subscribe reject with the reset error; the engine connects again', async () => {
  const { engine, broker, transport } = engineSetup({ ack: false });
  await engine.connect();
  broker.answer = (p) => (p.type === 'connect' ? [{ type: 'connack', sessionPresent: false, reasonCode: 0 }] : []);
  const inflight = engine.publish('t', 'a', { qos: 1 });
  const sub = engine.subscribe({ topicFilter: 's', qos: 0 });
  engine.reset({ transports: transport, clientId: 'c2' }, new MqttError('ABORTED', 'dropped by reinitialise()'));
  await expect(inflight.done).rejects.toMatchObject({ code: 'ABORTED' });
  await expect(sub.done).rejects.toMatchObject({ code: 'ABORTED' });
  expect(engine.state).toBe('idle');
  expect(engine.session.queuedCount + engine.session.inflightCount).toBe(0);
  await engine.connect();
  expect(engine.state).toBe('connected');
});
