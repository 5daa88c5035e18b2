// The API's shapes as the web app uses them: the types generated from the server's OpenAPI
// document (schema.gen.ts, `npm run api:types`; scripts/api-types.test.ts fails when it is
// stale), so a change on the server is a type error here, not a broken screen.
import type { components } from "./schema.gen.ts";

export type Schemas = components["schemas"];
