// A v5 Harness whose CONNECT names Authentication Method 'M', connected (CONNACK 0x00), and a
// shorthand for the broker's AUTH packets: what the re-authentication tests share.
import type { AuthPacket } from '@x/mqtt-codec';
import { Harness, text } from './harness.js';

export function connectedWithMethod(): Harness {
  const h = new Harness({ protocolVersion: 5, connectProperties: { authenticationMethod: 'M' } });
  h.connect();
  h.clear();
  return h;
}

/** An AUTH from the broker with method 'M' (or `method`) and optional data. */
export function brokerAuth(reasonCode: number, data?: string, method = 'M'): AuthPacket {
  return { type: 'auth', reasonCode, properties: { authenticationMethod: method, ...(data !== undefined ? { authenticationData: text(data) } : {}) } };
}
