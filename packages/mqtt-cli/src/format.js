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
exports.jsonLine = jsonLine;
exports.formatMessage = formatMessage;
/** One message as a JSON line: topic, payload (UTF-8 text, or base64 when not), qos, retain, dup, mid, properties. */
function jsonLine(m) {
    var text = utf8OrUndefined(m.payload);
    return JSON.stringify(__assign(__assign(__assign(__assign({ topic: m.topic }, (text !== undefined ? { payload: text } : { payloadBase64: Buffer.from(m.payload).toString('base64') })), { qos: m.qos, retain: m.retain, dup: m.dup, mid: m.mid }), (m.properties !== undefined ? { properties: plainProperties(m.properties) } : {})), { timestamp: new Date(m.timestamp).toISOString() }));
}
/**
 * %t topic, %p payload, %q QoS, %r retain (0/1), %m packet id, %l payload length, %x payload in hex,
 * %j the JSON line, %P properties as JSON, %U unix time, %I ISO time, %% a percent; \n \t \\ escapes.
 */
function formatMessage(format, m) {
    return format.replace(/%([tpqrmlxjPUI%])|\\([nt\\])/g, function (_all, escape, backslash) {
        if (backslash !== undefined)
            return backslash === 'n' ? '\n' : backslash === 't' ? '\t' : '\\';
        switch (escape) {
            case 't':
                return m.topic;
            case 'p':
                return new TextDecoder().decode(m.payload);
            case 'q':
                return String(m.qos);
            case 'r':
                return m.retain ? '1' : '0';
            case 'm':
                return String(m.mid);
            case 'l':
                return String(m.payload.length);
            case 'x':
                return Buffer.from(m.payload).toString('hex');
            case 'j':
                return jsonLine(m);
            case 'P':
                return JSON.stringify(m.properties === undefined ? {} : plainProperties(m.properties));
            case 'U':
                return (m.timestamp / 1000).toFixed(3);
            case 'I':
                return new Date(m.timestamp).toISOString();
            default:
                return '%';
        }
    });
}
function plainProperties(properties) {
    var _a;
    var out = {};
    for (var _i = 0, _b = Object.entries(properties); _i < _b.length; _i++) {
        var _c = _b[_i], key = _c[0], value = _c[1];
        out[key] = value instanceof Uint8Array ? ((_a = utf8OrUndefined(value)) !== null && _a !== void 0 ? _a : Buffer.from(value).toString('base64')) : value;
    }
    return out;
}
var STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
function utf8OrUndefined(bytes) {
    try {
        return STRICT_UTF8.decode(bytes);
    }
    catch (_a) {
        return undefined;
    }
}
