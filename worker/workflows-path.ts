import path from 'node:path';

/** Entry of the workflow bundle (webpack bundles it for the worker's sandbox). */
export const WORKFLOWS_PATH = path.resolve(__dirname, '..', 'workflows', 'index.ts');
