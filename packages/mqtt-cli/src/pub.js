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
var __asyncValues = (this && this.__asyncValues) || function (o) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var m = o[Symbol.asyncIterator], i;
    return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
    function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
    function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUB_HELP = void 0;
exports.pub = pub;
// xmqtt pub: mosquitto_pub's flags with the same meaning, plus -L, --repeat and --repeat-delay.
// Invariant: exit code 0 only when every message was accepted (QoS 0 written, QoS 1/2 acknowledged).
var node_fs_1 = require("node:fs");
var node_readline_1 = require("node:readline");
var node_util_1 = require("node:util");
var mqtt_1 = require("@x/mqtt");
var cli_error_js_1 = require("./cli-error.js");
var connection_js_1 = require("./connection.js");
var properties_js_1 = require("./properties.js");
exports.PUB_HELP = "Usage: xmqtt pub -t TOPIC (-m MSG | -f FILE | -l | -s | -n) [options]\nPublishes to a broker, as mosquitto_pub does.\n\nMessage:\n  -t TOPIC           topic (or the path of a -L mqtt:// URL)\n  -m MSG             the message\n  -f FILE            the file's bytes as one message\n  -l                 one message per line of stdin (empty lines skipped)\n  -s                 all of stdin as one message\n  -n                 a zero-length message\n  -q 0|1|2           QoS (default 0)\n  -r                 retain\n  --repeat N         publish the message N times (default 1)\n  --repeat-delay S   seconds between repeats (default 0)\n  -c                 no clean session (with -i)\n\n".concat(connection_js_1.CONNECTION_HELP, "\n\nExit code 0 when every message was accepted (QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP).");
var OPTIONS = __assign(__assign({}, connection_js_1.CONNECTION_OPTIONS), { topic: { type: 'string', short: 't' }, message: { type: 'string', short: 'm' }, file: { type: 'string', short: 'f' }, 'stdin-line': { type: 'boolean', short: 'l' }, 'stdin-file': { type: 'boolean', short: 's' }, 'null-message': { type: 'boolean', short: 'n' }, qos: { type: 'string', short: 'q' }, retain: { type: 'boolean', short: 'r' }, repeat: { type: 'string' }, 'repeat-delay': { type: 'string' }, 'disable-clean-session': { type: 'boolean', short: 'c' } });
function pub(argv, signal) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, rest, properties, values, target, topic, sources, qos, repeat, repeatDelayMs, retain, payload, publishProperties, connection, client, pending, failed, send, i, lines_2, _b, lines_1, lines_1_1, line, e_1_1;
        var _c, e_1, _d, _e;
        var _f, _g;
        return __generator(this, function (_h) {
            switch (_h.label) {
                case 0:
                    _a = (0, properties_js_1.takeProperties)(argv), rest = _a.rest, properties = _a.properties;
                    values = (0, node_util_1.parseArgs)({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }).values;
                    if (values.help === true) {
                        process.stdout.write("".concat(exports.PUB_HELP, "\n"));
                        return [2 /*return*/, 0];
                    }
                    target = (0, connection_js_1.targetOf)(values);
                    topic = (_f = values.topic) !== null && _f !== void 0 ? _f : target.urlTopic;
                    if (topic === undefined)
                        throw (0, cli_error_js_1.usageError)('-t TOPIC is required');
                    sources = ['message', 'file', 'stdin-line', 'stdin-file', 'null-message'].filter(function (k) { return values[k] !== undefined && values[k] !== false; });
                    if (sources.length !== 1)
                        throw (0, cli_error_js_1.usageError)('give exactly one of -m, -f, -l, -s, -n');
                    qos = (0, cli_error_js_1.numberFlag)('-q', values.qos, 0, { max: 2 });
                    repeat = (0, cli_error_js_1.numberFlag)('--repeat', values.repeat, 1, { min: 1 });
                    repeatDelayMs = (0, cli_error_js_1.numberFlag)('--repeat-delay', values['repeat-delay'], 0, { integer: false }) * 1000;
                    retain = values.retain === true;
                    if (values['disable-clean-session'] === true && values.id === undefined)
                        throw (0, cli_error_js_1.usageError)('-c needs -i');
                    if (!(values.message !== undefined)) return [3 /*break*/, 1];
                    payload = values.message;
                    return [3 /*break*/, 5];
                case 1:
                    if (!(values['null-message'] === true)) return [3 /*break*/, 2];
                    payload = new Uint8Array(0);
                    return [3 /*break*/, 5];
                case 2:
                    if (!(values.file !== undefined)) return [3 /*break*/, 3];
                    try {
                        payload = (0, node_fs_1.readFileSync)(values.file);
                    }
                    catch (error) {
                        throw (0, cli_error_js_1.usageError)("-f: cannot read ".concat(values.file, ": ").concat((_g = error.code) !== null && _g !== void 0 ? _g : String(error)));
                    }
                    return [3 /*break*/, 5];
                case 3:
                    if (!(values['stdin-file'] === true)) return [3 /*break*/, 5];
                    return [4 /*yield*/, readAll(process.stdin)];
                case 4:
                    payload = _h.sent();
                    _h.label = 5;
                case 5:
                    publishProperties = (target.protocol === mqtt_1.MQTTv5 ? properties.publish : undefined);
                    return [4 /*yield*/, (0, connection_js_1.connectClient)(values, properties, { cleanSession: values['disable-clean-session'] !== true })];
                case 6:
                    connection = _h.sent();
                    client = connection.client;
                    pending = [];
                    send = function (body) {
                        var info = client.publish(topic, body, qos, retain, publishProperties);
                        pending.push(info.then(function () { return undefined; }, function (error) {
                            failed !== null && failed !== void 0 ? failed : (failed = error);
                        }));
                    };
                    _h.label = 7;
                case 7:
                    _h.trys.push([7, , 29, 31]);
                    if (!(payload !== undefined)) return [3 /*break*/, 14];
                    i = 0;
                    _h.label = 8;
                case 8:
                    if (!(i < repeat && !signal.aborted)) return [3 /*break*/, 13];
                    if (!(i > 0 && repeatDelayMs > 0)) return [3 /*break*/, 10];
                    return [4 /*yield*/, sleep(repeatDelayMs, signal)];
                case 9:
                    _h.sent();
                    _h.label = 10;
                case 10:
                    send(payload);
                    if (!(pending.length >= 1000)) return [3 /*break*/, 12];
                    return [4 /*yield*/, Promise.all(pending.splice(0))];
                case 11:
                    _h.sent();
                    _h.label = 12;
                case 12:
                    i++;
                    return [3 /*break*/, 8];
                case 13: return [3 /*break*/, 27];
                case 14:
                    lines_2 = (0, node_readline_1.createInterface)({ input: process.stdin, crlfDelay: Infinity });
                    signal.addEventListener('abort', function () { return lines_2.close(); }, { once: true });
                    _h.label = 15;
                case 15:
                    _h.trys.push([15, 21, 22, 27]);
                    _b = true, lines_1 = __asyncValues(lines_2);
                    _h.label = 16;
                case 16: return [4 /*yield*/, lines_1.next()];
                case 17:
                    if (!(lines_1_1 = _h.sent(), _c = lines_1_1.done, !_c)) return [3 /*break*/, 20];
                    _e = lines_1_1.value;
                    _b = false;
                    line = _e;
                    if (line.length === 0)
                        return [3 /*break*/, 19];
                    send(line);
                    if (!(pending.length >= 1000)) return [3 /*break*/, 19];
                    return [4 /*yield*/, Promise.all(pending.splice(0))];
                case 18:
                    _h.sent();
                    _h.label = 19;
                case 19:
                    _b = true;
                    return [3 /*break*/, 16];
                case 20: return [3 /*break*/, 27];
                case 21:
                    e_1_1 = _h.sent();
                    e_1 = { error: e_1_1 };
                    return [3 /*break*/, 27];
                case 22:
                    _h.trys.push([22, , 25, 26]);
                    if (!(!_b && !_c && (_d = lines_1.return))) return [3 /*break*/, 24];
                    return [4 /*yield*/, _d.call(lines_1)];
                case 23:
                    _h.sent();
                    _h.label = 24;
                case 24: return [3 /*break*/, 26];
                case 25:
                    if (e_1) throw e_1.error;
                    return [7 /*endfinally*/];
                case 26: return [7 /*endfinally*/];
                case 27: return [4 /*yield*/, Promise.all(pending)];
                case 28:
                    _h.sent();
                    return [3 /*break*/, 31];
                case 29: return [4 /*yield*/, connection.close()];
                case 30:
                    _h.sent();
                    return [7 /*endfinally*/];
                case 31:
                    if (failed !== undefined)
                        throw failed;
                    return [2 /*return*/, signal.aborted ? 130 : 0];
            }
        });
    });
}
function sleep(ms, signal) {
    return new Promise(function (resolve) {
        var timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', function () {
            clearTimeout(timer);
            resolve();
        }, { once: true });
    });
}
function readAll(stream) {
    return __awaiter(this, void 0, void 0, function () {
        var chunks, chunk, e_2_1;
        var _a, stream_1, stream_1_1;
        var _b, e_2, _c, _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    chunks = [];
                    _e.label = 1;
                case 1:
                    _e.trys.push([1, 6, 7, 12]);
                    _a = true, stream_1 = __asyncValues(stream);
                    _e.label = 2;
                case 2: return [4 /*yield*/, stream_1.next()];
                case 3:
                    if (!(stream_1_1 = _e.sent(), _b = stream_1_1.done, !_b)) return [3 /*break*/, 5];
                    _d = stream_1_1.value;
                    _a = false;
                    chunk = _d;
                    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
                    _e.label = 4;
                case 4:
                    _a = true;
                    return [3 /*break*/, 2];
                case 5: return [3 /*break*/, 12];
                case 6:
                    e_2_1 = _e.sent();
                    e_2 = { error: e_2_1 };
                    return [3 /*break*/, 12];
                case 7:
                    _e.trys.push([7, , 10, 11]);
                    if (!(!_a && !_b && (_c = stream_1.return))) return [3 /*break*/, 9];
                    return [4 /*yield*/, _c.call(stream_1)];
                case 8:
                    _e.sent();
                    _e.label = 9;
                case 9: return [3 /*break*/, 11];
                case 10:
                    if (e_2) throw e_2.error;
                    return [7 /*endfinally*/];
                case 11: return [7 /*endfinally*/];
                case 12: return [2 /*return*/, Buffer.concat(chunks)];
            }
        });
    });
}
