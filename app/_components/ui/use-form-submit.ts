"use client";

import { useState } from "react";

const NETWORK_ERROR = "The server could not be reached. Check your connection and try again.";

/**
 * The state every form here keeps: per-field errors, one message, and whether a submission is
 * running. `submit` clears old errors, runs `work`, and turns a network failure into a message.
 */
export function useFormSubmit() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(work: () => Promise<void>): Promise<void> {
    setFieldErrors({});
    setMessage(null);
    setPending(true);
    try {
      await work();
    } catch {
      setMessage(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
  }

  return { fieldErrors, setFieldErrors, message, setMessage, pending, submit };
}
