// The W3C "Trace Context: MQTT format" draft: `traceparent` and `tracestate` user properties,
// values in the Trace Context format; malformed values are ignored, never thrown.
import { TraceFlags, createTraceState } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent, userPropertyGetter, userPropertySetter, withTraceContext, type UserPropertyCarrier } from '../src/index.js';

const traceId = '0af7651916cd43dd8448eb211c80319c';
const spanId = 'b7ad6b7169203331';

it('formats and parses traceparent, with tracestate', () => {
  const context = { traceId, spanId, traceFlags: TraceFlags.SAMPLED, traceState: createTraceState('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7') };
  expect(formatTraceparent(context)).toBe(`00-${traceId}-${spanId}-01`);
  const parsed = parseTraceparent(`00-${traceId}-${spanId}-01`, 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
  expect(parsed).toMatchObject({ traceId, spanId, traceFlags: 1, isRemote: true });
  expect(parsed?.traceState?.get('rojo')).toBe('00f067aa0ba902b7');
  // A later version is read as version 00, extra fields ignored.
  expect(parseTraceparent(`01-${traceId}-${spanId}-00-extra`)).toMatchObject({ traceId, traceFlags: 0 });
});

it('ignores what is not a valid traceparent', () => {
  for (const bad of [undefined, '', 'garbage', `ff-${traceId}-${spanId}-01`, `00-${traceId}-${spanId}-01-extra`, `00-${'0'.repeat(32)}-${spanId}-01`, `00-${traceId}-${'0'.repeat(16)}-01`, `00-${traceId.toUpperCase()}-${spanId}-01`]) {
    expect(parseTraceparent(bad)).toBeUndefined();
  }
});

it('sets the two user properties, replacing old ones and keeping the others in order', () => {
  const props = withTraceContext({ contentType: 'text/plain', userProperties: [['a', '1'], ['traceparent', 'old'], ['b', '2']] }, { traceId, spanId, traceFlags: 1, traceState: createTraceState('k=v') });
  expect(props).toEqual({ contentType: 'text/plain', userProperties: [['a', '1'], ['b', '2'], ['traceparent', `00-${traceId}-${spanId}-01`], ['tracestate', 'k=v']] });
  expect(withTraceContext(undefined, { traceId, spanId, traceFlags: 0 })).toEqual({ userProperties: [['traceparent', `00-${traceId}-${spanId}-00`]] });
});

it('the user-property carrier works with a TextMapPropagator both ways', () => {
  const propagator = new W3CTraceContextPropagator();
  const carrier: UserPropertyCarrier = [['a', '1']];
  propagator.inject(trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: 1 }), carrier, userPropertySetter);
  expect(carrier).toEqual([['a', '1'], ['traceparent', `00-${traceId}-${spanId}-01`]]);
  userPropertySetter.set(carrier, 'a', '2');
  expect(carrier[0]).toEqual(['a', '2']);
  expect(userPropertyGetter.keys(carrier)).toEqual(['a', 'traceparent']);
  expect(userPropertyGetter.get(carrier, 'missing')).toBeUndefined();
  expect(trace.getSpanContext(propagator.extract(ROOT_CONTEXT, carrier, userPropertyGetter))).toMatchObject({ traceId, spanId });
});
