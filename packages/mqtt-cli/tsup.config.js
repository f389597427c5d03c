"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var tsup_1 = require("tsup");
// ESM only: a command-line program, not a library to require().
exports.default = (0, tsup_1.defineConfig)({ entry: ['src/main.ts', 'src/bin.ts'], format: ['esm'], dts: { entry: 'src/main.ts' }, clean: true, sourcemap: true, target: 'es2022' });
