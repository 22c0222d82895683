import { logger as settleLogger } from '../infra/logger';

/** The part of pino the senders use, so tests can pass a spy. */
export interface NotificationLogger {
  info(details: object, message: string): void;
}

export const defaultLogger: NotificationLogger = settleLogger.child({ component: 'notifications' });
