"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.packageTests = packageTests;
// The one test setup of every workspace package: resolve sibling packages to their TypeScript
// sources (the "x-mqtt-source" export condition), so tests never need a build first.
var config_1 = require("vitest/config");
function packageTests(test) {
    if (test === void 0) { test = {}; }
    return (0, config_1.defineConfig)({
        resolve: { conditions: ['x-mqtt-source'] },
        ssr: { resolve: { conditions: ['x-mqtt-source'] } },
        test: __assign({ include: ['test/**/*.test.ts'] }, test),
    });
}
