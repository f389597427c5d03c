// Starts raw-peer.mjs in a child process on a free loopback port and waits for its "ready".
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, spawnNode } from '@x/test-brokers';

export interface RawPeer {
  readonly port: number;
  stop(): void;
}

const peerScript = fileURLToPath(new URL('./raw-peer.mjs', import.meta.url));

/** `bursts` are `bench/r/Q/N` topics the peer encodes before it is ready. */
export async function startRawPeer(bursts: readonly string[] = []): Promise<RawPeer> {
  const port = await freePort();
  const peer: ChildProcess = spawnNode([peerScript, String(port), ...bursts], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    peer.stdout?.once('data', () => resolve());
    peer.once('exit', (code) => reject(new Error(`raw-peer.mjs exited (code ${code}) before it was ready`)));
  });
  return { port, stop: () => peer.kill('SIGTERM') };
}
