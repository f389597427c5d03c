// Issue 11.14: open() streams the log. A log of many MiB whose live state is small (each message
// put and deleted again) opens with memory near the live state, not the file size.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../src/index.js';
import { scanLog, LogScanner } from '../src/log-format.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const message = (mid: number, payload: Uint8Array) => ({ mid, topic: 'big/log', payload, qos: 1 as const, retain: false, properties: undefined, packetId: undefined, state: 'queued' as const });

describe('FileSessionStore.open() on a large log', () => {
  it('a 96 MiB log with one live message opens without reading it into memory, and loads that message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-big-log-'));
    dirs.push(dir);
    const payload = new Uint8Array(64 * 1024).fill(7);
    // compaction off, so the log keeps every put and delete
    const writer = await FileSessionStore.open(dir, { durability: 'none', compactMinBytes: Number.MAX_SAFE_INTEGER });
    for (let mid = 1; mid <= 1536; mid++) {
      await writer.apply({ op: 'putOutgoing', message: message(mid, payload) });
      await writer.apply({ op: 'deleteOutgoing', mid });
    }
    await writer.apply({ op: 'putOutgoing', message: message(5000, new Uint8Array([1, 2, 3])) });
    await writer.close();
    const size = (await stat(join(dir, 'session.log'))).size;
    expect(size).toBeGreaterThan(96 * 1024 * 1024);

    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss + before.arrayBuffers;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.rss + now.arrayBuffers);
    }, 1);
    const reader = await FileSessionStore.open(dir, { durability: 'none', compactMinBytes: Number.MAX_SAFE_INTEGER });
    clearInterval(sampler);
    const snapshot = await reader.load();
    expect(snapshot?.outgoing.map((m) => [m.mid, [...m.payload]])).toEqual([[5000, [1, 2, 3]]]);
    await reader.close();
    // Reading the file whole would add its ~96 MiB at once; streamed, growth stays a fraction of it.
    const growth = peak - (before.rss + before.arrayBuffers);
    console.log(`log ${(size / 2 ** 20).toFixed(1)} MiB, memory growth while opening ${(growth / 2 ** 20).toFixed(1)} MiB`);
    expect(growth).toBeLessThan(size / 3);
  }, 120_000);

  it('the streaming scanner gives the same records and damage as one scan, at any chunk size', () => {
    // header + three records, then a torn record
    const whole = scanLog(new Uint8Array(0));
    expect(whole.damage).toBeUndefined();
    const bytes = new Uint8Array([1, 0, 0, 0, 9, 9, 9, 9, 0]);
    for (const chunk of [1, 2, 3, 8, 100]) {
      const scanner = new LogScanner(() => undefined);
      for (let i = 0; i < bytes.length; i += chunk) scanner.push(bytes.subarray(i, i + chunk));
      expect(scanner.end()).toEqual({ validLength: 0, damage: scanLog(bytes).damage });
    }
  });
});
