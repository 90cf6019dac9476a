import { ownerRoutes } from '../../identity/auth/owner-routes';
import {
  CHANGE_DOCS,
  CREATE_DOCS,
  LIST_DOCS,
  RECORD_DOCS,
  TRANSITION_DOCS,
  VEHICLE_DOCS,
} from '../openapi';
import { completionInput, newServiceRecordInput, serviceRecordChangeInput } from '../record-input';

// Owner routes: the Owner role grants them; every action scopes to the signed-in owner.
// Status changes have their own routes (complete, cancel); PUT never changes the status.
export default {
  type: 'content-api',
  routes: ownerRoutes([
    {
      method: 'GET',
      path: '/service-records',
      handler: 'service-records.list',
      ...LIST_DOCS,
    },
    {
      method: 'POST',
      path: '/service-records',
      handler: 'service-records.create',
      body: newServiceRecordInput,
      ...CREATE_DOCS,
    },
    {
      method: 'GET',
      path: '/service-records/:id',
      handler: 'service-records.findOne',
      ...RECORD_DOCS,
    },
    {
      method: 'PUT',
      path: '/service-records/:id',
      handler: 'service-records.update',
      body: serviceRecordChangeInput,
      ...CHANGE_DOCS,
    },
    {
      method: 'DELETE',
      path: '/service-records/:id',
      handler: 'service-records.delete',
      ...RECORD_DOCS,
    },
    {
      method: 'POST',
      path: '/service-records/:id/complete',
      handler: 'service-records.complete',
      body: completionInput,
      ...TRANSITION_DOCS,
    },
    {
      method: 'POST',
      path: '/service-records/:id/cancel',
      handler: 'service-records.cancel',
      ...TRANSITION_DOCS,
    },
    {
      method: 'GET',
      path: '/vehicles/:id/spending',
      handler: 'service-records.spending',
      ...VEHICLE_DOCS,
    },
  ]),
};
