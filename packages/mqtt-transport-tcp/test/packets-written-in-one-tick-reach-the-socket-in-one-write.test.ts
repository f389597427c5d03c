import { createServer, type Socket } from 'node:net';
import { afterAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

// The codec encodes consecutive packets into adjacent views of one slab: a tick's packets must reach
// the socket as one write (no per-packet stream work), in order, with every byte.
const received: Buffer[] = [];
const peers: Socket[] = [];
const server = createServer((socket) => {
  peers.push(socket);
  socket.on('data', (chunk) => received.push(chunk));
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await new Promise((resolve) => server.close(resolve));
});

test('100 adjacent views written in one tick are one socket write; a separate buffer is a second piece', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const connection = await tcpTransport({ host: '127.0.0.1', port }).connect({ onData() {}, onDrain() {}, onClose() {} });
  const socket = connection.raw as Socket;
  const writes: number[] = [];
  const original = socket.write.bind(socket) as (chunk: Uint8Array) => boolean;
  socket.write = ((chunk: Uint8Array) => {
    writes.push(chunk.byteLength);
    return original(chunk);
  }) as typeof socket.write;

  const slab = new Uint8Array(400).map((_, i) => i & 0xff);
  for (let i = 0; i < 100; i++) expect(connection.write(slab.subarray(i * 4, i * 4 + 4))).toBe(true);
  await new Promise((resolve) => setImmediate(resolve));
  expect(writes).toEqual([400]);

  const other = Uint8Array.of(7, 7);
  connection.write(slab.subarray(0, 10));
  connection.write(other);
  await new Promise((resolve) => setImmediate(resolve));
  expect(writes).toEqual([400, 10, 2]);

  await expect.poll(() => Buffer.concat(received).length).toBe(412);
  expect([...Buffer.concat(received)]).toEqual([...slab, ...slab.subarray(0, 10), 7, 7]);
  connection.destroy();
});
