/** The news domain's content types. */
export const NEWS_UID = 'api::news.news';
export const RECALL_UID = 'api::news.recall';
export const RECALL_STATUS_UID = 'api::news.recall-status';
/** The language every article and recall has; others fall back to it. */
export const FALLBACK_LOCALE = 'en';

export const RECALL_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type RecallSeverity = (typeof RECALL_SEVERITIES)[number];
export const RECALL_STATUSES = ['possible', 'acknowledged', 'fixed'] as const;
export type RecallStatus = (typeof RECALL_STATUSES)[number];

/** Tags: lower-case words joined by hyphens, at most 10 of 40 characters each. */
export const TAG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_TAGS = 10;

export const tagsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
