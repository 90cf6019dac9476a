/** The signed-in owner reads and changes their own profile. */
export const PROFILE_OWNER_ACTIONS = [
  'api::profile.profile.find',
  'api::profile.profile.update',
] as const;
