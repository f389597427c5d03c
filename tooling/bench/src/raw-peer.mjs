// A raw-socket MQTT peer for profiling the client alone: answers CONNECT with CONNACK, PUBLISH
// QoS 1 with PUBACK, QoS 2 with PUBREC (and PUBREL with PUBCOMP), PINGREQ with PINGRESP, and
// swallows the rest. Usage: node raw-peer.mjs PORT (prints "ready" once listening).
import { createServer } from 'node:net';

const port = Number(process.argv[2] ?? 18830);
createServer((socket) => {
  socket.setNoDelay(true);
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    const out = [];
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
      } else if (type === 6) out.push(Buffer.from([0x70, 2, buf[p], buf[p + 1]]));
      else if (type === 12) out.push(Buffer.from([0xd0, 0]));
      i = p + len;
    }
    buf = buf.subarray(i);
    if (out.length) socket.write(Buffer.concat(out));
  });
  socket.on('error', () => undefined);
}).listen(port, '127.0.0.1', () => console.log('ready'));
