"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { Field, FormMessage, buttonClass } from "@/app/_components/ui/field";
import { signInSchema } from "@/lib/users/schemas";
import { fieldErrorsOf } from "@/lib/validation";

const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong e-mail or password.",
  RateLimited: "Too many sign-in attempts. Please wait a few minutes and try again.",
  AccessDenied: "This account cannot sign in.",
};

export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(initialError ? (ERROR_MESSAGES[initialError] ?? "Sign-in failed.") : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setMessage(null);
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setMessage(ERROR_MESSAGES[result?.error ?? ""] ?? (result?.status === 429 ? ERROR_MESSAGES.RateLimited! : "Sign-in failed. Please try again."));
        return;
      }
      router.push(returnTo);
      router.refresh();
    } catch {
      setMessage("The server could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
      <FormMessage message={message} />
      <Field name="email" label="E-mail" type="email" autoComplete="email" required errors={fieldErrors.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link className="text-sky-700 underline dark:text-sky-400" href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
