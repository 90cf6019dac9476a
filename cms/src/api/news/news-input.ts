// zod/v4 for request bodies (the OpenAPI document is generated from them); zod 3 for queries.
import { z } from 'zod/v4';
import { z as z3 } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { RECALL_STATUSES, TAG_PATTERN } from './news-uids';

/** `PUT /recalls/:recallId/vehicles/:vehicleId`. */
export const recallStatusInput = z
  .object({
    status: z.enum(RECALL_STATUSES).meta({
      description: 'possible (not looked at yet), acknowledged (seen, not fixed) or fixed',
    }),
  })
  .strict();

/** `GET /news` beside `locale`. */
export const newsListQuery = {
  ...pageQuery.shape,
  tag: z3
    .string()
    .max(40)
    .regex(TAG_PATTERN, 'must be a tag (lower-case words joined by hyphens)')
    .optional(),
};

/** `GET /recalls/mine` beside `locale`. */
export const recallsMineQuery = {
  vehicle: z3.string().trim().min(1).max(40).optional(),
};
