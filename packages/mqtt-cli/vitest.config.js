"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var vitest_base_js_1 = require("../../tooling/tsconfig/vitest.base.js");
// Each test starts mosquitto and the xmqtt binary as child processes: allow them time on a shared machine.
exports.default = (0, vitest_base_js_1.packageTests)({ testTimeout: 60000, hookTimeout: 30000 });
