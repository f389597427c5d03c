// instrumentMqtt(): OpenTelemetry spans for every @x/mqtt Client in the process, from the
// diagnostics channels (MQTT_CHANNELS): a PRODUCER span per publish() and a CONSUMER span per
// delivered message, W3C trace context carried in MQTT 5 user properties. Invariant: uninstalling
// unsubscribes every channel, after which the clients pay nothing again.
import { subscribe, tracingChannel, unsubscribe } from 'node:diagnostics_channel';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace, type Context, type Link, type Span, type TextMapPropagator, type TracerProvider } from '@opentelemetry/api';
import { MQTT_CHANNELS, type MessageDiagnostic, type PublishDiagnostic } from '@x/mqtt';
import { TRACEPARENT, TRACESTATE, parseTraceparent, userProperty, userPropertyGetter, userPropertySetter, withTraceContext, type UserPropertyCarrier } from './trace-context.js';

/** The instrumentation scope the spans are made under. */
export const INSTRUMENTATION_NAME = '@x/mqtt-otel';

/** instrumentMqtt()'s options. */
export interface MqttInstrumentationOptions {
  /** Where the tracer comes from. Defaults to the global provider (`trace.getTracerProvider()`). */
  readonly tracerProvider?: TracerProvider;
  /**
   * Carries the context instead of the built-in W3C `traceparent`/`tracestate` user properties
   * (e.g. a composite with baggage); it reads and writes user properties through its carrier.
   */
  readonly propagator?: TextMapPropagator;
  /** Only these clients are traced. Defaults to every Client. */
  readonly clients?: readonly object[];
}

/** The attributes every span gets, by the OpenTelemetry messaging semantic conventions. */
function attributes(operation: 'publish' | 'process', topic: string, qos: number, byteLength: number): Record<string, string | number> {
  return {
    'messaging.system': 'mqtt',
    'messaging.destination.name': topic,
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
    'messaging.message.body.size': byteLength,
    'messaging.mqtt.qos': qos,
  };
}

/**
 * Starts tracing MQTT: a PRODUCER span `publish <topic>` per publish() (ended when it completes:
 * QoS 0 written, PUBACK, PUBCOMP; status ERROR when it fails or the broker refuses it), whose
 * context goes out as `traceparent`/`tracestate` user properties on an MQTT 5 client; a CONSUMER
 * span `process <topic>` per delivered message, a child of (and linked to) the context the message
 * carried. MQTT 3.1.1 has no user properties: its spans are made, no context is carried. Returns
 * the function that stops it.
 */
export function instrumentMqtt(options: MqttInstrumentationOptions = {}): () => void {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_NAME);
  const { propagator } = options;
  const only = options.clients === undefined ? undefined : new Set(options.clients);
  const spans = new WeakMap<PublishDiagnostic, Span>();

  const inject = (span: Span, diagnostic: PublishDiagnostic): void => {
    if (diagnostic.protocolVersion !== 5) return; // [MQTT 3.1.1]: no user properties to carry it in
    if (propagator === undefined) {
      diagnostic.properties = withTraceContext(diagnostic.properties, span.spanContext());
      return;
    }
    const carrier: UserPropertyCarrier = [...(diagnostic.properties?.userProperties ?? [])];
    propagator.inject(trace.setSpan(context.active(), span), carrier, userPropertySetter);
    diagnostic.properties = { ...diagnostic.properties, userProperties: carrier };
  };

  const extract = (message: MessageDiagnostic): Context | undefined => {
    const props = message.properties;
    if (propagator !== undefined) {
      const extracted = propagator.extract(ROOT_CONTEXT, [...(props?.userProperties ?? [])], userPropertyGetter);
      return trace.getSpanContext(extracted) === undefined ? undefined : extracted;
    }
    const remote = parseTraceparent(userProperty(props, TRACEPARENT), userProperty(props, TRACESTATE));
    return remote === undefined ? undefined : trace.setSpanContext(ROOT_CONTEXT, remote);
  };

  const publish = {
    start(message: unknown): void {
      const diagnostic = message as PublishDiagnostic;
      if (only !== undefined && !only.has(diagnostic.client)) return;
      const span = tracer.startSpan(`publish ${diagnostic.topic}`, { kind: SpanKind.PRODUCER, attributes: attributes('publish', diagnostic.topic, diagnostic.qos, diagnostic.byteLength) });
      spans.set(diagnostic, span);
      inject(span, diagnostic);
    },
    end(message: unknown): void {
      const diagnostic = message as PublishDiagnostic;
      const span = spans.get(diagnostic);
      // A publish() that threw has no async events: its span ends here.
      if (span === undefined || diagnostic.mid !== undefined) return;
      spans.delete(diagnostic);
      span.end();
    },
    error(message: unknown): void {
      const diagnostic = message as PublishDiagnostic;
      const span = spans.get(diagnostic);
      if (span === undefined) return;
      const error = diagnostic.error;
      if (error instanceof Error) span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    },
    asyncStart(): void {},
    asyncEnd(message: unknown): void {
      const diagnostic = message as PublishDiagnostic;
      const span = spans.get(diagnostic);
      if (span === undefined) return;
      spans.delete(diagnostic);
      const result = diagnostic.result;
      if (result !== undefined) {
        span.setAttribute('messaging.message.id', String(result.packetId ?? diagnostic.mid));
        // v5: a reason code of 0x80 or more is the broker refusing the message.
        if (result.reasonCode >= 0x80) span.setStatus({ code: SpanStatusCode.ERROR, message: `reason code 0x${result.reasonCode.toString(16)}` });
      }
      span.end();
    },
  };

  const onMessage = (message: unknown): void => {
    const delivered = message as MessageDiagnostic;
    if (only !== undefined && !only.has(delivered.client)) return;
    const parent = extract(delivered);
    const links: Link[] = [];
    const remote = parent === undefined ? undefined : trace.getSpanContext(parent);
    if (remote !== undefined) links.push({ context: remote });
    const span = tracer.startSpan(`process ${delivered.topic}`, { kind: SpanKind.CONSUMER, attributes: attributes('process', delivered.topic, delivered.qos, delivered.byteLength), links }, parent ?? ROOT_CONTEXT);
    if (delivered.packetId !== undefined) span.setAttribute('messaging.message.id', String(delivered.packetId));
    // The handlers run synchronously after this event: the span ends once they have.
    queueMicrotask(() => span.end());
  };

  const channel = tracingChannel(MQTT_CHANNELS.publish);
  channel.subscribe(publish);
  subscribe(MQTT_CHANNELS.message, onMessage);
  let installed = true;
  return () => {
    if (!installed) return;
    installed = false;
    channel.unsubscribe(publish);
    unsubscribe(MQTT_CHANNELS.message, onMessage);
  };
}
