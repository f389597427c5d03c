// Builders for stored messages and operations used across the tests.

import type { StoredMessage, StoreOperation } from '@x/mqtt-core';

export function message(mid: number, overrides: Partial<StoredMessage> = {}): StoredMessage {
  return {
    mid,
    topic: `t/${mid}`,
    payload: new Uint8Array([mid & 0xff, 1, 2, 3]),
    qos: 1,
    retain: false,
    properties: undefined,
    packetId: mid,
    state: 'wait-puback',
    ...overrides,
  };
}

export const put = (m: StoredMessage): StoreOperation => ({ op: 'putOutgoing', message: m });
export const del = (mid: number): StoreOperation => ({ op: 'deleteOutgoing', mid });
export const putIn = (packetId: number): StoreOperation => ({ op: 'putIncoming', packetId });
export const delIn = (packetId: number): StoreOperation => ({ op: 'deleteIncoming', packetId });
export const clearIn: StoreOperation = { op: 'clearIncoming' };
