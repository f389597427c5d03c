// Fault: a manualAck consumer (FileSessionStore, cleanSession false, src/consumer-child.ts) receives
// a QoS 1 message and is SIGKILLed, by its PID, before acking it; a second consumer process with the
// same client id and store directory starts. The promise: a crash between receipt and ack means
// redelivery, not loss. The first consumer is killed 500 ms after receipt, so a PUBACK sent on
// arrival (the default, auto-ack) would long have reached the broker and nothing would come again.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '@x/mqtt';
import { startMosquitto, type MosquittoBroker, spawnNode } from '@x/test-brokers';
import { sleep, waitUntil } from '../src/wait.js';
import { report } from './support/results.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../src/consumer-child.ts', import.meta.url));
const TOPIC = 'faults/manual-ack-crash';
const CLIENT_ID = 'faults-manual-ack-consumer';

let broker: MosquittoBroker<'mqtt'>;
let dir: string;
let producer: Client | undefined;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  broker = await startMosquitto();
  dir = await mkdtemp(join(tmpdir(), 'x-mqtt-faults-manual-ack-'));
});

afterAll(async () => {
  try {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await producer?.disconnect().catch(() => undefined);
  } finally {
    await broker?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

interface Consumer {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  stderr: string;
}

function startConsumer(mode: 'hold' | 'ack'): Consumer {
  const child = spawnNode(['--import', 'tsx', '--conditions=x-mqtt-source', CHILD, dir, String(broker.ports.mqtt), CLIENT_ID, TOPIC, mode], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const state: Consumer = { child, lines: [], stderr: '', exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))) };
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    state.lines.push(...lines);
  });
  child.stderr?.on('data', (chunk: Buffer) => (state.stderr += chunk.toString('utf8')));
  return state;
}

it('an unacked QoS 1 message comes again to the next consumer process after a SIGKILL', async () => {
  const first = startConsumer('hold');
  await waitUntil(() => first.lines.includes('READY'), 20_000, `the first consumer to subscribe (${first.stderr})`);
  producer = new Client();
  await producer.connect('127.0.0.1', broker.ports.mqtt);
  await producer.publish(TOPIC, 'keep me', 1);
  await waitUntil(() => first.lines.includes('M keep me'), 10_000, 'the first consumer to receive it');
  await sleep(500);
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');

  const second = startConsumer('ack');
  await waitUntil(() => second.lines.includes('A keep me'), 20_000, `the second consumer to get it again (${second.stderr})`).catch(() => undefined);
  const again = second.lines.includes('M keep me');
  second.child.kill('SIGKILL');
  await second.exited;
  report({
    fault: 'manualAck consumer (FileSessionStore, cleanSession false) SIGKILLed 500 ms after receiving a QoS 1 message it had not acked',
    sent: 1,
    received: again ? 2 : 1,
    lost: again ? 0 : 1,
    duplicated: again ? 1 : 0,
    note: 'the redelivery is the promise: the crashed process never acked, so the broker sends it to the next process with that client id',
  });
  expect(second.stderr).toBe('');
  expect(again).toBe(true);
  expect(second.lines.filter((l) => l.startsWith('M ') || l.startsWith('A '))).toEqual(['M keep me', 'A keep me']);
}, 60_000);
