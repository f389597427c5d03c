// The dual-package hazard, shown in the consumer project: one process loads @x/mqtt-codec's ESM
// build (import) and its CommonJS build (require); each has its own MqttError class, so
// instanceof fails across them and isMqttError() is the test that works (as the README says).
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { runScriptOk } from '../src/tools.js';

const consumerDir = inject('consumerDir');

test('isMqttError() recognises an error from the other build, where instanceof MqttError does not', async () => {
  const { stdout } = await runScriptOk(join(consumerDir, 'cross-build.mjs'), [], { cwd: consumerDir });
  expect(JSON.parse(stdout)).toEqual({
    sameClass: false,
    codes: { esm: 'MALFORMED_PACKET', cjs: 'MALFORMED_PACKET' },
    esmErrorInstanceofCjsClass: false,
    cjsErrorInstanceofEsmClass: false,
    esmIsMqttErrorOfCjsError: true,
    cjsIsMqttErrorOfEsmError: true,
    ownBuild: { esm: true, cjs: true },
    notAnError: { plainCode: false, otherError: false },
  });
});
