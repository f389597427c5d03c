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
exports.CONNECTION_HELP = exports.CONNECTION_OPTIONS = void 0;
exports.protocolOf = protocolOf;
exports.targetOf = targetOf;
exports.connectClient = connectClient;
exports.makeClient = makeClient;
exports.describeReceived = describeReceived;
// The flags every command shares (broker, identity, TLS, will, protocol, -d) and the one function
// that turns them into a connected @x/mqtt Client. Invariant: a refused or failed connection throws
// an MqttError (one stderr line in main), and no client is left open behind it.
var node_fs_1 = require("node:fs");
var mqtt_1 = require("@x/mqtt");
var cli_error_js_1 = require("./cli-error.js");
/** util.parseArgs option definitions shared by pub, sub and bench. */
exports.CONNECTION_OPTIONS = {
    host: { type: 'string', short: 'h' },
    port: { type: 'string', short: 'p' },
    url: { type: 'string', short: 'L' },
    id: { type: 'string', short: 'i' },
    username: { type: 'string', short: 'u' },
    pw: { type: 'string', short: 'P' },
    keepalive: { type: 'string', short: 'k' },
    'protocol-version': { type: 'string', short: 'V' },
    debug: { type: 'boolean', short: 'd' },
    cafile: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    insecure: { type: 'boolean' },
    'will-topic': { type: 'string' },
    'will-payload': { type: 'string' },
    'will-qos': { type: 'string' },
    'will-retain': { type: 'boolean' },
    help: { type: 'boolean' },
};
exports.CONNECTION_HELP = "Broker and connection:\n  -h HOST            broker host (default localhost)\n  -p PORT            broker port (default 1883, 8883 with --cafile/--cert)\n  -L URL             mqtt[s]://[user[:password]@]host[:port]/topic, ws[s]://host[:port]/path\n  -i ID              client id (default: random)\n  -u USER, -P PASS   username and password\n  -k SECONDS         keepalive (default 60)\n  -V 31|311|5        protocol version (default 311)\n  --cafile FILE      CA certificate(s) to verify the broker: turns TLS on\n  --cert FILE --key FILE   client certificate and key (mutual TLS)\n  --insecure         do not check the broker's host name (the chain is still verified)\n  --will-topic T --will-payload P --will-qos Q --will-retain\n  -D CMD PROP VALUE  MQTT 5 property (connect, publish, subscribe, unsubscribe, disconnect, will)\n  -d                 print every packet sent and received to stderr (credentials masked)\n  --help             this text";
/** -V: mosquitto's 31, 311, 5 (also mqttv31, mqttv311, mqttv5). */
function protocolOf(value) {
    switch (value === null || value === void 0 ? void 0 : value.replace(/^mqttv/i, '')) {
        case undefined:
        case '311':
            return mqtt_1.MQTTv311;
        case '31':
            return mqtt_1.MQTTv31;
        case '5':
            return mqtt_1.MQTTv5;
        default:
            throw (0, cli_error_js_1.usageError)("-V: '".concat(value, "' is not 31, 311 or 5"));
    }
}
function targetOf(values) {
    var _a;
    var protocol = protocolOf(values['protocol-version']);
    var tls = values.cafile !== undefined || values.cert !== undefined;
    if (values.url !== undefined) {
        if (values.host !== undefined || values.port !== undefined)
            throw (0, cli_error_js_1.usageError)('-L cannot be combined with -h or -p');
        var parsed = void 0;
        try {
            parsed = new URL(values.url);
        }
        catch (_b) {
            throw (0, cli_error_js_1.usageError)("-L: '".concat(values.url, "' is not a URL"));
        }
        if (!['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(parsed.protocol))
            throw (0, cli_error_js_1.usageError)("-L: scheme ".concat(parsed.protocol, " is not mqtt, mqtts, ws or wss"));
        // mosquitto's -L: the path of an mqtt(s) URL is the topic; a ws(s) URL keeps its path.
        var isWs = parsed.protocol.startsWith('ws');
        var topic = isWs ? undefined : decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined;
        if (!isWs)
            parsed.pathname = '';
        return { protocol: protocol, url: parsed.toString(), urlTopic: topic };
    }
    var host = (_a = values.host) !== null && _a !== void 0 ? _a : 'localhost';
    var port = (0, cli_error_js_1.numberFlag)('-p', values.port, tls ? 8883 : 1883, { min: 1, max: 65535 });
    var hostPart = host.includes(':') && !host.startsWith('[') ? "[".concat(host, "]") : host;
    return { protocol: protocol, url: "".concat(tls ? 'mqtts' : 'mqtt', "://").concat(hostPart, ":").concat(port), urlTopic: undefined };
}
function readPem(flag, file) {
    var _a;
    try {
        return (0, node_fs_1.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw (0, cli_error_js_1.usageError)("".concat(flag, ": cannot read ").concat(file, ": ").concat((_a = error.code) !== null && _a !== void 0 ? _a : String(error)));
    }
}
/** Builds a Client from the flags, with -d tracing, and connects it; throws one-line MqttErrors. */
function connectClient(values_1, properties_1) {
    return __awaiter(this, arguments, void 0, function (values, properties, options) {
        var target, client, keepalive, connack, error_1;
        var _this = this;
        if (options === void 0) { options = {}; }
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    target = targetOf(values);
                    client = makeClient(values, properties, target, options);
                    keepalive = (0, cli_error_js_1.numberFlag)('-k', values.keepalive, 60, { min: 0, max: 65535 });
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, 3, , 5]);
                    return [4 /*yield*/, client.connect(target.url, undefined, keepalive)];
                case 2:
                    connack = _a.sent();
                    return [2 /*return*/, {
                            client: client,
                            connack: connack,
                            close: function () { return __awaiter(_this, void 0, void 0, function () {
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0: return [4 /*yield*/, client.disconnect(undefined, properties.disconnect).catch(function () { return undefined; })];
                                        case 1:
                                            _a.sent();
                                            return [2 /*return*/];
                                    }
                                });
                            }); },
                        }];
                case 3:
                    error_1 = _a.sent();
                    return [4 /*yield*/, client.disconnect().catch(function () { return undefined; })];
                case 4:
                    _a.sent();
                    throw error_1;
                case 5: return [2 /*return*/];
            }
        });
    });
}
/** The client, not yet connected: TLS, credentials, will and -d applied. */
function makeClient(values, properties, target, options) {
    var _a, _b, _d, _e;
    if (options === void 0) { options = {}; }
    var client = new mqtt_1.Client(__assign({ clientId: (_b = (_a = options.clientId) !== null && _a !== void 0 ? _a : values.id) !== null && _b !== void 0 ? _b : '', cleanSession: (_d = options.cleanSession) !== null && _d !== void 0 ? _d : true, protocol: target.protocol, autoReconnect: false }, (target.protocol === mqtt_1.MQTTv5 && properties.connect !== undefined ? { properties: properties.connect } : {})));
    if (values.cafile !== undefined || values.cert !== undefined || values.key !== undefined || target.url.startsWith('mqtts:') || target.url.startsWith('wss:')) {
        if ((values.cert === undefined) !== (values.key === undefined))
            throw (0, cli_error_js_1.usageError)('--cert and --key go together');
        client.tlsSet(__assign(__assign(__assign({}, (values.cafile !== undefined ? { ca: readPem('--cafile', values.cafile) } : {})), (values.cert !== undefined ? { cert: readPem('--cert', values.cert) } : {})), (values.key !== undefined ? { key: readPem('--key', values.key) } : {})));
        if (values.insecure === true)
            client.tlsInsecureSet(true);
    }
    if (values.username !== undefined)
        client.usernamePwSet(values.username, values.pw);
    else if (values.pw !== undefined)
        throw (0, cli_error_js_1.usageError)('-P needs -u');
    if (values['will-topic'] !== undefined) {
        var qos = (0, cli_error_js_1.numberFlag)('--will-qos', values['will-qos'], 0, { max: 2 });
        client.willSet(values['will-topic'], (_e = values['will-payload']) !== null && _e !== void 0 ? _e : '', qos, values['will-retain'] === true, (target.protocol === mqtt_1.MQTTv5 ? properties.will : undefined));
    }
    else if (values['will-payload'] !== undefined || values['will-qos'] !== undefined || values['will-retain'] === true) {
        throw (0, cli_error_js_1.usageError)('--will-payload, --will-qos and --will-retain need --will-topic');
    }
    if (values.debug === true)
        traceTo(client, function (line) { return process.stderr.write("".concat(line, "\n")); });
    return client;
}
/**
 * -d: packets sent come from the client's DEBUG log (passwords already masked there); packets
 * received are told by the callbacks they cause (CONNACK, PUBLISH, SUBACK, UNSUBACK, acks).
 */
