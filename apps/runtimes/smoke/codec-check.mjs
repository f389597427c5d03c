// The codec alone (@x/mqtt-codec, no client): a v5 PUBLISH with properties encodes, decodes back
// equal whole and one byte at a time, and malformed bytes raise an MqttProtocolError with a code.
import { Decoder, encode, isMqttError } from '@x/mqtt-codec';

export async function runCodecCheck() {
  const packet = {
    type: 'publish',
    topic: 'smoke/codec',
    payload: new TextEncoder().encode('héllo'),
    qos: 2,
    retain: false,
    dup: false,
    packetId: 7,
    properties: { contentType: 'text/plain', userProperties: [['k', 'v']] },
  };
  const bytes = encode(packet, 5);
  const whole = new Decoder({ protocolVersion: 5 }).push(bytes);
  const byByte = [];
  const decoder = new Decoder({ protocolVersion: 5 });
  for (const byte of bytes) byByte.push(...decoder.push(Uint8Array.of(byte)));
  for (const decoded of [whole, byByte]) {
    if (decoded.length !== 1) throw new Error(`decoded ${decoded.length} packets, expected 1`);
    const [p] = decoded;
    const text = new TextDecoder().decode(p.payload);
    if (p.type !== 'publish' || p.topic !== packet.topic || text !== 'héllo' || p.qos !== 2 || p.packetId !== 7 || p.properties?.contentType !== 'text/plain') {
      throw new Error(`decoded ${JSON.stringify({ ...p, payload: text })}`);
    }
  }
  let code;
  try {
    new Decoder({ protocolVersion: 5 }).push(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0xff, 0x7f));
  } catch (error) {
    if (!isMqttError(error)) throw error;
    code = error.code;
  }
  if (code === undefined) throw new Error('a five-byte remaining length was accepted');
  return { bytes: bytes.length, malformedCode: code };
}
