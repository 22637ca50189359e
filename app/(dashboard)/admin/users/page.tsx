import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers, USERS_PAGE_SIZE } from "@/lib/users/queries";
import { UserRowForm } from "./user-row-form";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageUser("/admin/users", "ADMIN");
  const params = await searchParams;
  const search = typeof params.search === "string" ? params.search : "";
  const page = Number(typeof params.page === "string" ? params.page : "1") || 1;
  const { users, total } = await listUsers(admin, { search, page });
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <form role="search" className="flex gap-2">
        <label htmlFor="search" className="sr-only">
          Search users
        </label>
        <input
          id="search"
          name="search"
          defaultValue={search}
          placeholder="Name or e-mail"
          className="w-64 rounded-md border border-zinc-300 bg-white px-3 py-1.5 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button className="rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700">Search</button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users, newest first</caption>
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">E-mail</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2">Role and access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-zinc-100 dark:border-zinc-900">
                <td className="py-2 pr-4">{user.name}</td>
                <td className="py-2 pr-4">{user.email}</td>
                <td className="py-2 pr-4">{user.disabled ? "Disabled" : "Active"}</td>
                <td className="py-2">
                  <UserRowForm user={user} isSelf={user.id === admin.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 && <Link href={`?search=${encodeURIComponent(search)}&page=${page - 1}`}>← Previous</Link>}
        <span>
          Page {Math.min(page, pages)} of {pages} ({total} users)
        </span>
        {page < pages && <Link href={`?search=${encodeURIComponent(search)}&page=${page + 1}`}>Next →</Link>}
      </nav>
    </div>
  );
}
