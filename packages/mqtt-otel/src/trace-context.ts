// W3C trace context in MQTT 5 user properties, as the W3C "Trace Context: MQTT format" draft
// (https://w3c.github.io/trace-context-mqtt) says: user properties named `traceparent` and
// `tracestate`, all lower case, values in the Trace Context format. Pure: no span, no global.
import { TraceFlags, createTraceState, isSpanContextValid, type SpanContext, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import type { Properties, UserProperty } from '@x/mqtt';

/** The user property that carries the W3C `traceparent` (draft: lower case, no delimiters). */
export const TRACEPARENT = 'traceparent';
/** The user property that carries the W3C `tracestate`. */
export const TRACESTATE = 'tracestate';

/** version-traceid-parentid-flags, and whatever a later version adds after a dash. */
const TRACEPARENT_FORMAT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** The `traceparent` value for a span context: `00-<trace id>-<span id>-<flags>`. */
export function formatTraceparent(context: SpanContext): string {
  return `00-${context.traceId}-${context.spanId}-${(context.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/**
 * The remote span context a `traceparent` (and `tracestate`) names, or undefined when the value is
 * not a valid Trace Context: a malformed field is ignored, never an error, as the format says.
 */
export function parseTraceparent(traceparent: string | undefined, tracestate?: string): SpanContext | undefined {
  if (traceparent === undefined) return undefined;
  const match = TRACEPARENT_FORMAT.exec(traceparent.trim());
  if (match === null) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  // Version ff is invalid; version 00 has exactly four fields; a later version is read as 00.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  const context: SpanContext = {
    traceId: traceId as string,
    spanId: spanId as string,
    traceFlags: Number.parseInt(flags as string, 16) & TraceFlags.SAMPLED,
    isRemote: true,
    ...(tracestate !== undefined && tracestate.trim() !== '' ? { traceState: createTraceState(tracestate) } : {}),
  };
  return isSpanContextValid(context) ? context : undefined;
}

/** The first value of user property `name`, or undefined. */
export function userProperty(properties: Properties | undefined, name: string): string | undefined {
  const list = properties?.userProperties;
  if (list === undefined) return undefined;
  for (const [key, value] of list) if (key === name) return value;
  return undefined;
}

/**
 * `properties` with `traceparent` and `tracestate` set for `context` (replacing any there, other
 * user properties kept in order); a new object, `properties` is not changed.
 */
export function withTraceContext(properties: Properties | undefined, context: SpanContext): Properties {
  const kept = (properties?.userProperties ?? []).filter(([key]) => key !== TRACEPARENT && key !== TRACESTATE);
  const added: UserProperty[] = [[TRACEPARENT, formatTraceparent(context)]];
  const state = context.traceState?.serialize();
  if (state !== undefined && state !== '') added.push([TRACESTATE, state]);
  return { ...properties, userProperties: [...kept, ...added] };
}

/** A TextMapPropagator carrier over user properties: a list of name/value pairs. */
export type UserPropertyCarrier = UserProperty[];

/** Reads a carrier for a TextMapPropagator's extract(). */
export const userPropertyGetter: TextMapGetter<UserPropertyCarrier> = {
  keys: (carrier) => carrier.map(([key]) => key),
  get: (carrier, key) => {
    for (const [name, value] of carrier) if (name === key) return value;
    return undefined;
  },
};

/** Writes a carrier for a TextMapPropagator's inject(): replaces a pair of that name, or appends one. */
export const userPropertySetter: TextMapSetter<UserPropertyCarrier> = {
  set: (carrier, key, value) => {
    const at = carrier.findIndex(([name]) => name === key);
    if (at >= 0) carrier[at] = [key, value];
    else carrier.push([key, value]);
  },
};
