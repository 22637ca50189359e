import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";
import { safeReturnPath } from "@/lib/utils/safe-return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm returnTo={safeReturnPath(params.callbackUrl)} initialError={error} />
    </div>
  );
}
