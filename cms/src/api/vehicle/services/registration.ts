import type { Core } from '@strapi/strapi';
import { Conflict } from '../../../lib/errors';
import { VEHICLE_UID } from '../owned-vehicles';

const TAKEN = 'This registration number is already registered';

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(String(error));
};

/** A registration number is one vehicle's platform-wide: a second one is a 409. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Refuses a registration key another vehicle (other than `exceptId`) already has. */
  async assertFree(key: string, exceptId?: number): Promise<void> {
    const taken = await strapi.db.query(VEHICLE_UID).findOne({
      where: { registrationKey: key, ...(exceptId ? { id: { $ne: exceptId } } : {}) },
      select: ['id'],
    });
    if (taken) throw new Conflict('registrationNumber', TAKEN);
  },

  /**
   * Runs a vehicle write in a transaction, turning a lost race on the unique registration
   * key (two owners at once, past `assertFree`) into the same 409.
   */
  async guardedWrite<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await strapi.db.transaction(write);
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('registrationNumber', TAKEN);
      throw error;
    }
  },
});
