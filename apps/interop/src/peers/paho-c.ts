// The Eclipse Paho C samples (Debian paho.mqtt.c-examples) as peers: paho_c_pub publishes a file
// as the payload (binary-safe), paho_c_sub prints payloads one per line (text only; it prints no
// topic, QoS, flags or properties, and its -R switch did not skip retained messages here).
import { programPath, runProgram, spawnProgram } from '@x/test-brokers';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerEndpoint, PeerPublish } from './peer-message.js';


/** The sample takes one --user-property (a second replaces the first), so only the first is sent. */
export async function pahoCPublish(at: PeerEndpoint, m: PeerPublish): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-interop-pahoc-'));
  try {
    const file = join(dir, 'payload');
    await writeFile(file, m.payload);
    const args = ['-h', at.host, '-p', String(at.port), '-V', at.version === 5 ? '5' : '311', '-t', m.topic, '-q', String(m.qos), '-f', file, '--quiet'];
    if (m.retain) args.push('-r');
    const [property] = m.userProperties ?? [];
    if (at.version === 5 && property !== undefined) args.push('--user-property', property[0], property[1]);
    await runProgram('paho_c_pub', args, { timeout: 8000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface PahoCSubscriber {
  /** Lines printed so far (one per message). */
  lines(): string[];
  /** Stops the subscriber (SIGTERM to its PID). */
  stop(): Promise<void>;
}

/** Each subscriber needs its own client id (the sample's default is shared). */
export function pahoCSubscriber(at: PeerEndpoint, topic: string, qos: number, clientId: string): PahoCSubscriber {
  const args = ['-o0', programPath('paho_c_sub'), '-i', clientId, '-h', at.host, '-p', String(at.port), '-V', at.version === 5 ? '5' : '311', '-t', topic, '-q', String(qos), '--quiet'];
  // stdbuf: paho_c_sub writes through stdio, block-buffered into a pipe.
  const child = spawnProgram('stdbuf', args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    lines: () => out.split('\n').filter((line) => line !== ''),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      await closed;
    },
  };
}
