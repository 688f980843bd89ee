import { z } from "zod";

/** POST /api/auth/login */
export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The logged-in user as the API shows it. */
export const CurrentUserResponse = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(["admin", "leader", "officer", "inspector"]),
    unitId: z.uuid(),
    unitName: z.string(),
  }),
});
export type CurrentUserResponse = z.infer<typeof CurrentUserResponse>;
