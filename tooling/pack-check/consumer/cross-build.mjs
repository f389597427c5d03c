// Run by the pack check inside the consumer project: loads the ESM and the CommonJS build of
// @x/mqtt-codec into one process (the dual-package hazard: two copies of every class), makes each
// build throw its own MqttProtocolError, and reports what instanceof and isMqttError() say of it.
// usage: node cross-build.mjs  -> one JSON line on stdout
import { createRequire } from 'node:module';

const esm = await import('@x/mqtt-codec');
const cjs = createRequire(import.meta.url)('@x/mqtt-codec');

/** The error the build's own decoder throws for a reserved packet type (0). */
function thrownBy(build) {
  try {
    build.decodeOne(Uint8Array.of(0x00, 0x00), 4);
  } catch (error) {
    return error;
  }
  throw new Error('decodeOne accepted packet type 0');
}

const fromEsm = thrownBy(esm);
const fromCjs = thrownBy(cjs);
console.log(
  JSON.stringify({
    sameClass: esm.MqttError === cjs.MqttError,
    codes: { esm: fromEsm.code, cjs: fromCjs.code },
    esmErrorInstanceofCjsClass: fromEsm instanceof cjs.MqttError,
    cjsErrorInstanceofEsmClass: fromCjs instanceof esm.MqttError,
    esmIsMqttErrorOfCjsError: esm.isMqttError(fromCjs),
    cjsIsMqttErrorOfEsmError: cjs.isMqttError(fromEsm),
    ownBuild: { esm: fromEsm instanceof esm.MqttError && esm.isMqttError(fromEsm), cjs: fromCjs instanceof cjs.MqttError && cjs.isMqttError(fromCjs) },
    notAnError: { plainCode: esm.isMqttError({ name: 'MqttError', code: 'X' }), otherError: esm.isMqttError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })) },
  }),
);
