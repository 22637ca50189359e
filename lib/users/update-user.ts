import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertRole, type SessionUser } from "@/lib/auth/session";
import { updateUserSchema, userIdSchema } from "@/lib/users/schemas";
import { toUserDto, userDtoSelect, type UserDto } from "@/lib/users/queries";
import { parseInput } from "@/lib/validation";

/**
 * Admin only: changes a user's role and/or disables or re-enables the account. Disabling also ends
 * all of that user's sessions. The change and its audit record are written in one transaction.
 * An admin cannot demote or disable themselves (so the platform always keeps an admin).
 */
export async function updateUser(actor: SessionUser | null, userId: unknown, input: unknown): Promise<UserDto> {
  assertRole(actor, "ADMIN");
  const id = parseInput(userIdSchema, userId);
  const change = parseInput(updateUserSchema, input);
  if (id === actor.id && ((change.role && change.role !== "ADMIN") || change.disabled)) {
    throw new AppError("UNPROCESSABLE", { userMessage: "You cannot remove your own admin access.", fieldErrors: { role: ["You cannot demote or disable yourself."] } });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { role: true, disabledAt: true } });
    if (!before) throw new AppError("NOT_FOUND", { userMessage: "No such user." });
    const disabledAt = change.disabled === undefined ? undefined : change.disabled ? (before.disabledAt ?? new Date()) : null;
    const user = await tx.user.update({
      where: { id },
      data: { role: change.role, disabledAt },
      select: userDtoSelect,
    });
    if (change.disabled) await tx.session.deleteMany({ where: { userId: id } });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "user.update",
        targetId: id,
        detail: { before: { role: before.role, disabled: before.disabledAt !== null }, after: change },
      },
    });
    return toUserDto(user);
  });
}
