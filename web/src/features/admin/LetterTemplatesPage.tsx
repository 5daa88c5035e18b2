// The letter templates (/beheer/brieven, app_admin; issue 16): choose a template, edit its
// title, subject and text, look at a preview with example values, save. The fields a template may
// use are listed; the server refuses a template naming any other field, with a Dutch message
// naming it (shown above the form).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  fetchAdminLetterTemplates,
  type LetterField,
  type LetterTemplate,
  previewLetterTemplate,
  saveLetterTemplate,
} from "../../api/letters.ts";
import { SelectField, TextAreaField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";

const l = t.letters;
const a = t.letters.admin;
const QUERY = ["admin-letter-templates"];

export function LetterTemplatesPage() {
  const data = useQuery({
    queryKey: QUERY,
    queryFn: ({ signal }) => fetchAdminLetterTemplates(signal),
  });
  const [code, setCode] = useState("");
  if (data.isPending) return <Loading />;
  if (data.isError) return <ProblemAlert error={data.error} />;
  const current = data.data.templates.find((x) => x.code === code) ?? data.data.templates[0];
  return (
    <>
      <SelectField
        id="letter-template-choice"
        label={a.choose}
        value={current?.code ?? ""}
        onChange={setCode}
        options={data.data.templates.map((x) => ({ value: x.code, label: x.title }))}
      />
      {current && <TemplateEditor key={current.code} template={current} />}
      <FieldList fields={data.data.fields} />
    </>
  );
}

function TemplateEditor({ template }: { template: LetterTemplate }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    title: template.title,
    subject: template.subject,
    body: template.body,
  });
  const [notice, setNotice] = useState("");
  const preview = useMutation({
    mutationFn: () => previewLetterTemplate({ subject: draft.subject, body: draft.body }),
  });
  const save = useMutation({
    mutationFn: () => saveLetterTemplate(template.code, draft),
    onSuccess: async () => {
      setNotice(a.saved);
      await queryClient.invalidateQueries({ queryKey: QUERY });
      void queryClient.invalidateQueries({ queryKey: ["letter-templates"] });
    },
  });
  const error = save.error ?? preview.error;
  return (
    <>
      <Heading level={2}>{template.title}</Heading>
      <Paragraph>
        {a.audience}: {l.audience[template.audience]}.{" "}
        {template.updated_by !== "default" && a.updated(formatDate(template.updated_at))}
      </Paragraph>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      {error && <ProblemAlert error={error} />}
      <form
        noValidate
        aria-label={`${a.heading}: ${template.title}`}
        onSubmit={(e) => {
          e.preventDefault();
          setNotice("");
          preview.reset();
          save.mutate();
        }}
      >
        <TextField
          id="template-title"
          label={a.title}
          value={draft.title}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setDraft((d) => ({ ...d, title: v }));
          }}
        />
        <TextField
          id="template-subject"
          label={a.subject}
          value={draft.subject}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setDraft((d) => ({ ...d, subject: v }));
          }}
        />
        <TextAreaField
          id="template-body"
          label={a.body}
          description={a.bodyHint}
          rows={16}
          value={draft.body}
          onChange={(v) => setDraft((d) => ({ ...d, body: v }))}
        />
        <div className="aanwezig-button-row">
          <Button
            type="button"
            purpose="secondary"
            busy={preview.isPending || undefined}
            onClick={() => {
              save.reset();
              preview.mutate();
            }}
          >
            {a.preview}
          </Button>
          <Button type="submit" purpose="primary" busy={save.isPending || undefined}>
            {a.save}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {preview.data && (
          <section aria-labelledby="template-preview-title">
            <Heading level={3} id="template-preview-title">
              {a.previewHeading}
            </Heading>
            <div className="aanwezig-letter-preview__page" data-testid="template-preview">
              <p>
                <strong>
                  {l.subject}: {preview.data.subject}
                </strong>
              </p>
              {preview.data.paragraphs.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity
                <p key={i} className="aanwezig-letter-preview__paragraph">
                  {p}
                </p>
              ))}
            </div>
          </section>
        )}
      </div>
    </>
  );
}

function FieldList({ fields }: { fields: readonly LetterField[] }) {
  return (
    <section aria-labelledby="letter-fields-title">
      <Heading level={2} id="letter-fields-title">
        {a.fields}
      </Heading>
      <dl className="aanwezig-letter-fields">
        {fields.map((f) => (
          <div key={f.name}>
            <dt>
              <code>{`{{${f.name}}}`}</code>
            </dt>
            <dd>
              {f.label} ({f.source === "case" ? a.fromCase : a.fromInput}; {a.example(f.example)})
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
