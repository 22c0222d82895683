import type { Db } from '../infra/prisma';

/** A customer named on the command line by id (digits) or username. */
export function findCustomerByIdOrUsername(db: Db, who: string) {
  return db.customer.findFirst({ where: /^\d+$/.test(who) ? { id: Number(who) } : { username: who } });
}
