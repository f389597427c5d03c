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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUB_HELP = void 0;
exports.sub = sub;
// xmqtt sub: mosquitto_sub's common flags with the same meaning, and -F formats including json.
// Invariant: output goes to stdout, one message per line (unless -N), in arrival order; the
// process ends with DISCONNECT on -C, -W, -E, -U, or Ctrl-C.
var node_util_1 = require("node:util");
var mqtt_1 = require("@x/mqtt");
var cli_error_js_1 = require("./cli-error.js");
var connection_js_1 = require("./connection.js");
var format_js_1 = require("./format.js");
var properties_js_1 = require("./properties.js");
exports.SUB_HELP = "Usage: xmqtt sub -t FILTER [-t FILTER ...] [options]\nSubscribes and prints messages, as mosquitto_sub does.\n\n  -t FILTER          a filter to subscribe to (repeatable)\n  -T FILTER          do not print messages matching this filter (repeatable)\n  -q 0|1|2           QoS of the subscriptions (default 0)\n  -v                 print the topic before the payload\n  -F FORMAT          output format: json (one object per line), or %t topic, %p payload, %q QoS,\n                     %r retain, %m packet id, %l length, %x hex payload, %P properties (JSON),\n                     %j the json line, %U unix time, %I ISO time, %% and \\n \\t\n  -N                 no newline after each message\n  -C COUNT           exit after COUNT messages\n  -W SECONDS         exit after SECONDS (exit code 27 when no -C count was reached, as mosquitto_sub)\n  -R                 do not print retained messages (stale ones, sent at subscribe)\n  --retained-only    print only retained messages; exit at the first non-retained one\n  -E                 exit once subscribed\n  -U FILTER          unsubscribe from FILTER (with -c and -i, a persistent session), then exit\n  -c                 no clean session (with -i)\n\n".concat(connection_js_1.CONNECTION_HELP);
var OPTIONS = __assign(__assign({}, connection_js_1.CONNECTION_OPTIONS), { topic: { type: 'string', short: 't', multiple: true }, 'filter-out': { type: 'string', short: 'T', multiple: true }, qos: { type: 'string', short: 'q' }, verbose: { type: 'boolean', short: 'v' }, format: { type: 'string', short: 'F' }, 'no-newline': { type: 'boolean', short: 'N' }, count: { type: 'string', short: 'C' }, timeout: { type: 'string', short: 'W' }, 'no-retained': { type: 'boolean', short: 'R' }, 'retained-only': { type: 'boolean' }, 'exit-after-subscribe': { type: 'boolean', short: 'E' }, unsubscribe: { type: 'string', short: 'U', multiple: true }, 'disable-clean-session': { type: 'boolean', short: 'c' } });
/** mosquitto_sub's exit code when -W ran out. */
var TIMED_OUT = 27;
function sub(argv, signal) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, rest, properties, values, target, filters, unsubscribe, qos, count, timeoutMs, filterOut, format, render, newline, v5, printed, finish, done, connection, client, timers, result, refused, code, _i, timers_1, timer;
        var _b, _d, _e;
        return __generator(this, function (_f) {
            switch (_f.label) {
                case 0:
                    _a = (0, properties_js_1.takeProperties)(argv), rest = _a.rest, properties = _a.properties;
                    values = (0, node_util_1.parseArgs)({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }).values;
                    if (values.help === true) {
                        process.stdout.write("".concat(exports.SUB_HELP, "\n"));
                        return [2 /*return*/, 0];
                    }
                    target = (0, connection_js_1.targetOf)(values);
                    filters = (_b = values.topic) !== null && _b !== void 0 ? _b : (target.urlTopic !== undefined ? [target.urlTopic] : []);
                    unsubscribe = (_d = values.unsubscribe) !== null && _d !== void 0 ? _d : [];
                    if (filters.length === 0 && unsubscribe.length === 0)
                        throw (0, cli_error_js_1.usageError)('-t FILTER (or -U FILTER) is required');
                    qos = (0, cli_error_js_1.numberFlag)('-q', values.qos, 0, { max: 2 });
                    count = (0, cli_error_js_1.numberFlag)('-C', values.count, 0, { min: 1 });
                    timeoutMs = (0, cli_error_js_1.numberFlag)('-W', values.timeout, 0, { integer: false }) * 1000;
                    filterOut = (_e = values['filter-out']) !== null && _e !== void 0 ? _e : [];
                    if (values['disable-clean-session'] === true && values.id === undefined)
                        throw (0, cli_error_js_1.usageError)('-c needs -i');
                    format = values.format;
                    render = format === 'json' ? format_js_1.jsonLine : format !== undefined ? function (m) { return (0, format_js_1.formatMessage)(format, m); } : values.verbose === true ? function (m) { return "".concat(m.topic, " ").concat(m.text()); } : function (m) { return m.text(); };
                    newline = values['no-newline'] === true ? '' : '\n';
                    v5 = target.protocol === mqtt_1.MQTTv5;
                    printed = 0;
                    finish = function () { return undefined; };
                    done = new Promise(function (resolve) {
                        finish = resolve;
                    });
                    return [4 /*yield*/, (0, connection_js_1.connectClient)(values, properties, { cleanSession: values['disable-clean-session'] !== true })];
                case 1:
                    connection = _f.sent();
                    client = connection.client;
                    timers = [];
                    _f.label = 2;
                case 2:
                    _f.trys.push([2, , 7, 10]);
                    signal.addEventListener('abort', function () { return finish(0); }, { once: true });
                    if (signal.aborted)
                        finish(0);
                    client.onMessage = function (_c, _u, m) {
                        if (values.debug === true)
                            process.stderr.write("".concat((0, connection_js_1.describeReceived)(client.clientId, m), "\n"));
                        if (count > 0 && printed >= count)
                            return;
                        if (values['retained-only'] === true && !m.retain)
                            return finish(0);
                        if (values['no-retained'] === true && m.retain)
                            return;
                        if (filterOut.some(function (f) { return (0, mqtt_1.topicMatchesSub)(f, m.topic); }))
                            return;
                        process.stdout.write("".concat(render(m)).concat(newline));
                        printed++;
                        if (count > 0 && printed >= count)
                            finish(0);
                    };
                    if (!(unsubscribe.length > 0)) return [3 /*break*/, 4];
                    return [4 /*yield*/, client.unsubscribe(unsubscribe, (v5 ? properties.unsubscribe : undefined))];
                case 3:
                    _f.sent();
                    if (filters.length === 0)
                        return [2 /*return*/, 0];
                    _f.label = 4;
                case 4: return [4 /*yield*/, client.subscribe(filters.map(function (f) { return [f, qos]; }), 0, (v5 ? properties.subscribe : undefined))];
                case 5:
                    result = _f.sent();
                    refused = result.reasonCodes.findIndex(function (rc) { return rc >= 0x80; });
                    if (refused >= 0)
                        throw (0, cli_error_js_1.usageError)("subscription to '".concat(filters[refused], "' refused by the broker (reason code 0x").concat(result.reasonCodes[refused].toString(16), ")"));
                    if (values['exit-after-subscribe'] === true)
                        return [2 /*return*/, 0];
                    if (timeoutMs > 0)
                        timers.push(setTimeout(function () { return finish(TIMED_OUT); }, timeoutMs));
                    client.onDisconnect = function (_c, _u, rc) {
                        if (rc !== 0)
                            finish(1);
                    };
                    return [4 /*yield*/, done];
                case 6:
                    code = _f.sent();
                    if (code === 1)
                        throw (0, cli_error_js_1.usageError)('the connection to the broker was lost');
                    return [2 /*return*/, code];
                case 7:
                    for (_i = 0, timers_1 = timers; _i < timers_1.length; _i++) {
                        timer = timers_1[_i];
                        clearTimeout(timer);
                    }
                    return [4 /*yield*/, drainStdout()];
                case 8:
                    _f.sent();
                    return [4 /*yield*/, connection.close()];
                case 9:
                    _f.sent();
                    return [7 /*endfinally*/];
                case 10: return [2 /*return*/];
            }
        });
    });
}
function drainStdout() {
    return new Promise(function (resolve) {
        if (process.stdout.writableNeedDrain)
            process.stdout.once('drain', function () { return resolve(); });
        else
            resolve();
    });
}
