"use server";
/**
 * Account mutations for forms. Each action authenticates and authorizes on its own (actions are
 * public POST endpoints) by delegating to the lib functions that check next to the data.
 */
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { actionError, type ActionResult } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { enforceRateLimit, SIGN_UP_LIMIT_PER_IP } from "@/lib/rate-limit";
import { signUp } from "@/lib/users/sign-up";
import { updateUser } from "@/lib/users/update-user";

/** Creates an account; the form then signs in with the password it still holds. */
export async function signUpAction(formData: FormData): Promise<ActionResult<{ email: string }>> {
  try {
    await enforceRateLimit(`signup:ip:${clientIp(await headers())}`, SIGN_UP_LIMIT_PER_IP);
    const user = await signUp({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    return actionError(error);
  }
}

/** Admin: change a user's role or disable/enable them (fields `userId`, `role`?, `disabled`?). */
export async function updateUserAction(formData: FormData): Promise<ActionResult> {
  try {
    const role = formData.get("role");
    const disabled = formData.get("disabled");
    await updateUser(await getCurrentUser(), formData.get("userId"), {
      role: typeof role === "string" && role !== "" ? role : undefined,
      disabled: disabled === "true" ? true : disabled === "false" ? false : undefined,
    });
    revalidatePath("/admin/users");
    return { ok: true, data: undefined };
  } catch (error) {
    return actionError(error);
  }
}
