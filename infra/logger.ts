import pino from 'pino';

// Services log to stdout; a CLI command's stdout is its answer (`--json` piped to jq), so its logs go to stderr.
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    base: { service: 'settle' },
  },
  pino.destination({ fd: process.env.SETTLE_LOGS_TO_STDERR === '1' ? 2 : 1, sync: true }),
);

export type Logger = pino.Logger;
