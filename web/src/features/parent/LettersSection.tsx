// Every letter sent about a parent's child (issue 16 item 3): the documents shared with parents
// of every case of the child — the current one and earlier ones — newest first, each to
// download. Letters to the family are filed `also_parents` when they are made
// (docs/letters.md); the server filters every case's documents by the parent's right to read.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQueries, useQuery } from "@tanstack/react-query";
import { documentHref, fetchCase, fetchCases } from "../../api/cases.ts";
import { formatDate } from "../../components/format.ts";
import { Loading } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";

const s = t.notifications.letters;

export function LettersSection({ pupilId }: { pupilId: string }) {
  const cases = useQuery({ queryKey: ["cases"], queryFn: ({ signal }) => fetchCases(signal) });
  const mine = (cases.data ?? []).filter((c) => c.pupil_id === pupilId);
  const details = useQueries({
    queries: mine.map((c) => ({
      queryKey: ["case", c.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCase(c.id, signal),
    })),
  });
  if (cases.isPending || details.some((d) => d.isPending)) return <Loading />;
  const letters = details
    .flatMap((d) => (d.data ? d.data.documents.map((doc) => ({ caseId: d.data.id, doc })) : []))
    .sort((a, b) => b.doc.uploaded_at.localeCompare(a.doc.uploaded_at));
  return (
    <section
      aria-labelledby={`letters-${pupilId}`}
      className="aanwezig-parent__block"
      data-testid="parent-letters"
    >
      <Heading level={2} id={`letters-${pupilId}`}>
        {s.heading}
      </Heading>
      <Paragraph>{s.intro}</Paragraph>
      {letters.length === 0 ? (
        <Paragraph>{s.none}</Paragraph>
      ) : (
        <ul className="aanwezig-parent__list">
          {letters.map(({ caseId, doc }) => (
            <li key={doc.id}>
              <a className="nl-link" href={documentHref(caseId, doc.id)} download={doc.name}>
                {t.caseFile.documents.download(doc.name)}
              </a>{" "}
              ({formatDate(doc.uploaded_at)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
