// Issue 11 item 9: after a refused CONNACK the Session is done with that link at once, so an
// immediate retry works even while the refused socket is still closing.
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';

it('connect() right after a refusal opens a new connection without waiting for the old socket to close', async () => {
  const { engine, broker, transport } = engineSetup({ connack: 5 });
  transport.lingerOnEnd = true;
  await expect(engine.connect()).rejects.toMatchObject({ code: 'CONNECTION_REFUSED' });
  broker.script.connack = { sessionPresent: false, reasonCode: 0 };
  await expect(engine.connect()).resolves.toMatchObject({ reasonCode: 0 });
  expect(transport.connections).toBe(2);
  transport.finishClosing();
});
