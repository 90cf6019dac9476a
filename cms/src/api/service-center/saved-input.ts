// zod/v4: the OpenAPI document's request bodies are generated from these very schemas.
import { z } from 'zod/v4';

/** `POST /saved-centers`: the center to save. */
export const saveCenterInput = z
  .object({
    center: z.string().trim().min(1).max(64).meta({ description: 'A published center’s id' }),
  })
  .strict();
