// The Node.js diagnostic channels: node:diagnostics_channel's, one per MQTT_CHANNELS name, held
// here for the process's life (a channel nobody holds may be collected). Deno and Bun have the module.
import { channel } from 'node:diagnostics_channel';
import type { DiagnosticChannels } from './diagnostics.js';
import { MQTT_CHANNELS } from './diagnostics.js';

const tracing = (event: string) => channel(`tracing:${MQTT_CHANNELS.publish}:${event}`);

/** The channels every Node Client publishes on. */
export const nodeDiagnosticChannels: DiagnosticChannels = {
  connect: channel(MQTT_CHANNELS.connect),
  disconnect: channel(MQTT_CHANNELS.disconnect),
  packetSend: channel(MQTT_CHANNELS.packetSend),
  packetReceive: channel(MQTT_CHANNELS.packetReceive),
  message: channel(MQTT_CHANNELS.message),
  publish: { start: tracing('start'), end: tracing('end'), asyncStart: tracing('asyncStart'), asyncEnd: tracing('asyncEnd'), error: tracing('error') },
};
