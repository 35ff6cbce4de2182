// The Action's entry point, bundled by ncc into dist/index.js (`npm run bundle`).
import { runAction } from './main.js';

await runAction();
