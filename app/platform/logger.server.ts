import { pino, stdSerializers, type DestinationStream, type Logger } from "pino";

/**
 * The process's logger (pino): one JSON object per line on stdout, with structured fields rather
 * than values interpolated into the message, so a log pipeline can filter by `capability`, `shop`
 * or `err.message`. Each capability logs through its own child:
 *
 *   const log = logger.child({ capability: "email" });
 *   log.warn({ shop, err: error }, "delivery failed");
 *
 * The level and format come from the composition root (`configureLogger`), which read LOG_LEVEL;
 * until then the logger writes `info` and above. Children follow later level changes.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFormat = "json" | "concise";
export type { Logger };
/** What a job needs to report problems: the logger or a child, or a quiet stand-in in tests. */
export type LogSink = Pick<Logger, "warn" | "error">;

const switchable = { destination: process.stdout as DestinationStream };

/** Writes wherever `configureLogger` points it (stdout unless the root chose the concise format). */
const output: DestinationStream = { write: (line: string) => switchable.destination.write(line) };

export const logger: Logger = pino(
  {
    level: "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" reads better in a log pipeline than pino's numeric 40.
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: stdSerializers.err, error: stdSerializers.err },
  },
  output,
);

/** Called once by each composition root with the validated configuration. */
export function configureLogger(options: { level: LogLevel; format?: LogFormat }): void {
  logger.level = options.level;
  switchable.destination = options.format === "concise" ? conciseStream(process.stdout) : process.stdout;
}

const HIDDEN = new Set(["level", "time", "pid", "hostname", "msg", "capability"]);

/**
 * A line a person reads in a terminal (the demo): `12:04:05 warn  [email] delivery failed shop=…`.
 * No extra dependency: it reformats pino's own JSON line.
 */
export function conciseStream(target: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        target.write(line);
        return;
      }
      const time = typeof entry.time === "string" ? entry.time.slice(11, 19) : "";
      const capability = entry.capability ? ` [${String(entry.capability)}]` : "";
      const fields = Object.entries(entry)
        .filter(([key]) => !HIDDEN.has(key))
        .map(([key, value]) => `${key}=${conciseValue(value)}`);
      target.write(`${time} ${String(entry.level).padEnd(5)}${capability} ${String(entry.msg ?? "")}${fields.length ? ` ${fields.join(" ")}` : ""}\n`);
    },
  };
}

function conciseValue(value: unknown): string {
  if (value && typeof value === "object" && "message" in value) {
    const error = value as { message: unknown; stack?: unknown };
    return typeof error.stack === "string" ? `\n${error.stack}` : JSON.stringify(error.message);
  }
  return typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}
