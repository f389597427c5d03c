// @x/mqtt-otel: OpenTelemetry tracing for @x/mqtt Clients, fed by their diagnostics channels
// (Node.js, Deno, Bun); W3C trace context in MQTT 5 user properties (the "Trace Context: MQTT" draft).

// the instrumentation
export { instrumentMqtt, INSTRUMENTATION_NAME } from './instrument-mqtt.js';
export type { MqttInstrumentationOptions } from './instrument-mqtt.js';

// the trace context format, usable on its own
export { TRACEPARENT, TRACESTATE, formatTraceparent, parseTraceparent, userProperty, withTraceContext, userPropertyGetter, userPropertySetter } from './trace-context.js';
export type { UserPropertyCarrier } from './trace-context.js';
