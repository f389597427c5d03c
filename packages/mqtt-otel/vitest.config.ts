import { packageTests } from '../../tooling/tsconfig/vitest.base.js';

export default packageTests();
