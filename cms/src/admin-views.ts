import { makeAdminView, modelAdminView, trimAdminView } from './api/catalog/admin-view';
import { documentAdminView } from './api/document/admin-view';
import { ownerAdminView } from './api/identity/admin-view';
import { reminderAdminView } from './api/reminder/admin-view';
import { serviceRecordAdminView } from './api/service-record/admin-view';
import { vehicleAdminView } from './api/vehicle/admin-view';
import type { AdminView } from './lib/admin-views';

/**
 * How the content manager shows each type (lib/admin-views.ts), applied at every boot by
 * provisioning; the admin panel (src/admin/app.tsx) takes the Nepali labels from here. One
 * declaration per type, in its domain folder: add a line here with a new type.
 * Pure data: the admin bundle imports this file.
 */
export const ADMIN_VIEWS: readonly AdminView[] = [
  ownerAdminView,
  vehicleAdminView,
  serviceRecordAdminView,
  reminderAdminView,
  documentAdminView,
  makeAdminView,
  modelAdminView,
  trimAdminView,
];
