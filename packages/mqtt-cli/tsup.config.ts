import { defineConfig } from 'tsup';

// ESM only: a command-line program, not a library to require().
export default defineConfig({ entry: ['src/main.ts', 'src/bin.ts'], format: ['esm'], dts: { entry: 'src/main.ts' }, clean: true, sourcemap: true, target: 'es2022' });
