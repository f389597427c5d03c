// Feeding helpers: push bytes into a fresh Decoder whole, one byte at a time, or split at a
// position; a stream that ends mid-packet counts as rejected (as decodeOne does).
import { Decoder, MqttProtocolError, type Packet, type ProtocolVersion } from '../../src/index.js';

export function decodeChunks(chunks: readonly Uint8Array[], protocolVersion: ProtocolVersion, maximumPacketSize?: number): Packet[] {
  const decoder = new Decoder(maximumPacketSize === undefined ? { protocolVersion } : { protocolVersion, maximumPacketSize });
  const packets: Packet[] = [];
  for (const chunk of chunks) packets.push(...decoder.push(chunk));
  if (decoder.buffered !== 0) throw new MqttProtocolError('MALFORMED_PACKET', `stream ended ${decoder.buffered} bytes into a packet`);
  return packets;
}

export function oneByteAtATime(data: Uint8Array): Uint8Array[] {
  return Array.from({ length: data.length }, (_, i) => data.subarray(i, i + 1));
}

export function splitAt(data: Uint8Array, at: number): Uint8Array[] {
  return [data.subarray(0, at), data.subarray(at)];
}

/** Every way of feeding `data`: whole, one byte at a time, and split at each position. */
export function feedings(data: Uint8Array): { how: string; chunks: Uint8Array[] }[] {
  const out = [{ how: 'whole', chunks: [data] }, { how: 'one byte at a time', chunks: oneByteAtATime(data) }];
  for (let at = 1; at < data.length; at++) out.push({ how: `split at ${at}`, chunks: splitAt(data, at) });
  return out;
}
