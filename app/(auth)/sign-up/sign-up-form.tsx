"use client";

import "@/app/_components/ui/zod-without-eval";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormMessage, buttonClass } from "@/app/_components/ui/field";
import { useFormSubmit } from "@/app/_components/ui/use-form-submit";
import { signUpAction } from "@/lib/users/actions";
import { PASSWORD_MIN_LENGTH, signUpSchema } from "@/lib/users/schemas";
import { fieldErrorsOf } from "@/lib/validation";
import { signInWithPassword } from "../sign-in-with-password";

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const { fieldErrors, setFieldErrors, message, setMessage, pending, submit } = useFormSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    await submit(async () => {
      const result = await signUpAction(form);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        return setMessage(result.message);
      }
      const error = await signInWithPassword(parsed.data.email, parsed.data.password);
      if (error) return setMessage(`Your account was created, but signing in failed: ${error}`);
      router.push(returnTo);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create an account">
      <FormMessage message={message} />
      <Field name="name" label="Name" autoComplete="name" required errors={fieldErrors.name} />
      <Field name="email" label="E-mail" type="email" autoComplete="email" required errors={fieldErrors.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; common passwords are refused.`}
        errors={fieldErrors.password}
      />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link className="text-sky-700 underline dark:text-sky-400" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
