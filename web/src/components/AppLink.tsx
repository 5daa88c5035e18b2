// The NL Design System link's look on the router's link: in-app navigation without a reload.
import type { ReactNode } from "react";
import { Link } from "react-router";

export function AppLink({
  to,
  children,
  ...rest
}: {
  to: string;
  children: ReactNode;
  "aria-label"?: string;
  state?: unknown;
}) {
  return (
    <Link to={to} className="nl-link" {...rest}>
      {children}
    </Link>
  );
}
