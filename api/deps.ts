import type { Client } from '@temporalio/client';
import type { Db } from '../infra/prisma';

export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}
