import type { Client } from '@temporalio/client';
import type { Db } from '../infra/prisma';
import type { NetworkAdapter } from '../network/network-adapter';
import type { Notifier } from '../notifications';

export interface ActivityDeps {
  db: Db;
  /** For activities that signal other workflows (a billing run announcing invoices). */
  temporal: Client;
  taskQueue: string;
  notifier: Notifier;
  network: NetworkAdapter;
  /** Shown in customer messages. */
  ispName: string;
}
