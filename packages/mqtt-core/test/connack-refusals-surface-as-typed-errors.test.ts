import { describe, expect, it } from 'vitest';
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
});
