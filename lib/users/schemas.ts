/**
 * Account input schemas, shared by the forms (client-side checks) and the server (the real check).
 * zod only: safe to import from client components.
 */
import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";

export const ROLES = ["LEARNER", "INSTRUCTOR", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .max(254, "That e-mail address is too long.")
  .pipe(z.email({ error: "Enter a valid e-mail address." }));

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.")
  .refine((p) => !isCommonPassword(p), "This password is too common; choose another.");

export const signUpSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Use at most 200 characters."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const userIdSchema = z.uuid({ error: "Not a valid user id." });

export const updateUserSchema = z
  .object({
    role: z.enum(ROLES, { error: "Role must be LEARNER, INSTRUCTOR or ADMIN." }).optional(),
    disabled: z.boolean({ error: "disabled must be true or false." }).optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, "Give a role or disabled.");
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
