import { describe, expect, it } from 'vitest';
import { Session } from '../src/session/session.js';

describe('a CONNECT that cannot be encoded', () => {
  it('fails the open with the codec\'s typed error and closes the link; nothing is sent and connectionOpened does not throw', () => {
    const session = new Session({ clientId: 'c', username: 'bad\ud800' });
    const fx = session.connectionOpened(0);
    expect(fx.filter((e) => e.type === 'send')).toEqual([]);
    expect(fx.map((e) => (e.type === 'error' ? e.error.code : e.type))).toEqual(['INVALID_UTF8', 'close']);
    expect(session.state).toBe('closing');
    const closed = session.connectionClosed(0).find((e) => e.type === 'disconnected');
    expect(closed?.type === 'disconnected' && closed.error?.code).toBe('INVALID_UTF8');
  });
});
