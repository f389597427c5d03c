import { libraryBuild } from '../../tooling/tsconfig/tsup.base.js';

export default libraryBuild();
