import type { Db } from '../infra/prisma';
import type { NetworkAdapter } from '../network/network-adapter';
import type { Notifier } from '../notifications';

export interface ActivityDeps {
  db: Db;
  notifier: Notifier;
  network: NetworkAdapter;
  /** Shown in customer messages. */
  ispName: string;
}
