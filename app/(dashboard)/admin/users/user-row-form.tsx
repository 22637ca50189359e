"use client";

import "@/app/_components/ui/zod-without-eval";

import { useState, useTransition } from "react";
import { updateUserAction } from "@/lib/users/actions";
import type { UserDto } from "@/lib/users/queries";
import { ROLES } from "@/lib/users/schemas";

/** One user's role selector and enable/disable switch; errors are shown next to the row. */
export function UserRowForm({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(change: { role?: string; disabled?: boolean }) {
    const form = new FormData();
    form.set("userId", user.id);
    if (change.role) form.set("role", change.role);
    if (change.disabled !== undefined) form.set("disabled", String(change.disabled));
    startTransition(async () => {
      const result = await updateUserAction(form);
      setMessage(result.ok ? "Saved." : result.message);
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role of {user.email}
      </label>
      <select
        id={`role-${user.id}`}
        defaultValue={user.role}
        disabled={pending || isSelf}
        onChange={(e) => submit({ role: e.target.value })}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role.charAt(0) + role.slice(1).toLowerCase()}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending || isSelf}
        onClick={() => submit({ disabled: !user.disabled })}
        className="rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {user.disabled ? "Enable" : "Disable"}
      </button>
      <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {message}
      </span>
    </div>
  );
}
