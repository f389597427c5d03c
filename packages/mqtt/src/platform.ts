// What the Client needs from its runtime, injected so that one Client serves Node and browsers:
// building transports for a broker address, checking TLS settings, and (Node only) DNS SRV look-ups
// for connectSrv(), diagnostic channels, and (Node only) the external loop, so a browser bundle
// carries none of it.
import type { EngineCore, ExternalLoopFactory, Transport } from '@x/mqtt-core';
import type { TlsSettings, WsSettings, ProxySettings } from './client-options.js';
import type { InstrumentedClient, PublishTracer } from './diagnostics-hooks.js';
import type { BrokerAddress } from './url.js';

/** Everything a transport needs that the Client knows. */
export interface TransportSettings {
  /** Paho's bind_address. */
  readonly bindAddress: string | undefined;
  /** Milliseconds to open the connection. */
  readonly connectTimeout: number;
  /** Set by tlsSet()/tlsSetContext()/tlsInsecureSet(); a tls/wss address uses it. */
  readonly tls: TlsSettings | undefined;
  /** Set by wsSetOptions(): path and headers for ws and wss. */
  readonly ws: WsSettings;
  /** Set by proxySet(): a SOCKS5 or HTTP CONNECT proxy for tcp and tls. */
  readonly proxy: ProxySettings | undefined;
}

/** A broker found by a DNS SRV look-up. */
export interface SrvTarget {
  /** Host name of the SRV record's target. */
  readonly host: string;
  /** Port of the SRV record's target. */
  readonly port: number;
}

/** What the Client needs from its runtime (Node or browser), injected into ClientBase. */
export interface Platform {
  /** A transport for `address` (the address's kind decides tcp, tls, ws or wss). */
  createTransport(address: BrokerAddress, settings: TransportSettings): Transport;
  /** DNS SRV look-up of `_mqtt._tcp.<domain>` (or `_secure-mqtt._tcp`), ordered by priority then weight. */
  resolveSrv?(domain: string | undefined, secure: boolean, servers?: readonly string[]): Promise<SrvTarget[]>;
  /**
   * Checks tlsSet()'s settings (and the constructor's `tls`) as this runtime can honour them,
   * throwing INVALID_ARGUMENT at the call; `where` names the call in messages. Node checks keys,
   * types and Paho's names and reads the files; a browser refuses every setting. A platform, so
   * that a browser bundle carries no Node TLS checks.
   */
  checkTls(settings: unknown, where: string): TlsSettings;
  /** Wires a new Client's engine to the runtime's diagnostic channels (Node: node:diagnostics_channel); answers publish()'s hook. */
  instrument?(client: InstrumentedClient, engine: EngineCore): PublishTracer;
  /**
   * The external loop (option `externalLoop`: loopRead(), loopWrite(), loopMisc()), given to the
   * engine. Node only: a browser cannot read a socket on demand, and without it an externalLoop
   * client's connect is refused with INVALID_ARGUMENT.
   */
  createExternalLoop?: ExternalLoopFactory;
  /**
   * Checks proxySet()'s settings (INVALID_ARGUMENT at the call). Node only: without it (a
   * browser, whose WebSocket cannot use a proxy) proxySet() is refused.
   */
  checkProxy?(settings: unknown): ProxySettings;
}
