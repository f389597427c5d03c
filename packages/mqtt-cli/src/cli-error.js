"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.usageError = usageError;
exports.errorLine = errorLine;
exports.numberFlag = numberFlag;
// The one way a command reports a user error: an MqttError whose message is the single stderr line.
// main() prints `xmqtt <command>: <message>` and exits 1 (2 for a bad flag), never a stack trace.
var mqtt_1 = require("@x/mqtt");
/** A bad flag or flag value: exit code 2. */
function usageError(message) {
    return new mqtt_1.MqttError('INVALID_ARGUMENT', message);
}
/** One line for any error: MqttError's code and message, a Node error's message. */
function errorLine(error) {
    if ((0, mqtt_1.isMqttError)(error)) {
        var reason = error.reasonCode !== undefined && error.code !== 'INVALID_ARGUMENT' ? " (reason code ".concat(error.reasonCode, ")") : '';
        return error.code === 'INVALID_ARGUMENT' ? error.message : "".concat(error.code, ": ").concat(error.message).concat(reason);
    }
    return error instanceof Error ? error.message : String(error);
}
/** Parses a non-negative number flag, or throws a usage error naming the flag. */
function numberFlag(name, value, fallback, _a) {
    var _b = _a === void 0 ? {} : _a, _c = _b.integer, integer = _c === void 0 ? true : _c, _d = _b.min, min = _d === void 0 ? 0 : _d, _e = _b.max, max = _e === void 0 ? Number.MAX_SAFE_INTEGER : _e;
    if (value === undefined)
        return fallback;
    var n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
        throw usageError("".concat(name, ": '").concat(value, "' is not ").concat(integer ? 'an integer' : 'a number', " in ").concat(min, "..").concat(max));
    }
    return n;
}
