// The Node.js platform: tcp, tls, ws and wss transports, DNS SRV look-ups for connectSrv(), the
// check of proxySet()'s settings, the external loop (option externalLoop): only Node sockets can go
// through a proxy or be read on demand; and the diagnostic channels each Client publishes on.
import { Resolver } from 'node:dns/promises';
import { createExternalLoop, type Transport } from '@x/mqtt-core';
import { MqttError } from '@x/mqtt-codec';
import { tcpTransport, toTlsConnectionOptions, type ProxyOptions, type TlsOptions } from '@x/mqtt-transport-tcp';
import { tlsTransport } from '@x/mqtt-transport-tls';
import { wsTransport } from '@x/mqtt-transport-ws';
import type { ProxySettings, TlsSettings } from './client-options.js';
import { instrument } from './diagnostics-hooks.js';
import { nodeDiagnosticChannels } from './diagnostics-node.js';
import type { Platform, SrvTarget, TransportSettings } from './platform.js';
import type { BrokerAddress } from './url.js';
import { checkProxy } from './validate-options.js';
import { checkTlsSettings } from './validate-tls.js';
import { refused } from './validate.js';

function proxyOptions(proxy: ProxySettings | undefined): ProxyOptions | undefined {
  return proxy === undefined ? undefined : ({ ...proxy } as ProxyOptions);
}

function tlsOptions(tls: TlsSettings | undefined): TlsOptions {
  return { ...(tls ?? {}) } as TlsOptions;
}

export function createNodeTransport(address: BrokerAddress, settings: TransportSettings): Transport {
  const common = {
    host: address.host,
    port: address.port,
    connectTimeout: settings.connectTimeout,
    bindAddress: settings.bindAddress,
    proxy: proxyOptions(settings.proxy),
  };
  switch (address.kind) {
    case 'tcp':
      return tcpTransport(common);
    case 'tls':
      return tlsTransport({ ...common, ...tlsOptions(settings.tls) });
    case 'ws':
    case 'wss': {
      const url = `${address.kind}://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}${address.path ?? settings.ws.path}`;
      return wsTransport({ ...common, url, headers: settings.ws.headers, ...(address.kind === 'wss' ? tlsOptions(settings.tls) : {}) });
    }
  }
}

/** SRV records of `_mqtt._tcp.<domain>` (`_secure-mqtt._tcp` for TLS), by priority, then weight. */
export async function resolveMqttSrv(domain: string | undefined, secure: boolean, servers?: readonly string[]): Promise<SrvTarget[]> {
  if (domain === undefined) throw refused('connectSrv() needs a domain here (no local domain guessing)');
  const name = `${secure ? '_secure-mqtt' : '_mqtt'}._tcp.${domain}`;
  try {
    const resolver = new Resolver();
    if (servers !== undefined) resolver.setServers([...servers]);
    const records = await resolver.resolveSrv(name);
    return records.sort((a, b) => a.priority - b.priority || b.weight - a.weight).map((r) => ({ host: r.name, port: r.port }));
  } catch (cause) {
    throw new MqttError('DNS_ERROR', `SRV look-up of ${name} failed`, { cause });
  }
}

/** tlsSet()'s settings checked, and its files read at the call, as Paho's tls_set reads them: a missing one is INVALID_ARGUMENT there (issue 12.10). */
export function checkNodeTls(settings: unknown, where: string): TlsSettings {
  const tls = checkTlsSettings(settings, where);
  toTlsConnectionOptions('localhost', tlsOptions(tls));
  return tls;
}

/**
 * The Node.js platform: tcp, tls, ws and wss transports, DNS SRV look-ups, tlsSet()'s and
 * proxySet()'s checks, the external loop, and node:diagnostics_channel events (MQTT_CHANNELS).
 */
export const nodePlatform: Platform = {
  createTransport: createNodeTransport,
  resolveSrv: resolveMqttSrv,
  checkTls: checkNodeTls,
  createExternalLoop,
  checkProxy,
  instrument: (client, engine) => instrument(nodeDiagnosticChannels, client, engine),
};
