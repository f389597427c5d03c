"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BENCH_HELP = exports.SUB_HELP = exports.PUB_HELP = exports.USAGE = void 0;
exports.main = main;
// xmqtt's dispatcher: picks the command, turns every user error into one stderr line and an exit
// code (2 bad usage, 1 anything else), and turns Ctrl-C into an AbortSignal the commands end on.
var cli_error_js_1 = require("./cli-error.js");
var mqtt_1 = require("@x/mqtt");
var bench_js_1 = require("./bench.js");
Object.defineProperty(exports, "BENCH_HELP", { enumerable: true, get: function () { return bench_js_1.BENCH_HELP; } });
var pub_js_1 = require("./pub.js");
Object.defineProperty(exports, "PUB_HELP", { enumerable: true, get: function () { return pub_js_1.PUB_HELP; } });
var sub_js_1 = require("./sub.js");
Object.defineProperty(exports, "SUB_HELP", { enumerable: true, get: function () { return sub_js_1.SUB_HELP; } });
exports.USAGE = "Usage: xmqtt <command> [options]\n\nCommands:\n  pub     publish messages (mosquitto_pub's flags)\n  sub     subscribe and print messages (mosquitto_sub's flags, -F json)\n  bench   load a broker: bench conn | bench pub | bench sub\n\nxmqtt <command> --help shows each command's options.";
var COMMANDS = { pub: pub_js_1.pub, sub: sub_js_1.sub, bench: bench_js_1.bench };
/** Runs xmqtt with argv (without node and the script); resolves with the exit code. */
function main(argv) {
    return __awaiter(this, void 0, void 0, function () {
        var name, rest, command, interrupt, onSignal, error_1, usage;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    name = argv[0], rest = argv.slice(1);
                    if (name === undefined || name === '--help' || name === 'help') {
                        process.stdout.write("".concat(exports.USAGE, "\n"));
                        return [2 /*return*/, name === undefined ? 2 : 0];
                    }
                    command = COMMANDS[name];
                    if (command === undefined) {
                        process.stderr.write("xmqtt: unknown command '".concat(name, "' (pub, sub, bench; xmqtt --help)\n"));
                        return [2 /*return*/, 2];
                    }
                    interrupt = new AbortController();
                    onSignal = function () {
                        if (interrupt.signal.aborted)
                            process.exit(130); // a second Ctrl-C: leave now
                        interrupt.abort();
                    };
                    process.on('SIGINT', onSignal);
                    process.on('SIGTERM', onSignal);
                    _b.label = 1;
                case 1:
                    _b.trys.push([1, 3, 4, 5]);
                    return [4 /*yield*/, command(rest, interrupt.signal)];
                case 2: return [2 /*return*/, _b.sent()];
                case 3:
                    error_1 = _b.sent();
                    process.stderr.write("xmqtt ".concat(name, ": ").concat((0, cli_error_js_1.errorLine)(error_1), "\n"));
                    usage = ((0, mqtt_1.isMqttError)(error_1) && error_1.code === 'INVALID_ARGUMENT') || ((_a = error_1.code) === null || _a === void 0 ? void 0 : _a.startsWith('ERR_PARSE_ARGS')) === true;
                    return [2 /*return*/, usage ? 2 : 1];
                case 4:
                    process.off('SIGINT', onSignal);
                    process.off('SIGTERM', onSignal);
                    return [7 /*endfinally*/];
                case 5: return [2 /*return*/];
            }
        });
    });
}
