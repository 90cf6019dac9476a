/** What a signed-in owner may ask of their garage overview. */
export const GARAGE_OWNER_ACTIONS = ['api::garage.garage.version'];
