"use strict";
var __classPrivateFieldGet = (this && this.__classPrivateFieldGet) || function (receiver, state, kind, f) {
    if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
    if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
    return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var __classPrivateFieldSet = (this && this.__classPrivateFieldSet) || function (receiver, state, value, kind, f) {
    if (kind === "m") throw new TypeError("Private method is not writable");
    if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
    if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
    return (kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value)), value;
};
var _Histogram_counts, _Histogram_count, _Histogram_max;
Object.defineProperty(exports, "__esModule", { value: true });
exports.Histogram = void 0;
// A log-bucketed latency histogram (1% buckets from 1 µs to over an hour): constant memory however
// long a bench runs, percentiles within 1% of the true value. Pure: no clock, no I/O.
var GROWTH = 1.01;
var LOG_GROWTH = Math.log(GROWTH);
var BUCKETS = 2400; // 1.01^2400 µs ≈ 6e10 s: more than any latency we will see
var Histogram = /** @class */ (function () {
    function Histogram() {
        _Histogram_counts.set(this, new Float64Array(BUCKETS));
        _Histogram_count.set(this, 0);
        _Histogram_max.set(this, 0);
    }
    /** Records one value in milliseconds (negative values, from clock skew, count as 0). */
    Histogram.prototype.record = function (ms) {
        var _a;
        var us = Math.max(1, ms * 1000);
        __classPrivateFieldGet(this, _Histogram_counts, "f")[Math.min(BUCKETS - 1, Math.floor(Math.log(us) / LOG_GROWTH))] += 1;
        __classPrivateFieldSet(this, _Histogram_count, (_a = __classPrivateFieldGet(this, _Histogram_count, "f"), _a++, _a), "f");
        if (ms > __classPrivateFieldGet(this, _Histogram_max, "f"))
            __classPrivateFieldSet(this, _Histogram_max, ms, "f");
    };
    Object.defineProperty(Histogram.prototype, "count", {
        get: function () {
            return __classPrivateFieldGet(this, _Histogram_count, "f");
        },
        enumerable: false,
        configurable: true
    });
    /** The value at quantile q (0..1), in ms; 0 when empty. */
    Histogram.prototype.quantile = function (q) {
        if (__classPrivateFieldGet(this, _Histogram_count, "f") === 0)
            return 0;
        var rank = Math.max(1, Math.ceil(q * __classPrivateFieldGet(this, _Histogram_count, "f")));
        var seen = 0;
        for (var i = 0; i < BUCKETS; i++) {
            seen += __classPrivateFieldGet(this, _Histogram_counts, "f")[i];
            if (seen >= rank)
                return Math.min(__classPrivateFieldGet(this, _Histogram_max, "f"), Math.pow(GROWTH, (i + 1)) / 1000);
        }
        return __classPrivateFieldGet(this, _Histogram_max, "f");
    };
    /** p50, p90, p99, p99.9 and max in ms, rounded to µs. */
    Histogram.prototype.summary = function () {
        var r = function (ms) { return Math.round(ms * 1000) / 1000; };
        return { p50: r(this.quantile(0.5)), p90: r(this.quantile(0.9)), p99: r(this.quantile(0.99)), p999: r(this.quantile(0.999)), max: r(__classPrivateFieldGet(this, _Histogram_max, "f")) };
    };
    return Histogram;
}());
exports.Histogram = Histogram;
_Histogram_counts = new WeakMap(), _Histogram_count = new WeakMap(), _Histogram_max = new WeakMap();
