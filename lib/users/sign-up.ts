import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/users/schemas";
import { parseInput } from "@/lib/validation";

export interface NewUser {
  id: string;
  email: string;
  name: string;
}

/**
 * Creates a learner account from untrusted input. Throws a 400 AppError naming the field for bad
 * input and a 409 with `fieldErrors.email` when the e-mail is taken; creates nothing in either case.
 */
export async function signUp(input: unknown): Promise<NewUser> {
  const { name, email, password } = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { name, email, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", {
        userMessage: "An account with this e-mail already exists. Sign in instead.",
        fieldErrors: { email: ["An account with this e-mail already exists."] },
      });
    }
    throw error;
  }
}
