/**
 * A command-line option parser that behaves like jopt-simple as Kafka's tools configure it
 * (no abbreviations, `--name value` and `--name=value`, `-name` for a recognized long name,
 * required arguments taken even when they start with "-", `--` ends the options) and raises
 * jopt-simple's exceptions with their exact messages. Conversions to Integer/Long happen when a
 * tool reads a value, as in jopt-simple, so a bad number surfaces where the tool asks for it.
 */

/** One option a tool accepts (an `OptionSpec` in jopt-simple terms). */
export interface OptionSpec {
  name: string;
  /** Absent: a flag. */
  arg?: "required" | "optional";
  type?: "String" | "Integer" | "Long";
  /** jopt-simple's `describedAs`, shown in the usage. */
  describedAs?: string;
  description: string;
  defaultValue?: string;
  /** `withValuesSeparatedBy`: one occurrence may carry several values. */
  separator?: string;
  /** `availableIf`: the option is refused unless one of these is present. */
  availableIf?: readonly string[];
  /** `requiredUnless`: the option is required unless one of these is present. */
  requiredUnless?: readonly string[];
}

/** A jopt-simple exception: `exceptionClass` is its fully qualified class name. */
export class OptionError {
  constructor(
    readonly exceptionClass: string,
    readonly message: string,
  ) {}
}

/** What jopt-simple's OptionSet answers. */
export interface ParsedOptions {
  has(name: string): boolean;
  /** Every value given for the option (after splitting on its separator), or its default. */
  values(name: string): string[];
  nonOptions: string[];
}

/** The options every Kafka tool has (CommandDefaultOptions). */
export const DEFAULT_OPTIONS: readonly OptionSpec[] = [
  { name: "help", description: "Print usage information." },
  { name: "version", description: "Display Kafka version." },
];

const unrecognized = (name: string) => new OptionError("joptsimple.UnrecognizedOptionException", `${name} is not a recognized option`);

/** Parses `argv` against `specs` (which should include DEFAULT_OPTIONS). Throws OptionError. */
export function parseOptions(specs: readonly OptionSpec[], argv: readonly string[]): ParsedOptions {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const given = new Map<string, string[]>();
  const nonOptions: string[] = [];
  const add = (spec: OptionSpec, value: string | null) => {
    const list = given.get(spec.name) ?? [];
    if (value !== null) list.push(...(spec.separator ? value.split(spec.separator) : [value]));
    given.set(spec.name, list);
  };
  let endOfOptions = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (endOfOptions || token === "-" || !token.startsWith("-")) {
      nonOptions.push(token);
      continue;
    }
    if (token === "--") {
      endOfOptions = true;
      continue;
    }
    const body = token.startsWith("--") ? token.slice(2) : token.slice(1);
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    const inline = eq < 0 ? null : body.slice(eq + 1);
    const spec = byName.get(name);
    // A single dash with an unknown name is a cluster of one-letter options: the first letter fails.
    if (!spec) throw unrecognized(token.startsWith("--") ? name : (body[0] ?? name));
    if (spec.arg === "required") {
      if (inline !== null) add(spec, inline);
      else if (i + 1 < argv.length) add(spec, argv[++i]!);
      else throw new OptionError("joptsimple.OptionMissingRequiredArgumentException", `Option ${spec.name} requires an argument`);
    } else if (spec.arg === "optional") {
      const next = argv[i + 1];
      if (inline !== null) add(spec, inline);
      else if (next !== undefined && !(next.startsWith("-") && next !== "-")) add(spec, argv[++i]!);
      else add(spec, null);
    } else add(spec, null);
  }
  if (!given.has("help")) {
    const missing = specs.filter((s) => s.requiredUnless && !given.has(s.name) && !s.requiredUnless.some((o) => given.has(o)));
    if (missing.length > 0) throw new OptionError("joptsimple.MissingRequiredOptionsException", `Missing required option(s) [${missing.map((s) => s.name).join(", ")}]`);
  }
  const unavailable = specs.filter((s) => s.availableIf && given.has(s.name) && !s.availableIf.some((o) => given.has(o)));
  if (unavailable.length > 0) throw new OptionError("joptsimple.UnavailableOptionException", `Option(s) [${unavailable.map((s) => s.name).join(", ")}] are unavailable given other options on the command line`);
  return {
    has: (name) => given.has(name),
    values: (name) => {
      const list = given.get(name);
      if (list && list.length > 0) return list;
      const dflt = byName.get(name)?.defaultValue;
      return dflt === undefined ? [] : [dflt];
    },
    nonOptions,
  };
}

/** `options.valueOf(spec)`: the single value, null when absent; several values are an error. */
export function valueOf(options: ParsedOptions, name: string): string | null {
  const list = options.values(name);
  if (list.length > 1) throw new OptionError("joptsimple.MultipleArgumentsForOptionException", `Found multiple arguments for option ${name}, but you asked for only one`);
  return list[0] ?? null;
}

/** `valueOf` for an Integer/Long option, with jopt-simple's conversion error. */
export function numberOf(options: ParsedOptions, name: string, type: "Integer" | "Long"): number | null {
  const raw = valueOf(options, name);
  if (raw === null) return null;
  const ok = /^[+-]?\d+$/.test(raw) && Math.abs(Number(raw)) <= (type === "Integer" ? 2147483648 : Number.MAX_SAFE_INTEGER);
  if (!ok || (type === "Integer" && Number(raw) > 2147483647)) {
    throw new OptionError("joptsimple.OptionArgumentConversionException", `Cannot parse argument '${raw}' of option ${name}`);
  }
  return Number(raw);
}

/** How jopt-simple prints an OptionSpec: `[name]`. */
export const spec = (name: string): string => `[${name}]`;
