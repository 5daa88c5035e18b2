// /casussen: the list of cases the user may see (most urgent first), /casussen/nieuw to open
// one, /casussen/:id the case file.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useState } from "react";
import { Route, Routes } from "react-router";
import { AppLink } from "../../components/AppLink.tsx";
import { CheckboxField } from "../../components/FormFields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { CaseFilePage } from "../case-file/CaseFilePage.tsx";
import { CaseTable } from "./CaseTable.tsx";
import { OpenCasePage } from "./OpenCasePage.tsx";
import { useCases } from "./queries.ts";

export function CasesScreen() {
  return (
    <Routes>
      <Route index element={<CasesPage />} />
      <Route path="nieuw" element={<OpenCasePage />} />
      <Route path=":id" element={<CaseFilePage />} />
    </Routes>
  );
}

function CasesPage() {
  const me = useCurrentUser();
  const cases = useCases();
  const [withClosed, setWithClosed] = useState(false);
  const rows = (cases.data ?? []).filter((c) => withClosed || c.phase !== "CLOSED");
  return (
    <>
      <PageHeading>{t.cases.title}</PageHeading>
      <Paragraph>{t.cases.intro}</Paragraph>
      {me.capabilities.open_case && (
        <Paragraph>
          <AppLink to="/casussen/nieuw">{t.openCase.byHandLink}</AppLink>
        </Paragraph>
      )}
      <CheckboxField
        id="cases-with-closed"
        label={t.cases.showClosed}
        checked={withClosed}
        onChange={setWithClosed}
      />
      {cases.isPending && <Loading />}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {cases.data && (
        <CaseTable
          title={t.cases.tableTitle}
          cases={rows}
          myId={me.user.id}
          today={appToday(me)}
          testId="cases-table"
        />
      )}
    </>
  );
}
