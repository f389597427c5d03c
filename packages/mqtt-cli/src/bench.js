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
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BENCH_HELP = void 0;
exports.bench = bench;
// xmqtt bench: conn / pub / sub load against a broker, a progress line each second on stderr and
// a summary at the end (stdout; --json for machines). Ctrl-C ends a run cleanly: DISCONNECT on
// every connection, then the summary. Invariant: every connection opened is closed before return.
var node_util_1 = require("node:util");
var cli_error_js_1 = require("./cli-error.js");
var connection_js_1 = require("./connection.js");
var bench_payload_js_1 = require("./bench-payload.js");
var histogram_js_1 = require("./histogram.js");
var properties_js_1 = require("./properties.js");
exports.BENCH_HELP = "Usage: xmqtt bench conn|pub|sub [options]\n  bench conn -c N [--concurrency K] [--hold S]\n      opens N connections (K at a time): connection rate, time to connect all, memory per connection\n  bench pub -c N [-n COUNT] [-I MS] [-s BYTES] [-q Q] [-t TOPIC] [--inflight W] [-W S]\n      N publishers, each COUNT messages (0: until Ctrl-C or -W), one every MS ms (0: as fast as\n      W unacknowledged messages per connection allow), payload BYTES (>= ".concat(bench_payload_js_1.HEADER_BYTES, "), topic with %i = publisher\n  bench sub -c N [-t FILTER] [-q Q] [-W S] [--idle S]\n      N subscribers; ends when every publisher's COUNT arrived, after S idle seconds, -W or Ctrl-C;\n      publish-to-receive latency from the timestamp in each payload, lost and duplicated counts\n  Start bench sub first, then bench pub in another terminal (or in the background).\n  --json             the summary as one JSON object\n  --quiet            no progress lines\n\n").concat(connection_js_1.CONNECTION_HELP);
var OPTIONS = __assign(__assign({}, connection_js_1.CONNECTION_OPTIONS), { clients: { type: 'string', short: 'c' }, concurrency: { type: 'string' }, hold: { type: 'string' }, count: { type: 'string', short: 'n' }, interval: { type: 'string', short: 'I' }, size: { type: 'string', short: 's' }, qos: { type: 'string', short: 'q' }, topic: { type: 'string', short: 't' }, inflight: { type: 'string' }, timeout: { type: 'string', short: 'W' }, idle: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean' } });
function bench(argv, signal) {
    return __awaiter(this, void 0, void 0, function () {
        var mode, rest, parsed, values, run, summary, _a, _b, _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    mode = argv[0], rest = argv.slice(1);
                    parsed = (0, properties_js_1.takeProperties)(rest);
                    values = (0, node_util_1.parseArgs)({ args: parsed.rest, options: OPTIONS, strict: true, allowPositionals: false }).values;
                    if (values.help === true || mode === '--help') {
                        process.stdout.write("".concat(exports.BENCH_HELP, "\n"));
                        return [2 /*return*/, 0];
                    }
                    if (values.id !== undefined)
                        throw (0, cli_error_js_1.usageError)('-i: bench names its connections itself (xmqtt-bench-<run>-<n>)');
                    run = (Math.random() * 0xffffffff) >>> 0;
                    if (!(mode === 'conn')) return [3 /*break*/, 2];
                    return [4 /*yield*/, benchConn(values, parsed.properties, run, signal)];
                case 1:
                    _a = _e.sent();
                    return [3 /*break*/, 9];
                case 2:
                    if (!(mode === 'pub')) return [3 /*break*/, 4];
                    return [4 /*yield*/, benchPub(values, parsed.properties, run, signal)];
                case 3:
                    _b = _e.sent();
                    return [3 /*break*/, 8];
                case 4:
                    if (!(mode === 'sub')) return [3 /*break*/, 6];
                    return [4 /*yield*/, benchSub(values, parsed.properties, run, signal)];
                case 5:
                    _d = _e.sent();
                    return [3 /*break*/, 7];
                case 6:
                    _d = undefined;
                    _e.label = 7;
                case 7:
                    _b = _d;
                    _e.label = 8;
                case 8:
                    _a = _b;
                    _e.label = 9;
                case 9:
                    summary = _a;
                    if (summary === undefined)
                        throw (0, cli_error_js_1.usageError)("bench: '".concat(mode !== null && mode !== void 0 ? mode : '', "' is not conn, pub or sub"));
                    process.stdout.write(values.json === true ? "".concat(JSON.stringify(summary), "\n") : "".concat(render(summary), "\n"));
                    return [2 /*return*/, summary.errors > 0 || (typeof summary.lost === 'number' && summary.lost > 0) ? 1 : 0];
            }
        });
    });
}
/** Opens `n` connections, `concurrency` at a time; closes them all if one fails or Ctrl-C. */
function openAll(values_1, properties_1, run_1, n_1, concurrency_1, signal_1) {
    return __awaiter(this, arguments, void 0, function (values, properties, run, n, concurrency, signal, onConnected) {
        var open, next, worker, error_1;
        var _this = this;
        if (onConnected === void 0) { onConnected = function () { return undefined; }; }
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    open = [];
                    next = 0;
                    worker = function () { return __awaiter(_this, void 0, void 0, function () {
                        var i, started, _a, _b;
                        return __generator(this, function (_d) {
                            switch (_d.label) {
                                case 0:
                                    if (!(next < n && !signal.aborted)) return [3 /*break*/, 2];
                                    i = next++;
                                    started = performance.now();
                                    _b = (_a = open).push;
                                    return [4 /*yield*/, (0, connection_js_1.connectClient)(values, properties, { clientId: "xmqtt-bench-".concat(run.toString(16), "-").concat(i) })];
                                case 1:
                                    _b.apply(_a, [_d.sent()]);
                                    onConnected(performance.now() - started);
                                    return [3 /*break*/, 0];
                                case 2: return [2 /*return*/];
                            }
                        });
                    }); };
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, 3, , 5]);
                    return [4 /*yield*/, Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker))];
                case 2:
                    _a.sent();
                    return [3 /*break*/, 5];
                case 3:
                    error_1 = _a.sent();
                    return [4 /*yield*/, closeAll(open)];
                case 4:
                    _a.sent();
                    throw error_1;
                case 5: return [2 /*return*/, open];
            }
        });
    });
}
function closeAll(open) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, Promise.all(open.map(function (c) { return c.close(); }))];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
function benchConn(values, properties, run, signal) {
    return __awaiter(this, void 0, void 0, function () {
        var n, concurrency, holdMs, latency, before, started, progress, open, elapsedMs, after;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    n = (0, cli_error_js_1.numberFlag)('-c', values.clients, 100, { min: 1 });
                    concurrency = (0, cli_error_js_1.numberFlag)('--concurrency', values.concurrency, 10, { min: 1 });
                    holdMs = (0, cli_error_js_1.numberFlag)('--hold', values.hold, 0, { integer: false }) * 1000;
                    latency = new histogram_js_1.Histogram();
                    before = process.memoryUsage();
                    started = performance.now();
                    progress = ticker(values, function () { return "connected ".concat(latency.count, "/").concat(n); });
                    open = [];
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, , 3, 4]);
                    return [4 /*yield*/, openAll(values, properties, run, n, concurrency, signal, function (ms) { return latency.record(ms); })];
                case 2:
                    open = _a.sent();
                    return [3 /*break*/, 4];
                case 3:
                    progress.stop();
                    return [7 /*endfinally*/];
                case 4:
                    elapsedMs = performance.now() - started;
                    after = process.memoryUsage();
                    if (!(holdMs > 0)) return [3 /*break*/, 6];
                    return [4 /*yield*/, sleep(holdMs, signal)];
                case 5:
                    _a.sent();
                    _a.label = 6;
                case 6: return [4 /*yield*/, closeAll(open)];
                case 7:
                    _a.sent();
                    return [2 /*return*/, {
                            mode: 'conn',
                            connections: open.length,
                            errors: 0,
                            timeToConnectAllMs: round(elapsedMs),
                            connectionsPerSecond: round((open.length / elapsedMs) * 1000),
                            connectLatencyMs: latency.summary(),
                            memoryPerConnectionBytes: { rss: Math.round((after.rss - before.rss) / Math.max(1, open.length)), heap: Math.round((after.heapUsed - before.heapUsed) / Math.max(1, open.length)) },
                        }];
            }
        });
    });
}
function benchPub(values, properties, run, signal) {
    return __awaiter(this, void 0, void 0, function () {
        var n, count, intervalMs, size, qos, window, timeoutMs, topic, ackLatency, sent, acked, errors, firstError, inFlight, open, stop, onAbort, timer, progress, started, publisher, elapsedMs;
        var _a;
        var _this = this;
        var _b;
        return __generator(this, function (_d) {
            switch (_d.label) {
                case 0:
                    n = (0, cli_error_js_1.numberFlag)('-c', values.clients, 1, { min: 1, max: 65535 });
                    count = (0, cli_error_js_1.numberFlag)('-n', values.count, 0);
                    intervalMs = (0, cli_error_js_1.numberFlag)('-I', values.interval, 0, { integer: false });
                    size = (0, cli_error_js_1.numberFlag)('-s', values.size, 64, { min: bench_payload_js_1.HEADER_BYTES });
                    qos = (0, cli_error_js_1.numberFlag)('-q', values.qos, 0, { max: 2 });
                    window = (0, cli_error_js_1.numberFlag)('--inflight', values.inflight, 20, { min: 1 });
                    timeoutMs = (0, cli_error_js_1.numberFlag)('-W', values.timeout, 0, { integer: false }) * 1000;
                    topic = (_b = values.topic) !== null && _b !== void 0 ? _b : 'xmqtt/bench/%i';
                    ackLatency = new histogram_js_1.Histogram();
                    sent = 0;
                    acked = 0;
                    errors = 0;
                    inFlight = 0;
                    return [4 /*yield*/, openAll(values, properties, run, n, 10, signal)];
                case 1:
                    open = _d.sent();
                    stop = new AbortController();
                    onAbort = function () { return stop.abort(); };
                    signal.addEventListener('abort', onAbort, { once: true });
                    timer = timeoutMs > 0 ? setTimeout(onAbort, timeoutMs) : undefined;
                    progress = ticker(values, function (dt) { return "sent/s ".concat(Math.round((sent - progress.last.sent) / dt), " acked/s ").concat(Math.round((acked - progress.last.acked) / dt), " in flight ").concat(inFlight, " errors ").concat(errors); }, function () { return ({ sent: sent, acked: acked }); });
                    started = performance.now();
                    publisher = function (client, index) { return __awaiter(_this, void 0, void 0, function () {
                        var topicName, seq, outstanding, wake, wait, _loop_1, state_1;
                        return __generator(this, function (_a) {
                            switch (_a.label) {
                                case 0:
                                    topicName = topic.replace(/%i/g, String(index));
                                    seq = 0;
                                    outstanding = 0;
                                    wait = function () { return new Promise(function (resolve) {
                                        wake = resolve;
                                    }); };
                                    _loop_1 = function () {
                                        var sentAt, payload;
                                        return __generator(this, function (_b) {
                                            switch (_b.label) {
                                                case 0:
                                                    if (!(intervalMs > 0 && seq > 0)) return [3 /*break*/, 2];
                                                    return [4 /*yield*/, sleep(intervalMs, stop.signal)];
                                                case 1:
                                                    _b.sent();
                                                    _b.label = 2;
                                                case 2:
                                                    if (!(outstanding >= window && !stop.signal.aborted)) return [3 /*break*/, 4];
                                                    return [4 /*yield*/, wait()];
                                                case 3:
                                                    _b.sent();
                                                    return [3 /*break*/, 2];
                                                case 4:
                                                    if (stop.signal.aborted)
                                                        return [2 /*return*/, "break"];
                                                    sentAt = (0, bench_payload_js_1.wallClock)();
                                                    payload = (0, bench_payload_js_1.encodeHeader)({ run: run, publisher: index, publishers: n, seq: seq++, total: count, sentAt: sentAt }, size);
                                                    outstanding++;
                                                    inFlight++;
                                                    sent++;
                                                    client.publish(topicName, payload, qos).then(function () {
                                                        acked++;
                                                        ackLatency.record((0, bench_payload_js_1.wallClock)() - sentAt);
                                                    }, function (error) {
                                                        errors++;
                                                        firstError !== null && firstError !== void 0 ? firstError : (firstError = String(error));
                                                    }).finally(function () {
                                                        outstanding--;
                                                        inFlight--;
                                                        wake === null || wake === void 0 ? void 0 : wake();
                                                    });
                                                    return [2 /*return*/];
                                            }
                                        });
                                    };
                                    _a.label = 1;
                                case 1:
                                    if (!(!stop.signal.aborted && (count === 0 || seq < count))) return [3 /*break*/, 3];
                                    return [5 /*yield**/, _loop_1()];
                                case 2:
                                    state_1 = _a.sent();
                                    if (state_1 === "break")
                                        return [3 /*break*/, 3];
                                    return [3 /*break*/, 1];
                                case 3:
                                    if (!(outstanding > 0)) return [3 /*break*/, 5];
                                    return [4 /*yield*/, wait()];
                                case 4:
                                    _a.sent();
                                    return [3 /*break*/, 3];
                                case 5: return [2 /*return*/];
                            }
                        });
                    }); };
                    _d.label = 2;
                case 2:
                    _d.trys.push([2, , 4, 6]);
                    return [4 /*yield*/, Promise.all(open.map(function (c, i) { return publisher(c.client, i); }))];
                case 3:
                    _d.sent();
                    return [3 /*break*/, 6];
                case 4:
                    if (timer !== undefined)
                        clearTimeout(timer);
                    signal.removeEventListener('abort', onAbort);
                    progress.stop();
                    return [4 /*yield*/, closeAll(open)];
                case 5:
                    _d.sent();
                    return [7 /*endfinally*/];
                case 6:
                    elapsedMs = performance.now() - started;
                    if (firstError !== undefined)
                        process.stderr.write("xmqtt bench pub: first error: ".concat(firstError, "\n"));
                    return [2 /*return*/, (_a = { mode: 'pub', connections: n, qos: qos, size: size, sent: sent, acked: acked, errors: errors, seconds: round(elapsedMs / 1000), msgsPerSecond: round((acked / elapsedMs) * 1000) }, _a[qos === 0 ? 'writeLatencyMs' : 'ackLatencyMs'] = ackLatency.summary(), _a)];
            }
        });
    });
}
function benchSub(values, properties, run, signal) {
    return __awaiter(this, void 0, void 0, function () {
        var n, qos, filter, timeoutMs, idleMs, latency, received, duplicated, foreign, lastArrival, seen, announced, open, stop, complete, onAbort, timer, idle, progress, errors, started, lost, _i, seen_1, perSub, _a, announced_1, _b, r, publishers, p, entry, elapsedMs;
        var _this = this;
        var _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    n = (0, cli_error_js_1.numberFlag)('-c', values.clients, 1, { min: 1 });
                    qos = (0, cli_error_js_1.numberFlag)('-q', values.qos, 0, { max: 2 });
                    filter = (_d = values.topic) !== null && _d !== void 0 ? _d : 'xmqtt/bench/#';
                    timeoutMs = (0, cli_error_js_1.numberFlag)('-W', values.timeout, 0, { integer: false }) * 1000;
                    idleMs = (0, cli_error_js_1.numberFlag)('--idle', values.idle, 5, { integer: false }) * 1000;
                    latency = new histogram_js_1.Histogram();
                    received = 0;
                    duplicated = 0;
                    foreign = 0;
                    lastArrival = 0;
                    seen = Array.from({ length: n }, function () { return new Map(); });
                    announced = new Map();
                    return [4 /*yield*/, openAll(values, properties, run, n, 10, signal)];
                case 1:
                    open = _e.sent();
                    stop = new AbortController();
                    complete = function () {
                        if (announced.size === 0)
                            return false;
                        for (var _i = 0, seen_2 = seen; _i < seen_2.length; _i++) {
                            var perSub = seen_2[_i];
                            for (var _a = 0, announced_2 = announced; _a < announced_2.length; _a++) {
                                var _b = announced_2[_a], r = _b[0], publishers = _b[1];
                                for (var p = 0; p < publishers; p++) {
                                    var entry = perSub.get("".concat(r, "/").concat(p));
                                    if (entry === undefined || entry.total === 0 || entry.seqs.size < entry.total)
                                        return false;
                                }
                            }
                        }
                        return true;
                    };
                    open.forEach(function (c, i) {
                        c.client.onMessage = function (_c, _u, m) {
                            var _a;
                            var now = (0, bench_payload_js_1.wallClock)();
                            var h = (0, bench_payload_js_1.decodeHeader)(m.payload);
                            if (h === undefined) {
                                foreign++;
                                return;
                            }
                            received++;
                            lastArrival = performance.now();
                            announced.set(h.run, h.publishers);
                            var key = "".concat(h.run, "/").concat(h.publisher);
                            var entry = (_a = seen[i].get(key)) !== null && _a !== void 0 ? _a : { seqs: new Set(), total: h.total, maxSeq: -1 };
                            seen[i].set(key, entry);
                            if (entry.seqs.has(h.seq))
                                duplicated++;
                            else
                                entry.seqs.add(h.seq);
                            entry.maxSeq = Math.max(entry.maxSeq, h.seq);
                            latency.record(now - h.sentAt);
                            if (entry.total > 0 && entry.seqs.size === entry.total && complete())
                                stop.abort();
                        };
                    });
                    onAbort = function () { return stop.abort(); };
                    signal.addEventListener('abort', onAbort, { once: true });
                    timer = timeoutMs > 0 ? setTimeout(onAbort, timeoutMs) : undefined;
                    idle = setInterval(function () {
                        if (lastArrival > 0 && performance.now() - lastArrival > idleMs)
                            stop.abort();
                    }, 100);
                    progress = ticker(values, function (dt) { return "received/s ".concat(Math.round((received - progress.last.received) / dt), " total ").concat(received, " duplicated ").concat(duplicated); }, function () { return ({ received: received }); });
                    errors = 0;
                    started = performance.now();
                    _e.label = 2;
                case 2:
                    _e.trys.push([2, , 6, 8]);
                    return [4 /*yield*/, Promise.all(open.map(function (c) { return __awaiter(_this, void 0, void 0, function () {
                            var result;
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0: return [4 /*yield*/, c.client.subscribe(filter, qos)];
                                    case 1:
                                        result = _a.sent();
                                        if (result.reasonCodes.some(function (rc) { return rc >= 0x80; }))
                                            errors++;
                                        return [2 /*return*/];
                                }
                            });
                        }); }))];
                case 3:
                    _e.sent();
                    started = performance.now();
                    if (values.quiet !== true)
                        process.stderr.write("xmqtt bench sub: ".concat(n, " subscribed to ").concat(filter, "\n"));
                    if (!!stop.signal.aborted) return [3 /*break*/, 5];
                    return [4 /*yield*/, new Promise(function (resolve) { return stop.signal.addEventListener('abort', resolve, { once: true }); })];
                case 4:
                    _e.sent();
                    _e.label = 5;
                case 5: return [3 /*break*/, 8];
                case 6:
                    if (timer !== undefined)
                        clearTimeout(timer);
                    clearInterval(idle);
                    signal.removeEventListener('abort', onAbort);
                    progress.stop();
                    return [4 /*yield*/, closeAll(open)];
                case 7:
                    _e.sent();
                    return [7 /*endfinally*/];
                case 8:
                    lost = 0;
                    for (_i = 0, seen_1 = seen; _i < seen_1.length; _i++) {
                        perSub = seen_1[_i];
                        for (_a = 0, announced_1 = announced; _a < announced_1.length; _a++) {
                            _b = announced_1[_a], r = _b[0], publishers = _b[1];
                            for (p = 0; p < publishers; p++) {
                                entry = perSub.get("".concat(r, "/").concat(p));
                                // a publisher that announced its total: what is missing of it; otherwise the gaps up to the last seen
                                lost += entry === undefined ? 0 : (entry.total > 0 ? entry.total : entry.maxSeq + 1) - entry.seqs.size;
                            }
                        }
                    }
                    elapsedMs = (lastArrival > 0 ? lastArrival : performance.now()) - started;
                    return [2 /*return*/, { mode: 'sub', connections: n, qos: qos, received: received, duplicated: duplicated, lost: lost, errors: errors, ignored: foreign, publishers: __spreadArray([], announced.values(), true).reduce(function (a, b) { return a + b; }, 0), seconds: round(elapsedMs / 1000), msgsPerSecond: round((received / Math.max(1, elapsedMs)) * 1000), latencyMs: latency.summary() }];
            }
        });
    });
}
/** Once a second, one progress line on stderr (unless --quiet). */
function ticker(values, line, snapshot) {
    if (snapshot === void 0) { snapshot = function () { return ({}); }; }
    var state = { last: snapshot(), stop: function () { return undefined; } };
    if (values.quiet === true)
        return state;
    var started = performance.now();
    var previous = started;
    var timer = setInterval(function () {
        var now = performance.now();
        process.stderr.write("[".concat(Math.round((now - started) / 1000), "s] ").concat(line((now - previous) / 1000), "\n"));
        previous = now;
        state.last = snapshot();
    }, 1000);
    state.stop = function () { return clearInterval(timer); };
    return state;
}
function render(summary) {
    var lines = ["xmqtt bench ".concat(summary.mode)];
    for (var _i = 0, _a = Object.entries(summary); _i < _a.length; _i++) {
        var _b = _a[_i], key = _b[0], value = _b[1];
        if (key === 'mode')
            continue;
        lines.push("  ".concat(key.padEnd(26), " ").concat(typeof value === 'object' && value !== null ? Object.entries(value).map(function (_a) {
            var k = _a[0], v = _a[1];
            return "".concat(k, " ").concat(String(v));
        }).join('  ') : String(value)));
    }
    return lines.join('\n');
}
function round(x) {
    return Math.round(x * 100) / 100;
}
function sleep(ms, signal) {
    return new Promise(function (resolve) {
        if (signal.aborted)
            return resolve();
        var timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', function () {
            clearTimeout(timer);
            resolve();
        }, { once: true });
    });
}
