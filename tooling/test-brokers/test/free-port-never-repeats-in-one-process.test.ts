import { describe, expect, it } from 'vitest';
import { freePort } from '../src/free-port.js';

// CI once started mosquitto with four listeners of which two had the same port: the kernel offered
// the port again after the first probe closed it. freePort() must not hand a port out twice.
describe('freePort', () => {
  it('hands out a different port on every call in one process', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 300; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });
});
