// The page's h1, which also names the browser tab and receives focus after an in-app navigation
// so keyboard and screen-reader users start reading at the new page, not at the old link.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { useEffect, useRef } from "react";
import { DocumentTitle } from "./DocumentTitle.tsx";

export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Not on the first page load: there the browser's own start point is right.
    if (document.activeElement && document.activeElement !== document.body) ref.current?.focus();
  }, []);
  return (
    <>
      <DocumentTitle title={children} />
      <Heading level={1} ref={ref} tabIndex={-1} className="aanwezig-page-heading">
        {children}
      </Heading>
    </>
  );
}
