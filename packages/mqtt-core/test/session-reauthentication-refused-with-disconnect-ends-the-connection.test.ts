// [MQTT-4.12.1-2]: a failed re-authentication ends with the broker's DISCONNECT (0x87 Not
// authorized here) and the connection closes; the exchange is over with it.
import { expect, it } from 'vitest';
import { connectedWithMethod } from './helpers/auth-harness.js';

it('reports the DISCONNECT 0x87 as the end of the connection and leaves no exchange open', () => {
  const h = connectedWithMethod();
  h.run(h.session.auth({ reasonCode: 0x19 }, h.now));
  h.brokerSends({ type: 'disconnect', reasonCode: 0x87 });
  h.drop();
  const [disconnected] = h.of('disconnected');
  expect(disconnected?.reasonCode).toBe(0x87);
  expect(disconnected?.error).toMatchObject({ code: 'SERVER_DISCONNECT', reasonCode: 0x87 });
  expect(h.session.reauthenticating).toBe(false);
  h.connect();
  expect(h.session.reauthenticating).toBe(false);
});
