// The logged-in user for pages inside RequireSession, which hands it down as outlet context.
import { useOutletContext } from "react-router";
import type { Me } from "../../api/session.ts";

export function useCurrentUser(): Me {
  return useOutletContext<Me>();
}
