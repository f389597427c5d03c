import { packageTests } from '../../tooling/tsconfig/vitest.base.js';

// Each file starts its own mosquitto and runtime processes; 2 cores run them one at a time.
export default packageTests({ testTimeout: 180_000, hookTimeout: 30_000, fileParallelism: false });
