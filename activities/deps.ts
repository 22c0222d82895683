import type { Db } from '../infra/prisma';

export interface ActivityDeps {
  db: Db;
}
