import { describe, expect, it } from 'vitest';
import { Session } from '../src/index.js';
import { Harness } from './helpers/harness.js';

describe('a refused CONNACK', () => {
  it.each([
    [1, 0x84],
    [2, 0x85],
    [3, 0x88],
    [4, 0x86],
    [5, 0x87],
  ])('with 3.1.1 return code %i becomes CONNECTION_REFUSED (reason 0x%s) and a close', (code, reason) => {
    const h = new Harness({ protocolVersion: 4 }, { connack: { sessionPresent: false, reasonCode: code } }).connect();
    expect(h.of('connack', 'error', 'close', 'disconnected').map((e) => e.type)).toEqual(['connack', 'error', 'close', 'disconnected']);
    const [error] = h.of('error');
    expect(error?.error.code).toBe('CONNECTION_REFUSED');
    expect(error?.error.reasonCode).toBe(reason);
    expect(h.session.state).toBe('disconnected');
    expect(h.timers.size).toBe(0);
  });

  it('with a v5 reason code keeps that code and the properties', () => {
    const h = new Harness({ protocolVersion: 5 }, { connack: { sessionPresent: false, reasonCode: 0x86, properties: { reasonString: 'nope' } } }).connect();
    const [disconnected] = h.of('disconnected');
    expect(disconnected?.error).toMatchObject({ code: 'CONNECTION_REFUSED', reasonCode: 0x86 });
    expect(disconnected?.properties).toEqual({ reasonString: 'nope' });
  });

  it('from a 3.1.1-only server answering a v5 CONNECT with return code 1 is a refusal (0x84), not a connection', () => {
    const session = new Session({ protocolVersion: 5 });
    session.connectionOpened(0);
    const effects = session.receive(new Uint8Array([0x20, 0x02, 0x00, 0x01]), 1);
    const error = effects.find((e) => e.type === 'error');
    expect(error?.type === 'error' && error.error).toMatchObject({ code: 'CONNECTION_REFUSED', reasonCode: 0x84 });
    expect(effects.map((e) => e.type)).toContain('close');
    expect(session.state).not.toBe('connected');
  });
});
