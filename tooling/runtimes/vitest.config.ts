import { packageTests } from '../tsconfig/vitest.base.js';

export default packageTests();
