// Issue 14.3: two MQTT 5 clients against a real mosquitto, traced by instrumentMqtt() into an
// InMemorySpanExporter: the publish makes a PRODUCER span, its delivery a CONSUMER span in the
// same trace, parented on and linked to the producer span through the `traceparent` user property.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { Client, MQTTv5, type MqttMessage } from '@x/mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { instrumentMqtt } from '../src/index.js';

let broker: MosquittoBroker<'mqtt'>;
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let uninstall: () => void;

beforeAll(async () => {
  broker = await startMosquitto();
  uninstall = instrumentMqtt({ tracerProvider: provider });
});
afterAll(async () => {
  uninstall();
  await broker?.stop();
});

it('publish -> receive: a producer and a consumer span, one trace, the consumer parented on and linked to the producer', async () => {
  const publisher = new Client({ protocol: MQTTv5 });
  const subscriber = new Client({ protocol: MQTTv5 });
  await publisher.connect('127.0.0.1', broker.ports.mqtt);
  await subscriber.connect('127.0.0.1', broker.ports.mqtt);
  const topic = `otel/${process.pid}/linked`;
  const got: MqttMessage[] = [];
  subscriber.onMessage = (_c, _u, m) => got.push(m);
  await subscriber.subscribe(topic, 1);
  await publisher.publish(topic, 'hello', 1, false, { userProperties: [['app', 'kept']] });
  await expect.poll(() => got.length).toBe(1);
  await expect.poll(() => exporter.getFinishedSpans().length).toBe(2);
  await publisher.disconnect();
  await subscriber.disconnect();

  const spans = exporter.getFinishedSpans();
  const producer = spans.find((s) => s.kind === SpanKind.PRODUCER);
  const consumer = spans.find((s) => s.kind === SpanKind.CONSUMER);
  expect(producer?.name).toBe(`publish ${topic}`);
  expect(consumer?.name).toBe(`process ${topic}`);
  expect(producer?.attributes).toMatchObject({ 'messaging.system': 'mqtt', 'messaging.destination.name': topic, 'messaging.operation.type': 'publish', 'messaging.message.body.size': 5 });
  expect(consumer?.attributes).toMatchObject({ 'messaging.system': 'mqtt', 'messaging.destination.name': topic, 'messaging.operation.type': 'process' });
  expect(producer?.status.code).toBe(SpanStatusCode.UNSET);
  const p = producer?.spanContext();
  expect(consumer?.spanContext().traceId).toBe(p?.traceId);
  expect(consumer?.parentSpanContext?.spanId).toBe(p?.spanId);
  expect(consumer?.links.map((l) => l.context.spanId)).toEqual([p?.spanId]);
  // What went over the wire: the W3C draft's user property, after the application's own.
  const props = got[0]?.properties?.userProperties;
  expect(props).toEqual([['app', 'kept'], ['traceparent', `00-${p?.traceId}-${p?.spanId}-01`]]);
});

it('with a propagator given, it injects and extracts through it: the same link across two clients', async () => {
  uninstall();
  exporter.reset();
  uninstall = instrumentMqtt({ tracerProvider: provider, propagator: new W3CTraceContextPropagator() });
  const publisher = new Client({ protocol: MQTTv5 });
  const subscriber = new Client({ protocol: MQTTv5 });
  await publisher.connect('127.0.0.1', broker.ports.mqtt);
  await subscriber.connect('127.0.0.1', broker.ports.mqtt);
  const topic = `otel/${process.pid}/propagator`;
  const got: MqttMessage[] = [];
  subscriber.onMessage = (_c, _u, m) => got.push(m);
  await subscriber.subscribe(topic, 1);
  await publisher.publish(topic, 'hi', 1);
  await expect.poll(() => exporter.getFinishedSpans().length).toBe(2);
  await publisher.disconnect();
  await subscriber.disconnect();
  const spans = exporter.getFinishedSpans();
  const producer = spans.find((s) => s.kind === SpanKind.PRODUCER)?.spanContext();
  const consumer = spans.find((s) => s.kind === SpanKind.CONSUMER);
  expect(consumer?.spanContext().traceId).toBe(producer?.traceId);
  expect(consumer?.parentSpanContext?.spanId).toBe(producer?.spanId);
  expect(got[0]?.properties?.userProperties).toEqual([['traceparent', `00-${producer?.traceId}-${producer?.spanId}-01`]]);
});
