// 4.12.1: the broker may answer a re-authentication with AUTH 0x18 as often as it needs; each
// answer is an AUTH 0x18 [MQTT-4.12.0-3] with the same method [MQTT-4.12.0-5], until AUTH 0x00.
import { expect, it } from 'vitest';
import { brokerAuth, connectedWithMethod } from './helpers/auth-harness.js';
import { text } from './helpers/harness.js';

it('continues with 0x18 both ways, then ends on 0x00', () => {
  const h = connectedWithMethod();
  h.run(h.session.auth({ reasonCode: 0x19 }, h.now));
  for (const step of ['one', 'two']) {
    h.brokerSends(brokerAuth(0x18, `challenge ${step}`));
    expect(h.of('auth').at(-1)).toEqual(brokerAuth(0x18, `challenge ${step}`));
    expect(h.session.reauthenticating).toBe(true);
    h.run(h.session.auth({ reasonCode: 0x18, properties: { authenticationData: text(`answer ${step}`) } }, h.now));
  }
  h.brokerSends(brokerAuth(0x00));
  expect(h.broker.sent('auth').map((a) => [a.reasonCode, a.properties?.authenticationMethod])).toEqual([[0x19, 'M'], [0x18, 'M'], [0x18, 'M']]);
  expect(h.broker.sent('auth')[2]?.properties?.authenticationData).toEqual(text('answer two'));
  expect(h.session.reauthenticating).toBe(false);
  expect(h.session.state).toBe('connected');
});
