import type { Domain } from '../../lib/domain';
import { ensureHomePage } from './ensure-home-page';
import { HOME_PAGE_READ_ACTIONS } from './permissions';

/** The editable home page (a single type, in every locale). */
export const homePageDomain: Domain = {
  name: 'home-page',
  bootstrap: ensureHomePage,
  permissions: { public: HOME_PAGE_READ_ACTIONS, owner: HOME_PAGE_READ_ACTIONS },
};
