// Runs src/publish-single.ts on aedes and mosquitto: the listener must print the message.
import { describe, expect } from 'vitest';
import { describeRun, onEachBroker, runExample } from './run-example.js';

describe('publish-single: publish.single() delivers one message that a listener receives', () => {
  onEachBroker(async (brokerUrl) => {
    const run = await runExample('publish-single', brokerUrl);
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.lines).toContainEqual(expect.stringMatching(/^published "boo" to x-mqtt-examples\/publish-single\/\w+\/paho\/test\/single$/));
    expect(run.lines.at(-1)).toBe('the listener received "boo"');
  });
});
