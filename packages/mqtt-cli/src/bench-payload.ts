// The bench payload: a 28-byte header (magic, run, publisher i of n, sequence, total, send time)
// padded to the requested size, so a subscriber in another process can count lost and duplicated
// messages and measure publish-to-receive latency. Pure functions: no I/O.
export const HEADER_BYTES = 28;
const MAGIC = 0x584d5142; // 'XMQB'

export interface BenchHeader {
  readonly run: number;
  readonly publisher: number;
  readonly publishers: number;
  readonly seq: number;
  /** Messages this publisher will send; 0 = until stopped. */
  readonly total: number;
  /** Wall-clock send time, ms since the epoch (sub-millisecond). */
  readonly sentAt: number;
}

export function encodeHeader(h: BenchHeader, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, HEADER_BYTES));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, h.run);
  view.setUint16(8, h.publisher);
  view.setUint16(10, h.publishers);
  view.setUint32(12, h.seq);
  view.setUint32(16, h.total);
  view.setFloat64(20, h.sentAt);
  return bytes;
}

/** The header, or undefined for a message that is not a bench message. */
export function decodeHeader(bytes: Uint8Array): BenchHeader | undefined {
  if (bytes.length < HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== MAGIC) return undefined;
  return { run: view.getUint32(4), publisher: view.getUint16(8), publishers: view.getUint16(10), seq: view.getUint32(12), total: view.getUint32(16), sentAt: view.getFloat64(20) };
}

/** Wall-clock now with sub-millisecond precision (comparable across processes on one machine). */
export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}
