import type { QoS } from '@x/mqtt-codec';
import { describe, expect, it } from 'vitest';
import { Session } from '../src/session/session.js';
import { Harness, text } from './helpers/harness.js';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('Session commands refuse bad arguments synchronously, with a typed error, and change nothing', () => {
  it('publish with QoS 3 throws INVALID_QOS and queues nothing', () => {
    const h = new Harness({ clientId: 'c' }).connect();
    expect(code(() => h.session.publish({ topic: 't', payload: text('x'), qos: 3 as QoS }, h.now))).toBe('INVALID_QOS');
    expect(h.session.queuedCount + h.session.inflightCount).toBe(0);
  });

  it('subscribe with no filter throws INVALID_ARGUMENT, with QoS 3 throws INVALID_QOS; nothing is sent', () => {
    const h = new Harness({ clientId: 'c' }).connect();
    expect(code(() => h.session.subscribe([], undefined, h.now))).toBe('INVALID_ARGUMENT');
    expect(code(() => h.session.subscribe([{ topicFilter: 'a', qos: 3 as QoS }], undefined, h.now))).toBe('INVALID_QOS');
    expect(h.broker.sent('subscribe')).toHaveLength(0);
  });

  it('unsubscribe with no filter throws INVALID_ARGUMENT and sends nothing', () => {
    const h = new Harness({ clientId: 'c' }).connect();
    expect(code(() => h.session.unsubscribe([], undefined, h.now))).toBe('INVALID_ARGUMENT');
    expect(h.broker.sent('unsubscribe')).toHaveLength(0);
  });

  it('an empty client id without clean session is refused on 3.1.1 [MQTT-3.1.3-7], in the constructor and in configure; MQTT 5 allows it', () => {
    expect(code(() => new Session({ clientId: '', cleanSession: false }))).toBe('INVALID_ARGUMENT');
    expect(code(() => new Session({ protocolVersion: 5, clientId: '', cleanSession: false }))).toBeUndefined();
    const session = new Session({ clientId: '' });
    expect(code(() => session.configure({ cleanSession: false }))).toBe('INVALID_ARGUMENT');
    expect(session.options.cleanSession).toBe(true);
    const v5 = new Session({ protocolVersion: 5, clientId: '' });
    v5.configure({ cleanSession: false });
    expect(v5.options.cleanSession).toBe(false);
  });

  it('configure while connected changes the live limits at once and refuses anything else with INVALID_STATE', () => {
    const h = new Harness({ clientId: 'c' }).connect();
    h.session.configure({ maxQueuedMessages: 3, retryInterval: 9 });
    expect(h.session.options.maxQueuedMessages).toBe(3);
    expect(h.session.options.retryInterval).toBe(9);
    expect(code(() => h.session.configure({ keepalive: 5 }))).toBe('INVALID_STATE');
    expect(code(() => h.session.configure({ retryInterval: 1, clientId: 'other' }))).toBe('INVALID_STATE');
    expect(h.session.options.keepalive).toBe(60);
    expect(h.session.options.clientId).toBe('c');
    expect(h.session.options.retryInterval).toBe(9);
  });
});
