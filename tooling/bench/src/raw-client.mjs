// The reference the client-only sections measure both libraries against: a hand-written MQTT 3.1.1
// client that does the wire work and nothing else (no validation, no queue, no window, no store,
// no reconnect, no events), with a native Promise per publish as the libraries' promise APIs give.
// What it costs per message is the floor for a JavaScript client on this machine and runtime: a
// ratio to MQTT.js above this one's is not reachable by any client doing the same work.
// Invariant: it speaks only what raw-peer.mjs speaks (CONNACK, PUBACK, PUBREC, PUBCOMP, SUBACK,
// PUBLISH QoS 0/1/2 with PUBREL), and treats anything else as the end of the run.
import { connect } from 'node:net';

/** Packets written in one tick leave in one socket write (cork now, uncork at the next tick). */
function writer(socket) {
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  return (bytes) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    socket.write(bytes);
  };
}

function connectPacket(clientId) {
  const id = Buffer.from(clientId);
  const body = Buffer.concat([Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 0x02, 0, 60, id.length >> 8, id.length & 255]), id]);
  return Buffer.concat([Buffer.from([0x10, body.length]), body]);
}

/** Opens a connection to 127.0.0.1:`port` and resolves once CONNACK came. */
export function openRawClient({ port, clientId, onMessage = () => undefined }) {
  const socket = connect({ host: '127.0.0.1', port, noDelay: true });
  const write = writer(socket);
  const waiting = new Map(); // packet id -> resolve, for PUBACK / PUBCOMP / SUBACK
  const topics = new Map(); // topic -> its length-prefixed UTF-8, made once
  let nextId = 1;
  let pending = Buffer.alloc(0);
  let connected;
  const ready = new Promise((resolve, reject) => {
    connected = resolve;
    socket.once('error', reject);
  });

  const take = () => {
    const id = nextId;
    nextId = nextId === 65535 ? 1 : nextId + 1;
    return id;
  };

  socket.on('data', (chunk) => {
    let buf = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let pos = 0;
    for (;;) {
      if (buf.length - pos < 2) break;
      let len = 0;
      let mul = 1;
      let i = pos + 1;
      let b;
      do {
        if (i >= buf.length) break;
        b = buf[i++];
        len += (b & 127) * mul;
        mul *= 128;
      } while (b & 128);
      if (b & 128 || i + len > buf.length) break;
      const type = buf[pos] >> 4;
      if (type === 3) {
        const q = (buf[pos] >> 1) & 3;
        const tl = (buf[i] << 8) | buf[i + 1];
        const topic = buf.latin1Slice(i + 2, i + 2 + tl);
        let p = i + 2 + tl;
        if (q > 0) {
          const id0 = buf[p];
          const id1 = buf[p + 1];
          p += 2;
          write(Buffer.from([q === 1 ? 0x40 : 0x50, 2, id0, id1]));
        }
        onMessage(topic, buf.subarray(p, i + len));
      } else if (type === 2) {
        connected();
      } else if (type === 4 || type === 7 || type === 9) {
        const id = (buf[i] << 8) | buf[i + 1];
        const resolve = waiting.get(id);
        waiting.delete(id);
        resolve?.();
      } else if (type === 5) {
        write(Buffer.from([0x62, 2, buf[i], buf[i + 1]]));
      } else if (type === 6) {
        write(Buffer.from([0x70, 2, buf[i], buf[i + 1]]));
      }
      pos = i + len;
    }
    pending = pos === buf.length ? Buffer.alloc(0) : buf.subarray(pos);
  });
  socket.write(connectPacket(clientId));

  return ready.then(() => ({
    /** Resolves when QoS 0 was handed to the socket, QoS 1 acked, QoS 2 completed. */
    publish(topic, payload, qos) {
      let t = topics.get(topic);
      if (t === undefined) {
        const bytes = Buffer.from(topic);
        t = Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 255]), bytes]);
        topics.set(topic, t);
      }
      const size = payload.length; // bytes, or an ASCII string (one byte per character) as in the benchmarks
      const remaining = t.length + (qos > 0 ? 2 : 0) + size;
      const head = remaining < 128 ? 2 : 3;
      const out = Buffer.allocUnsafe(head + remaining);
      out[0] = 0x30 | (qos << 1);
      if (head === 2) out[1] = remaining;
      else {
        out[1] = (remaining & 127) | 128;
        out[2] = remaining >> 7;
      }
      t.copy(out, head);
      let p = head + t.length;
      let promise;
      if (qos > 0) {
        const id = take();
        out[p++] = id >> 8;
        out[p++] = id & 255;
        promise = new Promise((resolve) => waiting.set(id, resolve));
      }
      if (typeof payload === 'string') out.latin1Write(payload, p);
      else out.set(payload, p);
      write(out);
      return promise ?? Promise.resolve();
    },
    subscribe(filter, qos) {
      const f = Buffer.from(filter);
      const id = take();
      const body = Buffer.concat([Buffer.from([id >> 8, id & 255, f.length >> 8, f.length & 255]), f, Buffer.from([qos])]);
      write(Buffer.concat([Buffer.from([0x82, body.length]), body]));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close() {
      socket.end(Buffer.from([0xe0, 0]));
      return new Promise((resolve) => socket.once('close', resolve));
    },
  }));
}
