/**
 * Prisma's schema engine, compiled to WebAssembly, driven through the same `pg` adapter the app
 * uses. This is what lets migrations run with no network access: the Prisma CLI would otherwise
 * download a native engine binary first.
 *
 * YOU PROBABLY DON'T NEED TO EDIT THIS FILE, UNLESS: the engine package is upgraded and its
 * wasm-bindgen glue changes shape.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";
import type { SchemaEngine as SchemaEngineType } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

type Glue = typeof SchemaEngineWasm & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// Kept on globalThis, not in module scope: the glue module is imported natively and so shared by
// every copy of this module (test runners load one copy per project), and instantiating the wasm
// twice would swap the memory under an engine that is still running.
const shared = globalThis as { __schemaEngine?: { glue?: Promise<Glue>; queue: Promise<unknown> } };
const state = (shared.__schemaEngine ??= { queue: Promise.resolve() });

/** Instantiates the engine's wasm module once per process (it is ~10 MB). */
function loadGlue(): Promise<Glue> {
  state.glue ??= (async () => {
    // The glue reports Rust panics through this global; without it a panic hides its message.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        process.stderr.write(`schema engine panicked: ${message}\n`);
      },
    };
    // Import the JS glue directly: the package entry imports the .wasm file as an ES module, which
    // Node 20 only allows behind --experimental-wasm-modules.
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(pathToFileURL(gluePath).href)) as Glue;
    const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return state.glue;
}

export type SchemaEngine = SchemaEngineType;

export interface OpenSchemaEngineOptions {
  connectionString: string;
  schemaPath: string;
  /** Receives the engine's log lines (JSON strings); silent by default. */
  log?: (line: string) => void;
}

/**
 * Runs `fn` with a schema engine connected to `options.connectionString`, then frees the engine
 * and its pool. Calls are serialised per process: the wasm module is one instance, and two
 * engines working in it at once corrupt each other's memory.
 */
export function withSchemaEngine<T>(options: OpenSchemaEngineOptions, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const run = state.queue.then(async () => {
    const { engine, close } = await openSchemaEngine(options);
    try {
      return await fn(engine);
    } finally {
      await close();
    }
  });
  state.queue = run.catch(() => undefined);
  return run;
}

async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<{
  engine: SchemaEngine;
  close: () => Promise<void>;
}> {
  const glue = await loadGlue();
  const datamodel = readFileSync(options.schemaPath, "utf8");
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2, Client: CharAsTextClient });
  const adapter = bindMigrationAwareSqlAdapterFactory(withCharColumns(new PrismaPg(pool)));
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[options.schemaPath, datamodel]] },
    (line: string) => options.log?.(line),
    adapter,
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

/** Result rows (pg's own array, passed through by the adapter) → indexes of "char" columns. */
const charColumns = new WeakMap<object, number[]>();

function hideCharColumns<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields ?? [];
  const indexes: number[] = [];
  fields.forEach((field, i) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(i);
    }
  });
  const rows = (result as { rows?: object } | undefined)?.rows;
  if (indexes.length > 0 && rows) charColumns.set(rows, indexes);
  return result;
}

/**
 * The engine's introspection reads catalog columns of PostgreSQL's one-byte `"char"` type
 * (pg_class.relkind, pg_constraint.contype) and expects them typed as Character, but
 * @prisma/adapter-pg 7.10 refuses the type ("Column type 'char' could not be deserialized").
 * The client reports such columns as text to get past the adapter and remembers where they were;
 * `withCharColumns` then restores the Character type in the result the engine sees.
 */
class CharAsTextClient extends pg.Client {
  // pg's overloads cannot be re-declared one by one; the arguments pass through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.length - 1;
    const callback: unknown = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, result: unknown) =>
        (callback as (e: unknown, r: unknown) => void)(error, hideCharColumns(result));
    }
    const out: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(hideCharColumns) : out;
  }
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
  return result;
}

function wrapQueryable<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw") {
        return async (query: SqlQuery) => restoreCharColumns(await (value as (q: SqlQuery) => Promise<SqlResultSet>).call(t, query));
      }
      if (prop === "startTransaction") {
        return async (...a: unknown[]) => wrapQueryable(await (value as (...x: unknown[]) => Promise<object>).apply(t, a));
      }
      return (value as (...x: unknown[]) => unknown).bind(t);
    },
  });
}

function withCharColumns(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrapQueryable(await factory.connect()),
    connectToShadowDb: async () => wrapQueryable(await factory.connectToShadowDb()),
  };
}

/** The schema filter Prisma uses when no external tables or enums are configured. */
export const NO_FILTERS: { externalTables: string[]; externalEnums: string[] } = { externalTables: [], externalEnums: [] };
