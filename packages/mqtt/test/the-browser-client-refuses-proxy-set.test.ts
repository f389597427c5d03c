// A browser's WebSocket cannot go through a proxy the page names, so the browser Client refuses
// proxySet() with INVALID_ARGUMENT (a setting never silently ignored), and carries no proxy checks;
// the Node Client still checks and accepts one.
import { expect, it } from 'vitest';
import { Client as BrowserClient } from '../src/browser.js';
import { Client } from '../src/index.js';

it('the browser Client refuses proxySet() with INVALID_ARGUMENT; the Node Client accepts it', () => {
  const settings = { type: 'socks5', host: '127.0.0.1', port: 1080 } as const;
  expect(() => new BrowserClient({ clientId: 'b' }).proxySet(settings)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('proxy') }));
  expect(() => new Client({ clientId: 'n' }).proxySet(settings)).not.toThrow();
  expect(() => new Client({ clientId: 'n' }).proxySet({ ...settings, type: 'ftp' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
});
