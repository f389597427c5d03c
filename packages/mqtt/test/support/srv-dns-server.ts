// A tiny DNS server on loopback UDP that answers SRV queries from a fixed table (and NXDOMAIN
// otherwise), so connectSrv() can be tested without touching real DNS.
import { createSocket, type Socket } from 'node:dgram';

export interface SrvRecord {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter((p) => p.length > 0);
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'ascii')])), Buffer.from([0])]);
}

function readName(msg: Buffer, offset: number): [string, number] {
  const labels: string[] = [];
  let i = offset;
  while (msg[i] !== 0) {
    const len = msg[i]!;
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += 1 + len;
  }
  return [labels.join('.'), i + 1];
}

export async function startSrvDnsServer(records: Readonly<Record<string, SrvRecord[]>>): Promise<{ address: string; close(): Promise<void> }> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', (msg, peer) => {
    const [name, end] = readName(msg, 12);
    const question = msg.subarray(12, end + 4);
    const answers = records[name.toLowerCase()] ?? [];
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180 | (answers.length === 0 ? 3 : 0), 2); // response, RD+RA, NXDOMAIN when empty
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const rrs = answers.map((r) => {
      const target = encodeName(r.target);
      const rdata = Buffer.alloc(6);
      rdata.writeUInt16BE(r.priority, 0);
      rdata.writeUInt16BE(r.weight, 2);
      rdata.writeUInt16BE(r.port, 4);
      const fixed = Buffer.alloc(10);
      fixed.writeUInt16BE(33, 0); // SRV
      fixed.writeUInt16BE(1, 2); // IN
      fixed.writeUInt32BE(60, 4);
      fixed.writeUInt16BE(rdata.length + target.length, 8);
      return Buffer.concat([Buffer.from([0xc0, 12]), fixed, rdata, target]);
    });
    socket.send(Buffer.concat([header, question, ...rrs]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
