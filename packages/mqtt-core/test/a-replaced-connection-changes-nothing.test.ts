// After reconnect() replaced a connection, the old one's late data, drain and close events are
// ignored: only the current connection acts on the Session.
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

it('late events of the old connection do not reach the new one', async () => {
  const { engine, transport, broker } = engineSetup();
  const closes: number[] = [];
  engine.on('socketClose', () => closes.push(1));
  await engine.connect();
  const old = transport.current;
  await engine.reconnect();
  await settle();
  expect(closes).toHaveLength(1);
  old?.handlers.onData(broker.encode({ type: 'disconnect' }));
  old?.handlers.onDrain();
  old?.handlers.onClose();
  await settle();
  expect(engine.state).toBe('connected');
  expect(closes).toHaveLength(1);
});
