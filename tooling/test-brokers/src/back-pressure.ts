// Fills a transport connection until writing is really blocked: write returned false and no
// onDrain followed within `settleMs` (a TLS or WebSocket write may return false for a moment
// even when the peer reads, so one false is not proof that the peer stopped reading).

export interface WriteUntilBlockedOptions {
  /** Bytes per write. Defaults to 256 KiB. */
  readonly chunkSize?: number;
  /** How long a false write must stay undrained to count as blocked. Defaults to 300 ms. */
  readonly settleMs?: number;
  /** Give up (throw) after this many bytes. Defaults to 512 MiB. */
  readonly maxBytes?: number;
}

/** Resolves with the number of bytes written once writing is blocked. `drains()` counts onDrain calls so far. */
export async function writeUntilBlocked(
  connection: { write(bytes: Uint8Array): boolean },
  drains: () => number,
  options: WriteUntilBlockedOptions = {},
): Promise<number> {
  const chunk = new Uint8Array(options.chunkSize ?? 256 * 1024);
  const settleMs = options.settleMs ?? 300;
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  let written = 0;
  while (written < maxBytes) {
    const before = drains();
    const accepted = connection.write(chunk);
    written += chunk.length;
    if (accepted) {
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    const deadline = Date.now() + settleMs;
    while (drains() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    if (drains() === before) return written;
  }
  throw new Error(`wrote ${written} bytes and writing never blocked`);
}
