// A monitor screen whose endpoint the server does not publish yet (/api/openapi.json) says so.

import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert } from "@utrecht/component-library-react";
import { t } from "../../i18n/index.ts";

export function NotAvailable({ what }: { what: string }) {
  return (
    <Alert type="info">
      <Paragraph>{t.monitorScreens.notAvailable(what)}</Paragraph>
    </Alert>
  );
}
