"use client";

/** Creates a cohort (name and guides), then opens its page. */
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { callApi } from "@/app/_components/api/call";
import { Field } from "@/app/_components/ui/field";
import { useFormSubmit } from "@/app/_components/ui/use-form-submit";

export function NewCohortForm({ guides }: { guides: { slug: string; title: string }[] }) {
  const router = useRouter();
  const { fieldErrors, setFieldErrors, message, setMessage, pending, submit } = useFormSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit(async () => {
      const created = await callApi<{ id: string }>("/api/instructor/cohorts", { method: "POST", body: JSON.stringify({ name: form.get("name"), guides: form.getAll("guides") }) });
      if (created.ok) router.push(`/instructor/cohorts/${created.data.id}`);
      else {
        setFieldErrors(created.fieldErrors ?? {});
        setMessage(created.message);
      }
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <Field name="name" label="Name" errors={fieldErrors.name} maxLength={100} required placeholder="Kafka, spring class" />
      <fieldset aria-describedby={fieldErrors.guides ? "guides-error" : undefined}>
        <legend className="text-sm font-medium">Guides it follows</legend>
        {guides.map((g) => (
          <label key={g.slug} className="mt-1 flex items-center gap-2">
            <input type="checkbox" name="guides" value={g.slug} defaultChecked={g.slug === "kafka"} />
            {g.title}
          </label>
        ))}
        {fieldErrors.guides && (
          <p id="guides-error" className="text-sm text-red-800 dark:text-red-300">
            {fieldErrors.guides.join(" ")}
          </p>
        )}
      </fieldset>
      {message && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {message}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create the cohort"}
      </button>
    </form>
  );
}
