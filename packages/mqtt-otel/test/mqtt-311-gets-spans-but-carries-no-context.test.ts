// MQTT 3.1.1 has no user properties: instrumentMqtt() still makes the producer and consumer spans,
// but nothing is added to the message, so the consumer span starts a trace of its own. A failed
// publish() ends its span with status ERROR; after uninstall no span is made at all.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { Client, MQTTv311, type MqttMessage } from '@x/mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { instrumentMqtt } from '../src/index.js';

let broker: MosquittoBroker<'mqtt'>;
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker?.stop();
});

it('makes both spans with no context carried; a throwing publish is an ERROR span; uninstall stops it', async () => {
  const uninstall = instrumentMqtt({ tracerProvider: provider });
  const client = new Client({ protocol: MQTTv311 });
  await client.connect('127.0.0.1', broker.ports.mqtt);
  const topic = `otel/${process.pid}/v311`;
  const got: MqttMessage[] = [];
  client.onMessage = (_c, _u, m) => got.push(m);
  await client.subscribe(topic, 0);
  await client.publish(topic, 'x', 0);
  await expect.poll(() => got.length).toBe(1);
  await expect.poll(() => exporter.getFinishedSpans().length).toBe(2);
  const spans = exporter.getFinishedSpans();
  const producer = spans.find((s) => s.kind === SpanKind.PRODUCER);
  const consumer = spans.find((s) => s.kind === SpanKind.CONSUMER);
  expect(got[0]?.properties).toBeUndefined();
  expect(consumer?.spanContext().traceId).not.toBe(producer?.spanContext().traceId);
  expect(consumer?.parentSpanContext).toBeUndefined();
  expect(consumer?.links).toEqual([]);

  exporter.reset();
  expect(() => client.publish('bad/#', 'x', 0)).toThrow();
  expect(exporter.getFinishedSpans().map((s) => [s.name, s.status.code])).toEqual([['publish bad/#', SpanStatusCode.ERROR]]);

  uninstall();
  exporter.reset();
  await client.publish(topic, 'y', 0);
  await expect.poll(() => got.length).toBe(2);
  expect(exporter.getFinishedSpans()).toEqual([]);
  await client.disconnect();
});
