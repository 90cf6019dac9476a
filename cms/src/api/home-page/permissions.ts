/** The public home page, read by visitors and owners. */
export const HOME_PAGE_READ_ACTIONS = ['api::home-page.home-page.find'] as const;
