import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const DATA_DIR = process.env.SETTLE_DATA_DIR ?? path.join(PROJECT_ROOT, '.data');
export const TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');
