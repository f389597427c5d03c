// A raw-socket MQTT peer that makes the client the bottleneck (MQTT 3.1.1). As a broker would, it
// answers CONNECT with CONNACK, PUBLISH QoS 1 with PUBACK, QoS 2 with PUBREC (and PUBREL with PUBCOMP),
// PUBREC with PUBREL, PINGREQ with PINGRESP, and swallows the rest. A SUBSCRIBE to `bench/r/Q/N`
// gets a SUBACK granting what was asked, then N pre-encoded PUBLISH of 16 B at QoS Q on that topic in
// one write (packet ids 1..65535, wrapping). Usage: node raw-peer.mjs PORT [TOPIC...] (the topics'
// bursts are encoded before it prints "ready", so no measured run waits for them).
import { createServer } from 'node:net';

const port = Number(process.argv[2] ?? 18830);
const PAYLOAD = Buffer.from('sixteen bytes!!!');
/** Pre-encoded bursts by topic, made once: a burst of 500k costs the peer, not the client. */
const bursts = new Map();

function varint(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 128;
    out.push(b);
  } while (n > 0);
  return out;
}

function burst(topic) {
  const cached = bursts.get(topic);
  if (cached !== undefined) return cached;
  const [, , q, count] = topic.split('/');
  const qos = Number(q), n = Number(count);
  const t = Buffer.from(topic);
  const remaining = 2 + t.length + (qos > 0 ? 2 : 0) + PAYLOAD.length;
  const head = Buffer.from([0x30 | (qos << 1), ...varint(remaining)]);
  const size = head.length + remaining;
  const out = Buffer.alloc(size * n);
  for (let i = 0, o = 0; i < n; i++, o += size) {
    head.copy(out, o);
    let p = o + head.length;
    p = out.writeUInt16BE(t.length, p);
    p += t.copy(out, p);
    if (qos > 0) p = out.writeUInt16BE((i % 65535) + 1, p);
    PAYLOAD.copy(out, p);
  }
  bursts.set(topic, out);
  return out;
}

createServer((socket) => {
  socket.setNoDelay(true);
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    const out = [];
    let fire;
    let i = 0;
    for (;;) {
      if (buf.length - i < 2) break;
      let len = 0, mul = 1, p = i + 1, b;
      do { if (p >= buf.length) { b = -1; break; } b = buf[p++]; len += (b & 127) * mul; mul *= 128; } while (b & 128);
      if (b === -1 || p + len > buf.length) break;
      const type = buf[i] >> 4, qos = (buf[i] >> 1) & 3;
      if (type === 1) out.push(Buffer.from([0x20, 2, 0, 0]));
      else if (type === 3 && qos > 0) {
        const tl = buf.readUInt16BE(p); const id = buf.readUInt16BE(p + 2 + tl);
        out.push(Buffer.from([qos === 1 ? 0x40 : 0x50, 2, id >> 8, id & 255]));
      } else if (type === 5) out.push(Buffer.from([0x62, 2, buf[p], buf[p + 1]]));
      else if (type === 6) out.push(Buffer.from([0x70, 2, buf[p], buf[p + 1]]));
      else if (type === 8) {
        const tl = buf.readUInt16BE(p + 2);
        const topic = buf.toString('utf8', p + 4, p + 4 + tl);
        out.push(Buffer.from([0x90, 3, buf[p], buf[p + 1], buf[p + 4 + tl] & 3]));
        if (topic.startsWith('bench/r/')) fire = burst(topic);
      } else if (type === 12) out.push(Buffer.from([0xd0, 0]));
      i = p + len;
    }
    buf = buf.subarray(i);
    if (out.length) socket.write(out.length === 1 ? out[0] : Buffer.concat(out));
    if (fire !== undefined) socket.write(fire);
  });
  socket.on('error', () => undefined);
}).listen(port, '127.0.0.1', () => {
  for (const topic of process.argv.slice(3)) burst(topic);
  console.log('ready');
});
