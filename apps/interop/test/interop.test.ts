// The mosquitto and aedes part of the interop suite as vitest tests (one per scenario and
// version), so it runs in CI with the unit tests. RabbitMQ, NATS and ejabberd run from `pnpm interop`.
// A scenario that does not apply is reported as skipped with its reason; a failure fails.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { aedes } from '../src/brokers/aedes.js';
import { mosquitto } from '../src/brokers/mosquitto.js';
import { DEFAULT_VERSIONS, runOne } from '../src/runner.js';
import { ALL_SCENARIOS } from '../src/scenarios/index.js';
import type { BrokerDriver, BrokerHandle } from '../src/types.js';

const TIMEOUT_MS = 60_000;

for (const driver of [mosquitto, aedes] satisfies BrokerDriver[]) {
  describe(driver.name, () => {
    let broker: BrokerHandle | undefined;
    beforeAll(async () => {
      broker = await driver.start();
    }, 60_000);
    afterAll(async () => {
      await broker?.stop();
    });

    for (const scenario of ALL_SCENARIOS) {
      for (const version of scenario.versions ?? DEFAULT_VERSIONS) {
        test(`${scenario.id} over MQTT ${version}`, { timeout: TIMEOUT_MS }, async (ctx) => {
          if (broker === undefined) throw new Error(`${driver.name} did not start`);
          if (version === '3.1' && !broker.caps.versions.includes('3.1')) return ctx.skip(`${driver.name} does not speak MQTT 3.1`);
          const row = await runOne(broker, scenario, version);
          if (row.outcome === 'n/a') return ctx.skip(row.detail);
          if (row.outcome === 'FAIL') throw new Error(row.detail);
        });
      }
    }
  });
}
