import { calendarDomain } from './api/calendar/domain';
import { catalogDomain } from './api/catalog/domain';
import { documentDomain } from './api/document/domain';
import { garageDomain } from './api/garage/domain';
import { homePageDomain } from './api/home-page/domain';
import { identityDomain } from './api/identity/domain';
import { newsDomain } from './api/news/domain';
import { opsDomain } from './api/ops/domain';
import { profileDomain } from './api/profile/domain';
import { serviceCenterDomain } from './api/service-center/domain';
import { serviceRecordDomain } from './api/service-record/domain';
import { reminderDomain } from './api/reminder/domain';
import { vehicleDomain } from './api/vehicle/domain';
import type { Domain } from './lib/domain';

/** The app's domains, in the order their register and bootstrap hooks run. */
export const DOMAINS: readonly Domain[] = [
  opsDomain,
  identityDomain,
  profileDomain,
  catalogDomain,
  vehicleDomain,
  serviceCenterDomain,
  documentDomain,
  serviceRecordDomain,
  calendarDomain,
  reminderDomain,
  newsDomain,
  garageDomain,
  homePageDomain,
];
