// An external event loop reads a paused connection on demand: read() delivers what the socket
// holds through onData before it returns, and waiting on the socket's 'readable' event (a listener
// added and removed each time) never sets the data flowing by itself.
import type { Socket } from 'node:net';
import { expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';
import { useLoopbackPeer } from './support/loopback-peer.js';

const loopback = useLoopbackPeer();

test('read() delivers what a paused socket holds, and a readable listener coming and going delivers nothing', async () => {
  loopback.forget();
  const received: number[] = [];
  const connection = await tcpTransport({ host: '127.0.0.1', port: loopback.port() }).connect({ onData: (b) => received.push(...b), onDrain() {}, onClose() {} });
  connection.pause?.();
  await expect.poll(() => loopback.peer()).toBeDefined();
  const socket = connection.raw as Socket;
  for (const bytes of [[1, 2], [3]]) {
    const readable = new Promise((resolve) => socket.once('readable', resolve));
    loopback.peer()?.write(Buffer.from(bytes));
    await readable;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(received).toEqual([]);
  expect(connection.read?.()).toBe(3);
  expect(received).toEqual([1, 2, 3]);
  expect(connection.read?.()).toBe(0);
  connection.resume?.();
  expect(connection.read?.()).toBe(0);
  loopback.peer()?.write(Buffer.from([4]));
  await expect.poll(() => received).toEqual([1, 2, 3, 4]);
  connection.destroy();
});

test('end() on a paused socket holding unread bytes still closes promptly', async () => {
  loopback.forget();
  let closed = false;
  const connection = await tcpTransport({ host: '127.0.0.1', port: loopback.port() }).connect({ onData() {}, onDrain() {}, onClose: () => (closed = true) });
  connection.pause?.();
  await expect.poll(() => loopback.peer()).toBeDefined();
  const peer = loopback.peer() as Socket;
  peer.on('end', () => peer.end());
  const readable = new Promise((resolve) => (connection.raw as Socket).once('readable', resolve));
  peer.write(Buffer.from('unread'));
  await readable;
  const started = Date.now();
  connection.end();
  await expect.poll(() => closed, { timeout: 1_500 }).toBe(true);
  expect(Date.now() - started).toBeLessThan(1_000);
});
