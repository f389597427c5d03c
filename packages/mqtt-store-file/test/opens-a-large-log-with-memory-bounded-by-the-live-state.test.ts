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
    let peakRss = before.rss;
    let peakBuffers = before.arrayBuffers;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    }, 1);
    const reader = await FileSessionStore.open(dir, { durability: 'none', compactMinBytes: Number.MAX_SAFE_INTEGER });
    clearInterval(sampler);
    const snapshot = await reader.load();
    expect(snapshot?.outgoing.map((m) => [m.mid, [...m.payload]])).toEqual([[5000, [1, 2, 3]]]);
    await reader.close();
    const buffers = peakBuffers - before.arrayBuffers;
    const rss = peakRss - before.rss;
    console.log(`log ${(size / 2 ** 20).toFixed(1)} MiB; while opening: buffers +${(buffers / 2 ** 20).toFixed(1)} MiB, RSS +${(rss / 2 ** 20).toFixed(1)} MiB`);
    // Read whole, the file's ~96 MiB would sit in one buffer at once (372 MiB of growth was measured
    // before this change). Streamed, what is held is one 1 MiB chunk and what is live; the peak also
    // counts read buffers not yet collected (15-17 MiB seen), so the bound is half the file. RSS is
    // the whole process (other work shares it), so it only has to stay under the file's size.
    expect(buffers).toBeLessThan(size / 2);
    expect(rss).toBeLessThan(size);
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
