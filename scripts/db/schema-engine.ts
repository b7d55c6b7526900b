// Prisma's own schema engine, compiled to WebAssembly, so that migration SQL can be produced and
// checked offline (the native engine of the Prisma CLI is downloaded on demand and fails here).
import { readFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createRequire } from 'node:module';

type SchemaEngine = engineBindings.SchemaEngine;

// The package is built for bundlers (`import * as wasm from "./x.wasm"`), which Node cannot load:
// instantiate the module by hand and hand it to the generated bindings.
let loaded: Promise<typeof engineBindings.SchemaEngine> | undefined;
function loadSchemaEngine(): Promise<typeof engineBindings.SchemaEngine> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    engineBindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return engineBindings.SchemaEngine;
  })();
  return loaded;
}

export const SCHEMA_PATH = 'prisma/schema.prisma';

export async function withSchemaEngine<T>(
  connectionString: string,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }, { schema: 'public' }));
  const datamodel = readFileSync(SCHEMA_PATH, 'utf8');
  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

// SQL that turns the schema `fromDatamodel` (or an empty database) into the current schema.prisma.
export async function diffSchemaSql(connectionString: string, fromDatamodel?: string): Promise<string> {
  return withSchemaEngine(connectionString, async (engine) => {
    const to = { tag: 'schemaDatamodel' as const, files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }] };
    const from = fromDatamodel
      ? { tag: 'schemaDatamodel' as const, files: [{ path: SCHEMA_PATH, content: fromDatamodel }] }
      : { tag: 'empty' as const };
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  });
}
