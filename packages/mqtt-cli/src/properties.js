"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.takeProperties = takeProperties;
var cli_error_js_1 = require("./cli-error.js");
var COMMANDS = ['connect', 'publish', 'subscribe', 'unsubscribe', 'disconnect', 'will'];
/** mosquitto's property names -> our property, its kind, and the packets it may ride on [MQTT-2.2.2]. */
var PROPERTIES = {
    'payload-format-indicator': { key: 'payloadFormatIndicator', kind: 'byte01', on: ['publish', 'will'] },
    'message-expiry-interval': { key: 'messageExpiryInterval', kind: 'number', on: ['publish', 'will'] },
    'content-type': { key: 'contentType', kind: 'string', on: ['publish', 'will'] },
    'response-topic': { key: 'responseTopic', kind: 'string', on: ['publish', 'will'] },
    'correlation-data': { key: 'correlationData', kind: 'bytes', on: ['publish', 'will'] },
    'subscription-identifier': { key: 'subscriptionIdentifiers', kind: 'number', on: ['subscribe'] },
    'session-expiry-interval': { key: 'sessionExpiryInterval', kind: 'number', on: ['connect', 'disconnect'] },
    'authentication-method': { key: 'authenticationMethod', kind: 'string', on: ['connect'] },
    'authentication-data': { key: 'authenticationData', kind: 'bytes', on: ['connect'] },
    'request-problem-information': { key: 'requestProblemInformation', kind: 'boolean', on: ['connect'] },
    'will-delay-interval': { key: 'willDelayInterval', kind: 'number', on: ['will'] },
    'request-response-information': { key: 'requestResponseInformation', kind: 'boolean', on: ['connect'] },
    'receive-maximum': { key: 'receiveMaximum', kind: 'number', on: ['connect'] },
    'topic-alias-maximum': { key: 'topicAliasMaximum', kind: 'number', on: ['connect'] },
    'topic-alias': { key: 'topicAlias', kind: 'number', on: ['publish'] },
    'maximum-packet-size': { key: 'maximumPacketSize', kind: 'number', on: ['connect'] },
    'user-property': { key: 'userProperties', kind: 'string', on: COMMANDS },
};
/** Removes every `-D cmd prop value...` from argv; returns the rest and the properties per command. */
function takeProperties(argv) {
    var _a, _b;
    var rest = [];
    var properties = {};
    for (var i = 0; i < argv.length; i++) {
        var word = argv[i];
        if (word !== '-D' && word !== '--property') {
            rest.push(word);
            continue;
        }
        var command = argv[i + 1];
        var name_1 = argv[i + 2];
        if (command === undefined || !COMMANDS.includes(command))
            throw (0, cli_error_js_1.usageError)("-D: '".concat(command !== null && command !== void 0 ? command : '', "' is not one of ").concat(COMMANDS.join(', ')));
        var spec = name_1 === undefined ? undefined : PROPERTIES[name_1];
        if (spec === undefined)
            throw (0, cli_error_js_1.usageError)("-D ".concat(command, ": '").concat(name_1 !== null && name_1 !== void 0 ? name_1 : '', "' is not a property (").concat(Object.keys(PROPERTIES).join(', '), ")"));
        if (!spec.on.includes(command))
            throw (0, cli_error_js_1.usageError)("-D ".concat(command, ": ").concat(name_1, " is not allowed on ").concat(command));
        var values = argv.slice(i + 3, i + (name_1 === 'user-property' ? 5 : 4));
        if (values.length < (name_1 === 'user-property' ? 2 : 1))
            throw (0, cli_error_js_1.usageError)("-D ".concat(command, " ").concat(name_1, ": missing value"));
        i += 2 + values.length;
        var target = ((_a = properties[command]) !== null && _a !== void 0 ? _a : (properties[command] = {}));
        var value = values[0];
        if (name_1 === 'user-property') {
            ((_b = target.userProperties) !== null && _b !== void 0 ? _b : (target.userProperties = [])).push([value, values[1]]);
        }
        else if (spec.key === 'subscriptionIdentifiers') {
            target.subscriptionIdentifiers = [toNumber(name_1, value)];
        }
        else if (spec.kind === 'number')
            target[spec.key] = toNumber(name_1, value);
        else if (spec.kind === 'byte01')
            target[spec.key] = toNumber(name_1, value, 1);
        else if (spec.kind === 'boolean')
            target[spec.key] = toNumber(name_1, value, 1) === 1;
        else if (spec.kind === 'bytes')
            target[spec.key] = new TextEncoder().encode(value);
        else
            target[spec.key] = value;
    }
    return { rest: rest, properties: properties };
}
function toNumber(name, value, max) {
    if (max === void 0) { max = 4294967295; }
    var n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > max)
        throw (0, cli_error_js_1.usageError)("-D ".concat(name, ": '").concat(value, "' is not an integer in 0..").concat(max));
    return n;
}
