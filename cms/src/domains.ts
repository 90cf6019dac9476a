import { catalogDomain } from './api/catalog/domain';
import { homePageDomain } from './api/home-page/domain';
import { identityDomain } from './api/identity/domain';
import { opsDomain } from './api/ops/domain';
import { profileDomain } from './api/profile/domain';
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
  reminderDomain,
  homePageDomain,
];