function traceTo(client, write) {
    var id = function () { return client.clientId; };
    client.onLog = function (_c, _u, level, buf) {
        if (level === mqtt_1.MQTT_LOG_DEBUG && buf.startsWith('Sending'))
            write("Client ".concat(id(), " ").concat(buf.replace(/^Sending/, 'sending')));
    };
    client.onConnect = function (_c, _u, flags, rc) { return write("Client ".concat(id(), " received CONNACK (").concat(flags.sessionPresent ? 1 : 0, ", ").concat(rc, ") ").concat((0, mqtt_1.connackString)(rc))); };
    client.onSubscribe = function (_c, _u, mid, granted) { return write("Client ".concat(id(), " received SUBACK (Mid: ").concat(mid, ") granted ").concat(granted.join(', '))); };
    client.onUnsubscribe = function (_c, _u, mid) { return write("Client ".concat(id(), " received UNSUBACK (Mid: ").concat(mid, ")")); };
    client.onPublish = function (_c, _u, mid, reasonCode) {
        if (mid !== 0)
            write("Client ".concat(id(), " publish ").concat(mid, " acknowledged (reason code ").concat(reasonCode !== null && reasonCode !== void 0 ? reasonCode : 0, ")"));
    };
}
/** -d's line for a PUBLISH received (sub prints it from its message handler). */
function describeReceived(clientId, m) {
    return "Client ".concat(clientId, " received PUBLISH (d").concat(m.dup ? 1 : 0, ", q").concat(m.qos, ", r").concat(m.retain ? 1 : 0, ", m").concat(m.mid, ", '").concat(m.topic, "', ... (").concat(m.payload.length, " bytes))");
}
