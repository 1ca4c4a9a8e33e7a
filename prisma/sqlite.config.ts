import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Prisma CLI config for the default SQLite database. The JS schema engine runs through the driver
// adapter, so no engine binaries are downloaded (see docs/toolchain.md). `.env` is not loaded when a
// config file is used: DATABASE_URL must be exported (app/cli/db.ts does this).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  migrations: { path: "./migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL ?? "file:./.data/baton.db";
    const main = new PrismaBetterSQLite3({ url });
    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => main.connect(),
      async connectToShadowDb() {
        const shadow = await new PrismaBetterSQLite3({ url: ":memory:" }).connect();
        // `migrate diff/dev` send a whole migration.sql through executeRaw, which runs one
        // statement only (P3006 "External error id#0"); run such scripts as scripts instead.
        const executeRaw = shadow.executeRaw.bind(shadow);
        shadow.executeRaw = async (query) => {
          try {
            return await executeRaw(query);
          } catch (error) {
            if (query.args.length > 0) throw error;
            await shadow.executeScript(query.sql);
            return 0;
          }
        };
        return shadow;
      },
    };
  },
});
