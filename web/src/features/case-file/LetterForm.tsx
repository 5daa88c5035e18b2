// "Brief maken" in the case file (issue 16): choose a template, fill in what it asks for,
// look at the preview filled from the case, then produce the PDF, which is filed with the case's
// documents. The server fills the letter and decides who may make it (allowed_actions `letters`).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type CaseDetail, documentHref } from "../../api/cases.ts";
import {
  fetchLetterTemplates,
  type LetterInputName,
  type LetterRequest,
  previewLetter,
  produceLetter,
} from "../../api/letters.ts";
import { SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { refreshKeys } from "./CaseCommands.tsx";

const l = t.letters;

/** The typed-in fields' labels (src/domain/letters/fields.ts), as the preview names them. */
const INPUT_LABELS: Record<LetterInputName, string> = {
  "invoer.datum": "Datum (van het gesprek of overleg)",
  "invoer.tijd": "Tijd",
  "invoer.plaats": "Plaats",
  "invoer.periode": "Periode van het verlof",
  "invoer.toelichting": "Toelichting (in eenvoudige woorden)",
  "invoer.ontvanger": "Naar wie de brief gaat (organisatie)",
};

export function LetterForm({
  detail,
  onDone,
}: {
  detail: CaseDetail;
  onDone?: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="aanwezig-command" data-command="produce-letter">
      <Button
        ref={toggleRef}
        type="button"
        purpose={open ? "subtle" : "secondary"}
        aria-expanded={open}
        aria-controls="produce-letter-form"
        onClick={() => setOpen(!open)}
      >
        {open ? `${t.caseFile.commands.hideForm}: ${l.make}` : l.make}
      </Button>
      {open && (
        <LetterFormBody
          detail={detail}
          onProduced={(message) => {
            setOpen(false);
            toggleRef.current?.focus();
            onDone?.(message);
          }}
        />
      )}
    </div>
  );
}

function LetterFormBody({
  detail,
  onProduced,
}: {
  detail: CaseDetail;
  onProduced: (message: string) => void;
}) {
  const templates = useQuery({
    queryKey: ["letter-templates"],
    queryFn: ({ signal }) => fetchLetterTemplates(signal),
  });
  const [code, setCode] = useState("");
  const [inputs, setInputs] = useState<Partial<Record<LetterInputName, string>>>({});
  const [chooseError, setChooseError] = useState<string | undefined>();
  const [produced, setProduced] = useState<{ id: string; title: string } | null>(null);
  const queryClient = useQueryClient();
  const request = (): LetterRequest => ({ template: code, inputs });
  const preview = useMutation({ mutationFn: () => previewLetter(detail.id, request()) });
  const produce = useMutation({
    mutationFn: () => produceLetter(detail.id, request()),
    onSuccess: async (r) => {
      const title = chosen?.title ?? "";
      setProduced({ id: r.id, title });
      for (const queryKey of refreshKeys(detail.id)) {
        void queryClient.invalidateQueries({ queryKey });
      }
      onProduced(l.produced(title));
    },
  });
  if (templates.isPending) return <Loading />;
  if (templates.isError) return <ProblemAlert error={templates.error} />;
  const chosen = templates.data.find((x) => x.code === code);

  const check = () => {
    if (!code) {
      setChooseError(l.templateRequired);
      document.getElementById("letter-template")?.focus();
      return false;
    }
    setChooseError(undefined);
    return true;
  };

  return (
    <form
      id="produce-letter-form"
      noValidate
      aria-labelledby="produce-letter-title"
      className="aanwezig-command__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (check()) preview.mutate();
      }}
    >
      <Heading level={3} id="produce-letter-title">
        {l.make}
      </Heading>
      <SelectField
        id="letter-template"
        label={l.template}
        placeholder={l.chooseTemplate}
        value={code}
        error={chooseError}
        onChange={(v) => {
          setCode(v);
          preview.reset();
          produce.reset();
          setProduced(null);
        }}
        options={templates.data
          .filter((x) => x.valid)
          .map((x) => ({ value: x.code, label: `${x.title} (${l.audience[x.audience]})` }))}
      />
      {chosen && (
        <>
          <Paragraph>
            {chosen.audience === "ouders" ? l.visibleToParents : l.notVisibleToParents}
          </Paragraph>
          {chosen.input_fields.length > 0 && (
            <fieldset className="aanwezig-fieldset">
              <legend className="aanwezig-fieldset__legend">{l.fillIn}</legend>
              {chosen.input_fields.map((name) =>
                name === "invoer.toelichting" ? (
                  <TextAreaField
                    key={name}
                    id={`letter-${name.replace(".", "-")}`}
                    label={INPUT_LABELS[name]}
                    value={inputs[name] ?? ""}
                    onChange={(v) => setInputs((x) => ({ ...x, [name]: v }))}
                  />
                ) : (
                  <TextField
                    key={name}
                    id={`letter-${name.replace(".", "-")}`}
                    label={INPUT_LABELS[name]}
                    value={inputs[name] ?? ""}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setInputs((x) => ({ ...x, [name]: v }));
                    }}
                  />
                ),
              )}
            </fieldset>
          )}
        </>
      )}
      {(preview.isError || produce.isError) && (
        <ProblemAlert error={preview.error ?? produce.error} />
      )}
      <div className="aanwezig-button-row">
        <Button type="submit" purpose="secondary" busy={preview.isPending || undefined}>
          {l.preview}
        </Button>
        <Button
          type="button"
          purpose="primary"
          busy={produce.isPending || undefined}
          onClick={() => {
            if (check()) produce.mutate();
          }}
        >
          {produce.isPending ? l.producing : l.produce}
        </Button>
      </div>
      <div aria-live="polite">
        {preview.data && (
          <section aria-labelledby="letter-preview-title" className="aanwezig-letter-preview">
            <Heading level={4} id="letter-preview-title">
              {l.previewHeading}
            </Heading>
            <Paragraph>{l.previewHint}</Paragraph>
            <div className="aanwezig-letter-preview__page" data-testid="letter-preview">
              <p className="aanwezig-letter-preview__letterhead">{preview.data.region_name}</p>
              <p>
                <strong>
                  {l.subject}: {preview.data.letter.subject}
                </strong>
              </p>
              {preview.data.letter.paragraphs.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity
                <p key={i} className="aanwezig-letter-preview__paragraph">
                  {p}
                </p>
              ))}
            </div>
          </section>
        )}
        {produced && (
          <Paragraph>
            <a className="nl-link" href={documentHref(detail.id, produced.id)}>
              {l.download}
            </a>
          </Paragraph>
        )}
      </div>
    </form>
  );
}
