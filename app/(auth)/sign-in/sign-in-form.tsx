"use client";

import "@/app/_components/ui/zod-without-eval";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormMessage, buttonClass } from "@/app/_components/ui/field";
import { useFormSubmit } from "@/app/_components/ui/use-form-submit";
import { signInSchema } from "@/lib/users/schemas";
import { fieldErrorsOf } from "@/lib/validation";
import { signInErrorMessage, signInWithPassword } from "../sign-in-with-password";

export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const router = useRouter();
  const { fieldErrors, setFieldErrors, message, setMessage, pending, submit } = useFormSubmit();
  const shown = message ?? (initialError ? signInErrorMessage(initialError) : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    await submit(async () => {
      const error = await signInWithPassword(parsed.data.email, parsed.data.password);
      if (error) return setMessage(error);
      router.push(returnTo);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
      <FormMessage message={shown} />
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
