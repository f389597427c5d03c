// Packs every publishable package and installs the tarballs into one consumer project outside the
// monorepo, once for the whole suite; both temp dirs are removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { installConsumer } from '../src/consumer.js';
import { packAll, type PackedPackage } from '../src/pack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    packed: PackedPackage[];
    consumerDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const tarballDir = mkdtempSync(join(tmpdir(), 'x-mqtt-tarballs-'));
  const consumerDir = mkdtempSync(join(tmpdir(), 'x-mqtt-consumer-'));
  const cleanup = (): void => {
    rmSync(tarballDir, { recursive: true, force: true });
    rmSync(consumerDir, { recursive: true, force: true });
  };
  try {
    const packed = await packAll(tarballDir);
    await installConsumer(consumerDir, packed);
    project.provide('packed', packed);
    project.provide('consumerDir', consumerDir);
  } catch (error) {
    cleanup();
    throw error;
  }
  return cleanup;
}
