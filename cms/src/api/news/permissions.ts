/** Public news, read by visitors and owners. */
export const NEWS_READ_ACTIONS = ['api::news.articles.list', 'api::news.articles.findOne'] as const;

/** An owner's recalls; each action scopes to the signed-in owner. */
export const RECALL_OWNER_ACTIONS = ['mine', 'setStatus'].map(
  (action) => `api::news.recalls.${action}`,
);
