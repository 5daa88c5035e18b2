// Opening a case (domain.md §5): from a signal in a worklist (the pupil, the signal and the first
// day of the counted absence are filled in) or by hand ("a teacher's worry is enough", with a
// reason). The form checks itself in Dutch before it asks the server; a refusal by the server
// is shown as its problem in plain words.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { openCase } from "../../api/cases.ts";
import { isApiError } from "../../api/client.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { CheckboxField, TextAreaField } from "../../components/FormFields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { signalName } from "../signals/explain.ts";
import { PupilPicker } from "./PupilPicker.tsx";
import { workKeys } from "./queries.ts";

interface Values {
  pupilId: string;
  absenceStart: string;
  startedSick: boolean;
  reason: string;
}

type Errors = Partial<Record<keyof Values, string>>;

export function validateOpenCase(values: Values, fromSignal: boolean, today: string): Errors {
  const errors: Errors = {};
  if (!values.pupilId.trim()) errors.pupilId = t.openCase.pupilRequired;
  if (!values.absenceStart) errors.absenceStart = t.openCase.absenceStartRequired;
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.absenceStart))
    errors.absenceStart = t.common.dateInvalid;
  else if (values.absenceStart > today) errors.absenceStart = t.openCase.absenceStartFuture;
  if (!fromSignal && !values.reason.trim()) errors.reason = t.openCase.reasonRequired;
  return errors;
}

export function OpenCasePage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signalId = params.get("signaal");
  const code = params.get("code");
  const school = params.get("school");
  const [values, setValues] = useState<Values>({
    pupilId: params.get("leerling") ?? "",
    absenceStart: params.get("start") ?? "",
    startedSick: code?.startsWith("SICK_") ?? false,
    reason: "",
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateOpenCase(values, signalId !== null, today) : {};

  const open = useMutation({
    mutationFn: () =>
      openCase({
        pupil_id: values.pupilId.trim(),
        absence_start_date: values.absenceStart,
        absence_started_sick: values.startedSick,
        ...(school ? { school_id: school } : {}),
        ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        ...(signalId ? { signal_ids: [signalId] } : {}),
      }),
    onSuccess: async (opened) => {
      await queryClient.invalidateQueries({ queryKey: workKeys.cases });
      navigate(`/casussen/${encodeURIComponent(opened.id)}`, {
        state: { notice: t.openCase.opened },
      });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = validateOpenCase(values, signalId !== null, today);
    const first = (["pupilId", "absenceStart", "reason"] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(`open-case-${first}`)?.focus();
      return;
    }
    open.mutate();
  }

  // A pupil has one open case at most: the refusal names it, so the user can go there.
  const existingCaseId = isApiError(open.error, 409)
    ? open.error.problem?.existing_case_id
    : undefined;

  return (
    <div className="aanwezig-narrow">
      <PageHeading>{t.openCase.title}</PageHeading>
      <Paragraph>{t.openCase.intro}</Paragraph>
      {signalId && code && (
        <Paragraph>{t.openCase.fromSignal(signalName(code), values.pupilId)}</Paragraph>
      )}
      {open.isError && <ProblemAlert error={open.error} />}
      {existingCaseId && (
        <Paragraph>
          <AppLink to={`/casussen/${encodeURIComponent(existingCaseId)}`}>
            {t.openCase.toExistingCase}
          </AppLink>
        </Paragraph>
      )}
      {signalId === null && (
        <PupilPicker
          onPick={(pupilId) => {
            setValues((v) => ({ ...v, pupilId }));
            document.getElementById("open-case-absenceStart")?.focus();
          }}
        />
      )}
      <form noValidate onSubmit={onSubmit} aria-label={t.openCase.title}>
        <TextField
          id="open-case-pupilId"
          label={t.openCase.pupilId}
          value={values.pupilId}
          error={errors.pupilId}
          autoComplete="off"
          spellCheck={false}
          readOnly={signalId !== null}
          onChange={(e) => setValues({ ...values, pupilId: e.target.value })}
        />
        <TextField
          id="open-case-absenceStart"
          label={t.openCase.absenceStart}
          type="date"
          max={today}
          value={values.absenceStart}
          error={errors.absenceStart}
          onChange={(e) => setValues({ ...values, absenceStart: e.target.value })}
        />
        <Paragraph className="aanwezig-hint">{t.openCase.absenceStartHint}</Paragraph>
        <CheckboxField
          id="open-case-startedSick"
          label={t.openCase.startedSick}
          checked={values.startedSick}
          onChange={(checked) => setValues({ ...values, startedSick: checked })}
        />
        <TextAreaField
          id="open-case-reason"
          label={t.openCase.reason}
          description={t.openCase.reasonHint}
          value={values.reason}
          error={errors.reason}
          onChange={(reason) => setValues({ ...values, reason })}
        />
        <Button type="submit" purpose="primary" busy={open.isPending}>
          {open.isPending ? t.common.saving : t.openCase.submit}
        </Button>
      </form>
    </div>
  );
}
