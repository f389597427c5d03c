// Small timing helpers for fault tests: sleep, poll until true, and retained-memory readings.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every `everyMs` until it is true; rejects after `timeoutMs` with `what`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface MemoryReading {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
}

/** Memory after a full GC when the process runs with --expose-gc (the suite's vitest config sets it). */
export function retainedMemory(): MemoryReading {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
}

export const MiB = 1024 * 1024;
