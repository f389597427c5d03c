import { describe, expect, it } from 'vitest';
import { Harness } from './helpers/harness.js';

describe('a v5 Assigned Client Identifier', () => {
  it('is sent in the next CONNECT when the session is kept (empty client id, no clean start), so the broker finds the session', () => {
    const h = new Harness({ protocolVersion: 5, clientId: '', cleanSession: false }, { connack: { sessionPresent: false, reasonCode: 0, properties: { assignedClientIdentifier: 'srv-7' } } }).connect();
    expect(h.broker.sent('connect')[0]?.clientId).toBe('');
    h.drop();
    h.connect();
    expect(h.broker.sent('connect').map((c) => c.clientId)).toEqual(['', 'srv-7']);
  });

  it('is not reused with clean start: a fresh session asks for a fresh id', () => {
    const h = new Harness({ protocolVersion: 5, clientId: '' }, { connack: { sessionPresent: false, reasonCode: 0, properties: { assignedClientIdentifier: 'srv-7' } } }).connect();
    h.drop();
    h.connect();
    expect(h.broker.sent('connect').map((c) => c.clientId)).toEqual(['', '']);
  });
});
