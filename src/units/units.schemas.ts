import { z } from "zod";

/** A unit in the public unit picker. */
export const UnitListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      shortName: z.string(),
      levelCode: z.string(),
      levelName: z.string(),
      parentId: z.uuid().nullable(),
      areaCode: z.string().nullable(),
    }),
  ),
});
export type UnitListResponse = z.infer<typeof UnitListResponse>;
