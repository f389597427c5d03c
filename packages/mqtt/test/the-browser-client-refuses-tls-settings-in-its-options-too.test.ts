// The browser platform checks TLS settings (Platform.checkTls): a page can set none, so the
// constructor's `tls` is refused as tlsSet() refuses it, instead of being accepted and ignored.
import { expect, it } from 'vitest';
import { Client } from '../src/browser.js';

it('new Client({ tls: { ca } }) in a browser is INVALID_ARGUMENT naming the setting; tls: true is wss', () => {
  expect(() => new Client({ tls: { ca: '-----BEGIN CERTIFICATE-----' } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('(ca)') }));
  expect(() => new Client({ tls: 42 as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  expect(() => new Client({ tls: true }).tlsInsecureSet(false)).not.toThrow();
});
