// pause() stops reading the socket (no onData, TCP flow control holds the peer) until resume(),
// which delivers what waited, in order.
import { expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';
import { useLoopbackPeer } from './support/loopback-peer.js';

const loopback = useLoopbackPeer();

test('bytes sent while paused arrive only after resume()', async () => {
  const received: number[] = [];
  const connection = await tcpTransport({ host: '127.0.0.1', port: loopback.port() }).connect({ onData: (b) => received.push(...b), onDrain() {}, onClose() {} });
  await expect.poll(() => loopback.peer()).toBeDefined();
  loopback.peer()?.write(Buffer.from([1]));
  await expect.poll(() => received).toEqual([1]);
  connection.pause?.();
  loopback.peer()?.write(Buffer.from([2, 3]));
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(received).toEqual([1]);
  connection.resume?.();
  await expect.poll(() => received).toEqual([1, 2, 3]);
  connection.destroy();
});
