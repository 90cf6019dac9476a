import { ownerRoutes } from '../../identity/auth/owner-routes';
import { completionInput, newServiceRecordInput, serviceRecordChangeInput } from '../record-input';

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
// Status changes have their own routes (complete, cancel); PUT never changes the status.
export default {
  type: 'content-api',
  routes: ownerRoutes([
    { method: 'GET', path: '/service-records', handler: 'service-records.list' },
    {
      method: 'POST',
      path: '/service-records',
      handler: 'service-records.create',
      body: newServiceRecordInput,
      idempotent: true,
    },
    { method: 'GET', path: '/service-records/:id', handler: 'service-records.findOne' },
    {
      method: 'PUT',
      path: '/service-records/:id',
      handler: 'service-records.update',
      body: serviceRecordChangeInput,
    },
    { method: 'DELETE', path: '/service-records/:id', handler: 'service-records.delete' },
    {
      method: 'POST',
      path: '/service-records/:id/complete',
      handler: 'service-records.complete',
      body: completionInput,
    },
    { method: 'POST', path: '/service-records/:id/cancel', handler: 'service-records.cancel' },
    { method: 'GET', path: '/vehicles/:id/spending', handler: 'service-records.spending' },
  ]),
};
