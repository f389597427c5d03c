"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The xmqtt program: runs main() and exits with its code once stdout is flushed.
var main_js_1 = require("./main.js");
var code = await (0, main_js_1.main)(process.argv.slice(2));
process.exitCode = code;
// Nothing should be left running; a stray timer or socket must not keep a finished command alive.
setTimeout(function () { return process.exit(code); }, 2000).unref();
