#!/usr/bin/env node
// xmqtt's entry: the built CLI (dist/, as in the published package); in a repository checkout with
// no build, the TypeScript source through tsx with the x-mqtt-source export condition.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  register('./source-conditions.js', import.meta.url);
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(new URL('../src/bin.ts', import.meta.url).href);
}
