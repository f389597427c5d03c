// Paho's examples/loop_select.py for a client with `externalLoop: true`: the test's own loop waits
// for the socket's 'readable' event (or a short tick), then calls loopWrite() when wantWrite(),
// loopRead() and loopMisc(). Those calls are the only thing that moves the client.
import type { Socket } from 'node:net';
import type { Client } from '../../src/index.js';

export interface LoopCalls {
  /** Every rc each call returned, in order. */
  readonly read: number[];
  readonly write: number[];
  readonly misc: number[];
}

/** Waits until `socket` is readable, or `ms` passed. */
function readableOrTick(socket: Socket | undefined, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      socket?.off('readable', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket?.once('readable', done);
  });
}

/** Drives `client` until `until()` holds; throws after `timeoutMs`. */
export async function selectLoop(client: Client, until: () => boolean, timeoutMs = 10_000, calls: LoopCalls = { read: [], write: [], misc: [] }): Promise<LoopCalls> {
  const deadline = Date.now() + timeoutMs;
  while (!until()) {
    if (Date.now() > deadline) throw new Error(`selectLoop: condition not reached within ${timeoutMs} ms`);
    if (client.wantWrite()) calls.write.push(client.loopWrite());
    await readableOrTick(client.socket() as Socket | undefined, 20);
    calls.read.push(client.loopRead());
    calls.misc.push(client.loopMisc());
  }
  return calls;
}

/** Waits `ms` with no loop call: whatever happens meanwhile, the client did on its own. */
export function idle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
