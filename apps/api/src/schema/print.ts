import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./index.js";

/** The schema as SDL, sorted so the printed file only changes when the schema does. */
export function printSchemaSDL(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
