// An engine on a scripted broker that takes re-authentication: AUTH 0x19 is answered by `onReauth`
// (default: AUTH 0x00 with data 'ok'), each client AUTH 0x18 by `onContinue`. For the engine's
// reauthenticate() tests; CONNECT itself is accepted at once.
import type { AuthPacket, Packet } from '@x/mqtt-codec';
import type { Authenticator, EngineOptions } from '../../src/driver/engine-types.js';
import { engineSetup } from './engine-setup.js';
import { text } from './harness.js';

export interface ReauthScript {
  onReauth: (auth: AuthPacket) => Packet[];
  onContinue: (auth: AuthPacket) => Packet[];
}

export const ok = (data = 'ok'): AuthPacket => ({ type: 'auth', reasonCode: 0x00, properties: { authenticationMethod: 'M', authenticationData: text(data) } });

export function reauthSetup(authenticator: Partial<Authenticator> = {}, script: Partial<ReauthScript> = {}, options: Readonly<Partial<EngineOptions>> = {}) {
  const auth: Authenticator = { method: 'M', challenge: () => undefined, ...authenticator };
  const setup = engineSetup({ version: 5, authenticator: auth, ...options });
  const s: ReauthScript = { onReauth: () => [ok()], onContinue: () => [ok()], ...script };
  const base = setup.broker.answer.bind(setup.broker);
  setup.broker.answer = (p) => {
    if (p.type !== 'auth') return base(p);
    return p.reasonCode === 0x19 ? s.onReauth(p) : s.onContinue(p);
  };
  const auths = (): AuthPacket[] => setup.broker.received.filter((p): p is AuthPacket => p.type === 'auth');
  return { ...setup, script: s, auths };
}
