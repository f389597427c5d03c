// [MQTT-4.12.1-1]: once connected, a client whose CONNECT named a method re-authenticates with
// AUTH 0x19 and that same method; the broker's AUTH 0x00 ends the exchange (4.12.1).
import { expect, it } from 'vitest';
import { brokerAuth, connectedWithMethod } from './helpers/auth-harness.js';
import { text } from './helpers/harness.js';

it('sends AUTH 0x19 with the CONNECT method, and reports the AUTH 0x00 that ends it', () => {
  const h = connectedWithMethod();
  h.run(h.session.auth({ reasonCode: 0x19, properties: { authenticationData: text('first') } }, h.now));
  expect(h.broker.sent('auth')).toEqual([{ type: 'auth', reasonCode: 0x19, properties: { authenticationData: text('first'), authenticationMethod: 'M' } }]);
  expect(h.session.reauthenticating).toBe(true);
  h.brokerSends(brokerAuth(0x00, 'outcome'));
  expect(h.of('auth')).toEqual([brokerAuth(0x00, 'outcome')]);
  expect(h.session.reauthenticating).toBe(false);
  expect(h.session.state).toBe('connected');
  expect(h.of('error')).toEqual([]);
});
