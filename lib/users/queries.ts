import "server-only";
import { db } from "@/lib/db";
import { assertRole, type SessionUser } from "@/lib/auth/session";
import type { RoleName } from "@/lib/users/schemas";

/** A user as the admin pages see them: no password hash, dates as ISO strings. */
export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  disabled: boolean;
  createdAt: string;
}

export const userDtoSelect = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const;

/** Maps a row selected with `userDtoSelect` to its DTO. */
export function toUserDto(u: { id: string; email: string; name: string; role: RoleName; disabledAt: Date | null; createdAt: Date }): UserDto {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null, createdAt: u.createdAt.toISOString() };
}

export interface ListUsersOptions {
  search?: string;
  page?: number;
}

export const USERS_PAGE_SIZE = 50;

/** Admin only: users matching `search` (name or e-mail), newest first, one page at a time. */
export async function listUsers(actor: SessionUser | null, options: ListUsersOptions = {}): Promise<{ users: UserDto[]; total: number }> {
  assertRole(actor, "ADMIN");
  const search = options.search?.trim().slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Math.trunc(options.page ?? 1)));
  const where = search
    ? { OR: [{ email: { contains: search, mode: "insensitive" as const } }, { name: { contains: search, mode: "insensitive" as const } }] }
    : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: userDtoSelect,
    }),
    db.user.count({ where }),
  ]);
  return {
    users: rows.map(toUserDto),
    total,
  };
}
