import { packageTests } from '../../tooling/tsconfig/vitest.base.js';

// Each test starts mosquitto and the xmqtt binary as child processes: allow them time on a shared machine.
export default packageTests({ testTimeout: 60_000, hookTimeout: 30_000 });
