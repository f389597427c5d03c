import { it } from 'vitest';
import { expectRejected } from './support/fixtures.js';

it('a remaining length with a fifth byte is MALFORMED_PACKET (0x81)', () => {
  expectRejected('30ffffffff01', { code: 'MALFORMED_PACKET', reasonCode: 0x81 });
  expectRejected('c0808080807f', { code: 'MALFORMED_PACKET', reasonCode: 0x81 });
});
