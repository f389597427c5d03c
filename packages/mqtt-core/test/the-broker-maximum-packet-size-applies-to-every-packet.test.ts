import { describe, expect, it } from 'vitest';
import { Harness } from './helpers/harness.js';

const limited = (maximumPacketSize: number, authenticationMethod = 'SCRAM') => new Harness({ protocolVersion: 5, clientId: 'c', connectProperties: { authenticationMethod } }, { connack: { sessionPresent: false, reasonCode: 0, properties: { maximumPacketSize } } }).connect();

describe("the broker's Maximum Packet Size holds for every packet the client sends [MQTT-3.2.2-15]", () => {
  it('a SUBSCRIBE over it: PACKET_TOO_LARGE at the call, nothing on the wire, the next one goes out', () => {
    const h = limited(30);
    h.clear();
    expect(() => h.session.subscribe([{ topicFilter: 'a/very/long/topic/filter/indeed', qos: 1 }], undefined, h.now)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
    expect(h.broker.received).toEqual([]);
    h.run(h.session.subscribe([{ topicFilter: 'a', qos: 1 }], undefined, h.now).effects);
    expect(h.broker.sent('subscribe').map((s) => s.subscriptions[0]?.topicFilter)).toEqual(['a']);
    expect(h.of('subscribed')).toHaveLength(1);
  });

  it('an UNSUBSCRIBE over it: PACKET_TOO_LARGE at the call, nothing on the wire', () => {
    const h = limited(20);
    h.clear();
    expect(() => h.session.unsubscribe(['a/very/long/topic/filter'], undefined, h.now)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
    expect(h.broker.received).toEqual([]);
  });

  it('a DISCONNECT whose Reason String would not fit goes without it [MQTT-3.14.2-3]', () => {
    const h = limited(10);
    h.clear();
    h.run(h.session.disconnect({ reasonCode: 0x04, properties: { reasonString: 'going away for a long while now' } }, h.now));
    expect(h.broker.sent('disconnect')).toEqual([expect.objectContaining({ reasonCode: 0x04 })]);
    expect(h.broker.sent('disconnect')[0]?.properties?.reasonString).toBeUndefined();
  });

  it('an AUTH keeps its method and data but drops User Properties that would not fit [MQTT-3.15.2-2]', () => {
    const h = limited(40);
    h.clear();
    h.run(h.session.auth({ reasonCode: 0x19, properties: { authenticationMethod: 'SCRAM', userProperties: [['padding', 'x'.repeat(60)]] } }, h.now));
    expect(h.broker.sent('auth').map((a) => [a.properties?.authenticationMethod, a.properties?.userProperties])).toEqual([['SCRAM', undefined]]);
  });

  it('an AUTH that cannot fit even so is refused at the call', () => {
    const h = limited(20, 'A-VERY-LONG-AUTHENTICATION-METHOD');
    expect(() => h.session.auth({ reasonCode: 0x19 }, h.now)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
  });
});
