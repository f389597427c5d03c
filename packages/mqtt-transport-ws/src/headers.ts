// Extra HTTP headers for the WebSocket upgrade request (the seed's ws_set_options): an object
// merged over the defaults, or a function that gets the defaults and returns the headers to send.
// A Sec-WebSocket-Protocol header in the result chooses the sub-protocols offered.

/** Header name -> value. */
export type HeaderMap = Readonly<Record<string, string>>;

/** An object merged over the default headers, or a function of the defaults. */
export type WsHeadersOption = HeaderMap | ((defaults: HeaderMap) => HeaderMap);

/** What upgradeRequest() returns: the headers to send and the sub-protocols to offer. */
export interface UpgradeRequest {
  /** Every header to send except Sec-WebSocket-Protocol (Host included unless the option dropped it). */
  readonly headers: Record<string, string>;
  /** The sub-protocols to offer: the Sec-WebSocket-Protocol value split at commas, by default the one for the MQTT version. */
  readonly protocols: string[];
}

/** The headers and sub-protocols for an upgrade request to `hostHeader` offering `subprotocol`. */
export function upgradeRequest(option: WsHeadersOption | undefined, hostHeader: string, subprotocol: string): UpgradeRequest {
  const defaults: HeaderMap = { Host: hostHeader, 'Sec-WebSocket-Protocol': subprotocol };
  const all = typeof option === 'function' ? option(defaults) : { ...defaults, ...option };
  const headers: Record<string, string> = {};
  let protocols = [subprotocol];
  for (const [name, value] of Object.entries(all)) {
    if (name.toLowerCase() === 'sec-websocket-protocol') protocols = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    else headers[name] = value;
  }
  return { headers, protocols };
}
