/**
 * Imported first by every client component that validates with zod. Zod probes `new Function`
 * once to see whether it may compile faster parsers; our Content-Security-Policy refuses eval, and
 * the refused probe is reported as a violation even though zod catches it. Forms parse a handful of
 * fields, so zod's plain parser is plenty.
 */
import { z } from "zod";

z.config({ jitless: true });
