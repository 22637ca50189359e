import type { Metadata } from "next";
import { SignUpForm } from "./sign-up-form";
import { safeReturnPath } from "@/lib/utils/safe-return-path";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <SignUpForm returnTo={safeReturnPath(params.callbackUrl)} />
    </div>
  );
}
