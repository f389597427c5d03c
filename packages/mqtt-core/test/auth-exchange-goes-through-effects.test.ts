import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe('v5 enhanced authentication', () => {
  it('surfaces each AUTH from the broker and sends the answer given to auth()', () => {
    const h = new Harness({ protocolVersion: 5, connectProperties: { authenticationMethod: 'SCRAM', authenticationData: text('first') } });
    h.broker.script.connack = { sessionPresent: false, reasonCode: 0 };
    h.broker.answer = (p) => (p.type === 'connect' ? [{ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'SCRAM', authenticationData: text('challenge') } }] : p.type === 'auth' ? [{ type: 'connack', sessionPresent: false, reasonCode: 0 }] : []);
    h.connect();
    expect(h.session.state).toBe('connecting');
    expect(h.of('auth')).toEqual([{ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'SCRAM', authenticationData: text('challenge') } }]);
    h.run(h.session.auth({ reasonCode: 0x18, properties: { authenticationMethod: 'SCRAM', authenticationData: text('response') } }, h.now));
    expect(h.broker.sent('auth')[0]?.properties?.authenticationData).toEqual(text('response'));
    expect(h.session.state).toBe('connected');
  });

  it('is refused on MQTT 3.1.1', () => {
    const h = new Harness().connect();
    expect(() => h.session.auth({ reasonCode: 0x19 }, 0)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});
