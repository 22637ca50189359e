/**
 * Turning zod failures into errors that name the field, the same way everywhere (forms, actions,
 * route handlers).
 */
import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Flattens a zod error into `{ "field.path": [messages] }`; form-level issues go under `_form`. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Validates `data` with `schema`; throws a 400 AppError whose message names the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  const first = Object.entries(fieldErrors)[0];
  const message = first ? `${first[0]}: ${first[1][0]}` : "The request is not valid.";
  throw new AppError("BAD_REQUEST", { userMessage: message, fieldErrors });
}
