// Validation reads a table of masks and names live in another (so names can tree-shake away):
// this keeps the two in step, for every code on every packet.
import { expect, it } from 'vitest';
import { isReasonCodeAllowed, PACKET_TYPE_CODES, REASON_CODES, type PacketType } from '../src/index.js';

it('a reason code is allowed on a packet exactly when REASON_CODES names it there', () => {
  for (const packet of Object.keys(PACKET_TYPE_CODES) as PacketType[]) {
    for (let code = 0; code < 256; code++) {
      const named = REASON_CODES.some((entry) => entry.code === code && entry.packets.includes(packet));
      expect(isReasonCodeAllowed(packet, code), `${packet} 0x${code.toString(16)}`).toBe(named);
    }
  }
});
