import { z } from 'zod';

export const lineSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity: z.number().int().positive().max(1_000_000),
});

/** A non-empty list of lines with each SKU at most once. */
export const linesSchema = z
  .array(lineSchema)
  .min(1, 'at least one line is required')
  .max(200)
  .superRefine((lines, context) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.sku)) context.addIssue({ code: 'custom', path: [index, 'sku'], message: `${line.sku} appears more than once` });
      seen.add(line.sku);
    });
  });

export type LineInput = z.infer<typeof lineSchema>;
