const UP = 'plugin::users-permissions';

/** Sign-up, sign-in and recovery: open to anyone. */
export const IDENTITY_PUBLIC_ACTIONS = [
  `${UP}.auth.callback`,
  `${UP}.auth.register`,
  `${UP}.auth.forgotPassword`,
  `${UP}.auth.resetPassword`,
  `${UP}.auth.refresh`,
] as const;

/** An owner's own account and sessions. */
export const IDENTITY_OWNER_ACTIONS = [
  `${UP}.user.me`,
  `${UP}.auth.logout`,
  `${UP}.auth.changePassword`,
  `${UP}.auth.getSessions`,
  `${UP}.auth.revokeSession`,
] as const;
