// Cost per message of the durable session store: put + delete of QoS 1 messages with 100-byte
// payloads (what a QoS 1 publish costs the store: saved before PUBLISH, removed on PUBACK), with
// fsync and without, sequential and with 100 applies in flight (group commit), against memory.
// Runs in a temp dir under os.tmpdir() (set TMPDIR to measure another disk). Prints Markdown.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Relative imports: @x/bench does not depend on these packages (yet); swap for '@x/mqtt-store-file'
// and '@x/mqtt-core' once it does.
import { FileSessionStore, type Durability } from '../../../packages/mqtt-store-file/src/index.js';
import { MemorySessionStore, type SessionStore, type StoreOperation, type StoredMessage } from '../../../packages/mqtt-core/src/index.js';

/** Messages per case by default; the sequential fsync case takes ~1 ms per fsync on a typical SSD. */
export const DEFAULT_STORE_BENCH_MESSAGES = 10_000;
const PAYLOAD = new Uint8Array(100).fill(0x61);

interface Row {
  name: string;
  perSecond: number;
  microsPerMessage: number;
  fsyncsPerMessage: string;
}

function qos1(mid: number): StoredMessage {
  return { mid, topic: 'bench/store', payload: PAYLOAD, qos: 1, retain: false, properties: undefined, packetId: (mid % 65535) + 1, state: 'wait-puback' };
}

/** put then delete of `messages` messages, `concurrency` of them in flight at once. Returns ms. */
async function run(store: SessionStore, messages: number, concurrency: number): Promise<number> {
  let next = 1;
  const worker = async (): Promise<void> => {
    while (next <= messages) {
      const mid = next++;
      const put: StoreOperation = { op: 'putOutgoing', message: qos1(mid) };
      await store.apply(put);
      await store.apply({ op: 'deleteOutgoing', mid });
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - start;
}

async function fileCase(name: string, messages: number, durability: Durability, concurrency: number): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-store-file-'));
  try {
    const store = await FileSessionStore.open(dir, { durability });
    await run(store, 200, concurrency); // warm-up
    const before = store.stats;
    const ms = await run(store, messages, concurrency);
    const writes = store.stats.writes - before.writes;
    await store.close();
    return row(name, messages, ms, durability === 'fsync' ? (writes / messages).toFixed(2) : '0');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function row(name: string, messages: number, ms: number, fsyncsPerMessage: string): Row {
  return { name, perSecond: (messages / ms) * 1000, microsPerMessage: (ms * 1000) / messages, fsyncsPerMessage };
}

/** Prints a Markdown table: store cost per QoS 1 message (put + delete). */
export async function benchStoreFile(messages = DEFAULT_STORE_BENCH_MESSAGES): Promise<void> {
  const rows: Row[] = [];
  const memory = new MemorySessionStore();
  await run(memory, 1000, 1);
  rows.push(row('MemorySessionStore (reference)', messages, await run(memory, messages, 1), '0'));
  rows.push(await fileCase("FileSessionStore, durability 'none', sequential", messages, 'none', 1));
  rows.push(await fileCase("FileSessionStore, durability 'none', 100 in flight", messages, 'none', 100));
  rows.push(await fileCase("FileSessionStore, durability 'fsync', sequential", messages, 'fsync', 1));
  rows.push(await fileCase("FileSessionStore, durability 'fsync', 100 in flight (group commit)", messages, 'fsync', 100));

  console.log(`\n## Session store: put + delete of ${messages.toLocaleString('en-US')} QoS 1 messages (100-byte payload)\n`);
  console.log(`temp dir under ${tmpdir()}\n`);
  console.log('| case | messages/s | µs per message | fsyncs per message |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${r.microsPerMessage.toFixed(2)} | ${r.fsyncsPerMessage} |`);
  }
}
