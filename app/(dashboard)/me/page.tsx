import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "My account" };

const ROLE_LABEL = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;

export default async function MePage() {
  const user = await requirePageUser("/me");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">My account</h1>
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">Name</dt>
        <dd>{user.name}</dd>
        <dt className="font-medium">E-mail</dt>
        <dd>{user.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd data-testid="role">{ROLE_LABEL[user.role]}</dd>
      </dl>
    </div>
  );
}
