import type { Core } from '@strapi/strapi';
import { getVehicleService } from '../services';

interface PolicyContext {
  state: { user?: { id: number } };
  params: { id?: string };
}

/**
 * The signed-in owner's vehicle `:id`, or a 404 as the controller would answer: checked as a
 * policy so that a route reading a large body (photos) refuses another owner's vehicle
 * before that body is read.
 */
export default async (
  policyContext: PolicyContext,
  _config: unknown,
  { strapi }: { strapi: Core.Strapi },
) => {
  const { user } = policyContext.state;
  if (!user) return false;
  await getVehicleService(strapi, 'vehicles').ownedRow(
    user.id,
    String(policyContext.params.id ?? ''),
  );
  return true;
};
