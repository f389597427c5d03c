// The one build setup of every library package: ESM + CJS + .d.ts, sourcemaps, ES2022.
import { defineConfig, type Options } from 'tsup';

export function libraryBuild(entry: Options['entry'] = ['src/index.ts']) {
  return defineConfig({ entry, format: ['esm', 'cjs'], dts: true, clean: true, sourcemap: true, target: 'es2022' });
}
