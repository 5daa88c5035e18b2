// The messages of the app's one language. A second language adds en.ts (`satisfies Messages`)
// and picks the module here; screens keep reading `t`.
import { type Messages, nl } from "./nl.ts";

export type { Messages };
export const t: Messages = nl;
