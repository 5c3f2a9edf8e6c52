import { z } from 'zod';

export const frameRateSchema = z.strictObject({
  num: z.number().int().min(1).max(1_000_000),
  den: z.number().int().min(1).max(1_000_000),
});
